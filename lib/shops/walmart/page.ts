/**
 * Reads Walmart's order pages (issue #15; structure in ../shared/docs/other-shops.md §2): the page's embedded data
 * first (`script#__NEXT_DATA__`: the list's `purchaseHistory.orders[]`, the details page's `order` with its groups
 * under an aliased `groups_<n>` key), the visible order cards as a fallback. Pure: document, URL and `now` are
 * parameters.
 *
 * Walmart's data names no carrier: each tracking number's carrier is what the project's number parser reads it as
 * (../number-carrier.ts), and a number no carrier's format knows (a LaserShip-like `1LSCX…` of 17 characters) is
 * dropped with a diagnostic, never guessed. Walmart's own track page (`/orders/<id>/track/<n>`) is kept as the
 * link when the URL policy says it is Walmart's. Data of an unexpected shape gives a diagnostic, never a throw.
 */
import type { Status } from '../../model/status';
import { isTimeZone } from '../../model/time';
import type { Eta, OrderItem, OrderKind, OrderStatus } from '../../model/types';
import { shopLink, urlRefusedDiagnostic } from '../../url-policy';
import { readDates, type StatusContext } from '../amazon/status-text';
import { carrierLinksIn, carrierOfNumber } from '../number-carrier';
import type { Diagnostic, ExtractOptions, OrderReading, PageKind, PageReading, ShipmentReading } from '../types';
import { groupSchema, orderSchema, type WalmartGroup, type WalmartOrder } from './schema';

export const WALMART_DIAGNOSTIC_CODES = {
  noData: 'walmart-cards-fallback',
  unknownLayout: 'unknown-layout',
  unexpectedShape: 'unexpected-shape',
  unknownStatus: 'unknown-status',
  unrecognisedNumber: 'unrecognised-number',
  readerError: 'reader-error',
} as const;

const SHOP = 'walmart';
/** `/orders/<id>`: the 15-digit id or the hyphenated display id (§2). */
const DETAILS_PATH = /^\/orders\/(\d[\d-]{5,30})\/?$/;
const LIST_PATH = /^\/(?:orders|account\/orders|purchase-history)\/?$/;

/** Larger than any order page's data we know of (a list page's is tens of KB). */
const MAX_NEXT_DATA_CHARS = 5_000_000;
const MAX_ORDERS = 200;
const MAX_GROUPS = 50;
const MAX_CARDS = 200;

/** True for Walmart's order list and details paths (the host is checked by the reader's `matches`). */
export function walmartPageKind(url: URL): PageKind | null {
  if (DETAILS_PATH.test(url.pathname)) return 'order-details';
  if (LIST_PATH.test(url.pathname)) return 'order-history';
  return null;
}

/** `statusType`, and the card words turned into its style (§2); anything else is not guessed. */
const STATUS_TYPE: Readonly<Record<string, Status>> = {
  DELIVERED: 'delivered',
  CANCELED: 'cancelled',
  CANCELLED: 'cancelled',
  SHIPPED: 'in_transit',
  OUT_FOR_DELIVERY: 'out_for_delivery',
  PICKED_UP: 'delivered',
  READY_FOR_PICKUP: 'available_for_pickup',
  RETURNED: 'returned',
};
/** `statusTracker` steps PLACED → PREPARING → ON_THE_WAY → DELIVERED (§2). */
const TRACKER_STEP: Readonly<Record<string, Status>> = {
  PLACED: 'pending',
  PREPARING: 'pending',
  ON_THE_WAY: 'in_transit',
  DELIVERED: 'delivered',
};
/**
 * Status words as the message and the cards begin (§2: Out for delivery, Delivered, Canceled/Cancelled, Shipped,
 * Arrives, Picked up, Ready for pickup, Returned, Refunded, In progress). "Arrives", "Refunded" and "In progress"
 * say no parcel status (a parcel can "arrive" before it ships), so they give none.
 */
