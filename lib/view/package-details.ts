import type { AlertDetails } from '../alerts/types';
import { type NextStep, nextSteps } from '../alerts/next-steps';
import { sortEvents } from '../engine/derive';
import { eventInstant } from '../engine/event-merge';
import { STATUS_LABEL } from '../model/status';
import type { Alert, Order, Package, TrackingEvent } from '../model/types';

/** One package opened in the popup: its timeline, its alerts and what to do next. Pure. */
export interface TimelineEntry {
  key: string;
  when: string;
  text: string;
  location: string | null;
  status: string | null;
  source: string;
  /** Every source that reported this moment ("Amazon, UPS"). */
  sources: string[];
}

export interface StepView {
  id: string;
  title: string;
  detail: string | null;
  url: string | null;
  phone: string | null;
  deadlines: string[];
}

export interface PackageDetailsView {
  id: string;
  timeline: TimelineEntry[];
  steps: StepView[];
  etaChanges: string[];
  canMarkNotReceived: boolean;
}

const SEVERITY_RANK: Record<string, number> = { critical: 3, warning: 2, info: 1, good: 0 };

function formatWhen(e: TrackingEvent, timeZone: string): string {
  const t = eventInstant(e, timeZone);
  if (!Number.isFinite(t)) return e.time;
  if (e.time.length <= 10) return dayLabel(e.time);
  // A wall-clock time whose zone is unknown is shown as the source wrote it, not shifted; every other
  // time is shown in the shopper's zone, so the timeline reads in one clock.
  const asWritten = e.timeIsLocal && !e.timeZone;
  const zone = asWritten ? 'UTC' : timeZone;
  const epoch = asWritten ? Date.parse(`${e.time.slice(0, 19)}Z`) : t;
  return new Date(epoch).toLocaleString('en-US', {
    timeZone: zone,
    weekday: 'short',
    month: 'short',
    day: 'numeric',
    hour: 'numeric',
    minute: '2-digit',
  });
}

function dayLabel(isoDate: string, withYear = false): string {
  const [y, m, d] = isoDate.slice(0, 10).split('-').map(Number) as [number, number, number];
  const t = Date.UTC(y, m - 1, d);
  if (!Number.isFinite(t)) return isoDate;
  return new Date(t).toLocaleDateString('en-US', { weekday: 'short', month: 'short', day: 'numeric', ...(withYear ? { year: 'numeric' } : {}), timeZone: 'UTC' });
}

function formatEtaRange(from: string, to: string): string {
  const a = dayLabel(from);
  const b = dayLabel(to);
  return a === b ? b : `${a} – ${b}`;
}

function stepView(s: NextStep): StepView {
  return {
    id: s.id,
    title: s.title,
    detail: s.detail,
    url: s.url,
    phone: s.phone,
    deadlines: s.windows
      .filter((w) => w.closesOn)
      .map((w) => `${w.window.title}: ${w.expired ? 'ran out' : 'until'} ${dayLabel(w.closesOn!, true)}`),
  };
}

export function buildPackageDetails(input: {
  pkg: Package;
  events: TrackingEvent[];
  alerts: Alert[];
  order?: Order | null;
  now: number;
  timeZone: string;
}): PackageDetailsView {
  const { pkg, now, timeZone } = input;
  const timeline = sortEvents(input.events, timeZone)
    .reverse()
    .map((e) => ({
      key: e.key,
      when: formatWhen(e, timeZone),
      text: e.description || (e.status ? STATUS_LABEL[e.status] : ''),
      location: e.location,
      status: e.status,
      source: e.source,
      sources: e.sources ?? [e.source],
    }));
  const top = input.alerts
    .filter((a) => !a.endedAt)
    .sort((a, b) => (SEVERITY_RANK[b.severity] ?? 0) - (SEVERITY_RANK[a.severity] ?? 0) || b.createdAt - a.createdAt)[0];
  const steps = top
    ? nextSteps({
        alert: { kind: top.kind, key: top.key, details: top.details as AlertDetails | undefined },
        pkg,
        events: input.events,
        order: input.order ?? null,
        now,
        timeZone,
      }).map(stepView)
    : [];
  return {
    id: pkg.id,
    timeline,
    steps,
    etaChanges: pkg.etaHistory.map((r) => formatEtaRange(r.eta.from, r.eta.to)),
    canMarkNotReceived: pkg.status === 'delivered' && !input.events.some((e) => e.code === 'not_received'),
  };
}
