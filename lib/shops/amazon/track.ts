/**
 * Amazon's "Track package" page (`/progress-tracker/package/…`, `/gp/your-account/ship-track?…`,
 * `/gp/css/shiptrack/view.html?…`). No real saved sample exists; the structure follows
 * ../shared/docs/amazon-pages.md §3 (reported by several independent parsers, unverified):
 * the language-independent `<script type="a-state" data-a-state='{"key":"page-state"}'>` JSON first
 * (`orderId`, `shipmentId`, `shortStatus`, `promise.promiseMessage`, `trackingId`, `timezone`, …), the DOM as
 * fallback (`.pt-delivery-card-trackingId`, `.pt-delivery-card-wrapper h3` "Shipped with UPS",
 * `.pt-status-main-status`, `#primaryStatus`, `.milestone-primaryMessage`, `.carrierRelatedInfo-*`).
 */
import type { Status } from '../../model/status';
import { isTimeZone, toZonedIso, zonedLocalToEpoch } from '../../model/time';
import type { OrderReading, ShipmentEventReading } from '../types';
import { first, text } from './dom';
import type { AmazonShipmentReading, ReadContext } from './orders';
import { orderStatusOf, statusFromShortCode } from './orders';
import { classifyPhrase, parseStatusText, readDates } from './status-text';
import { isOrderId, ORDER_ID_RE, trackPackageUrl } from './urls';
import { normalise } from './vocabulary';

interface PickupInfo {
  location: string | null;
  code: string | null;
  /** ISO date by which the parcel must be collected. */
  until: string | null;
}

export interface TrackShipmentReading extends AmazonShipmentReading {
  events: ShipmentEventReading[];
  pickup: PickupInfo | null;
  /** Amazon's delivery photo (image URL on Amazon's CDN), when shown. */
  deliveryPhotoUrl: string | null;
  /** Time zone the page's own state named, when given. */
  timeZone: string | null;
}

type PageState = Record<string, unknown>;

/** The tracker's `page-state` JSON, or null when absent or unreadable. */
function readPageState(doc: Document): PageState | null {
  for (const s of doc.querySelectorAll('script[type="a-state"]')) {
    let key: unknown;
    try {
      key = (JSON.parse(s.getAttribute('data-a-state') ?? '{}') as { key?: unknown }).key;
    } catch {
      continue;
    }
    if (key !== 'page-state') continue;
    try {
      const v: unknown = JSON.parse(s.textContent ?? '');
      if (v && typeof v === 'object' && !Array.isArray(v)) return v as PageState;
    } catch {
      return null;
    }
  }
  return null;
}

function str(v: unknown): string | null {
  return typeof v === 'string' && v.trim() ? v.trim() : typeof v === 'number' ? String(v) : null;
}

function dig(o: PageState | null, ...path: string[]): unknown {
  let cur: unknown = o;
  for (const k of path) {
    if (!cur || typeof cur !== 'object') return undefined;
    cur = (cur as Record<string, unknown>)[k];
  }
  return cur;
}

function validZone(tz: string | null): string | null {
  return tz && isTimeZone(tz) ? tz : null;
}

const CARRIERS: readonly (readonly [RegExp, string])[] = [
  [/\bups\b/, 'ups'],
  [/\busps\b|postal service/, 'usps'],
  [/\bfedex\b/, 'fedex'],
  [/\bdhl\b/, 'dhl'],
  [/royal mail/, 'royal_mail'],
  [/\bevri\b|\bhermes\b/, 'evri'],
  [/\bdpd\b/, 'dpd'],
  [/\bgls\b/, 'gls'],
  [/\bontrac\b/, 'ontrac'],
  [/\blasership\b/, 'lasership'],
  [/canada post|postes canada/, 'canada_post'],
  [/\bpurolator\b/, 'purolator'],
  [/\bcolissimo\b|\bla poste\b/, 'la_poste'],
  [/chronopost/, 'chronopost'],
  [/poste italiane/, 'poste_italiane'],
  [/\bsda\b/, 'sda'],
  [/\bbrt\b|bartolini/, 'brt'],
  [/\bcorreos\b/, 'correos'],
  [/\bseur\b/, 'seur'],
  [/\bmrw\b/, 'mrw'],
  [/amazon|amzl|delivery by amazon|versand durch amazon|livraison par amazon|consegna amazon|entrega de amazon/, 'amazon'],
];