const STATUS_WORDS: readonly [RegExp, Status | null][] = [
  [/^out for delivery\b/i, 'out_for_delivery'],
  [/^delivered\b/i, 'delivered'],
  [/^cancel+ed\b/i, 'cancelled'],
  [/^shipped\b/i, 'in_transit'],
  [/^picked up\b/i, 'delivered'],
  [/^ready for pickup\b/i, 'available_for_pickup'],
  [/^returned\b/i, 'returned'],
  [/^arrives?\b/i, null],
  [/^refunded\b/i, null],
  [/^in progress\b/i, null],
];
const ISO_DATE = /^\d{4}-\d{2}-\d{2}(?:T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?$/;

export function readWalmartPage(doc: Document, url: URL, now: Date, options: ExtractOptions = {}): PageReading {
  const kind = walmartPageKind(url) ?? 'unknown';
  try {
    return readPage(doc, url, now, options, kind);
  } catch (err) {
    return {
      kind,
      shop: SHOP,
      url: url.href,
      readAt: now.getTime(),
      orders: [],
      // The error's class only: its message could quote page data.
      diagnostics: [{ code: WALMART_DIAGNOSTIC_CODES.readerError, message: `The Walmart reader failed on this page (${err instanceof Error ? err.name : 'error'})`, pageKind: kind }],
    };
  }
}

interface Ctx {
  url: URL;
  kind: PageKind;
  status: StatusContext;
  diagnostics: Diagnostic[];
  layout: string;
}

function readPage(doc: Document, url: URL, now: Date, options: ExtractOptions, kind: PageKind): PageReading {
  const diagnostics: Diagnostic[] = [];
  const reading = (orders: OrderReading[]): PageReading => ({ kind, shop: SHOP, url: url.href, readAt: now.getTime(), orders, diagnostics });
  // Walmart's dates are the delivery address's calendar: the shopper's zone, else Walmart's home (Bentonville).
  const timeZone = options.timeZone && isTimeZone(options.timeZone) ? options.timeZone : 'America/Chicago';
  const status: StatusContext = { now, timeZone, language: 'en' };

  const script = doc.querySelector('script#__NEXT_DATA__');
  if (script) {
    const found = embeddedOrders(script.textContent ?? '');
    if (found.kind === 'orders') {
      const ctx: Ctx = { url, kind, status, diagnostics, layout: found.layout };
      const orders: OrderReading[] = [];
      let skipped = 0;
      for (const raw of found.orders.slice(0, MAX_ORDERS)) {
        const o = readOrder(raw, ctx);
        if (o) orders.push(o);
        else skipped++;
      }
      if (skipped > 0) {
        diagnostics.push({
          code: WALMART_DIAGNOSTIC_CODES.unexpectedShape,
          message: `${skipped} of the page's orders have an unexpected shape (no order id, or fields of the wrong type): left out`,
          pageKind: kind,
          layout: found.layout,
          expected: found.orders.length,
          found: orders.length,
        });
      }
      return reading(orders);
    }
    diagnostics.push({ code: WALMART_DIAGNOSTIC_CODES.unknownLayout, message: found.message, pageKind: kind, layout: 'next-data' });
  }

  const cards = doc.querySelectorAll('[data-testid^="order-"]');
  if (cards.length === 0) {
    if (!script) diagnostics.push({ code: WALMART_DIAGNOSTIC_CODES.unknownLayout, message: 'A Walmart order page with neither its embedded data (script#__NEXT_DATA__) nor order cards: layout changed?', pageKind: kind });
    return reading([]);
  }
  diagnostics.push({
    code: WALMART_DIAGNOSTIC_CODES.noData,
    message: "The page's embedded order data is missing: read from the visible order cards, which give less (no items, no numbers outside carrier links)",
    pageKind: kind,
    layout: 'cards',
  });
  return reading(readCards(cards, { url, kind, status, diagnostics, layout: 'cards' }));
}

type Embedded = { kind: 'orders'; orders: unknown[]; layout: string } | { kind: 'none'; message: string };

/** The order objects of `__NEXT_DATA__`: the details page's one order, or the list's. */
function embeddedOrders(text: string): Embedded {
  if (text.length > MAX_NEXT_DATA_CHARS) return { kind: 'none', message: `The page's embedded data is too large to read (${text.length} characters)` };
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return { kind: 'none', message: "The page's embedded data (script#__NEXT_DATA__) is not JSON" };
  }
  const pageProps = at(data, 'props', 'pageProps');
  const order = at(pageProps, 'initialData', 'data', 'order');
  if (isObject(order)) return { kind: 'orders', orders: [order], layout: 'initialData.order' };
  for (const [layout, history] of [
    ['phRedesignInitialData.purchaseHistory', at(pageProps, 'phRedesignInitialData', 'data', 'purchaseHistory')],
    ['initialData.purchaseHistory', at(pageProps, 'initialData', 'data', 'purchaseHistory')],
  ] as const) {
    const orders = at(history, 'orders');
    if (Array.isArray(orders)) return { kind: 'orders', orders, layout };
    if (history !== undefined) return { kind: 'none', message: `The page's purchase history (${layout}) has no orders list: layout changed?` };
  }
  return { kind: 'none', message: "The page's embedded data holds no order data at the known paths (props.pageProps.…purchaseHistory or …order): layout changed?" };
}

