/** @vitest-environment-options { "settings": { "disableJavaScriptFileLoading": true, "disableJavaScriptEvaluation": true, "disableCSSFileLoading": true, "disableIframePageLoading": true, "handleDisabledFileLoadingAsSuccess": true } } */
/**
 * The Walmart reader on its written fixtures (tests/fixtures/walmart, each says in its header what it is based on),
 * exact values; then the data's variants (the older path, walmart.ca, wrong types, foreign links) and what it does
 * with what it cannot read (issue #15).
 */
import { describe, expect, it } from 'vitest';
import { fixture, LIST, MARCH, nextData, pageWith, read } from './load-fixture';

/** Loosely typed JSON, for building variants of a fixture's data. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- test data walked by hand
type Loose = any;

const ORDER_A = 'https://www.walmart.com/orders/200014653079776';
const bulbs = { title: 'Mainstays 2-Pack LED Porch Light Bulbs', quantity: 2, seller: 'Walmart.com', url: null };
const lantern = { title: 'Outdoor Wall Lantern, Matte Black', quantity: 1, seller: 'Porch & Patio Outlet LLC', url: null };
const doormat = { title: 'Great Value Doormat, 18 x 30 in', quantity: 1, seller: 'Walmart.com', url: null };
const cord = { title: 'Hyper Tough Extension Cord, 25 ft', quantity: 1, seller: 'Walmart.com', url: null };

describe('list page, embedded data (__NEXT_DATA__ purchaseHistory)', () => {
  it('reads every order and group exactly; the carrier comes from the number; the number no carrier knows is dropped and said', () => {
    const r = read(fixture('order-list--next-data.html'));
    expect(r).toMatchObject({ kind: 'order-history', shop: 'walmart', url: LIST, readAt: Date.parse(MARCH) });
    expect(r.orders).toEqual([
      {
        orderId: '200014653079776',
        placedAt: '2026-03-03',
        total: '$86.41',
        status: 'open',
        kind: 'physical',
        orderUrl: ORDER_A,
        items: [bulbs, lantern],
        shipments: [
          {
            shipmentId: 'group-1',
            statusText: 'Delivered on Mar 07',
            status: 'delivered',
            eta: null,
            deliveredAt: '2026-03-07T15:04:00.000-06:00',
            trackingNumber: '771402836190',
            carrier: 'fedex',
            trackUrl: `${ORDER_A}/track/771402836190`,
            items: [bulbs],
          },
          {
            shipmentId: 'group-2',
            // The message's parts joined; IN_TRANSIT is no statusType the reader knows, the tracker's current step is.
            statusText: 'Arrives Mar 12',
            status: 'in_transit',
            eta: { from: '2026-03-12', to: '2026-03-12' },
            deliveredAt: null,
            trackingNumber: '1Z7A31E60367291849',
            carrier: 'ups',
            trackUrl: `${ORDER_A}/track/1Z7A31E60367291849`,
            items: [lantern],
          },
        ],
      },
      {
        orderId: '200021934407158',
        placedAt: '2026-03-05',
        // No displayValue: the number, in dollars.
        total: '$12.97',
        status: 'cancelled',
        kind: 'physical',
        orderUrl: 'https://www.walmart.com/orders/200021934407158',
        items: [doormat],
        shipments: [{ shipmentId: null, statusText: 'Canceled', status: 'cancelled', eta: null, deliveredAt: null, trackingNumber: null, carrier: null, trackUrl: null, items: [doormat] }],
      },
      {
        orderId: '200018826500913',
        placedAt: '2026-02-26',
        total: '$34.88',
        status: 'delivered',
        kind: 'physical',
        orderUrl: 'https://www.walmart.com/orders/200018826500913',
        items: [cord],
        shipments: [
          {
            shipmentId: null,
            statusText: 'Delivered on Mar 02',
            status: 'delivered',
            eta: null,
            deliveredAt: '2026-03-02T17:30:00.000-06:00',
            // 1LSCXLNA016893803: no carrier format of the registry claims it (LaserShip's 1LSCX format has 15 characters).
            trackingNumber: null,
            carrier: null,
            trackUrl: 'https://www.walmart.com/orders/200018826500913/track/1LSCXLNA016893803',
            items: [cord],
          },
        ],
      },
    ]);
    expect(r.diagnostics).toEqual([
      { code: 'unrecognised-number', message: 'A tracking number in the order data matches no carrier format; left out', pageKind: 'order-history', layout: 'phRedesignInitialData.purchaseHistory' },
    ]);
  });

  it('the older path (initialData.data.purchaseHistory) gives the same orders; walmart.ca keeps its own host in the links', () => {
    const data = nextData('order-list--next-data.html') as { props: { pageProps: Record<string, unknown> } };
    const redesigned = read(fixture('order-list--next-data.html'));
    const pp = data.props.pageProps;
    pp['initialData'] = pp['phRedesignInitialData'];
    delete pp['phRedesignInitialData'];
    const older = read(pageWith(data));
    expect(older.orders).toEqual(redesigned.orders);
    expect(older.diagnostics.map((d) => d.layout)).toEqual(['initialData.purchaseHistory']);
    const ca = read(pageWith(data), 'https://www.walmart.ca/orders');
    expect(ca.orders.map((o) => o.orderUrl)).toEqual(['200014653079776', '200021934407158', '200018826500913'].map((id) => `https://www.walmart.ca/orders/${id}`));
    // The data's own links name walmart.com, one of Walmart's hosts: kept.
    expect(ca.orders[0]!.shipments[0]!.trackUrl).toBe(`${ORDER_A}/track/771402836190`);
  });

  it("a link in the data to a host that is not Walmart's is dropped with the URL policy's diagnostic; the number stays", () => {
    const data = nextData('order-list--next-data.html');
    const group = (data as Loose).props.pageProps.phRedesignInitialData.data.purchaseHistory.orders[0].groups[0];
    group.shipment.trackingUrl = 'https://walmart.example.net/orders/200014653079776/track/771402836190';
    const r = read(pageWith(data));
    expect(r.orders[0]!.shipments[0]).toMatchObject({ trackingNumber: '771402836190', carrier: 'fedex', trackUrl: null });
    expect(r.diagnostics.map((d) => d.code)).toEqual(['url_refused', 'unrecognised-number']);
    expect(r.diagnostics[0]!.message).toContain('walmart.example.net');
  });

  it('an order or group of the wrong shape is left out with a diagnostic; the rest is read', () => {
    const data = nextData('order-list--next-data.html');
    const orders = (data as Loose).props.pageProps.phRedesignInitialData.data.purchaseHistory.orders;
    orders[0].groups[1].shipment.trackingNumber = 12345; // a number, not a string
    orders[1].id = { nested: true };
    orders[1].displayId = null;
    const r = read(pageWith(data));
    expect(r.orders.map((o) => [o.orderId, o.shipments.map((s) => s.trackingNumber)])).toEqual([
      ['200014653079776', ['771402836190']],
      ['200018826500913', [null]],
    ]);
    expect(r.diagnostics.map((d) => [d.code, d.expected, d.found])).toEqual([
      ['unexpected-shape', 2, 1],
      ['unrecognised-number', undefined, undefined],
      ['unexpected-shape', 3, 2],
    ]);
  });

  it('a status nothing says (unknown statusType, no current step, an unknown message) is left unread and said', () => {
    const data = nextData('order-list--next-data.html');
    const g = (data as Loose).props.pageProps.phRedesignInitialData.data.purchaseHistory.orders[1].groups[0];
    g.status = { statusType: 'HELD_AT_BORDER', message: { parts: [{ text: 'Held at the border' }] }, statusTracker: [] };
    const r = read(pageWith(data));
    expect(r.orders[1]!.shipments[0]).toMatchObject({ status: null, statusText: 'Held at the border' });
    expect(r.orders[1]!.status).toBe('unknown');
    expect(r.diagnostics.map((d) => d.code)).toContain('unknown-status');
  });

  it('data that is not JSON, or has no order data, gives a diagnostic and no order, never a throw', () => {
    for (const text of ['{"props": {', '[]', 'null', '{"props":{"pageProps":{"phRedesignInitialData":{"data":{"purchaseHistory":{"orders":"none"}}}}}}']) {
      const r = read(`<html><body><script id="__NEXT_DATA__" type="application/json">${text}</script></body></html>`);
      expect(r.orders, text).toEqual([]);
      expect(r.diagnostics.map((d) => d.code), text).toEqual(['unknown-layout']);
    }
  });
});

describe('details page (initialData.data.order, groups_2101)', () => {
  it('one shipment per package of a group (trackingNumber + multiPackageDetails, each once), delivery dates, the marketplace seller', () => {
    const url = 'https://www.walmart.com/orders/200031822046615';
    const r = read(fixture('order-details--groups-2101.html'), url);
    expect(r.kind).toBe('order-details');
    expect(r.diagnostics).toEqual([]);
    const set = { title: 'Better Homes & Gardens Patio Bistro Set, 3-Piece', quantity: 1, seller: 'Walmart.com', url: null };
    const cushions = { title: 'Bistro Set Cushions, Navy', quantity: 2, seller: 'Walmart.com', url: null };
    const lights = { title: 'Solar Path Lights, 8-Pack', quantity: 1, seller: 'Lakeside Home Goods', url: null };
    const moving = { statusText: 'Arrives Mar 11', status: 'in_transit', eta: { from: '2026-03-11', to: '2026-03-11' }, deliveredAt: null, items: [set, cushions] };
    expect(r.orders).toEqual([
      {
        orderId: '200031822046615',
        placedAt: '2026-03-06',
        total: '$152.30',
        status: 'open',
        kind: 'physical',
        orderUrl: url,
        items: [set, cushions, lights],
        shipments: [
          { shipmentId: 'group-1-1', ...moving, trackingNumber: '1Z0F58R40344182305', carrier: 'ups', trackUrl: `${url}/track/1Z0F58R40344182305` },
          // The second package has no link of its own in the data.
          { shipmentId: 'group-1-2', ...moving, trackingNumber: '583017429657', carrier: 'fedex', trackUrl: null },
          {
            shipmentId: 'group-2',
            statusText: 'Delivered on Mar 09',
            status: 'delivered',
            eta: null,
            deliveredAt: '2026-03-09T13:12:00.000-06:00',
            trackingNumber: '396204177856',
            carrier: 'fedex',
            trackUrl: `${url}/track/396204177856`,
            items: [lights],
          },
        ],
      },
    ]);
  });

  it('the groups key is found by its prefix, whatever its alias', () => {
    const data = nextData('order-details--groups-2101.html');
    const order = (data as Loose).props.pageProps.initialData.data.order;
    order.groups_3307 = order.groups_2101;
    delete order.groups_2101;
    const r = read(pageWith(data), 'https://www.walmart.com/orders/200031822046615');
    expect(r.orders[0]!.shipments.map((s) => s.trackingNumber)).toEqual(['1Z0F58R40344182305', '583017429657', '396204177856']);
  });
});

describe('visible cards (no embedded data)', () => {
  it('reads only what is unambiguous: the id from the card’s own order link, a status line, carriers’ links', () => {
    const r = read(fixture('order-list--cards-only.html'));
    expect(r.diagnostics.map((d) => d.code)).toEqual(['walmart-cards-fallback']);
    expect(r.orders).toEqual([
      {
        orderId: '200014653079776',
        placedAt: null,
        total: null,
        status: 'delivered',
        kind: 'unknown',
        orderUrl: ORDER_A,
        items: [],
        shipments: [{ shipmentId: null, statusText: 'Delivered on Mar 07', status: 'delivered', eta: null, deliveredAt: '2026-03-07', trackingNumber: null, carrier: null, trackUrl: null, items: [] }],
      },
      {
        orderId: '200027715530482',
        placedAt: null,
        total: null,
        status: 'unknown',
        kind: 'unknown',
        orderUrl: 'https://www.walmart.com/orders/200027715530482',
        items: [],
        shipments: [
          {
            shipmentId: null,
            statusText: 'Arrives Mar 12',
            // "Arrives" is said before and after a parcel ships: no status, only the estimate.
            status: null,
            eta: { from: '2026-03-12', to: '2026-03-12' },
            deliveredAt: null,
            trackingNumber: '396204177856',
            carrier: 'fedex',
            trackUrl: 'https://www.fedex.com/fedextrack/?trknbr=396204177856',
            items: [],
          },
        ],
      },
      {
        orderId: '200021934407158',
        placedAt: null,
        total: null,
        status: 'cancelled',
        kind: 'unknown',
        orderUrl: 'https://www.walmart.com/orders/200021934407158',
        items: [],
        shipments: [{ shipmentId: null, statusText: 'Canceled', status: 'cancelled', eta: null, deliveredAt: null, trackingNumber: null, carrier: null, trackUrl: null, items: [] }],
      },
    ]);
    // The promotional card names an order number and a FedEx-shaped figure in its text, and links to no order: nothing from it.
    expect(JSON.stringify(r)).not.toContain('200099999999999');
    expect(JSON.stringify(r)).not.toContain('771402836190');
  });
});

describe('layout changed', () => {
  it('the data key and the cards renamed: one diagnostic, no order', () => {
    const r = read(fixture('order-list--layout-changed.html'));
    expect(r.orders).toEqual([]);
    expect(r.diagnostics).toEqual([
      {
        code: 'unknown-layout',
        message: "The page's embedded data holds no order data at the known paths (props.pageProps.…purchaseHistory or …order): layout changed?",
        pageKind: 'order-history',
        layout: 'next-data',
      },
    ]);
  });

  it('a page with neither data nor cards says so', () => {
    const r = read('<html><body><h1>Purchase history</h1><p>Something went wrong.</p></body></html>');
    expect(r.orders).toEqual([]);
    expect(r.diagnostics.map((d) => d.code)).toEqual(['unknown-layout']);
  });
});
