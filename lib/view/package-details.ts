import type { AlertDetails } from '../alerts/types';
import { type NextStep, nextSteps } from '../alerts/next-steps';
import { sortEvents } from '../engine/derive';
import { eventInstant } from '../engine/event-merge';
import { classify, getCarrier, trackingUrl } from '../carriers/registry';
import type { Status } from '../model/status';
import { isTimeZone } from '../model/time';
import type { Alert, Order, Package, TrackingEvent } from '../model/types';
import type { MessageKey, UiText } from '../i18n/translate';
import { formatDate } from './date-format';
import { carrierName } from './carrier-name';
import { eventDescription } from './event-description';
import { STATUS_MESSAGE } from './popup-model';

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

const PATH: MessageKey[] = ['viewStepOrdered', 'viewStepShipped', 'viewStepInTransit', 'viewStepOutForDelivery', 'viewStepDelivered'];
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

function progressOf(ui: UiText, status: Status): ProgressView {
  const current = STEP_OF[status];
  if (current === undefined) return { steps: PATH.map((k) => ui.t(k)), current: -1, stopped: ui.t(STATUS_MESSAGE[status]) };
  // A parcel waiting at a pickup point has reached the step before the porch: say so on the step.
  const path = status === 'available_for_pickup' ? PATH.map((s, i): MessageKey => (i === 3 ? 'viewStepReadyForPickup' : i === 4 ? 'viewStepPickedUp' : s)) : PATH;
  return { steps: path.map((k) => ui.t(k)), current, stopped: null };
}

const RELATION: Record<string, MessageKey> = { handoff: 'viewRelationHandoff', piece: 'viewRelationPiece', alternate: 'viewRelationAlternate', return: 'viewRelationReturn' };

const SEVERITY_RANK: Record<string, number> = { critical: 3, warning: 2, info: 1, good: 0 };

/**
 * When an event happened, in the zone where it happened (issue #11 §3: "6:12 PM" at the depot is 6:12 PM
 * on its sign), with the zone's short name when that is not the shopper's; a wall-clock time whose zone
 * is unknown is shown as the source wrote it. The year appears when it is not this year.
 */
function formatWhen(ui: UiText, e: TrackingEvent, now: number, timeZone: string): { day: string; time: string } {
  const { locale } = ui;
  if (e.time.length <= 10) return { day: dayLabel(locale, e.time, e.time.slice(0, 4) !== String(new Date(now).getUTCFullYear())), time: '' };
  const t = eventInstant(e, timeZone);
  if (!Number.isFinite(t)) return { day: e.time, time: '' };
  const asWritten = e.timeIsLocal && !e.timeZone;
  const zone = asWritten ? 'UTC' : (e.timeZone ?? timeZone);
  const epoch = asWritten ? Date.parse(`${e.time.slice(0, 19)}Z`) : t;
  const shownZone = isTimeZone(zone) ? zone : timeZone;
  const year = formatDate(locale, epoch, { year: 'numeric', timeZone: shownZone });
  const thisYear = formatDate(locale, now, { year: 'numeric', timeZone });
  const day = formatDate(locale, epoch, { weekday: 'short', month: 'short', day: 'numeric', ...(year !== thisYear ? { year: 'numeric' } : {}), timeZone: shownZone });
  const foreign = !asWritten && shownZone !== timeZone && offsetAt(epoch, shownZone) !== offsetAt(epoch, timeZone);
  const time = formatDate(locale, epoch, { hour: 'numeric', minute: '2-digit', ...(foreign ? { timeZoneName: 'short' } : {}), timeZone: shownZone });
  return { day, time };
}

function offsetAt(epoch: number, zone: string): string {
  return new Date(epoch).toLocaleString('en-US', { timeZone: zone, timeZoneName: 'longOffset' }).split(' ').pop() ?? '';
}

