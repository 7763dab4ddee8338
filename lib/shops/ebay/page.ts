/**
 * Reads eBay's purchase history and order details pages (issue #15; structure from a scraper's selectors,
 * ../shared/docs/other-shops.md §5): on the list, each `.m-order-card`'s label/value pairs (Order number, Order
 * date, Order total) and its "View order details" link; on the details page, each `.order-box`: its
 * `.order-info dl` (Order number, Time placed), and per `.shipment-info` the status text
 * (`.shipment-card-sub-title`, the current `.progress-stepper__item` when that says nothing known), the
 * `.tracking-info dl` (Number, Shipping service, Carrier).
 *
 * The labels read are English; a page whose labels are in another language is reported, not guessed at. A
 * number no carrier format verifies is dropped with a diagnostic; an order id not of eBay's `NN-NNNNN-NNNNN`
 * shape is not taken. Pure: document, URL and `now` are parameters.
 */
import { isTimeZone } from '../../model/time';
import type { Eta } from '../../model/types';
import { readDates, type StatusContext } from '../amazon/status-text';
import { absoluteUrl, carrierFromLabel, checkedNumber, definitionList, guarded, orderStatusOf, statusFromWords, textOf } from '../tracking-from-page';
import type { Diagnostic, ExtractOptions, OrderReading, PageKind, PageReading, ShipmentReading } from '../types';

const SHOP = 'ebay';
const ORDER_ID = /^\d{2}-\d{5}-\d{5}$/;
const MAX_ORDERS = 100;
const MAX_SHIPMENTS = 20;

/** Which eBay page a URL is (`matches` in ./index.ts uses it too). */
export function ebayPageKind(url: URL): PageKind | null {
  const path = url.pathname.replace(/\/+$/, '').toLowerCase();
  if (path === '/mye/myebay/purchase') return 'order-history';
  if (path === '/vod/fetchorderdetails') return 'order-details';
  return null;
}

export function readEbayPage(doc: Document, url: URL, now: Date, options: ExtractOptions = {}): PageReading {
  const kind = ebayPageKind(url) ?? 'unknown';
  return guarded('eBay', SHOP, kind, url, now, () => {
    const diagnostics: Diagnostic[] = [];
    const ctx: StatusContext = { now, timeZone: options.timeZone && isTimeZone(options.timeZone) ? options.timeZone : 'UTC', language: 'en' };
    const orders = kind === 'order-history' ? readList(doc, url, ctx, diagnostics) : kind === 'order-details' ? readDetails(doc, url, ctx, diagnostics) : [];
    if (kind === 'unknown') diagnostics.push({ code: 'unknown-page', message: 'Not an eBay purchase history or order details page', pageKind: 'unknown' });
    return { kind, shop: SHOP, url: url.href, readAt: now.getTime(), orders, diagnostics };
  });
}

const LIST_LABELS = new Set(['order number', 'order date', 'order total']);

function readList(doc: Document, url: URL, ctx: StatusContext, diagnostics: Diagnostic[]): OrderReading[] {
  const cards = [...doc.querySelectorAll('.m-order-card')].slice(0, MAX_ORDERS);
  if (cards.length === 0) {
    diagnostics.push({ code: 'unknown-layout', message: 'An eBay purchase history page without order cards (.m-order-card): layout changed?', pageKind: 'order-history' });
    return [];
  }
  const out: OrderReading[] = [];
  let unread = 0;
  for (const card of cards) {
    const texts = [...card.querySelectorAll('.secondaryMessage .primary__item--wrapper .primary__item--item-text')].slice(0, 40).map((el) => textOf(el, 200));
    const pairs = new Map<string, string>();
    for (let i = 0; i + 1 < texts.length; i++) {
      const label = texts[i]!.replace(/:$/, '').toLowerCase();
      if (LIST_LABELS.has(label) && !pairs.has(label)) pairs.set(label, texts[++i]!);
    }
    const orderId = pairs.get('order number') ?? '';
    if (!ORDER_ID.test(orderId)) {
      unread++;
      continue;
    }
    const details = [...card.querySelectorAll('a[href]')].find((a) => /^view order details$/i.test(textOf(a, 60)));
    out.push({
      orderId,
      placedAt: dateOf(pairs.get('order date') ?? '', ctx),
      total: pairs.get('order total') || null,
      // The list's cards carry no status the scraper documents: the details page says it.
      status: 'unknown',
      kind: 'unknown',
      orderUrl: absoluteUrl(details?.getAttribute('href'), url),
      items: [],
      shipments: [],
    });
  }
  if (unread > 0) {
    diagnostics.push({
      code: 'unknown-layout',
      message: 'eBay order cards without an English "Order number" label and an NN-NNNNN-NNNNN id: left out (another language, or layout changed?)',
      pageKind: 'order-history',
      expected: cards.length,
      found: out.length,
    });
  }
  return out;
}

