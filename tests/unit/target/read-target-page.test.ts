/** @vitest-environment-options { "settings": { "disableJavaScriptFileLoading": true, "disableJavaScriptEvaluation": true, "disableCSSFileLoading": true, "disableIframePageLoading": true, "handleDisabledFileLoadingAsSuccess": true } } */
/**
 * The Target reader on its written fixtures (tests/fixtures/target; the JSON shape is known from captures, where a
 * page keeps it is not), exact values; then the page without data (carriers' links only), the layout-changed copy,
 * and data of the wrong shape (issue #15).
 */
import { describe, expect, it } from 'vitest';
import { fixture, history, LIST, MARCH, pageWith, read } from './load-fixture';

const lantern = { title: 'Threshold™ Outdoor Wall Lantern Black', quantity: 1, seller: null, url: null };
const doormat = { title: 'Room Essentials™ Coir Doormat 18" x 30"', quantity: 2, seller: null, url: null };
// Entities decoded as text: the escaped <b> stays the characters "<b>", it is never markup.
const hoodie = { title: "Women's Fleece Hoodie & Jogger Set – Navy <b>XL</b>", quantity: 1, seller: null, url: null };
const shelf = { title: 'Brightroom™ 6-Cube Organizer Shelf White', quantity: 1, seller: null, url: null };
const towels = { title: 'up & up™ Paper Towels 6 Rolls', quantity: 1, seller: null, url: null };
const sign = { title: 'Hearth & Hand™ with Magnolia Porch Sign', quantity: 1, seller: null, url: null };

const SHIPPED = {
  orderId: '102002417785341',
  placedAt: '2026-03-06',
  total: '$63.97',
  status: 'open',
  kind: 'physical',
  orderUrl: 'https://www.target.com/orders/102002417785341',
  items: [hoodie, shelf],
  shipments: [
    // The status's own estimate first, the promised window when it has none.
    { shipmentId: 'shipment-1', statusText: 'Shipped', status: 'in_transit', eta: { from: '2026-03-11', to: '2026-03-13' }, deliveredAt: null, trackingNumber: '92748901982174530682719068', carrier: 'usps', trackUrl: null, items: [hoodie] },
    { shipmentId: 'shipment-2', statusText: 'Shipped', status: 'in_transit', eta: { from: '2026-03-12', to: '2026-03-12' }, deliveredAt: null, trackingNumber: '396204177856', carrier: 'fedex', trackUrl: null, items: [shelf] },
  ],
};

describe('order_history JSON in the page', () => {
  it('four orders: delivered (two lines, one UPS package), shipped (USPS + FedEx, estimates), picked up, cancelled', () => {
    const r = read(fixture('order-history--four-statuses.html'));
    expect(r).toMatchObject({ kind: 'order-history', shop: 'target', url: LIST, readAt: Date.parse(MARCH), diagnostics: [] });
    expect(r.orders).toEqual([
      {
        orderId: '102002330130026',
        placedAt: '2026-02-20',
        total: '$47.18',
        status: 'delivered',
        kind: 'physical',
        orderUrl: 'https://www.target.com/orders/102002330130026',
        items: [lantern, doormat],
        shipments: [
          { shipmentId: null, statusText: 'Delivered', status: 'delivered', eta: null, deliveredAt: '2026-02-24T19:40:00.000Z', trackingNumber: '1Z2W9X610388274012', carrier: 'ups', trackUrl: null, items: [lantern, doormat] },
        ],
      },
      SHIPPED,
      {
        orderId: '102002502214770',
        placedAt: '2026-03-01',
        total: '$18.49',
        status: 'delivered',
        kind: 'physical',
        orderUrl: 'https://www.target.com/orders/102002502214770',
        items: [towels],
        shipments: [{ shipmentId: null, statusText: 'Picked up', status: 'delivered', eta: null, deliveredAt: '2026-03-01T21:10:00.000Z', trackingNumber: null, carrier: null, trackUrl: null, items: [towels] }],
      },
      {
        orderId: '102002598834102',
        placedAt: '2026-03-04',
        total: '$29.99',
        status: 'cancelled',
        kind: 'physical',
        orderUrl: 'https://www.target.com/orders/102002598834102',
        items: [sign],
        shipments: [{ shipmentId: null, statusText: 'Cancelled', status: 'cancelled', eta: null, deliveredAt: null, trackingNumber: null, carrier: null, trackUrl: null, items: [sign] }],
      },
    ]);
  });

  it('a details page whose inline script sets a state object: its one order, the same as in the list', () => {
    const url = 'https://www.target.com/orders/102002417785341';
    const r = read(fixture('order-details--preloaded-state.html'), url);
    expect(r).toMatchObject({ kind: 'order-details', url, diagnostics: [] });
    expect(r.orders).toEqual([SHIPPED]);
  });

  it('the same data set by JSON.parse("…") in a script is read too', () => {
    const literal = JSON.stringify(JSON.stringify({ orderDetails: { order: history().orders[1] } }));
    const r = read(`<html><body><script>window.__STATE__ = JSON.parse(${literal});</script></body></html>`, 'https://www.target.com/orders/102002417785341');
    expect(r.orders).toEqual([SHIPPED]);
  });

  it('code that only mentions the key is not read as data; a state object after another assignment in its script is found', () => {
    const state = JSON.stringify({ orderDetails: { order: history().orders[1] } });
    const code = 'function f(o){return Array.isArray(o.order_lines)&&o["order_lines"].length>0}var cfg = {"apiKey":"x"};';
    const html = `<html><body><script>${code}</script><script>var cfg = {"apiKey":"x"}; window.__STATE__ = ${state};</script></body></html>`;
    const r = read(html, 'https://www.target.com/orders/102002417785341');
    expect(r.diagnostics).toEqual([]);
    expect(r.orders).toEqual([SHIPPED]);
  });

  it('grouping.name gives the status when the line has no status key; REFUND_ISSUED and unknown keys give none, said', () => {
    const data = history();
    const lines = (o: number) => (data.orders[o]!['order_lines'] as { fulfillment_spec: { status: Record<string, unknown> }; grouping: Record<string, unknown> }[]);
    delete lines(0)[0]!.fulfillment_spec.status['key'];
    delete lines(0)[1]!.fulfillment_spec.status['key'];
    lines(3)[0]!.fulfillment_spec.status['key'] = 'STAT_REFUND';
    lines(3)[0]!.grouping['name'] = 'REFUND_ISSUED';
    lines(2)[0]!.fulfillment_spec.status['key'] = 'STAT_SOMETHING_NEW';
    lines(2)[0]!.grouping['name'] = 'SOMETHING_NEW';
    const r = read(pageWith(data));
    expect(r.orders[0]!.shipments[0]).toMatchObject({ status: 'delivered', statusText: 'Delivered', trackingNumber: '1Z2W9X610388274012' });
    expect(r.orders[3]!.shipments[0]).toMatchObject({ status: null, statusText: 'Refund issued' });
    expect(r.orders[2]!.shipments[0]).toMatchObject({ status: null, statusText: null });
    expect(r.diagnostics.map((d) => d.code)).toEqual(['unknown-status']);
  });

  it('a number no carrier knows is dropped and said; lines and orders of the wrong shape are left out and said', () => {
    const data = history();
    const lines = (o: number) => data.orders[o]!['order_lines'] as { fulfillment_spec: { status: Record<string, unknown> } }[];
    lines(1)[1]!.fulfillment_spec.status['tracking_number'] = '1LSCXLNA016893803';
    lines(1)[0]!.fulfillment_spec.status['tracking_number'] = 9274890198; // a number, not a string
    data.orders[2]!['placed_date'] = 20260301; // a number, not a date string
    const r = read(pageWith(data));
    expect(r.orders.map((o) => o.orderId)).toEqual(['102002330130026', '102002417785341', '102002598834102']);
    expect(r.orders[1]!.shipments.map((s) => [s.trackingNumber, s.carrier, s.items.map((i) => i.title)])).toEqual([[null, null, [shelf.title]]]);
    expect(r.diagnostics.map((d) => d.code)).toEqual(['unexpected-shape', 'unrecognised-number', 'unexpected-shape']);
  });
});