function dayLabel(locale: string, isoDate: string, withYear = false): string {
  const [y, m, d] = isoDate.slice(0, 10).split('-').map(Number) as [number, number, number];
  const t = Date.UTC(y, m - 1, d);
  if (!Number.isFinite(t)) return isoDate;
  return formatDate(locale, t, { weekday: 'short', month: 'short', day: 'numeric', ...(withYear ? { year: 'numeric' } : {}), timeZone: 'UTC' });
}

function formatEtaRange(ui: UiText, from: string, to: string): string {
  const a = dayLabel(ui.locale, from);
  const b = dayLabel(ui.locale, to);
  return a === b ? b : ui.t('cardDayRange', a, b);
}

function stepView(ui: UiText, s: NextStep): StepView {
  return {
    id: s.id,
    title: s.title,
    detail: s.detail,
    url: s.url,
    phone: s.phone,
    deadlines: s.windows
      .filter((w) => w.closesOn)
      .map((w) => ui.t(w.expired ? 'viewDeadlineRanOut' : 'viewDeadlineUntil', w.window.title, dayLabel(ui.locale, w.closesOn!, true))),
  };
}

export function buildPackageDetails(input: {
  pkg: Package;
  events: TrackingEvent[];
  alerts: Alert[];
  order?: Order | null;
  now: number;
  timeZone: string;
  /** The words and the locale (issue #13 §2). */
  ui: UiText;
}): PackageDetailsView {
  const { pkg, now, timeZone, ui } = input;
  const timeline = sortEvents(input.events, timeZone)
    .reverse()
    .map((e) => ({
      key: e.key,
      ...formatWhen(ui, e, now, timeZone),
      text: eventDescription(e, ui.t) || (e.status ? ui.t(STATUS_MESSAGE[e.status]) : ''),
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
        t: ui.t,
      }).map((s) => stepView(ui, s))
    : [];
  const order = input.order ?? null;
  const carrier = pkg.carrier ? getCarrier(pkg.carrier) : undefined;
  const service = pkg.trackingNumber ? (classify(pkg.trackingNumber).find((c) => c.carrier === pkg.carrier)?.service ?? null) : null;
  return {
    id: pkg.id,
    timeline,
    steps,
    etaChanges: pkg.etaHistory.map((r) => formatEtaRange(ui, r.eta.from, r.eta.to)),
    canMarkNotReceived: pkg.status === 'delivered' && !input.events.some((e) => e.code === 'not_received'),
    progress: progressOf(ui, pkg.status),
    tracking: pkg.trackingNumber
      ? {
          number: pkg.trackingNumber,
          carrier: pkg.carrier && carrier ? carrierName(pkg.carrier, ui.t) : null,
          service,
          url: pkg.carrier ? trackingUrl(pkg.carrier, pkg.trackingNumber) : null,
          others: pkg.numbers
            .filter((n) => n.number !== pkg.trackingNumber)
            .map((n) => ({ number: n.number, relation: [ui.t(RELATION[n.relation] ?? 'viewRelationOther'), n.carrier ? carrierName(n.carrier, ui.t) : null].filter(Boolean).join(' ') })),
        }
      : null,
    order:
      order || (pkg.shop && pkg.orderId)
        ? {
            shop: capitalise(order?.shop ?? pkg.shop ?? ''),
            orderId: order?.orderId ?? pkg.orderId ?? '',
            placed: order?.placedAt ? dayLabel(ui.locale, order.placedAt, true) : null,
            total: order?.total ?? null,
            url: order?.orderUrl ?? null,
            items: (order?.items ?? []).map((i) => ({ title: i.title, quantity: i.quantity, seller: i.seller })),
          }
        : null,
    pickup:
      pkg.pickup && (pkg.status === 'available_for_pickup' || pkg.pickup.code)
        ? { location: pkg.pickup.location, code: pkg.pickup.code, until: pkg.pickup.until ? dayLabel(ui.locale, pkg.pickup.until, true) : null }
        : null,
    label: pkg.label,
  };
}

function capitalise(s: string): string {
  return s ? s[0]!.toUpperCase() + s.slice(1) : s;
}
