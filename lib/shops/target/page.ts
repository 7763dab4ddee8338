/**
 * Reads Target's order pages (issue #15). What is known is the order_history JSON the page fetches after it
 * loads (../shared/docs/other-shops.md §3, real captures); the page's own markup is not documented. So: when the
 * document itself carries order_history-shaped JSON (./order-history.ts), its orders are read (number, date,
 * total, items, one shipment per tracking number, status from `status.key` / `grouping.name`, estimated dates);
 * otherwise the page's structure is unknown and says so in a diagnostic, and only links to carriers' tracking
 * pages are read, as the shipments of the order a details page's URL names. An order is never made from loose
 * text. Target names no carrier: the number decides (../number-carrier.ts), and a number no format knows is
 * dropped with a diagnostic. Pure: document, URL and `now` are parameters.
 */
import type { Status } from '../../model/status';
import type { Eta, OrderItem, OrderKind, OrderStatus } from '../../model/types';
import { shopLink } from '../../url-policy';
import { carrierLinksIn, carrierOfNumber } from '../number-carrier';
import type { Diagnostic, OrderReading, PageKind, PageReading, ShipmentReading } from '../types';
import { decodeEntities, embeddedTargetOrders, orderLineSchema, type TargetOrderLine, targetOrderSchema } from './order-history';

export const TARGET_DIAGNOSTIC_CODES = {
  structureUnknown: 'target-structure-unknown',
  unexpectedShape: 'unexpected-shape',
  unknownStatus: 'unknown-status',
  unrecognisedNumber: 'unrecognised-number',
  readerError: 'reader-error',
} as const;

const SHOP = 'target';
const LIST_PATH = /^\/(?:account\/)?orders\/?$/;
/** Details: `/orders/<order_number>` (15 digits, exchanges longer, §3). The path itself is our assumption. */
const DETAILS_PATH = /^\/(?:account\/)?orders\/(\d{12,24})\/?$/;
const MAX_ORDERS = 200;

export function targetPageKind(url: URL): PageKind | null {
  if (DETAILS_PATH.test(url.pathname)) return 'order-details';
  if (LIST_PATH.test(url.pathname)) return 'order-history';
  return null;
}

