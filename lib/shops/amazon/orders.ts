/**
 * Orders and shipments from "Your Orders" cards and order-details pages, in every layout seen since 2023
 * (../shared/docs/amazon-pages.md §1–2, §6):
 * - 2023 cards: `.order-info` header + `.a-box.shipment` with hidden `span.js-shipment-info[data-yo*]`;
 * - 2024+ cards: `.order-header` + `.delivery-box` with `.delivery-box__primary-text`/`__secondary-text`;
 * - both mixed on one page (non-shipping cards kept the 2023 header);
 * - details pages: 2023 `.od-shipments .a-box.shipment`, 2024+ `[data-component=shipmentStatus]`.
 */
import type { Status } from '../../model/status';
import type { OrderItem, OrderKind, OrderStatus } from '../../model/types';
import type { OrderReading, ShipmentReading } from '../types';
import { slotOrderId } from './csd';
import { first, innermost, MONEY_RE, text } from './dom';
import type { AmazonLanguage } from './marketplace';
import { classifyPhrase, parseHeaderDate, parseStatusText, type StatusContext } from './status-text';
import { isTrackHref, ORDER_ID_RE, orderIdFromHref, parseTrackLink, shipmentIdFromHref, trackPackageUrl } from './urls';
import { normalise, VOCABULARY } from './vocabulary';

export interface ReadContext extends StatusContext {
  base: URL;
  host: string;
  language: AmazonLanguage;
}

/** Extra, Amazon-only facts about a shipment (kept beside the contract's keys). */
export interface AmazonShipmentReading extends ShipmentReading {
  /** Which box layout it came from (`delivery-box`, `shipment-2023`, `details-component`, `track-page`). */
  layout: string;
  /** The item link id Amazon's tracker wants (`itemId`), when a link gave one. */
  itemId: string | null;
  packageIndex: number | null;
  /** The primary/secondary lines as shown. */
  primaryText: string | null;
  secondaryText: string | null;
}

const SHORT_CODES: Readonly<Record<string, Status>> = {
  DELIVERED: 'delivered',
  IN_TRANSIT: 'in_transit',
  SHIPPED: 'in_transit',
  OUT_FOR_DELIVERY: 'out_for_delivery',
  ORDER_PLACED: 'pending',
  NOT_YET_SHIPPED: 'pending',
  PREPARING_FOR_SHIPMENT: 'pending',
  CANCELLED: 'cancelled',
  CANCELED: 'cancelled',
  RETURNED: 'returned',
  RETURN_COMPLETE: 'returned',
  READY_FOR_PICKUP: 'available_for_pickup',
  PICKUP_AVAILABLE: 'available_for_pickup',
  DELIVERY_ATTEMPTED: 'attempt_failed',
  UNDELIVERABLE: 'exception',
  DELAYED: 'exception',
};

/** Amazon's own language-independent status code (`data-yoshortstatuscode`, tracker `shortStatus`). */
export function statusFromShortCode(code: string | null | undefined): Status | null {
  if (!code) return null;
  return SHORT_CODES[code.trim().toUpperCase()] ?? null;
}

// ---------------------------------------------------------------------------------------------- items

function readItems(scope: Element, ctx: ReadContext): OrderItem[] {
  const soldBy = [VOCABULARY[ctx.language].soldBy, VOCABULARY.en.soldBy];
  const containers = innermost(
    scope,
    '.yohtmlc-item, .item-box, [data-component=purchasedItemsRightGrid], .od-item-view-title',
  );
  const items: OrderItem[] = [];
  for (const c of containers) {
    const titleEl =
      first(c, '.yohtmlc-product-title', '[data-component=itemTitle] a', '[data-component=itemTitle]') ??
      [...c.querySelectorAll('a[href*="/gp/product/"], a[href*="/dp/"]')].find((a) => text(a) !== '') ??
      null;
    const title = text(titleEl);
    if (!title) continue;
    const link = titleEl?.closest('a') ?? titleEl?.querySelector('a') ?? null;
    let url: string | null = null;
    const href = link?.getAttribute('href');
    if (href) {
      try {
        url = new URL(href.trim(), ctx.base).href;
      } catch {
        url = null;
      }
    }
    let seller: string | null = null;
    const merchant = c.querySelector('[data-component=orderedMerchant]');
    const candidates = merchant ? [merchant] : [...c.querySelectorAll('.a-size-small.a-color-secondary, .a-color-secondary')];
    for (const el of candidates) {
      const t = text(el);
      const re = soldBy.find((r) => r.test(t));
      if (re) {
        seller = t.replace(re, '').trim() || null;
        break;
      }
    }
    const qtyEl = c.querySelector('.product-image__qty, .item-view-qty') ?? c.parentElement?.querySelector('.product-image__qty, .item-view-qty');
    const qty = qtyEl ? Number.parseInt(text(qtyEl), 10) : Number.NaN;
    items.push({ title, quantity: Number.isFinite(qty) ? qty : 1, seller, url });
  }
  return items;
}

