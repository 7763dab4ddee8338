/**
 * Shared reading of a package's situation for the alert rules: events in order, when the carrier last
 * said anything, which stage the parcel is in, and small formatting helpers. Pure.
 */
import { sortEvents } from '../engine/merge';
import { cachedEtaEnd } from '../engine/zone-cache';
import type { Status } from '../model/status';
import { eventEpoch } from '../model/time';
import type { Eta, Package, TrackingEvent } from '../model/types';
import type { AlertContext } from './types';

export const DAY_MS = 86_400_000;

/** `${packageId}|${kind}|${cause}`: one alert per package, kind and cause. */
export function alertKey(packageId: string, kind: string, cause: string): string {
  return `${packageId}|${kind}|${cause}`;
}

/** Events from carriers and pages, oldest first (the user's own reports are left out). */
export function carrierEvents(ctx: AlertContext): TrackingEvent[] {
  return sortEvents(
    ctx.events.filter((e) => e.source !== 'user'),
    ctx.timeZone,
  );
}

export function epochOf(e: TrackingEvent, timeZone: string): number | null {
  const t = eventEpoch(e.time, e.timeIsLocal, timeZone);
  return Number.isFinite(t) ? t : null;
}

/** When the carrier last said anything: the newest event's instant, or the package's last change without events. */
export function lastProgressAt(ctx: AlertContext, sorted = carrierEvents(ctx)): { at: number; event: TrackingEvent | null } {
  for (let i = sorted.length - 1; i >= 0; i--) {
    const at = epochOf(sorted[i]!, ctx.timeZone);
    if (at !== null) return { at, event: sorted[i]! };
  }
  return { at: ctx.pkg.lastChangeAt, event: null };
}

/**
 * The event that started the current run of `status` (following null-status events are part of the
 * run): two "exception" scans in a row are one episode, so one alert. Null when no event has it.
 */
export function episodeStart(sorted: TrackingEvent[], status: Status): TrackingEvent | null {
  let start: TrackingEvent | null = null;
  for (let i = sorted.length - 1; i >= 0; i--) {
    const s = sorted[i]!.status;
    if (s === null) continue;
    if (s !== status) break;
    start = sorted[i]!;
  }
  return start;
}

/** Events after the last event whose status differs from `status`: what happened in the current episode. */
export function currentEpisode(sorted: TrackingEvent[], status: Status): TrackingEvent[] {
  let i = sorted.length - 1;
  while (i >= 0 && (sorted[i]!.status === null || sorted[i]!.status === status)) i--;
  return sorted.slice(i + 1);
}

const CUSTOMS_RE = /\bcustoms?\b|clearance|douane|\bzoll|aduana|dogana|import(?:ed)?\b|export(?:ed)?\b/i;
const CUSTOMS_DONE_RE = /released|cleared|freigegeben|dédouané|completed/i;
const IN_CUSTOMS_RE = /\bcustoms?\b|clearance|douane|\bzoll|aduana|dogana/i;
const COUNTRY_RE = /,\s*([A-Z]{2})\s*$/;

/**
 * Whether the parcel crosses a border: any event mentions customs/import/export, or event locations
 * end in two different ISO country codes ("SHANGHAI, CN" … "NEW YORK, NY, US"). Heuristic: carriers
 * do not give origin and destination countries in one shape, so without such a hint it is domestic.
 */
export function isInternational(sorted: TrackingEvent[]): boolean {
  const countries = new Set<string>();
  for (const e of sorted) {
    if (CUSTOMS_RE.test(e.description)) return true;
    const m = e.location ? COUNTRY_RE.exec(e.location) : null;
    if (m) countries.add(m[1]!);
  }
  return countries.size > 1;
}

/** The newest event talks about customs and does not say it was released. */
export function inCustoms(sorted: TrackingEvent[]): boolean {
  const newest = sorted[sorted.length - 1];
  if (!newest) return false;
  return IN_CUSTOMS_RE.test(newest.description) && !CUSTOMS_DONE_RE.test(newest.description);
}

export function pkgLabel(pkg: Package): string {
  return pkg.label?.trim() || (pkg.trackingNumber ? `Package ${pkg.trackingNumber}` : 'Your package');
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** `2024-03-07` → `Mar 7` (calendar date as written, no zone shift). */
export function formatDay(isoDate: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(isoDate);
  if (!m) return isoDate;
  return `${MONTHS[Number(m[2]) - 1] ?? m[2]} ${Number(m[3])}`;
}

export function formatEta(eta: Eta): string {
  const from = formatDay(eta.from);
  const to = formatDay(eta.to);
  return from === to ? to : `${from}–${to}`;
}

/** End of an ETA window, or null when the ETA cannot be read (bad data never throws here). */
export function safeEtaEnd(eta: Eta | null, timeZone: string): number | null {
  return cachedEtaEnd(eta, timeZone);
}