function readOrder(raw: unknown, ctx: Ctx): OrderReading | null {
  const parsed = orderSchema.safeParse(raw);
  if (!parsed.success) return null;
  const o = parsed.data;
  const orderId = orderIdOf(o);
  if (!orderId) return null;
  const placedOn = o.orderDate && ISO_DATE.test(o.orderDate.trim()) ? o.orderDate.trim().slice(0, 10) : null;
  const status: StatusContext = { ...ctx.status, placedOn };

  const rawGroups = groupsOf(raw as Record<string, unknown>);
  const groups: WalmartGroup[] = [];
  let badGroups = 0;
  for (const g of rawGroups.slice(0, MAX_GROUPS)) {
    const p = groupSchema.safeParse(g);
    if (p.success) groups.push(p.data);
    else badGroups++;
  }
  if (badGroups > 0) {
    ctx.diagnostics.push({
      code: WALMART_DIAGNOSTIC_CODES.unexpectedShape,
      message: `${badGroups} shipment group(s) of an order have an unexpected shape: left out`,
      pageKind: ctx.kind,
      layout: ctx.layout,
      expected: rawGroups.length,
      found: groups.length,
    });
  }

  const orderUrl = orderUrlOf(orderId, ctx);
  const perGroup = groups.map((g) => readGroup(g, orderId, { ...ctx, status }));
  const count = perGroup.reduce((n, s) => n + s.length, 0);
  const shipments = perGroup.flatMap((list, gi) =>
    list.map((s, pi) => ({ ...s, shipmentId: count > 1 ? `group-${gi + 1}${list.length > 1 ? `-${pi + 1}` : ''}` : null })),
  );
  const items = groups.flatMap(itemsOf);
  const inStore = o.isInStore === true || (groups.length > 0 && groups.every((g) => g.fulfillmentType === 'IN_STORE'));
  const kind: OrderKind = inStore ? 'in_store' : groups.length > 0 ? 'physical' : 'unknown';
  return {
    orderId,
    placedAt: placedOn,
    total: totalOf(o),
    status: orderStatusOf(shipments.map((s) => s.status)),
    kind,
    orderUrl,
    items,
    shipments,
  };
}

/** `id` (15 digits), else the display id without its hyphen (the same digits, §2). */
function orderIdOf(o: WalmartOrder): string | null {
  const id = typeof o.id === 'number' ? (Number.isSafeInteger(o.id) ? String(o.id) : null) : o.id?.trim();
  if (id && /^[0-9A-Za-z-]{6,40}$/.test(id)) return id;
  const display = o.displayId?.trim().replace(/-/g, '');
  return display && /^\d{6,40}$/.test(display) ? display : null;
}

/** The groups: `groups` on the list, an aliased key (`groups_2101`) on the details page, found by its prefix. */
function groupsOf(raw: Record<string, unknown>): unknown[] {
  if (Array.isArray(raw['groups'])) return raw['groups'];
  for (const key of Object.keys(raw)) if (/^groups_\w+$/.test(key) && Array.isArray(raw[key])) return raw[key];
  return [];
}

/** The order's own page on the host it was read from (§2: `/orders/<id>`); the URL policy keeps it only if it is Walmart's. */
function orderUrlOf(orderId: string, ctx: Ctx): string | null {
  const check = shopLink(`/orders/${encodeURIComponent(orderId)}`, SHOP, ctx.url);
  return check.ok ? check.url : null;
}

function totalOf(o: WalmartOrder): string | null {
  const t = o.priceDetails?.orderTotal;
  if (!t) return null;
  if (t.displayValue?.trim()) return t.displayValue.trim().slice(0, 40);
  if (typeof t.value === 'number' && Number.isFinite(t.value) && t.value >= 0) return `$${t.value.toFixed(2)}`;
  if (typeof t.value === 'string' && /^\d{1,9}(?:\.\d{1,2})?$/.test(t.value.trim())) return `$${Number(t.value).toFixed(2)}`;
  return null;
}

