/**
 * The Best Buy reader (issue #15) on its written fixtures (tests/fixtures/bestbuy, each says in its header what it
 * is based on), exact values: the order JSON when the page carries it, else the carriers' links under the URL's
 * order id, else a diagnostic; then properties: random tracking values in the JSON never yield a number its
 * carrier's check refuses, and no other path on Best Buy's hosts is matched.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { matchFormats } from '../../../lib/carriers/registry';
import { bestbuyReader } from '../../../lib/shops/bestbuy/index';
import { loadShopDoc, pathsNear, readAs, readShopFixture } from '../../support/shop-fixture';

const URL_JSON = 'https://www.bestbuy.com/profile/ss/orders/order-details/BBY01-806512345678/view';
const NOW = '2026-09-05T15:00:00Z';
const item = (title: string, quantity: number) => ({ title, quantity, seller: null, url: null });

describe('Best Buy pages', () => {
  it('order JSON: items, one shipment per number (two items in the FedEx parcel), delivery day, arrival window; the download ships nothing', () => {
    const r = readShopFixture('bestbuy', 'order-details--order-json.html', URL_JSON, NOW);
    expect(r).toMatchObject({ kind: 'order-details', shop: 'bestbuy', url: URL_JSON, readAt: Date.parse(NOW), diagnostics: [] });
    expect(r.orders).toEqual([
      {
        orderId: 'BBY01-806512345678',
        placedAt: '2026-08-28',
        total: null,
        status: 'open',
        kind: 'physical',
        orderUrl: URL_JSON,
        items: [item('Porch camera, 2K, white', 1), item('microSD card 128GB', 1), item('Smart doorbell chime', 2), item('Cloud video plan, 1 year', 1)],
        shipments: [
          {
            shipmentId: 'shipment-1',
            trackingNumber: '790535312317',
            carrier: 'fedex',
            trackUrl: 'https://www.fedex.com/fedextrack/?trknbr=790535312317',
            statusText: 'Delivered',
            status: 'delivered',
            eta: null,
            deliveredAt: '2026-08-31',
            items: [item('Porch camera, 2K, white', 1), item('microSD card 128GB', 1)],
          },
          {
            shipmentId: 'shipment-2',
            trackingNumber: '1Z879E930346834440',
            carrier: 'ups',
            trackUrl: 'https://www.ups.com/track?tracknum=1Z879E930346834440',
            statusText: 'Shipped',
            status: 'in_transit',
            eta: { from: '2026-09-06', to: '2026-09-08' },
            deliveredAt: null,
            items: [item('Smart doorbell chime', 2)],
          },
        ],
      },
    ]);
  });

  it('no JSON: the carriers\' links (one unwrapped from a click tracker) under the URL\'s order id, and a diagnostic saying so', () => {
    const url = 'https://www.bestbuy.com/profile/ss/orders/order-details/BBY01-806598765432/view';
    const r = readShopFixture('bestbuy', 'order-details--carrier-links.html', url, NOW);
    const none = { statusText: null, status: null, eta: null, deliveredAt: null, items: [] };
    expect(r.orders).toEqual([
      {
        orderId: 'BBY01-806598765432',
        placedAt: null,
        total: null,
        status: 'unknown',
        kind: 'physical',
        orderUrl: url,
        items: [],
        shipments: [
          { shipmentId: 'link-1', trackingNumber: '1Z879E930346834440', carrier: 'ups', trackUrl: 'https://www.ups.com/track?loc=en_US&tracknum=1Z879E930346834440', ...none },
          { shipmentId: 'link-2', trackingNumber: '9361289878700317633795', carrier: 'usps', trackUrl: 'https://tools.usps.com/go/TrackConfirmAction?tLabels=9361289878700317633795', ...none },
        ],
      },
    ]);
    expect(r.diagnostics).toEqual([{ code: 'thin-structure', message: "No Best Buy order data on this page: only the carriers' tracking links were read", pageKind: 'order-details', layout: 'carrier-links' }]);
  });

  it('layout changed (keys renamed, no links): a diagnostic, no order, not the number in the renamed object', () => {
    const r = readShopFixture('bestbuy', 'order-details--layout-changed.html', URL_JSON, NOW);
    expect(r.orders).toEqual([]);
    expect(r.diagnostics).toEqual([
      {
        code: 'unknown-layout',
        message: 'A Best Buy order page without readable order data (a script holding order.items[].fulfillment) or carrier tracking links: nothing read',
        pageKind: 'order-details',
      },
    ]);
  });

  it('the list page without order data reads nothing and says so; links there belong to no order it can name', () => {
    const r = readAs('bestbuy', loadShopDoc('bestbuy', 'order-details--carrier-links.html'), 'https://www.bestbuy.com/profile/ss/orders', NOW);
    expect([r.kind, r.orders, r.diagnostics.map((d) => d.code)]).toEqual(['order-history', [], ['unknown-layout']]);
  });
});

describe('what the reader does not understand', () => {
  const withOrder = (edit: (order: { userOrderId: string; items: { fulfillment: { tracking?: Record<string, unknown> } }[] }) => void) => {
    const d = loadShopDoc('bestbuy', 'order-details--order-json.html');
    const script = d.querySelector('#order-details-state')!;
    const data = JSON.parse(script.textContent!) as { order: Parameters<typeof edit>[0] };
    edit(data.order);
    script.textContent = JSON.stringify(data);
    return readAs('bestbuy', d, URL_JSON, NOW);
  };

  it('a number whose check digit fails is dropped with a diagnostic; its item stays, as a parcel without a number', () => {
    const r = withOrder((o) => {
      o.items[2]!.fulfillment.tracking!['trackingNumber'] = '1Z879E930346834441';
    });
    expect(r.orders[0]!.shipments.map((s) => [s.trackingNumber, s.status])).toEqual([
      ['790535312317', 'delivered'],
      [null, 'in_transit'],
    ]);
    expect(r.diagnostics.map((d) => d.code)).toEqual(['unrecognised-number']);
  });

  it('an unknown statusDesc and milestone give no status', () => {
    const r = withOrder((o) => {
      for (const it of o.items) if (it.fulfillment.tracking) it.fulfillment.tracking = { ...it.fulfillment.tracking, milestoneCode: 'X42', statusDesc: 'Preparing label soon' };
    });
    expect(r.orders[0]!.shipments.map((s) => s.status)).toEqual([null, null]);
    expect(r.orders[0]!.status).toBe('unknown');
  });

  it('an order id not of the BBY01-/BBYTX- shape falls back to the URL\'s', () => {
    const r = withOrder((o) => {
      o.userOrderId = '1234';
    });
    expect(r.orders[0]!.orderId).toBe('BBY01-806512345678');
  });

  it('the order assigned in a script (`window.__STATE__ = {…};`) is read the same', () => {
    const d = loadShopDoc('bestbuy', 'order-details--order-json.html');
    const script = d.querySelector('#order-details-state')!;
    const plain = d.createElement('script');
    plain.textContent = `window.__ORDER_STATE__ = ${script.textContent!.trim()};\nwindow.other = {"a": 1};`;
    script.replaceWith(plain);
    expect(readAs('bestbuy', d, URL_JSON, NOW).orders.map((o) => o.shipments.length)).toEqual([2]);
  });
});

describe('properties', () => {
  const REAL = ['790535312317', '1Z879E930346834440', '9361289878700317633795', 'LX123456785CN', '9405511899223197428490'];
  const mutated = fc.tuple(fc.constantFrom(...REAL), fc.nat(), fc.constantFrom(...'0123456789AZ '.split(''))).map(([n, i, c]) => {
    const at = i % n.length;
    return i % 3 === 0 ? n.slice(0, at) + n.slice(at + 1) : n.slice(0, at) + c + n.slice(at + 1);
  });
  const number = fc.oneof(fc.constantFrom(...REAL), mutated, fc.string({ maxLength: 40 }), fc.stringMatching(/^[0-9A-Z ]{8,34}$/));
  const link = fc.oneof(fc.constantFrom('https://www.fedex.com/fedextrack/?trknbr=', 'https://www.ups.com/track?tracknum=', 'https://tools.usps.com/go/TrackConfirmAction?tLabels=', 'javascript:alert(1)//', ''), fc.string({ maxLength: 30 }));

  it("random tracking values in the order JSON never yield a number its carrier's check refuses (1,000 pages)", () => {
    const d = loadShopDoc('bestbuy', 'order-details--order-json.html');
    const script = d.querySelector('#order-details-state')!;
    const original = script.textContent!;
    fc.assert(
      fc.property(number, link, number, (n, l, m) => {
        const data = JSON.parse(original) as { order: { items: { fulfillment: { tracking?: Record<string, unknown> } }[] } };
        data.order.items[0]!.fulfillment.tracking = { trackingNumber: n, trackingUrl: l + n };
        data.order.items[2]!.fulfillment.tracking = { trackingNumber: m, trackingUrl: l };
        script.textContent = JSON.stringify(data);
        const r = readAs('bestbuy', d, URL_JSON, NOW);
        expect(r.orders.map((o) => o.orderId)).toEqual(['BBY01-806512345678']);
        for (const s of r.orders[0]!.shipments) {
          if (s.trackingNumber === null) continue;
          expect(matchFormats(s.trackingNumber).some((x) => x.carrier.id === s.carrier && x.verified), `${s.trackingNumber} as ${s.carrier}`).toBe(true);
        }
      }),
      { numRuns: 1000 },
    );
  });

  it("no other path on Best Buy's hosts is matched: near misses of its own paths included (800 URLs)", () => {
    const known = ['/profile/ss/orders', '/profile/ss/orders/list', '/purchasehistory/purchases', '/profile/ss/orders/order-details/bby01-806512345678/view'];
    const isOwn = (p: string) => known.slice(0, 3).includes(p) || /^\/profile\/ss\/orders\/order-details\/[^/]+\/view$/.test(p);
    fc.assert(
      fc.property(fc.constantFrom('www.bestbuy.com', 'bestbuy.com'), pathsNear(known), (host, path) => {
        const u = new URL(`https://${host}${path}`);
        expect(bestbuyReader.matches(u), path).toBe(isOwn(u.pathname.toLowerCase().replace(/\/+$/, '')));
      }),
      { numRuns: 800 },
    );
  });
});
