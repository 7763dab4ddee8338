/**
 * Reads Best Buy's order pages (issue #15). What is known of them is the order JSON the site's own API answers
 * (../shared/docs/other-shops.md §4, a scraper's mapper "captured live"), not their markup. So:
 * 1. an order object carried inline (a script's JSON holding `order.items[].fulfillment`) is read: `userOrderId`,
 *    `created`, each item's `itemDesc` / `quantity` and `fulfillment` (`tracking.trackingNumber`, `trackingUrl`,
 *    `milestoneCode`, `statusDesc`, `carrierDeliveredDate`; `minArrivalDate` / `maxArrivalDate`);
 * 2. else, on an order's details page, the carriers' tracking links the page gives (§8.2), under the order id
 *    its URL carries;
 * 3. else the page is reported (a diagnostic) and nothing is read.
 * Order ids are `BBY01-` or `BBYTX-` + 12 digits. A number no carrier format verifies is dropped with a
 * diagnostic. Pure: document, URL and `now` are parameters.
 */
import type { Status } from '../../model/status';
import type { Eta, OrderItem, OrderKind } from '../../model/types';
import { carrierLinks, checkedNumber, guarded, orderStatusOf, statusFromWords } from '../tracking-from-page';
import type { Diagnostic, OrderReading, PageKind, PageReading, ShipmentReading } from '../types';
import { carriersForHost } from '../../carriers/registry';

const SHOP = 'bestbuy';
const ORDER_ID = /^BBY(?:01|TX)-\d{12}$/;
const DETAILS_PATH = /^\/profile\/ss\/orders\/order-details\/([^/]+)\/view$/i;
const MAX_SCRIPTS = 80;
const MAX_SCRIPT_CHARS = 2_000_000;
const MAX_NODES = 20_000;

/** Which Best Buy page a URL is (`matches` in ./index.ts uses it too). */
export function bestbuyPageKind(url: URL): PageKind | null {
  const path = url.pathname.replace(/\/+$/, '');
  if (/^\/profile\/ss\/orders(?:\/list)?$/i.test(path) || /^\/purchasehistory\/purchases$/i.test(path)) return 'order-history';
  if (DETAILS_PATH.test(path)) return 'order-details';
  return null;
}

export function readBestbuyPage(doc: Document, url: URL, now: Date): PageReading {
  const kind = bestbuyPageKind(url) ?? 'unknown';
  return guarded('Best Buy', SHOP, kind, url, now, () => {
    const diagnostics: Diagnostic[] = [];
    const reading = (orders: OrderReading[]): PageReading => ({ kind, shop: SHOP, url: url.href, readAt: now.getTime(), orders, diagnostics });
    if (kind === 'unknown') {
      diagnostics.push({ code: 'unknown-page', message: 'Not a Best Buy order list or order details page', pageKind: 'unknown' });
      return reading([]);
    }
    const urlId = DETAILS_PATH.exec(url.pathname.replace(/\/+$/, ''))?.[1]?.toUpperCase() ?? null;
    const fromJson = orderObjects(doc)
      .map((o) => readOrderJson(o, url, urlId, diagnostics))
      .filter((o): o is OrderReading => o !== null);
    if (fromJson.length > 0) return reading(fromJson);

    const orderId = urlId && ORDER_ID.test(urlId) ? urlId : null;
    const links = orderId ? carrierLinks(doc, url) : [];
    if (orderId && links.length > 0) {
      diagnostics.push({ code: 'thin-structure', message: "No Best Buy order data on this page: only the carriers' tracking links were read", pageKind: kind, layout: 'carrier-links' });
      const shipments: ShipmentReading[] = links.map((l, i) => ({
        shipmentId: links.length > 1 ? `link-${i + 1}` : null,
        ...l,
        statusText: null,
        status: null,
        eta: null,
        deliveredAt: null,
        items: [],
      }));
      return reading([{ orderId, placedAt: null, total: null, status: 'unknown', kind: 'physical', orderUrl: url.href, items: [], shipments }]);
    }
    diagnostics.push({
      code: 'unknown-layout',
      message: 'A Best Buy order page without readable order data (a script holding order.items[].fulfillment) or carrier tracking links: nothing read',
      pageKind: kind,
    });
    return reading([]);
  });
}

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => v !== null && typeof v === 'object' && !Array.isArray(v);
const str = (v: unknown): string | null => (typeof v === 'string' && v.trim() ? v.trim() : null);

/** Objects anywhere in the page's inline JSON that look like an order: an `items` array whose entries have a `fulfillment`. */
function orderObjects(doc: Document): Obj[] {
  const out: Obj[] = [];
  const scripts = doc.querySelectorAll('script:not([src])');
  for (let i = 0; i < scripts.length && i < MAX_SCRIPTS; i++) {
    const t = scripts[i]!.textContent ?? '';
    if (t.length > MAX_SCRIPT_CHARS || !t.includes('"fulfillment"')) continue;
    for (const json of jsonCandidates(t)) {
      let data: unknown;
      try {
        data = JSON.parse(json);
      } catch {
        continue;
      }
      collect(data, out, 0, { n: 0 });
    }
  }
  return out;
}