function itemsOf(g: WalmartGroup): OrderItem[] {
  const seller = g.seller?.name?.trim() || null;
  const out: OrderItem[] = [];
  for (const it of g.items ?? []) {
    const title = (it.name ?? it.productInfo?.name ?? '').replace(/\s+/g, ' ').trim();
    if (!title) continue;
    const q = it.quantity;
    out.push({ title: title.slice(0, 200), quantity: typeof q === 'number' && Number.isInteger(q) && q > 0 ? q : null, seller: seller ? seller.slice(0, 120) : null, url: null });
  }
  return out;
}

/** One shipment per tracking number of the group (`shipment.trackingNumber` and `multiPackageDetails[]`), or one without a number. */
function readGroup(g: WalmartGroup, orderId: string, ctx: Ctx): Omit<ShipmentReading, 'shipmentId'>[] {
  const message = (g.status?.message?.parts ?? [])
    .map((p) => p.text ?? '')
    .join('')
    .replace(/\s+/g, ' ')
    .trim();
  const current = (g.status?.statusTracker ?? []).find((s) => s.isCurrent === true) ?? null;
  const type = g.status?.statusType?.trim().toUpperCase() ?? '';
  const word = message ? STATUS_WORDS.find(([re]) => re.test(message)) : undefined;
  const status: Status | null = STATUS_TYPE[type] ?? TRACKER_STEP[current?.status?.trim().toUpperCase() ?? ''] ?? word?.[1] ?? null;
  if (status === null && (type || current?.status || (message && !word))) {
    ctx.diagnostics.push({ code: WALMART_DIAGNOSTIC_CODES.unknownStatus, message: 'A shipment group has a status the reader does not know; status left unread', pageKind: ctx.kind, layout: ctx.layout });
  }
  const statusText = (message || current?.label?.trim() || type || null)?.slice(0, 200) ?? null;
  const terminal = status === 'delivered' || status === 'cancelled' || status === 'returned';
  const deliveredAt = status === 'delivered' ? (isoOf(g.deliveredDate) ?? messageDate(message, /^delivered\b/i, ctx.status, 'past')) : null;
  const eta = terminal ? null : etaOf(g.deliveryDate, message, ctx.status);
  const items = itemsOf(g);

  const base = { statusText, status, eta, deliveredAt, items };
  const numbers: { raw: string; link: string | null }[] = [];
  const s = g.shipment;
  if (s?.trackingNumber?.trim()) numbers.push({ raw: s.trackingNumber.trim(), link: s.trackingUrl ?? null });
  for (const p of s?.multiPackageDetails ?? []) {
    const raw = p.trackingNumber?.trim();
    if (raw && !numbers.some((n) => n.raw === raw)) numbers.push({ raw, link: p.trackingUrl ?? null });
  }
  if (numbers.length === 0) return [{ ...base, trackingNumber: null, carrier: null, trackUrl: walmartLink(s?.trackingUrl ?? null, ctx) }];
  return numbers.map((n) => {
    const read = carrierOfNumber(n.raw);
    if (!read) {
      ctx.diagnostics.push({ code: WALMART_DIAGNOSTIC_CODES.unrecognisedNumber, message: 'A tracking number in the order data matches no carrier format; left out', pageKind: ctx.kind, layout: ctx.layout });
    }
    return { ...base, trackingNumber: read?.trackingNumber ?? null, carrier: read?.carrier ?? null, trackUrl: walmartLink(n.link, ctx) };
  });
}

/** Walmart's own track page, kept when the URL policy says it is Walmart's (or the page's own host). */
function walmartLink(raw: string | null, ctx: Ctx): string | null {
  if (!raw?.trim()) return null;
  const check = shopLink(raw.trim(), SHOP, ctx.url);
  if (check.ok) return check.url;
  ctx.diagnostics.push(urlRefusedDiagnostic(check, ctx.kind));
  return null;
}

function isoOf(v: string | null | undefined): string | null {
  const t = v?.trim();
  return t && ISO_DATE.test(t) ? t : null;
}

function etaOf(deliveryDate: string | null | undefined, message: string, ctx: StatusContext): Eta | null {
  const iso = isoOf(deliveryDate);
  if (iso) return { from: iso.slice(0, 10), to: iso.slice(0, 10) };
  if (!/^arriv/i.test(message)) return null;
  const dates = readDates(message, ctx, 'future').dates;
  if (dates.length === 0) return null;
  const from = dates[0]!.date;
  const to = dates[dates.length - 1]!.date;
  return { from, to: to >= from ? to : from };
}

