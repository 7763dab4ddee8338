/**
 * Reads a classic Shopify order status page (issue #15; structure from a real capture, see
 * ../shared/docs/other-shops.md §1.1): the order number, the timeline's steps and their dates, the tracking
 * block (carrier label, number, link) and the delivery estimate. Pure: document, URL and `now` are parameters.
 *
 * What the page does not say is left null, never guessed: a number no carrier format knows is dropped with a
 * diagnostic, an unknown step name gives no status, and a page that is Shopify's but whose markup has
 * changed gives a diagnostic and no order (nothing wrong is stored). The checkout-extensibility page (§1.2)
 * has no known structure yet: it is recognised and reported, and gives no order.
 *
 * Orders are keyed by store and number (order numbers repeat across stores, §1.4 "Traps"): the reading's
 * `shop` is the store's host.
 */
import { candidatesFrom, classify, DEFAULT_CONFIDENCE_THRESHOLD, carriersForHost, matchFormats, normaliseNumber } from '../../carriers/registry';
import type { Status } from '../../model/status';
import { isTimeZone } from '../../model/time';
import type { Eta, OrderItem, OrderStatus } from '../../model/types';
import { LABEL_BOOST } from '../../scan/context';
import { readDates, type StatusContext } from '../amazon/status-text';
import { providerCarrier } from '../generic/read-generic-page';
import type { Diagnostic, ExtractOptions, OrderReading, PageKind, PageReading, ShipmentEventReading, ShipmentReading } from '../types';
import { recogniseShopifyPage } from './recognise';

const SHOPIFY_DIAGNOSTIC_CODES = {
  notShopify: 'not-shopify',
  extensibilityPage: 'shopify-extensibility-page',
  unknownLayout: 'unknown-layout',
  unknownStatus: 'unknown-status',
  unrecognisedNumber: 'unrecognised-number',
  readerError: 'reader-error',
} as const;

const KIND: PageKind = 'order-details';

/** Timeline step names (§1.1) → status. Anything else is not guessed. */
const STEP_STATUS: Readonly<Record<string, Status>> = {
  confirmed: 'pending',
  'on its way': 'in_transit',
  'out for delivery': 'out_for_delivery',
  delivered: 'delivered',
};

