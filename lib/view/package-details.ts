import type { AlertDetails } from '../alerts/types';
import { type NextStep, nextSteps } from '../alerts/next-steps';
import { sortEvents } from '../engine/derive';
import { eventInstant } from '../engine/event-merge';
import { classify, getCarrier, trackingUrl } from '../carriers/registry';
import { STATUS_LABEL, type Status } from '../model/status';
import { isTimeZone } from '../model/time';
import type { Alert, Order, Package, TrackingEvent } from '../model/types';

/** One package opened in the popup: its timeline, its alerts and what to do next. Pure. */
export interface TimelineEntry {
  key: string;
  /** "Tue, Nov 24" (with the year when not this year): the timeline's day heading. */
  day: string;
  /** "6:12 PM", with the zone's short name when it is not the shopper's ("6:12 PM EST"); "" for a date alone. */
  time: string;
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

/** The five steps of a parcel's life; `current` is the index reached, -1 for a parcel that left the path. */
export interface ProgressView {
  steps: string[];
  current: number;
  /** Why the path stopped (cancelled, returned), shown instead of the steps. */
  stopped: string | null;
}

export interface PackageDetailsView {
  id: string;
  timeline: TimelineEntry[];
  steps: StepView[];
  etaChanges: string[];
  canMarkNotReceived: boolean;
  progress: ProgressView;
  tracking: { number: string; carrier: string | null; service: string | null; url: string | null; others: { number: string; relation: string }[] } | null;
  order: { shop: string; orderId: string; placed: string | null; total: string | null; url: string | null; items: { title: string; quantity: number | null; seller: string | null }[] } | null;
  pickup: { location: string | null; code: string | null; until: string | null } | null;
  /** The shopper's own name for it (rename), null when it shows the item's name. */
  label: string | null;
}

const PATH = ['Ordered', 'Shipped', 'In transit', 'Out for delivery', 'Delivered'];
const STEP_OF: Partial<Record<Status, number>> = {
  pending: 0,
  info_received: 1,
  in_transit: 2,
  exception: 2,
  attempt_failed: 3,
  out_for_delivery: 3,
  available_for_pickup: 3,
  delivered: 4,
};

function progressOf(status: Status): ProgressView {
  const current = STEP_OF[status];
  if (current === undefined) return { steps: PATH, current: -1, stopped: STATUS_LABEL[status] };
  // A parcel waiting at a pickup point has reached the step before the porch: say so on the step.
  const steps = status === 'available_for_pickup' ? PATH.map((s, i) => (i === 3 ? 'Ready for pickup' : i === 4 ? 'Picked up' : s)) : PATH;
  return { steps, current, stopped: null };
}

const RELATION: Record<string, string> = { handoff: 'Handed to', piece: 'Another piece', alternate: 'Also known as', return: 'Return label' };

const SEVERITY_RANK: Record<string, number> = { critical: 3, warning: 2, info: 1, good: 0 };

/**
 * When an event happened, in the zone where it happened (issue #11 §3: "6:12 PM" at the depot is 6:12 PM
 * on its sign), with the zone's short name when that is not the shopper's; a wall-clock time whose zone
 * is unknown is shown as the source wrote it. The year appears when it is not this year.
 */
function formatWhen(e: TrackingEvent, now: number, timeZone: string): { day: string; time: string } {
  if (e.time.length <= 10) return { day: dayLabel(e.time, e.time.slice(0, 4) !== String(new Date(now).getUTCFullYear())), time: '' };
  const t = eventInstant(e, timeZone);
  if (!Number.isFinite(t)) return { day: e.time, time: '' };
  const asWritten = e.timeIsLocal && !e.timeZone;
  const zone = asWritten ? 'UTC' : (e.timeZone ?? timeZone);
  const epoch = asWritten ? Date.parse(`${e.time.slice(0, 19)}Z`) : t;
  const shownZone = isTimeZone(zone) ? zone : timeZone;
  const year = new Date(epoch).toLocaleDateString('en-US', { year: 'numeric', timeZone: shownZone });
  const thisYear = new Date(now).toLocaleDateString('en-US', { year: 'numeric', timeZone });
  const day = new Date(epoch).toLocaleDateString('en-US', { weekday: 'short', month: 'short', day: 'numeric', ...(year !== thisYear ? { year: 'numeric' } : {}), timeZone: shownZone });
  const foreign = !asWritten && shownZone !== timeZone && offsetAt(epoch, shownZone) !== offsetAt(epoch, timeZone);
  const time = new Date(epoch).toLocaleTimeString('en-US', { hour: 'numeric', minute: '2-digit', ...(foreign ? { timeZoneName: 'short' } : {}), timeZone: shownZone });
  return { day, time };
}

function offsetAt(epoch: number, zone: string): string {
  return new Date(epoch).toLocaleString('en-US', { timeZone: zone, timeZoneName: 'longOffset' }).split(' ').pop() ?? '';
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
      ...formatWhen(e, now, timeZone),
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
  const order = input.order ?? null;
  const carrier = pkg.carrier ? getCarrier(pkg.carrier) : undefined;
  const service = pkg.trackingNumber ? (classify(pkg.trackingNumber).find((c) => c.carrier === pkg.carrier)?.service ?? null) : null;
  return {
    id: pkg.id,
    timeline,
    steps,
    etaChanges: pkg.etaHistory.map((r) => formatEtaRange(r.eta.from, r.eta.to)),
    canMarkNotReceived: pkg.status === 'delivered' && !input.events.some((e) => e.code === 'not_received'),
    progress: progressOf(pkg.status),
    tracking: pkg.trackingNumber
      ? {
          number: pkg.trackingNumber,
          carrier: carrier?.name ?? null,
          service,
          url: pkg.carrier ? trackingUrl(pkg.carrier, pkg.trackingNumber) : null,
          others: pkg.numbers
            .filter((n) => n.number !== pkg.trackingNumber)
            .map((n) => ({ number: n.number, relation: `${RELATION[n.relation] ?? 'Also'}${n.carrier ? ` ${getCarrier(n.carrier)?.name ?? n.carrier}` : ''}` })),
        }
      : null,
    order:
      order || (pkg.shop && pkg.orderId)
        ? {
            shop: capitalise(order?.shop ?? pkg.shop ?? ''),
            orderId: order?.orderId ?? pkg.orderId ?? '',
            placed: order?.placedAt ? dayLabel(order.placedAt, true) : null,
            total: order?.total ?? null,
            url: order?.orderUrl ?? null,
            items: (order?.items ?? []).map((i) => ({ title: i.title, quantity: i.quantity, seller: i.seller })),
          }
        : null,
    pickup:
      pkg.pickup && (pkg.status === 'available_for_pickup' || pkg.pickup.code)
        ? { location: pkg.pickup.location, code: pkg.pickup.code, until: pkg.pickup.until ? dayLabel(pkg.pickup.until, true) : null }
        : null,
    label: pkg.label,
  };
}

function capitalise(s: string): string {
  return s ? s[0]!.toUpperCase() + s.slice(1) : s;
}