/** The script's text when it is JSON, else each `= {…}` object literal it assigns (`window.__STATE__ = {…};`). */
function jsonCandidates(t: string): string[] {
  const trimmed = t.trim();
  if (trimmed.startsWith('{') || trimmed.startsWith('[')) return [trimmed];
  const out: string[] = [];
  const re = /=\s*\{/g;
  for (let m = re.exec(t); m && out.length < 5; m = re.exec(t)) {
    const json = objectAt(t, m.index + m[0].length - 1);
    if (json) {
      out.push(json);
      re.lastIndex = m.index + json.length;
    }
  }
  return out;
}

/** The JSON object that starts at `start` (a `{`), by its matching brace outside strings; null if unclosed. */
function objectAt(t: string, start: number): string | null {
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

function collect(v: unknown, out: Obj[], depth: number, budget: { n: number }): void {
  if (depth > 24 || ++budget.n > MAX_NODES || v === null || typeof v !== 'object') return;
  if (Array.isArray(v)) {
    for (const x of v.slice(0, 500)) collect(x, out, depth + 1, budget);
    return;
  }
  const items = (v as Obj)['items'];
  if (Array.isArray(items) && items.some((it) => isObj(it) && isObj(it['fulfillment']))) {
    out.push(v as Obj);
    return;
  }
  for (const x of Object.values(v as Obj)) collect(x, out, depth + 1, budget);
}

/** `milestoneCode` (§4: DELIVERED) → status; `statusDesc` words otherwise. */
const MILESTONE: Readonly<Record<string, Status>> = { DELIVERED: 'delivered' };

function readOrderJson(order: Obj, page: URL, urlId: string | null, diagnostics: Diagnostic[]): OrderReading | null {
  const own = str(order['userOrderId'])?.toUpperCase() ?? null;
  const orderId = own && ORDER_ID.test(own) ? own : urlId && ORDER_ID.test(urlId) ? urlId : null;
  if (!orderId) {
    diagnostics.push({ code: 'unknown-layout', message: 'Best Buy order data without a BBY01-/BBYTX- order id: left out', pageKind: 'order-details' });
    return null;
  }
  const items: OrderItem[] = [];
  const byNumber = new Map<string, ShipmentReading>();
  const waiting: ShipmentReading[] = [];
  let digital = 0;
  let physical = 0;
  const rawItems = (order['items'] as unknown[]).slice(0, 200);
  for (const it of rawItems) {
    if (!isObj(it)) continue;
    const title = str(it['itemDesc'])?.replace(/\s+/g, ' ').slice(0, 200) ?? null;
    const q = it['quantity'];
    const item: OrderItem | null = title ? { title, quantity: Number.isInteger(q) && (q as number) > 0 ? (q as number) : null, seller: null, url: null } : null;
    if (item) items.push(item);
    const f = isObj(it['fulfillment']) ? it['fulfillment'] : {};
    const type = str(f['type'])?.toLowerCase();
    if (type === 'email' || type === 'download') {
      digital++;
      continue;
    }
    physical++;
    const t = isObj(f['tracking']) ? f['tracking'] : {};
    const rawNumber = str(t['trackingNumber']);
    const rawUrl = str(t['trackingUrl']);
    let hints: string[] = [];
    try {
      hints = rawUrl ? carriersForHost(new URL(rawUrl, page).hostname).map((c) => c.id) : [];
    } catch {
      hints = [];
    }
    const number = rawNumber ? checkedNumber(rawNumber, hints) : null;
    if (rawNumber && !number) diagnostics.push({ code: 'unrecognised-number', message: 'A tracking number in the order data matches no carrier format; left out', pageKind: 'order-details' });
    const statusText = str(t['statusDesc'])?.slice(0, 120) ?? null;
    const milestone = str(t['milestoneCode'])?.toUpperCase() ?? '';
    const status = MILESTONE[milestone] ?? statusFromWords(statusText);
    const deliveredAt = status === 'delivered' ? isoDate(t['carrierDeliveredDate']) : null;
    const from = isoDate(f['minArrivalDate']);
    const to = isoDate(f['maxArrivalDate']) ?? from;
    const eta: Eta | null = status === 'delivered' || !to ? null : { from: from ?? to, to: from && to < from ? from : to };
    const key = number?.trackingNumber;
    const seen = key ? byNumber.get(key) : undefined;
    if (seen) {
      if (item) seen.items.push(item);
      continue;
    }
    const shipment: ShipmentReading = {
      shipmentId: null,
      trackingNumber: number?.trackingNumber ?? null,
      carrier: number?.carrier ?? null,
      trackUrl: number && rawUrl ? rawUrl : null,
      statusText,
      status,
      eta,
      deliveredAt,
      items: item ? [item] : [],
    };
    if (key) byNumber.set(key, shipment);
    else waiting.push(shipment);
  }
  const shipments = [...byNumber.values(), ...waiting].map((s, i, all) => ({ ...s, shipmentId: all.length > 1 ? `shipment-${i + 1}` : null }));
  const kind: OrderKind = physical > 0 ? 'physical' : digital > 0 ? 'digital' : 'unknown';
  return {
    orderId,
    placedAt: isoDate(order['created']),
    total: null,
    status: orderStatusOf(shipments.map((s) => s.status)),
    kind,
    orderUrl: new URL(`/profile/ss/orders/order-details/${orderId}/view`, 'https://www.bestbuy.com').href,
    items,
    shipments,
  };
}

/** An ISO date or date-time's day ("2026-08-30T18:04:00-05:00" → "2026-08-30"); anything else null. */
function isoDate(v: unknown): string | null {
  const s = typeof v === 'string' ? v.trim() : '';
  const m = /^(\d{4}-\d{2}-\d{2})(?:$|T)/.exec(s);
  return m && !Number.isNaN(Date.parse(m[1]!)) ? m[1]! : null;
}