// ---------------------------------------------------------------------------------------------- shipments

interface BoxLines {
  primary: string | null;
  secondary: string | null;
  shortCode: string | null;
  layout: string;
}

function linesOf(box: Element): BoxLines {
  // 2024+ list card.
  const p24 = first(box, '.delivery-box__primary-text', '.yohtmlc-shipment-status-primaryText');
  if (p24 || box.classList.contains('delivery-box')) {
    const s24 = first(box, '.delivery-box__secondary-text', '.yohtmlc-shipment-status-secondaryText');
    return { primary: text(p24) || null, secondary: text(s24) || null, shortCode: null, layout: 'delivery-box' };
  }
  // 2024+ details page.
  const status = box.querySelector('[data-component=shipmentStatus]');
  if (status) {
    const h = status.querySelector('.od-status-message');
    let secondary: string | null = null;
    for (const row of status.querySelectorAll('.a-row')) {
      if (h && (row.contains(h) || h.contains(row))) continue;
      const t = text(row);
      if (t) {
        secondary = t;
        break;
      }
    }
    return { primary: text(h) || null, secondary, shortCode: null, layout: 'details-component' };
  }
  // 2023 card / details box.
  const info = box.querySelector('span.js-shipment-info');
  const top = box.querySelector('.js-shipment-info-container, .shipment-top-row');
  const bold = top?.querySelector('.a-text-bold') ?? null;
  let secondary: string | null = null;
  if (top && bold) {
    for (const el of top.querySelectorAll('.a-row, .a-color-secondary')) {
      if (el.contains(bold) || el.closest('.actions') || el === info || el.querySelector('.a-row, .a-color-secondary')) continue;
      const t = text(el);
      if (t) {
        secondary = t;
        break;
      }
    }
  }
  const primary = text(bold) || info?.getAttribute('data-yodeliveryestimate')?.trim() || null;
  return {
    primary,
    secondary,
    shortCode: info?.getAttribute('data-yoshortstatuscode') || null,
    layout: 'shipment-2023',
  };
}

function readShipment(box: Element, orderId: string, ctx: ReadContext): AmazonShipmentReading {
  const lines = linesOf(box);
  const meaning = parseStatusText(lines.primary, lines.secondary, ctx);
  let status = meaning.status;
  // The hidden 2023 code is language-independent: trust it when the wording was not understood.
  const coded = statusFromShortCode(lines.shortCode);
  if (!status && coded) status = coded;

  let track: ReturnType<typeof parseTrackLink> = null;
  let shipmentId: string | null = null;
  for (const a of box.querySelectorAll('a[href]')) {
    const href = a.getAttribute('href') ?? '';
    if (!track && isTrackHref(href)) track = parseTrackLink(href, ctx.base);
    if (!shipmentId) shipmentId = shipmentIdFromHref(href, ctx.base);
  }
  if (track?.shipmentId) shipmentId = track.shipmentId;
  const trackUrl =
    track?.url ?? (shipmentId ? trackPackageUrl(ctx.host, { orderId, shipmentId }) : null);
  return {
    shipmentId,
    statusText: [lines.primary, lines.secondary].filter(Boolean).join(' · ') || null,
    status,
    eta: meaning.eta,
    deliveredAt: meaning.deliveredAt,
    trackingNumber: null,
    carrier: null,
    trackUrl,
    items: readItems(box, ctx),
    layout: lines.layout,
    itemId: track?.itemId ?? null,
    packageIndex: track?.packageIndex ?? null,
    primaryText: lines.primary,
    secondaryText: lines.secondary,
  };
}

// ---------------------------------------------------------------------------------------------- orders

/** Order status from its shipments: a cancelled order has nothing left waiting. */
export function orderStatusOf(kind: OrderKind, shipments: ShipmentReading[]): OrderStatus {
  if (kind !== 'physical' && kind !== 'unknown') return 'completed';
  if (shipments.length === 0) return 'unknown';
  const st = shipments.map((s) => s.status);
  if (st.some((s) => s === null)) return st.every((s) => s === null) ? 'unknown' : 'open';
  if (st.every((s) => s === 'cancelled')) return 'cancelled';
  if (st.every((s) => s === 'returned')) return 'returned';
  if (st.every((s) => s === 'delivered' || s === 'returned' || s === 'cancelled')) return 'delivered';
  return 'open';
}

const IN_STORE_HREF = /\/wholefoodsmarket\/receipts\/|\/go\/receipts\/|\/instore\//;
const DIGITAL_HREF = /\/gp\/digital\/|\/gp\/swvgdtt\/|\/gp\/video\/|\/kindle-dbs\/|manage-downloads|\/gp\/mas\/your-account/;
const GIFT_CARD_HREF = /gc-reissue|_gc_e_|\/gc\/(balance|redeem)|\/gift-cards?\//;