/** The dt labels of `.order-info` this reader knows (English; §5). */
const ORDER_LABELS = ['order number', 'time placed'];

function readDetails(doc: Document, url: URL, ctx: StatusContext, diagnostics: Diagnostic[]): OrderReading[] {
  const boxes = [...doc.querySelectorAll('.order-box')].slice(0, MAX_ORDERS);
  const out: OrderReading[] = [];
  for (const box of boxes) {
    const info = definitionList(box.querySelector('.order-info dl'));
    if (info.size > 0 && !ORDER_LABELS.some((l) => info.has(l))) {
      diagnostics.push({ code: 'unsupported-language', message: 'An eBay order whose labels are not English: not read', pageKind: 'order-details' });
      continue;
    }
    const orderId = info.get('order number') ?? '';
    if (!ORDER_ID.test(orderId)) continue;
    const placedAt = dateOf(info.get('time placed') ?? '', ctx);
    const later: StatusContext = { ...ctx, placedOn: placedAt };
    const shipments = [...box.querySelectorAll('.shipment-info')].slice(0, MAX_SHIPMENTS).map((s) => readShipment(s, url, later, diagnostics));
    const numbered = shipments.filter((s) => s.trackingNumber);
    out.push({
      orderId,
      placedAt,
      total: info.get('order total') || null,
      status: orderStatusOf(shipments.map((s) => s.status)),
      kind: shipments.length > 0 ? 'physical' : 'unknown',
      orderUrl: url.href,
      items: [],
      shipments: shipments.map((s, i) => ({ ...s, shipmentId: numbered.length > 1 || shipments.length > 1 ? `shipment-${i + 1}` : null })),
    });
  }
  if (out.length === 0 && !diagnostics.some((d) => d.code === 'unsupported-language')) {
    diagnostics.push({
      code: 'unknown-layout',
      message: 'An eBay order details page without a readable order (.order-box, .order-info dl with "Order number"): layout changed?',
      pageKind: 'order-details',
      expected: Math.max(1, boxes.length),
      found: 0,
    });
  }
  return out;
}

function readShipment(el: Element, page: URL, ctx: StatusContext, diagnostics: Diagnostic[]): ShipmentReading {
  const subTitle = textOf(el.querySelector('.shipment-card-sub-title'), 200);
  const step = el.querySelector('.progress-stepper__item[aria-current="step"]')?.getAttribute('aria-label')?.slice(0, 120).trim() ?? '';
  let status = statusFromWords(subTitle);
  let statusText = subTitle || null;
  if (!status && step) {
    status = statusFromWords(step);
    if (status) statusText = step.replace(/,.*$/, '').trim();
  }
  if (!status && (subTitle || step)) {
    diagnostics.push({ code: 'unknown-status', message: 'An eBay shipment status the reader does not know; status left unread', pageKind: 'order-details' });
  }
  const deliveredAt = status === 'delivered' ? (dateOf(subTitle.replace(/^delivered\s*(?:on)?/i, ''), ctx) ?? null) : null;
  const eta = status === 'delivered' || status === 'cancelled' ? null : estimateOf(subTitle, ctx);

  const tracking = definitionList(el.querySelector('.shipment-card-content .tracking-box .tracking-info dl'));
  const named = carrierFromLabel(tracking.get('carrier')) ?? carrierFromLabel(tracking.get('shipping service'));
  const rawNumber = tracking.get('number') ?? '';
  const number = rawNumber ? checkedNumber(rawNumber, named ? [named] : []) : null;
  if (rawNumber && !number) {
    diagnostics.push({ code: 'unrecognised-number', message: 'A tracking number on the page matches no carrier format; left out', pageKind: 'order-details' });
  }
  const link = el.querySelector('.tracking-info a[href]');
  return {
    shipmentId: null,
    statusText,
    status,
    eta,
    deliveredAt,
    trackingNumber: number?.trackingNumber ?? null,
    carrier: number?.carrier ?? named,
    trackUrl: number ? absoluteUrl(link?.getAttribute('href'), page) : null,
    items: [],
  };
}

/** "Estimated delivery Fri, Mar 20 - Tue, Mar 24" → the range, the first such days after the order. */
function estimateOf(text: string, ctx: StatusContext): Eta | null {
  const m = /^(?:estimated delivery|arrives)\s*:?\s*(.+)$/i.exec(text);
  if (!m) return null;
  const dates = readDates(m[1]!, ctx, 'future').dates;
  if (dates.length === 0) return null;
  const from = dates[0]!.date;
  const to = dates[dates.length - 1]!.date;
  return { from, to: to >= from ? to : from };
}

function dateOf(text: string, ctx: StatusContext): string | null {
  return text ? (readDates(text, ctx, 'past').dates[0]?.date ?? null) : null;
}
