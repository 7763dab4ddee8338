/**
 * Reads AliExpress's order list, order details and logistics pages (issue #15; structure from a scraper's
 * selectors, ../shared/docs/other-shops.md §6):
 * - list `/p/order/index.html`: each `div.order-item`'s status text, "Order date:" and "Order ID:" lines, total;
 * - details `/p/order/detail.html?orderId=`: the items only (`div.order-detail-item-content-wrap`);
 * - logistics `track.aliexpress.com/logisticsdetail.htm?tradeId=`: in `div.tracking-module`, the numbers of the
 *   Cainiao link's `mailNoList=` (a comma list), the carrier (`span.title-eclp`), the status
 *   (`div.status-title-text`) and the events (`ul.ship-steps > li`: `p.time`, `p.timezone`, `p.head`, `p.text`).
 *
 * A number no carrier format verifies is dropped with a diagnostic (Cainiao's own `LP…` numbers are of no carrier
 * the registry knows); an unknown status word gives no status. Pure: document, URL and `now` are parameters.
 */
import type { Status } from '../../model/status';
import { isTimeZone } from '../../model/time';
import type { OrderItem } from '../../model/types';
import { readDates, type StatusContext } from '../amazon/status-text';
import { absoluteUrl, carrierFromLabel, checkedNumber, guarded, orderStatusOf, statusFromWords, textOf } from '../tracking-from-page';
import type { Diagnostic, ExtractOptions, OrderReading, PageKind, PageReading, ShipmentEventReading, ShipmentReading } from '../types';

const SHOP = 'aliexpress';
const ORDER_ID = /^\d{12,20}$/;
const MAX_ORDERS = 100;
const MAX_NUMBERS = 10;
const MAX_EVENTS = 200;

/** Which AliExpress page a URL is (`matches` in ./index.ts uses it too). */
export function aliexpressPageKind(url: URL): PageKind | null {
  const path = url.pathname.toLowerCase();
  if (path === '/p/order/index.html') return 'order-history';
  if (path === '/p/order/detail.html') return 'order-details';
  if (path === '/logisticsdetail.htm') return 'track-package';
  return null;
}

/** Order-list status texts (§6) → status; others give none. */
const LIST_STATUS: Readonly<Record<string, Status>> = {
  'awaiting payment': 'pending',
  'awaiting shipment': 'pending',
  'to ship': 'pending',
  shipped: 'in_transit',
  'awaiting delivery': 'in_transit',
  delivered: 'delivered',
  cancelled: 'cancelled',
  canceled: 'cancelled',
};

export function readAliexpressPage(doc: Document, url: URL, now: Date, options: ExtractOptions = {}): PageReading {
  const kind = aliexpressPageKind(url) ?? 'unknown';
  return guarded('AliExpress', SHOP, kind, url, now, () => {
    const diagnostics: Diagnostic[] = [];
    const ctx: StatusContext = { now, timeZone: options.timeZone && isTimeZone(options.timeZone) ? options.timeZone : 'UTC', language: 'en' };
    let orders: OrderReading[] = [];
    if (kind === 'order-history') orders = readList(doc, url, ctx, diagnostics);
    else if (kind === 'order-details') orders = readDetails(doc, url, diagnostics);
    else if (kind === 'track-package') orders = readLogistics(doc, url, diagnostics);
    else diagnostics.push({ code: 'unknown-page', message: 'Not an AliExpress order list, order details or logistics page', pageKind: 'unknown' });
    return { kind, shop: SHOP, url: url.href, readAt: now.getTime(), orders, diagnostics };
  });
}