function kindOf(orderId: string, card: Element, primaries: (string | null)[], labels: string[], ctx: ReadContext): OrderKind {
  if (/^D\d{2}-/.test(orderId)) return 'digital';
  const anchors = card.getElementsByTagName('a');
  const hrefs: string[] = [];
  for (let i = 0; i < anchors.length; i++) hrefs.push(anchors[i]!.getAttribute('href') ?? '');
  if (hrefs.some((h) => IN_STORE_HREF.test(h))) return 'in_store';
  if (labels.some((l) => /^(purchased|gekauft|achete|acquistato|comprado)\b/.test(normalise(l)))) return 'in_store';
  const meanings = primaries.map((p) => (p ? classifyPhrase(p, ctx.language) : null));
  if (meanings.includes('in_store')) return 'in_store';
  const titles = [...card.querySelectorAll('.yohtmlc-product-title, .yohtmlc-item a, [data-component=itemTitle]')].map(text);
  const egift = titles.some((t) => /\be-?gift card\b|\bgeschenkgutschein per e-mail\b|\bcarte cadeau (electronique|e-mail)\b/i.test(normalise(t)));
  if (card.querySelector('.gift-card-instance') || hrefs.some((h) => GIFT_CARD_HREF.test(h)) || egift) {
    // A card of only e-mailed gift cards: nothing ships.
    if (egift || meanings.includes('gift_sent') || card.querySelector('.gift-card-instance')) return 'gift_card';
  }
  if (meanings.includes('gift_sent')) return 'gift_card';
  if (hrefs.some((h) => DIGITAL_HREF.test(h)) && !card.querySelector('.delivery-box, .a-box.shipment, [data-component=shipmentStatus]'))
    return 'digital';
  return 'physical';
}

interface HeaderFields {
  placed: string | null;
  total: string | null;
  labels: string[];
}

/** "Order placed / November 1, 2024", "Total / $28.50" label–value pairs of a card header. */
function readHeader(header: Element | null, ctx: ReadContext): HeaderFields {
  const out: HeaderFields = { placed: null, total: null, labels: [] };
  if (!header) return out;
  const v = VOCABULARY[ctx.language];
  const en = VOCABULARY.en;
  for (const label of header.querySelectorAll('.a-text-caps, .label')) {
    const l = text(label);
    const n = normalise(l);
    if (!n) continue;
    out.labels.push(l);
    const isPlaced = !out.placed && (v.placedLabels.test(n) || en.placedLabels.test(n));
    const isTotal = !isPlaced && !out.total && (v.totalLabels.test(n) || en.totalLabels.test(n));
    if (!isPlaced && !isTotal) continue;
    // The label's own column (2023 `.a-column`, 2024+ header list item); never beyond the header.
    let col = label.closest('.order-header__header-list-item, .a-column');
    if (!col || !header.contains(col)) col = label.parentElement?.parentElement ?? null;
    if (!col) continue;
    const all = text(col);
    const value = all.slice(all.indexOf(l) + l.length).trim();
    if (isPlaced) out.placed = value || null;
    else out.total = MONEY_RE.exec(value)?.[0] ?? (value || null);
  }
  return out;
}

function cardOrderId(card: Element, base: URL): string | null {
  const idEl = card.querySelector('.yohtmlc-order-id');
  const m = idEl ? ORDER_ID_RE.exec(text(idEl)) : null;
  if (m) return m[0];
  const slot = slotOrderId(card) ?? (card.closest('[data-csa-c-slot-id]') ? slotOrderId(card.closest('[data-csa-c-slot-id]')!) : null);
  if (slot) return slot;
  for (const a of card.querySelectorAll('a[href*="rderI"], a[href*="search="]')) {
    const id = orderIdFromHref(a.getAttribute('href') ?? '', base);
    if (id) return id;
  }
  return null;
}

/** Shipment boxes of a card: 2024+ `.delivery-box`, 2023 `.a-box.shipment`, and 2023 boxes that only carry a status row (eGift "Sent"). */
function shipmentBoxes(card: Element): Element[] {
  const boxes = innermost(card, '.delivery-box, .a-box.shipment');
  for (const row of card.querySelectorAll('.js-shipment-info-container')) {
    const box = row.closest('.a-box');
    if (box && !boxes.some((b) => b === box || b.contains(box) || box.contains(b))) boxes.push(box);
  }
  return boxes;
}

function dedupeItems(items: OrderItem[]): OrderItem[] {
  const seen = new Set<string>();
  return items.filter((i) => {
    if (seen.has(i.title)) return false;
    seen.add(i.title);
    return true;
  });
}