/** Carrier id from a heading such as "Shipped with UPS", "Versendet mit DHL", "Delivery By Amazon". */
function carrierFromText(line: string | null): string | null {
  if (!line) return null;
  const n = normalise(line);
  for (const [re, id] of CARRIERS) if (re.test(n)) return id;
  return null;
}

/** Carrier id from a tracking number's shape (only unambiguous shapes). */
function carrierFromTrackingNumber(tn: string | null): string | null {
  if (!tn) return null;
  if (/^TB[ACM]\d{12}$/.test(tn) || /^QA\d{10}$/.test(tn)) return 'amazon';
  if (/^1Z[0-9A-Z]{16}$/.test(tn)) return 'ups';
  if (/^(9[2-5]\d{18,24}|420\d{27,31})$/.test(tn)) return 'usps';
  if (/^JJD\d{10,}$|^00340\d{15}$/.test(tn)) return 'dhl';
  return null;
}

const TRACKING_LABEL =
  /(tracking id|tracking number|trackingnummer|sendungsnummer|numero de suivi|id de suivi|numero di tracciabilita|id tracciamento|codice di tracciamento|id de seguimiento|numero de seguimiento)\s*:?\s*([A-Z0-9]{8,35})/i;

function trackingNumberFrom(el: Element | null): string | null {
  if (!el) return null;
  const t = normalise(text(el)).toUpperCase();
  const m = TRACKING_LABEL.exec(t);
  if (m) return m[2]!.toUpperCase();
  const bare = /\b([A-Z0-9]{10,35})\b/.exec(t);
  return bare && /\d/.test(bare[1]!) ? bare[1]! : null;
}

const DAY_SEL = '.tracking-event-date-header, .tracking-event-date, .pt-event-date';
const MESSAGE_SEL = '.tracking-event-message, .pt-event-message';
const ROW_SEL = '.tracking-event-row, .pt-event';
const TIME_SEL = '.tracking-event-time, .pt-event-time';
const TIME_LIKE = /\b\d{1,2}[:.]\d{2}\b/;

/** What the timeline held and what was read of it: the diagnostic's figures (issue #18). */
export interface TimelineReading {
  events: ShipmentEventReading[];
  /** Day headings and event rows the container showed (rows: messages, or rows with a time but no message). */
  days: number;
  rows: number;
  /** True when the container shows something that looks like a timeline (a day heading or a time). */
  shown: boolean;
}

/**
 * The event row a message belongs to: the written/2024 layouts class it (`.tracking-event-row`, `.pt-event`);
 * the real 2018 layout (`/gp/your-account/ship-track`, ../shared/fixtures/shop-pages/amazon-com-track/) has an
 * unclassed `div.a-row` holding `.tracking-event-time-left` and `-right`, so the row is the nearest ancestor that
 * also holds the time cell.
 */
function rowOf(message: Element, container: Element): Element {
  const classed = message.closest(ROW_SEL);
  if (classed && container.contains(classed)) return classed;
  for (let p = message.parentElement; p && p !== container; p = p.parentElement) if (p.querySelector(TIME_SEL)) return p;
  return message.parentElement ?? message;
}

/**
 * The timeline, newest first, on every layout: day headings followed by rows, each row with a time (or none:
 * 2018 pages leave the first "left seller facility" row untimed), a message and a place. Headings and
 * messages are taken in document order, so a row belongs to the last heading above it whether it sits inside
 * the heading's wrapper (2018) or beside it (written fixtures). `timeZone` is the zone the page's own state
 * names (or null: the 2018 page says only "Times are shown in the local timezone"): each event's local time
 * belongs to it (issue #19 point 4), and `ctx` already counts the day headers' dates in it.
 */