function readList(doc: Document, url: URL, ctx: StatusContext, diagnostics: Diagnostic[]): OrderReading[] {
  const cards = [...doc.querySelectorAll('div.order-item')].slice(0, MAX_ORDERS);
  const out: OrderReading[] = [];
  let unknownStatus = 0;
  for (const card of cards) {
    let orderId = '';
    let placedAt: string | null = null;
    for (const line of [...card.querySelectorAll('div.order-item-header-right-info > div')].slice(0, 10)) {
      const t = textOf(line, 200);
      const id = /^order id\s*:\s*(\d+)/i.exec(t);
      if (id) orderId = id[1]!;
      const date = /^order date\s*:\s*(.+)$/i.exec(t);
      if (date) placedAt = readDates(date[1]!, ctx, 'past').dates[0]?.date ?? null;
    }
    if (!ORDER_ID.test(orderId)) continue;
    const statusText = textOf(card.querySelector('span.order-item-header-status-text'), 80) || null;
    const status = statusText ? (LIST_STATUS[statusText.toLowerCase()] ?? null) : null;
    if (statusText && !status) unknownStatus++;
    out.push({
      orderId,
      placedAt,
      total: textOf(card.querySelector('span.order-item-content-opt-price-total'), 40).replace(/^total\s*:\s*/i, '') || null,
      status: orderStatusOf([status]),
      kind: 'physical',
      orderUrl: new URL(`/p/order/detail.html?orderId=${orderId}`, url).href,
      items: [],
      // The list has no tracking (§6): the logistics page gives the parcels.
      shipments: [],
    });
  }
  if (out.length === 0) {
    diagnostics.push({
      code: 'unknown-layout',
      message: 'An AliExpress order list without readable orders (div.order-item with an "Order ID:" line): layout changed?',
      pageKind: 'order-history',
      expected: Math.max(1, cards.length),
      found: 0,
    });
  }
  if (unknownStatus > 0) diagnostics.push({ code: 'unknown-status', message: `${unknownStatus} AliExpress order status text(s) the reader does not know; status left unread`, pageKind: 'order-history' });
  return out;
}

function orderIdFrom(url: URL, param: string): string | null {
  const id = url.searchParams.get(param)?.trim() ?? '';
  return ORDER_ID.test(id) ? id : null;
}

function readDetails(doc: Document, url: URL, diagnostics: Diagnostic[]): OrderReading[] {
  const orderId = orderIdFrom(url, 'orderId');
  const items: OrderItem[] = [];
  for (const wrap of [...doc.querySelectorAll('div.order-detail-item-content-wrap')].slice(0, 100)) {
    const title = textOf(wrap.querySelector('.item-title'), 200);
    if (!title) continue;
    const q = /(?:^|\s)x\s*(\d{1,3})\b/i.exec(textOf(wrap.querySelector('.item-price'), 80));
    items.push({ title, quantity: q ? Number(q[1]) : null, seller: null, url: null });
  }
  if (!orderId || items.length === 0) {
    diagnostics.push({
      code: 'unknown-layout',
      message: orderId ? 'An AliExpress order details page without readable items (div.order-detail-item-content-wrap .item-title): layout changed?' : 'An AliExpress order details page without an order id in its URL',
      pageKind: 'order-details',
    });
    return [];
  }
  // Items only (§6): the parcels and their state come from the list and the logistics page.
  return [{ orderId, placedAt: null, total: null, status: 'unknown', kind: 'physical', orderUrl: url.href, items, shipments: [] }];
}

