/**
 * Shared reading of a package's situation for the rules: when the carrier last said anything, the
 * current episode, and small formatting helpers. Pure; works on the package's timeline digest.
 */
import { cachedEtaEnd } from '../engine/zone-cache';
import type { Translate } from '../i18n/translate';
import type { Eta, EventDigest, Package } from '../model/types';
import { formatDate } from '../view/date-format';
import type { AlertContext } from './types';

export const DAY_MS = 86_400_000;

/**
 * How long a finished parcel's situation holds (issue #19 §7: situations end). After that it is
 * history the card shows by its status, not something to attend to, and no round carries it.
 */
export const HOLDS_AFTER: Readonly<Record<'delivered' | 'cancelled' | 'returned' | 'not_received', number>> = {
  delivered: 3 * DAY_MS,
  cancelled: 7 * DAY_MS,
  returned: 14 * DAY_MS,
  not_received: 60 * DAY_MS,
};

/** True when a finished parcel's situation, which began at `since`, has run its course. */
export function agedOut(ctx: AlertContext, since: number | null, kind: keyof typeof HOLDS_AFTER): boolean {
  const start = since ?? ctx.pkg.statusSince ?? ctx.pkg.lastChangeAt;
  return ctx.now - start > HOLDS_AFTER[kind];
}

/** `${packageId}|${kind}|${cause}`: one situation per package, kind and cause. */
export function alertKey(packageId: string, kind: string, cause: string): string {
  return `${packageId}|${kind}|${cause}`;
}

/**
 * When the carrier last said anything: the newest event's instant; without events, when the current
 * status was set (a page line) or, failing that, when Porchlight last saw a change.
 */
export function lastProgressAt(ctx: AlertContext): { at: number; event: EventDigest | null } {
  const last = ctx.pkg.timeline.last;
  if (last && last.at !== null) return { at: last.at, event: last };
  return { at: ctx.pkg.statusSince ?? ctx.pkg.lastChangeAt, event: null };
}

/** The event that began the current status episode (null when a page line or summary set it). */
export function episodeStart(ctx: AlertContext): EventDigest | null {
  return ctx.pkg.timeline.statusEvent;
}

/** The cause key of the current episode: its first event, or when the status was set. */
export function episodeCause(ctx: AlertContext): string {
  const start = episodeStart(ctx);
  return start ? `event:${start.key}` : `since:${ctx.pkg.statusSince ?? ctx.pkg.lastChangeAt}`;
}

/** The keys the episode's cause may have had: every part of the row that began it. */
export function episodeAliases(ctx: AlertContext, kind: string): string[] {
  const start = episodeStart(ctx);
  return (start?.partKeys ?? []).filter((k) => k !== start!.key).map((k) => alertKey(ctx.pkg.id, kind, `event:${k}`));
}

/** The keys a quiet spell's cause may have had: every part of the last row heard. */
export function quietAliases(ctx: AlertContext, kind: string, last: EventDigest | null): string[] {
  return (last?.partKeys ?? []).filter((k) => k !== last!.key).map((k) => alertKey(ctx.pkg.id, kind, `after:${k}`));
}

/** When the current episode began by its own evidence (its first event), or null. */
export function episodeHappenedAt(ctx: AlertContext): number | null {
  return episodeStart(ctx)?.at ?? null;
}

export function pkgLabel(pkg: Package, t: Translate): string {
  return pkg.label?.trim() || (pkg.trackingNumber ? t('alertPackageNumber', pkg.trackingNumber) : t('alertYourPackage'));
}

/** `2024-03-07` → `Mar 7` (en-US), `7. März` (de-DE): the calendar date as written, no zone shift. */
export function formatDay(isoDate: string, locale: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(isoDate);
  if (!m) return isoDate;
  const at = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
  if (!Number.isFinite(at) || Number(m[2]) < 1 || Number(m[2]) > 12) return isoDate;
  return formatDate(locale, at, { month: 'short', day: 'numeric', timeZone: 'UTC' });
}

export function formatEta(eta: Eta, locale: string): string {
  const from = formatDay(eta.from, locale);
  const to = formatDay(eta.to, locale);
  return from === to ? to : `${from}–${to}`;
}

/** End of an ETA window, or null when the ETA cannot be read (bad data never throws here). */
export function safeEtaEnd(eta: Eta | null, timeZone: string): number | null {
  return cachedEtaEnd(eta, timeZone);
}
