/**
 * Issue #18: Amazon's printable order summaries / invoices (`/gp/css/summary/print.html`,
 * `/gp/digital/your-account/order-summary.html`): matched, read by their words in each language (order id,
 * placed date, items with quantity, seller and price, grand total), and a changed layout says what it missed.
 * Written fixtures: tests/fixtures/amazon-summary (each file's header says what it is based on).
 */
import { describe, expect, it } from 'vitest';
import { PorchlightDb } from '../../../lib/db/database';
import { ingestPageReading } from '../../../lib/services/ingest-page';
import { amazonReader } from '../../../lib/shops/amazon/index';
import { read } from './load-fixture';

const DIR = '../amazon-summary';
const US = 'https://www.amazon.com/gp/css/summary/print.html/ref=ppx_yo_dt_b_invoice_o00?ie=UTF8&orderID=112-7654321-1234567';
const NOW = '2026-12-02T15:00:00Z';

describe('printable order summaries (issue #18)', () => {
  it('the reader matches the summary and invoice URLs on every marketplace', () => {
    for (const u of [US, 'https://www.amazon.de/gp/css/summary/print.html?orderID=302-1234567-7654321', 'https://www.amazon.com/gp/digital/your-account/order-summary.html?orderID=D01-1234567-7654321'])
      expect(amazonReader.matches(new URL(u)), u).toBe(true);
  });

  it('amazon.com, two shipments: id, placed date, grand total, every item with its price; no parcel claimed', () => {
    const r = read(`${DIR}/summary--us-two-shipments.html`, US, NOW);
    expect([r.kind, r.diagnostics]).toEqual(['order-summary', []]);
    const o = r.orders[0]!;
    expect([o.orderId, o.placedAt, o.total, o.kind, o.status, o.shipments]).toEqual(['112-7654321-1234567', '2018-12-26', '$52.97', 'physical', 'unknown', []]);
    expect(o.items).toEqual([
      { title: 'Stainless Steel French Press Coffee Maker, 34 oz', quantity: 1, seller: 'Kitchen Goods Co', url: null, price: '$24.99' },
      { title: 'Burr Coffee Grinder Cleaning Brush', quantity: 2, seller: 'Amazon.com Services, Inc', url: null, price: '$5.49' },
      { title: 'Ceramic Pour-Over Dripper, White', quantity: 1, seller: 'Amazon.com Services, Inc', url: null, price: '$14.50' },
    ]);
  });

  it('amazon.de: German labels, "3. Februar 2020", EUR prices', () => {
    const r = read(`${DIR}/summary--de-versandt.html`, 'https://www.amazon.de/gp/css/summary/print.html?orderID=302-1234567-7654321', NOW);
    expect(r.diagnostics).toEqual([]);
    const o = r.orders[0]!;
    expect([o.orderId, o.placedAt, o.total]).toEqual(['302-1234567-7654321', '2020-02-03', 'EUR 41,98']);
    expect(o.items.map((i) => [i.title, i.seller, i.price])).toEqual([
      ['Wasserkocher Edelstahl 1,7 Liter', 'Amazon EU S.a.r.L.', 'EUR 29,99'],
      ['Entkalker für Wasserkocher, 2 Stück', 'Haushalt Müller GmbH', 'EUR 11,99'],
    ]);
  });

  it('a digital order summary is a digital order', () => {
    const r = read(`${DIR}/summary--digital.html`, 'https://www.amazon.com/gp/digital/your-account/order-summary.html?orderID=D01-1234567-7654321', NOW);
    expect(r.orders.map((o) => [o.orderId, o.kind, o.total, o.items[0]?.price])).toEqual([['D01-1234567-7654321', 'digital', '$9.99', '$9.99']]);
  });

  it('layout changed (no "1 of:" rows): id, date and total kept, no item guessed, an incomplete-summary diagnostic', () => {
    const r = read(`${DIR}/summary--layout-changed.html`, US, NOW);
    expect(r.orders.map((o) => [o.orderId, o.placedAt, o.total, o.items])).toEqual([['112-7654321-1234567', '2018-12-26', '$52.97', []]]);
    expect(r.diagnostics).toEqual([expect.objectContaining({ code: 'incomplete-summary', pageKind: 'order-summary', found: 0 })]);
  });

  it('stored: the order keeps its items and prices, and no package is made from a summary', async () => {
    const db = new PorchlightDb(`summary-${Math.random()}`);
    try {
      await ingestPageReading(db, read(`${DIR}/summary--us-two-shipments.html`, US, NOW), { now: Date.parse(NOW), shopperZone: 'America/Chicago' });
      const [order] = await db.orders.toArray();
      expect(order!.items.map((i) => i.price)).toEqual(['$24.99', '$5.49', '$14.50']);
      expect(await db.packages.count()).toBe(0);
    } finally {
      await db.delete();
    }
  });
});
