import type { AlertDetails } from '../alerts/types';
import { type NextStep, nextSteps } from '../alerts/next-steps';
import { sortEvents } from '../engine/merge';
import { STATUS_LABEL } from '../model/status';
import { eventEpoch } from '../model/time';
import type { Alert, Order, Package, TrackingEvent } from '../model/types';

/** One package opened in the popup: its timeline, its alerts and what to do next. Pure. */
export interface TimelineEntry {
  key: string;
  when: string;
  text: string;
  location: string | null;
  status: string | null;
  source: string;
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
  const t = eventEpoch(e.time, e.timeIsLocal, timeZone);
  if (!Number.isFinite(t)) return e.time;
  // A local-only time is shown as the carrier wrote it (its own wall clock), not shifted.
  const zone = e.timeIsLocal ? 'UTC' : timeZone;
  const epoch = e.timeIsLocal ? Date.parse(`${e.time.slice(0, 19)}Z`) : t;
  return new Date(epoch).toLocaleString('en-US', {
    timeZone: zone,
    weekday: 'short',
    month: 'short',
    day: 'numeric',
    hour: 'numeric',
    minute: '2-digit',
  });
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
      .map((w) => `${w.window.title}: ${w.expired ? "ran out" : "until"} ${w.closesOn}`),
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
    }));
  const top = input.alerts
    .filter((a) => !a.dismissed)
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
    etaChanges: pkg.etaHistory.map((r) => (r.eta.from === r.eta.to ? r.eta.to : `${r.eta.from} – ${r.eta.to}`)),
    canMarkNotReceived: pkg.status === 'delivered' && !input.events.some((e) => e.code === 'not_received'),
  };
}
