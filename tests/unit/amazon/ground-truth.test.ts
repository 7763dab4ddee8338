/**
 * Every shared real amazon.com page against its ground truth (tests/fixtures/amazon/ground-truth.json, from the
 * amazon-orders project, MIT). Order ids, shipment ids from track links, status meanings, placed dates, totals are
 * asserted for every page; sellers and items where the page is unambiguous.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Status } from '../../../lib/model/status';
import type { OrderReading } from '../../../lib/shops/types';
import { FIXTURES, read } from './load-fixture';

interface GtShipment {
  layout: string;
  primary: string | null;
  secondary?: string | null;
  shipmentIds: string[];
}
interface GtOrder {
  order_id: string;
  placed: string;
  total: string | null;
  tracking_links: { shipmentId: string }[];
  shipments: GtShipment[];
  items: string[];
}
interface GtPage {
  page_type: string;
  orders?: GtOrder[];
  order_ids?: string[];
  placed?: string;
  grand_total?: string | null;
  shipment_status_sequence?: string[];
  status_texts?: string[];
  tracking_links?: { shipmentId: string }[];
  sold_by?: string[];
  items?: string[];
}

const GT = JSON.parse(readFileSync(join(FIXTURES, 'ground-truth.json'), 'utf8')) as Record<string, GtPage>;

/** When each page was captured (approximately; after its newest order), so relative dates resolve as they did. */
const CAPTURED: Record<string, string> = {
  'order-history-2010-0.html': '2024-01-10T17:00:00Z',
  'order-history-2010-10.html': '2024-01-10T17:00:00Z',
  'order-history-2020-40.html': '2024-01-10T17:00:00Z',
  'order-history-2023-10.html': '2024-01-10T17:00:00Z',
  'order-history-2023-zero-orders.html': '2024-01-10T17:00:00Z',
  'orders@1b0ffe9.html': '2024-01-10T17:00:00Z',
  'orders-pagination-1@f49effe.html': '2024-01-10T17:00:00Z',
  'order-details@eae23eb.html': '2023-11-15T17:00:00Z',
  'order-details-112-2961628-4757846.html': '2024-01-10T17:00:00Z',
  'order-details-112-9685975-5907428.html': '2024-01-10T17:00:00Z',
  'order-details-114-9460922-7737063.html': '2024-01-10T17:00:00Z',
  'order-currency-stripped-snippet.html': '2024-01-10T17:00:00Z',
  'order-missing-grand-total-snippet.html': '2024-01-10T17:00:00Z',
  'order-history-2024-0.html': '2024-11-10T17:00:00Z',
  'order-history-egift.html': '2024-11-10T17:00:00Z',
  'order-details-112-5939971-8962610.html': '2024-11-10T17:00:00Z',
  'order-details-112-9087159-1657009.html': '2024-11-10T17:00:00Z',
  'order-details-111-6778632-7354601.html': '2024-09-20T17:00:00Z',
  'order-details-coupon-savings.html': '2024-11-10T17:00:00Z',
  'order-history-wholefoods.html': '2024-12-21T17:00:00Z',
  // Sunday 6 April 2025, evening in New York: "Arriving tomorrow" = Monday 7 April.
  'order-history-amazon-store.html': '2025-04-06T23:00:00Z',
  'order-history-canceled-order.html': '2025-07-20T17:00:00Z',
  'order-amazon-discount-snippet.html': '2025-05-20T17:00:00Z',
  'order-gift-card-snippet.html': '2025-04-01T17:00:00Z',
  'order-promotion-applied-snippet.html': '2025-02-05T17:00:00Z',
};

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
/** "November 1, 2024" (optionally with a note in brackets) → 2024-11-01: the test's own tiny oracle. */
function gtDate(s: string): string {
  const m = /^(\w+) (\d{1,2}), (\d{4})/.exec(s)!;
  return `${m[3]}-${String(MONTHS.indexOf(m[1]!) + 1).padStart(2, '0')}-${m[2]!.padStart(2, '0')}`;
}

/** What a status line means, written out independently of the reader's vocabulary. */
function gtStatus(primary: string | null | undefined, secondary?: string | null): Status | null {
  if (!primary) return null;
  if (primary.startsWith('Delivered')) return 'delivered';
  if (primary.startsWith('Return complete') || primary.startsWith('Refunded')) return 'returned';
  if (primary === 'Cancelled') return 'cancelled';
  if (primary.startsWith('Arriving')) return secondary === 'Shipped' ? 'in_transit' : 'pending';
  throw new Error(`ground truth status not covered: ${primary}`);
}

const NON_SHIPPING = /^(Purchased at|Whole Foods Market)/;