function readEvents(doc: Document, ctx: ReadContext, timeZone: string | null): TimelineReading {
  const container = first(doc, '#tracking-events-container', '.tracking-events-container', '.pt-events');
  if (!container) return { events: [], days: 0, rows: 0, shown: false };
  const events: ShipmentEventReading[] = [];
  let day: string | null = null;
  let days = 0;
  let rows = 0;
  for (const el of container.querySelectorAll(`${DAY_SEL}, ${MESSAGE_SEL}`)) {
    if (el.matches(DAY_SEL)) {
      // The 2018 layout nests `.tracking-event-date` inside `.tracking-event-date-header`: count the heading once.
      if (el.parentElement?.closest(DAY_SEL)) continue;
      days++;
      day = readDates(text(el), ctx, 'past').dates[0]?.date ?? null;
      continue;
    }
    rows++;
    const description = text(el);
    if (!description || !day) continue;
    const row = rowOf(el, container);
    const timeText = text(row.querySelector(TIME_SEL));
    const t = timeText ? readDates(timeText, ctx, 'past').times[0] : undefined;
    const time = t ? `${day}T${String(t.hour).padStart(2, '0')}:${String(t.minute).padStart(2, '0')}:00` : day;
    const meaning = classifyPhrase(description, ctx.language);
    const status = meaning ? eventStatus(meaning) : null;
    events.push({
      time,
      timeIsLocal: true,
      timeZone,
      status,
      description,
      location: text(row.querySelector('.tracking-event-location, .pt-event-location')) || null,
    });
  }
  const shown = days > 0 || rows > 0 || TIME_LIKE.test(text(container));
  // Newest first, as carriers list them; stable for equal times.
  const sorted = events.map((e, i) => ({ e, i })).sort((a, b) => (a.e.time === b.e.time ? a.i - b.i : a.e.time < b.e.time ? 1 : -1)).map((x) => x.e);
  return { events: sorted, days, rows, shown };
}

function eventStatus(meaning: NonNullable<ReturnType<typeof classifyPhrase>>): Status | null {
  switch (meaning) {
    case 'delivered':
    case 'out_for_delivery':
    case 'available_for_pickup':
    case 'attempt_failed':
    case 'exception':
    case 'cancelled':
    case 'returned':
    case 'info_received':
    case 'pending':
      return meaning;
    case 'late':
      return 'exception';
    case 'shipped':
      return 'in_transit';
    default:
      return null;
  }
}

const PICKUP_CODE = /(pick ?up code|abholcode|code de retrait|codice di ritiro|codigo de recogida)\s*:?\s*([A-Z0-9]{4,12})\b/i;
const PICKUP_BY = /(pick ?up by|abholen bis|a retirer avant le|ritirare entro|recoger antes del?)\s*([^|]+)/i;

function readPickup(doc: Document, ctx: ReadContext): PickupInfo | null {
  const box = first(doc, '.pt-pickup-info', '#pickup-info', '.pt-pickup-card');
  if (!box) return null;
  // Join the box's leaf texts with a separator so "482913" and "Pick up by …" never run together.
  const all = [...box.querySelectorAll('*')].filter((e) => e.children.length === 0).map(text).filter(Boolean).join(' | ');
  const code = PICKUP_CODE.exec(normalise(all).toUpperCase())?.[2] ?? null;
  const location = text(first(box, '.pt-pickup-location-name', '.pickup-location-name')) || null;
  const byEl = first(box, '.pt-pickup-deadline', '.pickup-deadline');
  const byText = byEl ? text(byEl) : (PICKUP_BY.exec(all)?.[2] ?? '');
  const until = byText ? (readDates(byText, ctx, 'future').dates[0]?.date ?? null) : null;
  return { location, code, until };
}

/**
 * Reads the track-package page into one order with one shipment (`order` null when no order id is found), and
 * what its timeline showed against what was read (`timeline`, for the "layout changed" diagnostic, issue #18).
 */
