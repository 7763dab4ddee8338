/**
 * Every shared real amazon.com page against its ground truth (tests/fixtures/amazon/ground-truth.json, from the
 * amazon-orders project, MIT). Order ids, shipment ids from track links, status meanings, placed dates, totals are
 * asserted for every page; sellers and items where the page is unambiguous.
 */
import { describe, expect, it } from 'vitest';
import type { OrderReading } from '../../../lib/shops/types';
import { CAPTURED, GT, type GtOrder, type GtPage, gtDate, gtStatus, NON_SHIPPING, urlFor } from './ground-truth-data';
import { read } from './load-fixture';

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