function urlFor(name: string, gt: GtPage): string {
  if (gt.page_type.startsWith('order details')) return 'https://www.amazon.com/gp/your-account/order-details?orderID=x';
  if (name.startsWith('order-details')) return 'https://www.amazon.com/gp/your-account/order-history?search=D01-8711688-7680252';
  return 'https://www.amazon.com/your-orders/orders?timeFilter=year-2024&startIndex=0';
}

const pages = Object.keys(GT).sort();
const tally = { orders: 0, ordersOk: 0, shipmentIds: 0, shipmentIdsOk: 0, statuses: 0, statusesOk: 0 };

describe('amazon reader against ground-truth.json', () => {
  it('covers every shared page', () => {
    expect(pages).toHaveLength(25);
    expect(Object.keys(CAPTURED).sort()).toEqual(pages);
  });

  for (const name of pages) {
    const gt = GT[name]!;
    it(name, () => {
      const r = read(name, urlFor(name, gt), CAPTURED[name]!);
      expect(r.shop).toBe('amazon');
      if (gt.orders) {
        expect(r.kind).toBe('order-history');
        expect(r.orders.map((o) => o.orderId)).toEqual(gt.orders.map((o) => o.order_id));
        for (const [i, g] of gt.orders.entries()) checkListOrder(r.orders[i]!, g);
      } else if (gt.order_ids) {
        expect(r.kind).toBe('order-details');
        expect(r.orders.map((o) => o.orderId)).toEqual(gt.order_ids);
        checkDetails(r.orders[0]!, gt);
      } else {
        // The zero-orders page.
        expect(r.orders).toEqual([]);
        expect(r.diagnostics.map((d) => d.code)).toEqual(['no-orders']);
      }
    });
  }

  it('reaches 100% on order ids, shipment ids and status meanings', () => {
    expect(tally.ordersOk).toBe(tally.orders);
    expect(tally.shipmentIdsOk).toBe(tally.shipmentIds);
    expect(tally.statusesOk).toBe(tally.statuses);
    expect(tally.orders).toBe(100);
    expect(tally.shipmentIds).toBe(42);
    expect(tally.statuses).toBe(103);
  });
});

function checkListOrder(o: OrderReading, g: GtOrder) {
  tally.orders++;
  expect(o.orderId).toBe(g.order_id);
  tally.ordersOk++;
  expect(o.placedAt).toBe(gtDate(g.placed));
  expect(o.total).toBe(g.total);
  const shipping = g.shipments.filter((s) => !(s.primary && NON_SHIPPING.test(s.primary)) && s.primary !== '');
  if (o.kind !== 'physical') {
    // Non-shipping orders (eGift, digital, in-store) create no package.
    expect(o.shipments).toEqual([]);
    expect(shipping.every((s) => s.shipmentIds.length === 0)).toBe(true);
    return;
  }
  expect(o.shipments).toHaveLength(shipping.length);
  shipping.forEach((gs, i) => {
    const s = o.shipments[i]!;
    for (const id of gs.shipmentIds) {
      tally.shipmentIds++;
      expect(s.shipmentId).toBe(id);
      tally.shipmentIdsOk++;
    }
    const primary = gs.primary?.replace(/ \(visible text.*\)$/, '') ?? null;
    tally.statuses++;
    expect(s.status).toBe(gtStatus(primary, gs.secondary));
    tally.statusesOk++;
    if (primary) expect(s.statusText?.startsWith(primary)).toBe(true);
  });
  // Items the reader lists are among the page's items (ground truth also lists a card ad).
  for (const it of o.items) expect(g.items.some((t) => t === it.title || (t.endsWith('...') && it.title.startsWith(t.slice(0, -3))))).toBe(true);
}

function checkDetails(o: OrderReading, gt: GtPage) {
  tally.orders++;
  tally.ordersOk++;
  expect(o.placedAt).toBe(gtDate(gt.placed!));
  expect(o.total).toBe(gt.grand_total ?? null);
  const seq = gt.shipment_status_sequence ?? [];
  // Boxes without any status line (old orders) are read as shipments with a null status.
  const read = o.shipments.filter((s) => s.statusText !== null);
  expect(read.map((s) => s.statusText!.split(' · ')[0])).toEqual(seq);
  seq.forEach((p, i) => {
    tally.statuses++;
    expect(read[i]!.status).toBe(gtStatus(p));
    tally.statusesOk++;
  });
  const ids = o.shipments.map((s) => s.shipmentId);
  for (const l of gt.tracking_links ?? []) {
    tally.shipmentIds++;
    expect(ids).toContain(l.shipmentId);
    tally.shipmentIdsOk++;
  }
  const sellers = new Set(o.items.map((i) => i.seller).filter(Boolean));
  expect([...sellers].sort()).toEqual([...new Set(gt.sold_by ?? [])].sort());
  for (const t of gt.items ?? []) expect(o.items.map((i) => i.title)).toContain(t);
}