/** `fulfillment_spec.status.key` (§3). */
const STATUS_KEY: Readonly<Record<string, [Status, string]>> = {
  STAT_DELIVERED: ['delivered', 'Delivered'],
  STAT_ORDER_SHIPPED: ['in_transit', 'Shipped'],
  STAT_ORDER_PICKED_UP: ['delivered', 'Picked up'],
  STAT_CANCELED: ['cancelled', 'Cancelled'],
};
/** `grouping.name` (§3), when the line's status key is absent or unknown. REFUND_ISSUED says nothing of the parcel. */
const GROUPING_NAME: Readonly<Record<string, [Status | null, string]>> = {
  DELIVERED: ['delivered', 'Delivered'],
  ORDER_SHIPPED: ['in_transit', 'Shipped'],
  ORDER_PICKED_UP: ['delivered', 'Picked up'],
  CANCELED: ['cancelled', 'Cancelled'],
  REFUND_ISSUED: [null, 'Refund issued'],
};
const ISO_DATE = /^\d{4}-\d{2}-\d{2}(?:T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?$/;

export function readTargetPage(doc: Document, url: URL, now: Date): PageReading {
  const kind = targetPageKind(url) ?? 'unknown';
  try {
    return readPage(doc, url, now, kind);
  } catch (err) {
    return {
      kind,
      shop: SHOP,
      url: url.href,
      readAt: now.getTime(),
      orders: [],
      diagnostics: [{ code: TARGET_DIAGNOSTIC_CODES.readerError, message: `The Target reader failed on this page (${err instanceof Error ? err.name : 'error'})`, pageKind: kind }],
    };
  }
}

interface Ctx {
  url: URL;
  kind: PageKind;
  diagnostics: Diagnostic[];
  layout: string;
}

function readPage(doc: Document, url: URL, now: Date, kind: PageKind): PageReading {
  const diagnostics: Diagnostic[] = [];
  const reading = (orders: OrderReading[]): PageReading => ({ kind, shop: SHOP, url: url.href, readAt: now.getTime(), orders, diagnostics });
  const embedded = embeddedTargetOrders(doc);
  if (embedded.orders.length > 0) {
    const ctx: Ctx = { url, kind, diagnostics, layout: embedded.where ?? 'json' };
    const orders: OrderReading[] = [];
    for (const raw of embedded.orders.slice(0, MAX_ORDERS)) {
      const o = readOrder(raw, ctx);
      if (o) orders.push(o);
    }
    if (orders.length < Math.min(embedded.orders.length, MAX_ORDERS)) {
      diagnostics.push({
        code: TARGET_DIAGNOSTIC_CODES.unexpectedShape,
        message: `${embedded.orders.length - orders.length} order-shaped objects in the page's data could not be read (wrong field types or no order number): left out`,
        pageKind: kind,
        layout: ctx.layout,
        expected: embedded.orders.length,
        found: orders.length,
      });
    }
    return reading(orders);
  }

  // The page's own markup is not known: only links to carriers' tracking pages say something for sure.
  const links = carrierLinksIn(doc, url);
  const orderId = DETAILS_PATH.exec(url.pathname)?.[1] ?? null;
  diagnostics.push({
    code: TARGET_DIAGNOSTIC_CODES.structureUnknown,
    message: orderId
      ? "A Target order page without its order data: the page's own structure is not known, so only links to carriers' tracking pages are read, as this order's parcels"
      : "A Target order list without its order data: the page's own structure is not known, and links to carriers' tracking pages cannot be told apart by order here, so nothing is read (Scan this page reads them)",
    pageKind: kind,
    layout: 'no-data',
    found: links.length,
  });
  if (!orderId || links.length === 0) return reading([]);
  const shipments: ShipmentReading[] = links.map((l, i) => ({
    shipmentId: links.length > 1 ? `link-${i + 1}` : null,
    statusText: null,
    status: null,
    eta: null,
    deliveredAt: null,
    items: [],
    ...l,
  }));
  return reading([{ orderId, placedAt: null, total: null, status: 'unknown', kind: 'physical', orderUrl: url.href, items: [], shipments }]);
}

function readOrder(raw: unknown, ctx: Ctx): OrderReading | null {
  const parsed = targetOrderSchema.safeParse(raw);
  if (!parsed.success) return null;
  const o = parsed.data;
  const orderId = String(o.order_number).trim();
  if (!/^\d{6,30}$/.test(orderId)) return null;
  const lines: TargetOrderLine[] = [];
  let bad = 0;
  for (const l of o.order_lines) {
    const p = orderLineSchema.safeParse(l);
    if (p.success) lines.push(p.data);
    else bad++;
  }
  if (bad > 0) {
    ctx.diagnostics.push({ code: TARGET_DIAGNOSTIC_CODES.unexpectedShape, message: `${bad} order line(s) have an unexpected shape: left out`, pageKind: ctx.kind, layout: ctx.layout, expected: o.order_lines.length, found: lines.length });
  }

  // Lines with the same tracking number share a package (§3: `grouping.key` is the number); lines without one
  // are grouped by their status, one parcel-to-be each.
  const groups = new Map<string, TargetOrderLine[]>();
  for (const l of lines) {
    const number = l.fulfillment_spec?.status?.tracking_number?.trim() || numberLike(l.grouping?.key) || '';
    const key = number ? `n:${number}` : `s:${l.fulfillment_spec?.status?.key ?? l.grouping?.name ?? ''}:${l.fulfillment_spec?.fulfillment_type ?? ''}`;
    const list = groups.get(key);
    if (list) list.push(l);
    else groups.set(key, [l]);
  }
  const shipments: ShipmentReading[] = [];
  for (const [key, group] of groups) shipments.push(readShipment(key.startsWith('n:') ? key.slice(2) : null, group, ctx));
  shipments.forEach((s, i) => (s.shipmentId = shipments.length > 1 ? `shipment-${i + 1}` : null));

  const placed = o.placed_date?.trim();
  const store = o.order_purchase_type?.trim().toUpperCase() === 'STORE';
  const kind: OrderKind = store ? 'in_store' : lines.length > 0 ? 'physical' : 'unknown';
  return {
    orderId,
    placedAt: placed && ISO_DATE.test(placed) ? placed.slice(0, 10) : null,
    total: totalOf(o.summary?.grand_total),
    status: orderStatusOf(shipments.map((s) => s.status)),
    kind,
    orderUrl: orderUrlOf(orderId, ctx),
    items: lines.map(itemOf).filter((i): i is OrderItem => i !== null),
    shipments,
  };
}

function readShipment(rawNumber: string | null, lines: TargetOrderLine[], ctx: Ctx): ShipmentReading {
  const first = lines[0]!;
  const st = first.fulfillment_spec?.status;
  const key = st?.key?.trim().toUpperCase() ?? '';
  const byKey = STATUS_KEY[key];
  const byGroup = GROUPING_NAME[first.grouping?.name?.trim().toUpperCase() ?? ''];
  const [status, statusText] = byKey ?? byGroup ?? [null, null];
  if (!byKey && !byGroup && (key || first.grouping?.name)) {
    ctx.diagnostics.push({ code: TARGET_DIAGNOSTIC_CODES.unknownStatus, message: 'An order line has a status the reader does not know; status left unread', pageKind: ctx.kind, layout: ctx.layout });
  }
  const terminal = status === 'delivered' || status === 'cancelled';
  const deliveredAt = status === 'delivered' ? (iso(st?.fulfilled_date) ?? iso(st?.date)) : null;
  const spec = first.fulfillment_spec;
  const eta = terminal ? null : (range(st?.estimated_start_date, st?.estimated_end_date) ?? range(spec?.guest_promised_delivery_start_date, spec?.guest_promised_delivery_end_date));
  const read = rawNumber ? carrierOfNumber(rawNumber) : null;
  if (rawNumber && !read) {
    ctx.diagnostics.push({ code: TARGET_DIAGNOSTIC_CODES.unrecognisedNumber, message: 'A tracking number in the order data matches no carrier format; left out', pageKind: ctx.kind, layout: ctx.layout });
  }
  return {
    shipmentId: null,
    statusText,
    status,
    eta,
    deliveredAt,
    trackingNumber: read?.trackingNumber ?? null,
    carrier: read?.carrier ?? null,
    trackUrl: null,
    items: lines.map(itemOf).filter((i): i is OrderItem => i !== null),
  };
}

/** `grouping.key` is the tracking number when the line has one (§3); what it holds otherwise is not known, so only a number-like key counts. */
function numberLike(key: string | null | undefined): string | null {
  const k = key?.trim();
  return k && k.length >= 8 && /\d/.test(k) && /^[0-9A-Za-z -]+$/.test(k) ? k : null;
}

function itemOf(l: TargetOrderLine): OrderItem | null {
  const title = decodeEntities(l.item?.description ?? '').replace(/[\s\u00a0]+/g, ' ').trim();
  if (!title) return null;
  const q = l.original_quantity;
  return { title: title.slice(0, 200), quantity: typeof q === 'number' && Number.isInteger(q) && q > 0 ? q : null, seller: null, url: null };
}

function iso(v: string | null | undefined): string | null {
  const t = v?.trim();
  return t && ISO_DATE.test(t) ? t : null;
}

function range(from: string | null | undefined, to: string | null | undefined): Eta | null {
  const a = iso(from)?.slice(0, 10) ?? null;
  const b = iso(to)?.slice(0, 10) ?? null;
  if (!a && !b) return null;
  const f = a ?? b!;
  const t = b ?? a!;
  return t >= f ? { from: f, to: t } : { from: f, to: f };
}

/** "24.37" → "$24.37"; a value already printed with its currency is kept. */
function totalOf(v: string | number | null | undefined): string | null {
  if (typeof v === 'number') return Number.isFinite(v) && v >= 0 ? `$${v.toFixed(2)}` : null;
  const t = v?.trim();
  if (!t) return null;
  if (/^\d{1,9}(?:\.\d{1,2})?$/.test(t)) return `$${Number(t).toFixed(2)}`;
  return /^\$\d/.test(t) && t.length <= 20 ? t : null;
}

/** The order's page, `https://www.target.com/orders/<order_number>` (our assumption of the details path), on Target's hosts only. */
function orderUrlOf(orderId: string, ctx: Ctx): string | null {
  const check = shopLink(`/orders/${orderId}`, SHOP, ctx.url);
  return check.ok ? check.url : null;
}

function orderStatusOf(statuses: (Status | null)[]): OrderStatus {
  if (statuses.length === 0 || statuses.some((s) => s === null)) return statuses.some((s) => s !== null) ? 'open' : 'unknown';
  if (statuses.every((s) => s === 'cancelled')) return 'cancelled';
  if (statuses.every((s) => s === 'delivered' || s === 'cancelled')) return 'delivered';
  return 'open';
}