/** "Delivered on Mar 07" → the date, resolved from the order's day (the message carries no year). */
function messageDate(message: string, re: RegExp, ctx: StatusContext, dir: 'past' | 'future'): string | null {
  if (!re.test(message)) return null;
  return readDates(message, ctx, dir).dates[0]?.date ?? null;
}

function orderStatusOf(statuses: (Status | null)[]): OrderStatus {
  if (statuses.length === 0 || statuses.some((s) => s === null)) return statuses.some((s) => s !== null) ? 'open' : 'unknown';
  if (statuses.every((s) => s === 'cancelled')) return 'cancelled';
  if (statuses.every((s) => s === 'returned')) return 'returned';
  if (statuses.every((s) => s === 'delivered' || s === 'cancelled' || s === 'returned')) return 'delivered';
  return 'open';
}

/**
 * The visible cards (`[data-testid^="order-"]`, §2, from scrapers' selectors) when the data is absent. Only what
 * is unambiguous is read: the order id from the card's link to its own `/orders/<id>` page (no link, no order), the
 * status from a line that begins with one of Walmart's status words, and numbers only from carriers' tracking links.
 */
function readCards(cards: NodeListOf<Element>, ctx: Ctx): OrderReading[] {
  const byId = new Map<string, OrderReading>();
  for (let i = 0; i < cards.length && i < MAX_CARDS; i++) {
    const card = cards[i]!;
    // A card inside another card (an item tile, a sub-section) is read with its parent.
    if (card.parentElement?.closest('[data-testid^="order-"]')) continue;
    const orderId = cardOrderId(card, ctx.url);
    if (!orderId || byId.has(orderId)) continue;
    const line = statusLine(card);
    const status = line ? (STATUS_WORDS.find(([re]) => re.test(line))?.[1] ?? null) : null;
    const deliveredAt = status === 'delivered' && line ? messageDate(line, /^delivered\b/i, ctx.status, 'past') : null;
    const eta = status === null && line ? etaOf(null, line, ctx.status) : null;
    const base = { shipmentId: null, statusText: line, status, eta, deliveredAt, items: [] };
    const links = carrierLinksIn(card, ctx.url);
    const shipments: ShipmentReading[] =
      links.length === 0
        ? [{ ...base, trackingNumber: null, carrier: null, trackUrl: null }]
        : links.map((l, k) => ({ ...base, shipmentId: links.length > 1 ? `link-${k + 1}` : null, ...l }));
    byId.set(orderId, {
      orderId,
      placedAt: null,
      total: null,
      status: orderStatusOf(shipments.map((s) => s.status)),
      kind: 'unknown',
      orderUrl: orderUrlOf(orderId, ctx),
      items: [],
      shipments,
    });
  }
  return [...byId.values()];
}

function cardOrderId(card: Element, page: URL): string | null {
  for (const a of card.querySelectorAll('a[href]')) {
    let u: URL;
    try {
      u = new URL(a.getAttribute('href') ?? '', page);
    } catch {
      continue;
    }
    if (u.hostname !== page.hostname) continue;
    const m = DETAILS_PATH.exec(u.pathname);
    if (m) return m[1]!.replace(/-/g, '');
  }
  return null;
}

/** The first short text in the card that begins with a status word ("Delivered on Mar 07", "Arrives Mar 12"). */
function statusLine(card: Element): string | null {
  const walker = card.ownerDocument.createTreeWalker(card, 4 /* NodeFilter.SHOW_TEXT */);
  for (let n = walker.nextNode(), seen = 0; n && seen < 500; n = walker.nextNode(), seen++) {
    const t = (n.parentElement?.textContent ?? '').replace(/[\s\u00a0]+/g, ' ').trim();
    if (t.length > 0 && t.length <= 80 && STATUS_WORDS.some(([re]) => re.test(t))) return t;
  }
  return null;
}


function at(v: unknown, ...keys: string[]): unknown {
  let cur = v;
  for (const k of keys) {
    if (!isObject(cur)) return undefined;
    cur = cur[k];
  }
  return cur;
}

function isObject(v: unknown): v is Record<string, unknown> {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}