export function readTrackPage(doc: Document, ctx: ReadContext): { order: OrderReading | null; timeline: TimelineReading | null } {
  const state = readPageState(doc);
  const q = ctx.base.searchParams;
  const domOrder = ORDER_ID_RE.exec(text(first(doc, '.pt-order-id', '#orderId', '.order-id')))?.[0] ?? null;
  const orderId = [str(dig(state, 'orderId')), q.get('orderId'), q.get('orderID'), domOrder].find(isOrderId) ?? null;
  if (!orderId) return { order: null, timeline: null };
  const zone = validZone(str(dig(state, 'timezone')));
  const c: ReadContext = zone ? { ...ctx, timeZone: zone } : ctx;

  const primary =
    str(dig(state, 'promise', 'promiseMessage')) ??
    (text(first(doc, '.pt-status-main-status', '.pt-promise-main-slot', '#primaryStatus', '.milestone-primaryMessage')) || null);
  const secondary =
    text(first(doc, '.pt-status-secondary-status', '#secondaryStatus', '.milestone-secondaryMessage')) || null;
  const meaning = parseStatusText(primary, secondary, c);
  const coded = statusFromShortCode(str(dig(state, 'shortStatus')));
  // The code is language-independent; the wording wins only where it is more specific than the code set.
  let status = coded ?? meaning.status;
  if (meaning.status && ['exception', 'attempt_failed', 'available_for_pickup', 'out_for_delivery', 'delivered'].includes(meaning.status) && coded !== 'delivered')
    status = meaning.status;

  const tnEl = first(doc, '.pt-delivery-card-trackingId', '.carrierRelatedInfo-trackingId-text', '#carrierRelatedInfo-container .trackingId');
  const trackingNumber = (str(dig(state, 'trackingId'))?.toUpperCase() ?? null) || trackingNumberFrom(tnEl);
  const heading =
    str(dig(state, 'carrierName')) ??
    (text(first(doc, '.pt-delivery-card-wrapper h3', '#carrierRelatedInfo-container h1', '.carrierRelatedInfo-mfn-providerTitle')) || null);
  const carrier = carrierFromText(heading) ?? carrierFromTrackingNumber(trackingNumber);
  const shipmentId = str(dig(state, 'shipmentId')) ?? q.get('shipmentId') ?? q.get('orderingShipmentId');
  const pkg = dig(state, 'packageIndex');
  const packageIndex = typeof pkg === 'number' ? pkg : q.get('packageIndex') ? Number(q.get('packageIndex')) : null;
  const photo = doc.querySelector('.pt-delivery-photo img, #delivery-photo img, img.delivery-photo');
  const timeline = readEvents(doc, c, zone);
  const events = timeline.events;
  let deliveredAt = meaning.deliveredAt;
  if (status === 'delivered' && events[0]?.status === 'delivered' && (!deliveredAt || events[0].time.startsWith(deliveredAt))) {
    // The timeline's local time, placed in the tracker's zone (never read as UTC).
    deliveredAt = events[0].time.length > 10 ? toZonedIso(zonedLocalToEpoch(events[0].time, c.timeZone), c.timeZone) : deliveredAt;
  }

  const shipment: TrackShipmentReading = {
    shipmentId,
    statusText: [primary, secondary].filter(Boolean).join(' · ') || null,
    status,
    eta: status === 'delivered' ? null : meaning.eta,
    deliveredAt: status === 'delivered' ? deliveredAt : null,
    trackingNumber,
    carrier,
    trackUrl: ctx.base.href.includes('/progress-tracker/') || ctx.base.href.includes('ship-track') || ctx.base.href.includes('shiptrack')
      ? ctx.base.href
      : trackPackageUrl(ctx.host, { orderId, shipmentId, packageIndex }),
    items: [],
    layout: state ? 'track-page-state' : 'track-page-dom',
    itemId: q.get('itemId'),
    packageIndex: Number.isFinite(packageIndex) ? packageIndex : null,
    primaryText: primary,
    secondaryText: secondary,
    events,
    pickup: readPickup(doc, c),
    deliveryPhotoUrl: photo?.getAttribute('src') ?? null,
    timeZone: zone,
  };
  const order: OrderReading = {
    orderId,
    placedAt: null,
    total: null,
    status: orderStatusOf('physical', [shipment]),
    kind: 'physical',
    orderUrl: null,
    items: [],
    shipments: [shipment],
  };
  return { order, timeline };
}

/** True when the page carries the tracker's anchors (state JSON or known DOM hooks). */
export function looksLikeTrackPage(doc: Document): boolean {
  return !!(
    readPageState(doc) ||
    doc.querySelector('.pt-delivery-card-trackingId, .pt-status-main-status, .pt-promise-main-slot, #carrierRelatedInfo-container, .milestone-primaryMessage, #primaryStatus')
  );
}