function readLogistics(doc: Document, url: URL, diagnostics: Diagnostic[]): OrderReading[] {
  const orderId = orderIdFrom(url, 'tradeId');
  const module = doc.querySelector('div.tracking-module');
  if (!orderId || !module) {
    diagnostics.push({
      code: 'unknown-layout',
      message: orderId
        ? 'An AliExpress logistics page without a tracking module (div.tracking-module): no tracking yet, or layout changed?'
        : 'An AliExpress logistics page without an order id (tradeId) in its URL',
      pageKind: 'track-package',
    });
    return [];
  }
  const carrierText = textOf(module.querySelector('span.title-eclp'), 80);
  const named = carrierFromLabel(carrierText);
  const statusText = textOf(module.querySelector('div.status-title-text'), 120) || null;
  const status = statusFromWords(statusText);
  if (statusText && !status) diagnostics.push({ code: 'unknown-status', message: 'An AliExpress logistics status the reader does not know; status left unread', pageKind: 'track-package' });
  const events = readEvents(module);

  const link = module.querySelector('a[href*="global.cainiao.com/detail.htm"]') ?? doc.querySelector('a[href*="global.cainiao.com/detail.htm"]');
  const href = absoluteUrl(link?.getAttribute('href'), url);
  const raw = href ? (new URL(href).searchParams.get('mailNoList') ?? '') : '';
  const numbers = raw
    .split(',')
    .map((n) => n.trim())
    .filter(Boolean)
    .slice(0, MAX_NUMBERS);
  const parcels: { trackingNumber: string; carrier: string }[] = [];
  for (const n of numbers) {
    const checked = checkedNumber(n, named ? [named] : []);
    if (!checked) diagnostics.push({ code: 'unrecognised-number', message: 'A tracking number on the page matches no carrier format; left out', pageKind: 'track-package' });
    else if (!parcels.some((p) => p.trackingNumber === checked.trackingNumber)) parcels.push(checked);
  }
  if (numbers.length === 0) diagnostics.push({ code: 'unknown-layout', message: 'An AliExpress tracking module without a Cainiao link carrying mailNoList=: layout changed?', pageKind: 'track-package' });

  const delivered = status === 'delivered' ? (events.find((e) => e.status === 'delivered')?.time ?? null) : null;
  const base = { statusText, status, eta: null, deliveredAt: delivered, items: [], events };
  const shipments: ShipmentReading[] =
    parcels.length === 0
      ? [{ shipmentId: null, trackingNumber: null, carrier: named, trackUrl: null, ...base }]
      : parcels.map((p, i) => ({
          shipmentId: parcels.length > 1 ? `parcel-${i + 1}` : null,
          trackingNumber: p.trackingNumber,
          carrier: p.carrier,
          // Cainiao's page is no carrier's the registry knows: the URL policy drops it at ingest, and the carrier's own page is used.
          trackUrl: href,
          ...base,
        }));
  return [{ orderId, placedAt: null, total: null, status: orderStatusOf([status]), kind: 'physical', orderUrl: new URL(`https://www.aliexpress.com/p/order/detail.html?orderId=${orderId}`).href, items: [], shipments }];
}

/** "2026-03-08 14:22:10" + "GMT+8" → "2026-03-08T14:22:10+08:00"; without a zone, the wall-clock time. */
function readEvents(module: Element): ShipmentEventReading[] {
  const out: ShipmentEventReading[] = [];
  for (const li of [...module.querySelectorAll('ul.ship-steps > li')].slice(0, MAX_EVENTS)) {
    const m = /^(\d{4})-(\d{2})-(\d{2})[ T](\d{2}):(\d{2})(?::(\d{2}))?$/.exec(textOf(li.querySelector('p.time'), 40));
    const head = textOf(li.querySelector('p.head'), 200);
    if (!m || !head) continue;
    const local = `${m[1]}-${m[2]}-${m[3]}T${m[4]}:${m[5]}:${m[6] ?? '00'}`;
    const offset = offsetOf(textOf(li.querySelector('p.timezone'), 40));
    const detail = textOf(li.querySelector('p.text'), 300);
    out.push({
      time: offset ? `${local}${offset}` : local,
      timeIsLocal: offset === null,
      timeZone: null,
      status: statusFromWords(head),
      description: detail ? `${head}: ${detail}` : head,
      location: null,
    });
  }
  // Newest first on the page; oldest first in a reading, as the other readers give them.
  return out.sort((a, b) => (a.time < b.time ? -1 : a.time > b.time ? 1 : 0));
}

function offsetOf(zone: string): string | null {
  const m = /^(?:GMT|UTC)\s*([+-])(\d{1,2})(?::?(\d{2}))?$/i.exec(zone);
  if (!m) return /^(?:GMT|UTC)$/i.test(zone) ? '+00:00' : null;
  const h = Number(m[2]);
  const min = Number(m[3] ?? '0');
  if (h > 14 || min > 59) return null;
  return `${m[1]}${String(h).padStart(2, '0')}:${String(min).padStart(2, '0')}`;
}