describe('a page without the order data (its own structure unknown)', () => {
  it('on the list: a diagnostic that counts the carriers’ links, and no order made from links or loose text', () => {
    const r = read(fixture('orders--links-only.html'));
    expect(r.orders).toEqual([]);
    expect(r.diagnostics).toEqual([
      {
        code: 'target-structure-unknown',
        message:
          "A Target order list without its order data: the page's own structure is not known, and links to carriers' tracking pages cannot be told apart by order here, so nothing is read (Scan this page reads them)",
        pageKind: 'order-history',
        layout: 'no-data',
        found: 2,
      },
    ]);
  });

  it('on a details URL: the links are that order’s parcels, carrier from the link; the loose text gives nothing', () => {
    const url = 'https://www.target.com/orders/102002330130026';
    const r = read(fixture('orders--links-only.html'), url);
    expect(r.diagnostics.map((d) => [d.code, d.found])).toEqual([['target-structure-unknown', 2]]);
    expect(r.orders).toEqual([
      {
        orderId: '102002330130026',
        placedAt: null,
        total: null,
        status: 'unknown',
        kind: 'physical',
        orderUrl: url,
        items: [],
        shipments: [
          { shipmentId: 'link-1', statusText: null, status: null, eta: null, deliveredAt: null, items: [], trackingNumber: '1Z4V82W80345123457', carrier: 'ups', trackUrl: 'https://www.ups.com/track?loc=en_US&tracknum=1Z4V82W80345123457' },
          { shipmentId: 'link-2', statusText: null, status: null, eta: null, deliveredAt: null, items: [], trackingNumber: '771402836190', carrier: 'fedex', trackUrl: 'https://www.fedex.com/fedextrack/?trknbr=771402836190' },
        ],
      },
    ]);
    expect(JSON.stringify(r)).not.toContain('583017429657');
    expect(JSON.stringify(r)).not.toContain('102002598834102');
  });

  it('layout changed (camelCase keys): no order_history-shaped data, the diagnostic, no order', () => {
    const r = read(fixture('order-history--layout-changed.html'));
    expect(r.orders).toEqual([]);
    expect(r.diagnostics.map((d) => [d.code, d.pageKind, d.found])).toEqual([['target-structure-unknown', 'order-history', 0]]);
  });
});

describe('entities', () => {
  it('numeric, hex and named entities are decoded as text; unknown or invalid ones stay as written', () => {
    const data = history();
    const line = (data.orders[3]!['order_lines'] as { item: Record<string, unknown> }[])[0]!;
    line.item['description'] = 'A &#x2014; B &#65; &notanentity; &#0; &#xD800; &lt;script&gt;alert(1)&lt;/script&gt; &AMP;';
    const r = read(pageWith(data));
    expect(r.orders[3]!.items[0]!.title).toBe('A — B A &notanentity; &#0; &#xD800; <script>alert(1)</script> &');
  });
});