/** The status sentences a tracker matches in page text (§1.1, "Other wording"), for a page without a timeline. */
const SENTENCES: readonly [RegExp, Status][] = [
  [/\border has been cancel+ed\b/i, 'cancelled'],
  [/\b(?:order|shipment) has been delivered\b/i, 'delivered'],
  [/\border is out for delivery\b/i, 'out_for_delivery'],
  [/\border is on its way\b/i, 'in_transit'],
  [/\bwe['’]ve received your order\b/i, 'pending'],
];
/** Only the shop's own statement: "order canceled" alone could be a sentence about how to ask for it. */
const CANCELLED = /\border (?:has been|was) cancel+ed\b/i;
const ESTIMATE_LABEL = /(?:estimated delivery date|current delivery estimate)\s*:?\s*$/i;
/** "USPS tracking number:", "Tracking Number:" (carrier "Other"), "Tracking numbers:". */
const TRACKING_LABEL = /^(.*?)\s*tracking\s+numbers?\s*:?\s*$/i;
const MAX_ORDER_NUMBER = 40;
const MAX_TRACKING_BLOCKS = 20;
const MAX_STRONG = 400;

export function readShopifyPage(doc: Document, url: URL, now: Date, options: ExtractOptions = {}): PageReading {
  try {
    return readPage(doc, url, now, options);
  } catch (err) {
    return {
      kind: KIND,
      shop: storeOf(url, doc),
      url: url.href,
      readAt: now.getTime(),
      orders: [],
      // The error's class only: its message could quote page text.
      diagnostics: [{ code: SHOPIFY_DIAGNOSTIC_CODES.readerError, message: `The Shopify reader failed on this page (${err instanceof Error ? err.name : 'error'})`, pageKind: KIND }],
    };
  }
}

function readPage(doc: Document, url: URL, now: Date, options: ExtractOptions): PageReading {
  const diagnostics: Diagnostic[] = [];
  const shop = storeOf(url, doc);
  const reading = (orders: OrderReading[]): PageReading => ({ kind: KIND, shop, url: url.href, readAt: now.getTime(), orders, diagnostics });
  const seen = recogniseShopifyPage(doc, url);
  if (!seen) {
    diagnostics.push({ code: SHOPIFY_DIAGNOSTIC_CODES.notShopify, message: 'Not a Shopify order status page (fewer than two of its signs)', pageKind: 'unknown' });
    return reading([]);
  }
  const layout = seen.signs.join(',');
  if (seen.kind === 'extensibility') {
    diagnostics.push({
      code: SHOPIFY_DIAGNOSTIC_CODES.extensibilityPage,
      message: "A Shopify order page of the newer kind (checkout extensibility): its structure is not known yet, so nothing is read from it",
      pageKind: KIND,
      layout,
    });
    return reading([]);
  }

  const orderId = orderNumberOf(doc);
  if (!orderId) {
    diagnostics.push({ code: SHOPIFY_DIAGNOSTIC_CODES.unknownLayout, message: 'A Shopify order status page without a readable order number (span.os-order-number): layout changed?', pageKind: KIND, layout });
    return reading([]);
  }
  const ctx: StatusContext = { now, timeZone: options.timeZone && isTimeZone(options.timeZone) ? options.timeZone : 'UTC', language: 'en' };
  const steps = readSteps(doc, ctx);
  const cancelled = isCancelled(doc);
  const current = [...steps].reverse().find((s) => s.reached) ?? null;
  let status: Status | null = cancelled ? 'cancelled' : (current?.status ?? null);
  let statusText = cancelled ? 'Cancelled' : (current?.title ?? null);
  if (!cancelled && !current) {
    const sentence = statusSentence(doc);
    if (sentence) [statusText, status] = sentence;
  }
  if (!cancelled && current && current.status === null) {
    diagnostics.push({ code: SHOPIFY_DIAGNOSTIC_CODES.unknownStatus, message: 'The current timeline step has a name the reader does not know; status left unread', pageKind: KIND, layout });
  }
  if (steps.length === 0 && !status) {
    diagnostics.push({ code: SHOPIFY_DIAGNOSTIC_CODES.unknownLayout, message: 'A Shopify order status page without a readable timeline (ol.os-timeline) or status sentence', pageKind: KIND, layout });
  }

  const placedOn = steps.find((s) => s.status === 'pending')?.date ?? null;
  const later: StatusContext = { ...ctx, placedOn };
  const deliveredStep = steps.find((s) => s.status === 'delivered' && s.reached);
  const deliveredAt = status === 'delivered' ? (deliveredStep?.date ?? null) : null;
  const eta = status === 'delivered' || status === 'cancelled' ? null : estimateOf(doc, later);
  const events: ShipmentEventReading[] = steps
    .filter((s) => s.reached && s.date)
    .map((s) => ({ time: s.date!, timeIsLocal: true, timeZone: null, status: s.status, description: s.title, location: null }));
  const where = currentLocation(doc);
  if (where && events.length > 0 && status !== 'delivered') events[events.length - 1] = { ...events[events.length - 1]!, location: where };

  const tracking = readTracking(doc, url, diagnostics, layout);
  const base = { statusText, status, eta, deliveredAt, items: [], events };
  const shipments: ShipmentReading[] =
    tracking.length === 0
      ? [{ shipmentId: null, trackingNumber: null, carrier: null, trackUrl: null, ...base }]
      : tracking.map((t, i) => ({ shipmentId: tracking.length > 1 ? `fulfillment-${i + 1}` : null, ...t, ...base }));

  const orderStatus: OrderStatus = status === 'cancelled' ? 'cancelled' : status === 'delivered' ? 'delivered' : status ? 'open' : 'unknown';
  return reading([
    {
      orderId,
      placedAt: placedOn,
      total: null,
      status: orderStatus,
      kind: steps.length > 0 || tracking.length > 0 ? 'physical' : 'unknown',
      orderUrl: url.href,
      items: checkoutItems(doc),
      shipments,
    },
  ]);
}

/**
 * The store an order belongs to: the page's host (without `www.`). Older order pages sit on the shared
 * checkout.shopify.com (§1.1), where the host says nothing: there the store's own `*.myshopify.com` name
 * from the page's script, else the shop id in the path.
 */
function storeOf(url: URL, doc: Document): string {
  const host = url.hostname.toLowerCase().replace(/\.$/, '').replace(/^www\./, '');
  if (host !== 'checkout.shopify.com' && host !== 'shop.app') return host;
  for (const s of doc.querySelectorAll('script:not([src])')) {
    const m = /Shopify\.shop\s*=\s*["']([a-z0-9][a-z0-9-]*\.myshopify\.com)["']/.exec((s.textContent ?? '').slice(0, 200_000));
    if (m) return m[1]!;
  }
  const id = /^\/(\d{4,20})\/orders\//.exec(url.pathname)?.[1];
  return id ? `${host}/${id}` : host;
}

/**
 * "Order #CI2286" → "CI2286". Stores set their own prefix and suffix (§1.1), so no shape is assumed: the name
 * is what follows the label ("Order", "Commande" …: the words before the first one with a digit or a `#`),
 * without the `#`.
 */
function orderNumberOf(doc: Document): string | null {
  const raw = text(doc.querySelector('span.os-order-number'));
  if (!raw) return null;
  const tokens = raw.split(' ');
  const at = tokens.findIndex((t) => /[#\d]/.test(t));
  if (at < 0) return null;
  const name = tokens.slice(at).join(' ').replace(/^#\s*/, '').trim();
  return name && name.length <= MAX_ORDER_NUMBER && /\d/.test(name) ? name : null;
}

interface Step {
  title: string;
  status: Status | null;
  reached: boolean;
  /** ISO date. */
  date: string | null;
}

function readSteps(doc: Document, ctx: StatusContext): Step[] {
  const out: Step[] = [];
  let placedOn: string | null = null;
  for (const li of doc.querySelectorAll('ol.os-timeline li.os-timeline-step')) {
    const title = ownText(li.querySelector('.os-timeline-step__title'));
    if (!title) continue;
    const status = STEP_STATUS[title.toLowerCase()] ?? null;
    const reached =
      li.classList.contains('os-timeline-step--selected') || li.classList.contains('os-timeline-step--current') || li.getAttribute('aria-current') === 'true';
    const dateText = text(li.querySelector('.os-timeline-step__date'));
    // Steps happened in order: the first one's date is the order's, and each later month/day is the first on or after it.
    const date: string | null = dateText && reached ? (readDates(dateText, { ...ctx, placedOn }, 'past').dates[0]?.date ?? null) : null;
    placedOn ??= date;
    out.push({ title, status, reached, date });
  }
  return out;
}

function statusSentence(doc: Document): [string, Status] | null {
  for (const el of doc.querySelectorAll('.os-step__title, h2')) {
    const t = text(el);
    for (const [re, s] of SENTENCES) if (re.test(t)) return [t, s];
  }
  return null;
}

function isCancelled(doc: Document): boolean {
  for (const el of doc.querySelectorAll('.os-step__title, .os-step__description, .os-header__title')) if (CANCELLED.test(text(el))) return true;
  return false;
}

/** "Estimated delivery date: <strong>September 7</strong>" (or "Current delivery estimate:"), §1.1. */
function estimateOf(doc: Document, ctx: StatusContext): Eta | null {
  const strongs = doc.querySelectorAll('strong');
  for (let i = 0; i < strongs.length && i < MAX_STRONG; i++) {
    const el = strongs[i]!;
    if (!ESTIMATE_LABEL.test(textBefore(el))) continue;
    const dates = readDates(text(el), ctx, 'future').dates;
    if (dates.length === 0) return null;
    const from = dates[0]!.date;
    const to = dates[dates.length - 1]!.date;
    return { from, to: to >= from ? to : from };
  }
  return null;
}

/**
 * The label a `<strong>` value follows: the text before it in its parent, or, when it stands alone in its
 * paragraph ("<p>Estimated delivery date:</p><p><strong>…</strong></p>"), the paragraph before.
 */
function textBefore(el: Element): string {
  let s = '';
  for (let n = el.previousSibling; n && s.length < 200; n = n.previousSibling) s = (n.textContent ?? '') + s;
  s = s.replace(/[\s\u00a0]+/g, ' ').trim();
  return s || text(el.parentElement?.previousElementSibling).slice(-200);
}

/** An element's text without its screen-reader prefix (`span.visually-hidden`: "Past step: ", §1.1). */
function ownText(el: Element | null): string {
  if (!el) return '';
  let s = '';
  const walk = (n: Node) => {
    for (let c = n.firstChild; c; c = c.nextSibling) {
      if (c.nodeType === 3) s += c.nodeValue ?? '';
      else if (c.nodeType === 1 && !(c as Element).classList.contains('visually-hidden')) walk(c);
    }
  };
  walk(el);
  return s.replace(/[\s\u00a0\u202f]+/g, ' ').trim();
}

type TrackingRead = Pick<ShipmentReading, 'trackingNumber' | 'carrier' | 'trackUrl'>;

/** Each `div.tracking-info__number` (or `.tracking-info` block): carrier label, number, link. */
function readTracking(doc: Document, page: URL, diagnostics: Diagnostic[], layout: string): TrackingRead[] {
  const blocks = [...doc.querySelectorAll('.tracking-info__number')];
  if (blocks.length === 0) blocks.push(...doc.querySelectorAll('.tracking-info'));
  const out: TrackingRead[] = [];
  for (const block of blocks.slice(0, MAX_TRACKING_BLOCKS)) {
    const links = [...block.querySelectorAll('a[data-tracking-number-link]')];
    const label = TRACKING_LABEL.exec(text(block.querySelector('strong')))?.[1]?.trim() ?? '';
    // "Other" carrier: the label is just "Tracking Number:" (§1.1), so the number decides.
    const named = label && !/^other$/i.test(label) ? providerCarrier(label) : null;
    for (const a of links.length ? links : [null]) {
      const href = a ? absolute(a.getAttribute('href'), page) : null;
      const hostCarriers = href ? carriersForHost(new URL(href).hostname).map((c) => c.id) : [];
      const hints = [...new Set([...(named ? [named] : []), ...hostCarriers])];
      const raw = a ? text(a) : '';
      const number = raw ? validNumber(raw, hints) : null;
      if (raw && !number) {
        diagnostics.push({ code: SHOPIFY_DIAGNOSTIC_CODES.unrecognisedNumber, message: 'A tracking number on the page matches no carrier format; left out', pageKind: KIND, layout });
      }
      const carrier = number?.carrier ?? named ?? hostCarriers[0] ?? null;
      if (!number && !carrier && !href) continue;
      out.push({ trackingNumber: number?.trackingNumber ?? null, carrier, trackUrl: href });
    }
  }
  return out;
}

/**
 * The number through the project's number parser (lib/carriers/registry): with the carriers the label or
 * the link names, a hinted format is taken even when its check digit fails (the shop printed it as that
 * carrier's number, as a carrier's own link is taken in lib/scan/numbers-from-url.ts); without a hint, only
 * a verified reading confident enough with the "tracking number" label counts.
 */
function validNumber(raw: string, hints: string[]): { trackingNumber: string; carrier: string } | null {
  const n = normaliseNumber(raw.slice(0, 80));
  const best = hints.length
    ? candidatesFrom(matchFormats(n), { carrierHints: hints, allowUnverified: true, boost: LABEL_BOOST })[0]
    : classify(n, { boost: LABEL_BOOST })[0];
  if (!best || best.confidence < DEFAULT_CONFIDENCE_THRESHOLD) return null;
  return { trackingNumber: best.trackingNumber, carrier: best.carrier };
}

/** The `type:"current"` marker of the map (`iframe.map__iframe[data-google-maps-marker]`, §1.1): "South Hackensack, NJ". */
function currentLocation(doc: Document): string | null {
  const raw = doc.querySelector('.map__iframe[data-google-maps-marker]')?.getAttribute('data-google-maps-marker');
  if (!raw || raw.length > 20_000) return null;
  try {
    const data: unknown = JSON.parse(raw);
    for (const m of Array.isArray(data) ? data : [data]) {
      if (m && typeof m === 'object' && (m as { type?: unknown }).type === 'current') {
        const label = (m as { label?: unknown }).label;
        return typeof label === 'string' && label.trim() ? label.trim().slice(0, 120) : null;
      }
    }
  } catch {
    return null;
  }
  return null;
}

/**
 * The items, from the `Shopify.checkout = {…}` object an inline script sets (§1.1: `line_items[]`): each one's
 * `title` and `quantity`. The page shows them too, but the capture documents the object, not that markup.
 */
function checkoutItems(doc: Document): OrderItem[] {
  const scripts = doc.querySelectorAll('script:not([src])');
  for (let i = 0; i < scripts.length && i < 60; i++) {
    const t = (scripts[i]!.textContent ?? '').slice(0, 200_000);
    const m = /\bShopify\.checkout\s*=\s*\{/.exec(t);
    if (!m) continue;
    const json = jsonObjectAt(t, m.index + m[0].length - 1);
    if (!json) return [];
    let data: unknown;
    try {
      data = JSON.parse(json);
    } catch {
      return [];
    }
    const lines = data && typeof data === 'object' ? (data as { line_items?: unknown }).line_items : null;
    if (!Array.isArray(lines)) return [];
    const out: OrderItem[] = [];
    for (const line of lines.slice(0, 100)) {
      const title = line && typeof line === 'object' ? (line as { title?: unknown }).title : null;
      const quantity = line && typeof line === 'object' ? (line as { quantity?: unknown }).quantity : null;
      if (typeof title !== 'string' || !title.trim()) continue;
      out.push({ title: title.replace(/\s+/g, ' ').trim().slice(0, 200), quantity: Number.isInteger(quantity) && (quantity as number) > 0 ? (quantity as number) : null, seller: null, url: null });
    }
    return out;
  }
  return [];
}

/** The JSON object that starts at `start` (a `{`), found by its matching brace outside strings; null if unclosed. */
function jsonObjectAt(t: string, start: number): string | null {
  let depth = 0;
  let inString = false;
  for (let i = start; i < t.length; i++) {
    const c = t.charCodeAt(i);
    if (inString) {
      if (c === 92) i++;
      else if (c === 34) inString = false;
    } else if (c === 34) inString = true;
    else if (c === 123) depth++;
    else if (c === 125 && --depth === 0) return t.slice(start, i + 1);
  }
  return null;
}

function absolute(href: string | null, base: URL): string | null {
  if (!href) return null;
  try {
    return new URL(href, base).href;
  } catch {
    return null;
  }
}

function text(el: Element | null | undefined): string {
  return el ? (el.textContent ?? '').replace(/[\s\u00a0\u202f]+/g, ' ').trim() : '';
}