/**
 * The context for one order's shipment lines: its placed day (which carries a year) anchors their month/day
 * dates (status-text.ts; issue #19 point 5, "Delivered November 2" was a year off once read a year later).
 */
function withPlacedOn(ctx: ReadContext, placedAt: string | null): ReadContext {
  return { ...ctx, placedOn: placedAt };
}

/** One "Your Orders" card → an order, or null when it has no readable order id. */
export function readOrderCard(card: Element, ctx: ReadContext): OrderReading | null {
  const orderId = cardOrderId(card, ctx.base);
  if (!orderId) return null;
  const header = first(card, '.order-header', '.order-info');
  const h = readHeader(header, ctx);
  const boxes = shipmentBoxes(card);
  const primaries = boxes.map((b) => linesOf(b).primary);
  const kind = kindOf(orderId, card, primaries, h.labels, ctx);
  const placedAt = h.placed ? parseHeaderDate(h.placed, ctx) : null;
  const shipments = kind === 'physical' ? boxes.map((b) => readShipment(b, orderId, withPlacedOn(ctx, placedAt))) : [];
  const items = dedupeItems(kind === 'physical' ? shipments.flatMap((s) => s.items) : readItems(card, ctx));
  const detailsLink = card.querySelector('a.yohtmlc-order-details-link, .yohtmlc-order-level-connections a[href]');
  let orderUrl: string | null = null;
  const dh = detailsLink?.getAttribute('href');
  if (dh) {
    try {
      orderUrl = new URL(dh.trim(), ctx.base).href;
    } catch {
      orderUrl = null;
    }
  }
  return {
    orderId,
    placedAt,
    total: h.total,
    status: orderStatusOf(kind, shipments),
    kind,
    orderUrl,
    items,
    shipments,
  };
}

// ---------------------------------------------------------------------------------------------- details page

function detailsOrderId(root: Element, base: URL): string | null {
  for (const el of root.querySelectorAll('[data-component=orderId], .order-date-invoice-item, [data-component=briefOrderInfo]')) {
    const m = ORDER_ID_RE.exec(text(el));
    if (m) return m[0];
  }
  for (const a of root.querySelectorAll('a[href*="orderID="], a[href*="orderId="]')) {
    const id = orderIdFromHref(a.getAttribute('href') ?? '', base);
    if (id) return id;
  }
  return null;
}

function detailsPlaced(root: Element, ctx: ReadContext): string | null {
  const el = root.querySelector('[data-component=orderDate]');
  if (el && text(el)) return parseHeaderDate(text(el), ctx);
  for (const item of root.querySelectorAll('.order-date-invoice-item')) {
    const t = text(item);
    if (!ORDER_ID_RE.test(t)) {
      const d = parseHeaderDate(t, ctx);
      if (d) return d;
    }
  }
  return null;
}

function detailsTotal(root: Element, ctx: ReadContext): string | null {
  const v = VOCABULARY[ctx.language];
  const scope = root.querySelectorAll(
    '#od-subtotals span, [data-component=orderSubtotals] span, [data-component=chargeSummary] span, [data-component=orderSummary] span',
  );
  for (const el of scope) {
    const n = normalise(text(el));
    if (!(v.grandTotal.test(n) || VOCABULARY.en.grandTotal.test(n)) || n.length > 40) continue;
    for (let row: Element | null = el.parentElement; row && row !== root; row = row.parentElement) {
      const m = MONEY_RE.exec(text(row));
      if (m) return m[0];
    }
  }
  return null;
}

/** An order-details page → its one order (or null when no order id can be read). */
export function readOrderDetails(root: Element, ctx: ReadContext): OrderReading | null {
  const orderId = detailsOrderId(root, ctx.base);
  if (!orderId) return null;
  const boxes: Element[] = [];
  for (const b of root.querySelectorAll('.od-shipments .a-box.shipment, .a-box.shipment')) if (!boxes.includes(b)) boxes.push(b);
  for (const s of root.querySelectorAll('[data-component=shipmentStatus]')) {
    const b = s.closest('.a-box');
    if (b && !boxes.includes(b)) boxes.push(b);
  }
  const primaries = boxes.map((b) => linesOf(b).primary);
  const kind = kindOf(orderId, root, primaries, [], ctx);
  const placedAt = detailsPlaced(root, ctx);
  const shipments = kind === 'physical' ? boxes.map((b) => readShipment(b, orderId, withPlacedOn(ctx, placedAt))) : [];
  const items = dedupeItems(kind === 'physical' && shipments.length ? shipments.flatMap((s) => s.items) : readItems(root, ctx));
  return {
    orderId,
    placedAt,
    total: detailsTotal(root, ctx),
    status: orderStatusOf(kind, shipments),
    kind,
    orderUrl: `https://www.${ctx.host}/gp/your-account/order-details?orderID=${orderId}`,
    items,
    shipments,
  };
}

