/**
 * The eBay reader (issue #15) on its written fixtures (tests/fixtures/ebay, each says in its header what it is
 * based on), exact values; then what it does with what it cannot read, and properties: random text in the
 * tracking block never yields a number its carrier's check refuses, and no other eBay path is matched.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { matchFormats } from '../../../lib/carriers/registry';
import { ebayReader } from '../../../lib/shops/ebay/index';
import { loadShopDoc, pathsNear, readAs, readShopFixture } from '../../support/shop-fixture';

const DETAILS = 'https://www.ebay.com/vod/FetchOrderDetails?orderId=27-11834-60215';
const MARCH = '2026-03-17T15:00:00Z';
const read = (name: string, url = DETAILS, now = MARCH, zone?: string) => readShopFixture('ebay', name, url, now, zone);

describe('eBay pages', () => {
  it('purchase history: every card\'s number, date, total and details link; no status or parcel guessed', () => {
    const url = 'https://www.ebay.com/mye/myebay/purchase?filter=year_filter:TWO_YEARS_AGO';
    const r = read('purchase-history.html', url, '2026-03-20T15:00:00Z');
    expect(r).toMatchObject({ kind: 'order-history', shop: 'ebay', url, diagnostics: [] });
    expect(r.orders).toEqual([
      { orderId: '27-11834-60215', placedAt: '2026-03-14', total: 'US $24.99', status: 'unknown', kind: 'unknown', orderUrl: 'https://www.ebay.com/vod/FetchOrderDetails?itemid=204512345678&transid=1234567890012&orderId=27-11834-60215', items: [], shipments: [] },
      { orderId: '09-13377-42210', placedAt: '2026-02-02', total: 'US $41.50', status: 'unknown', kind: 'unknown', orderUrl: 'https://www.ebay.com/vod/FetchOrderDetails?itemid=204598765432&transid=1234567890099&orderId=09-13377-42210', items: [], shipments: [] },
      { orderId: '14-05521-77803', placedAt: '2025-11-28', total: 'US $18.00', status: 'unknown', kind: 'unknown', orderUrl: 'https://www.ebay.com/vod/FetchOrderDetails?itemid=203300011122&transid=1234567890150&orderId=14-05521-77803', items: [], shipments: [] },
    ]);
  });

  it('details, shipped: the stepper\'s current step gives the status, the sub-title the estimate; USPS number (spaces removed) and link', () => {
    const r = read('order-details--shipped-usps.html');
    expect(r).toMatchObject({ kind: 'order-details', shop: 'ebay', readAt: Date.parse(MARCH), diagnostics: [] });
    expect(r.orders).toEqual([
      {
        orderId: '27-11834-60215',
        placedAt: '2026-03-14',
        total: null,
        status: 'open',
        kind: 'physical',
        orderUrl: DETAILS,
        items: [],
        shipments: [
          {
            shipmentId: null,
            statusText: 'Shipped',
            status: 'in_transit',
            eta: { from: '2026-03-19', to: '2026-03-21' },
            deliveredAt: null,
            trackingNumber: '9405511899223197428490',
            carrier: 'usps',
            trackUrl: 'https://tools.usps.com/go/TrackConfirmAction?tLabels=9405511899223197428490',
            items: [],
          },
        ],
      },
    ]);
  });

  it('details, delivered: "Delivered on Tue, Feb 10" resolved after the order day; UPS', () => {
    const url = 'https://www.ebay.com/vod/FetchOrderDetails?orderId=09-13377-42210';
    const r = read('order-details--delivered-ups.html', url);
    expect(r.diagnostics).toEqual([]);
    expect(r.orders.map((o) => [o.orderId, o.placedAt, o.status])).toEqual([['09-13377-42210', '2026-02-02', 'delivered']]);
    expect(r.orders[0]!.shipments).toEqual([
      { shipmentId: null, statusText: 'Delivered on Tue, Feb 10', status: 'delivered', eta: null, deliveredAt: '2026-02-10', trackingNumber: '1ZXF38300382722839', carrier: 'ups', trackUrl: 'https://www.ups.com/track?tracknum=1ZXF38300382722839', items: [] },
    ]);
  });

  it('layout changed: a diagnostic, no order (not the number still linked on the page)', () => {
    const r = read('order-details--layout-changed.html');
    expect(r.orders).toEqual([]);
    expect(r.diagnostics).toEqual([
      {
        code: 'unknown-layout',
        message: 'An eBay order details page without a readable order (.order-box, .order-info dl with "Order number"): layout changed?',
        pageKind: 'order-details',
        expected: 1,
        found: 0,
      },
    ]);
  });
});

describe('what the reader does not understand', () => {
  const doc = () => loadShopDoc('ebay', 'order-details--shipped-usps.html');
  const extract = (d: Document) => readAs('ebay', d, DETAILS, MARCH);

  it('German labels: reported as another language, nothing read', () => {
    const d = doc();
    const dts = d.querySelectorAll('.order-info dt');
    dts[0]!.textContent = 'Bestellzeitpunkt';
    dts[1]!.textContent = 'Bestellnummer';
    const r = extract(d);
    expect(r.orders).toEqual([]);
    expect(r.diagnostics.map((x) => x.code)).toEqual(['unsupported-language']);
  });

  it('a carrier label that disagrees with the number: the number decides', () => {
    const d = doc();
    [...d.querySelectorAll('.tracking-info dt')].find((dt) => dt.textContent === 'Carrier')!.nextElementSibling!.textContent = 'FedEx';
    const s = extract(d).orders[0]!.shipments[0]!;
    expect([s.trackingNumber, s.carrier]).toEqual(['9405511899223197428490', 'usps']);
  });

  it('a number whose check digit fails is dropped with a diagnostic, even next to "USPS"; the carrier stays', () => {
    const d = doc();
    d.querySelector('.tracking-info dd a')!.textContent = '9405511899223197428491';
    const r = extract(d);
    expect(r.orders[0]!.shipments[0]).toMatchObject({ trackingNumber: null, carrier: 'usps', trackUrl: null, status: 'in_transit' });
    expect(r.diagnostics.map((x) => x.code)).toEqual(['unrecognised-number']);
  });

  it('an unknown status and stepper give no status, with a diagnostic', () => {
    const d = doc();
    d.querySelector('.shipment-card-sub-title')!.textContent = 'Seller is working on it';
    d.querySelector('[aria-current="step"]')!.setAttribute('aria-label', 'Versandt, aktueller Schritt');
    const r = extract(d);
    expect([r.orders[0]!.status, r.orders[0]!.shipments[0]!.status]).toEqual(['unknown', null]);
    expect(r.diagnostics.map((x) => x.code)).toEqual(['unknown-status']);
  });

  it('an order id not of eBay\'s shape is not taken', () => {
    const d = doc();
    [...d.querySelectorAll('.order-info dt')].find((dt) => dt.textContent === 'Order number')!.nextElementSibling!.textContent = '2711834602';
    expect(extract(d).orders).toEqual([]);
  });

  it('a DOM that throws becomes a reader-error diagnostic', () => {
    const d = doc();
    Object.defineProperty(d, 'querySelectorAll', {
      value: () => {
        throw new TypeError('boom');
      },
    });
    expect(extract(d)).toMatchObject({ orders: [], diagnostics: [{ code: 'reader-error', message: 'The eBay reader failed on this page (TypeError)' }] });
  });
});

describe('properties', () => {
  const REAL = ['9405511899223197428490', '1ZXF38300382722839', '1Z879E930346834440', '790535312317', 'LX123456785CN', '9361289878700317633795'];
  const mutated = fc.tuple(fc.constantFrom(...REAL), fc.nat(), fc.constantFrom(...'0123456789AZ '.split(''))).map(([n, i, c]) => {
    const at = i % n.length;
    return i % 3 === 0 ? n.slice(0, at) + n.slice(at + 1) : n.slice(0, at) + c + n.slice(at + 1);
  });
  const numbers = fc.oneof(fc.constantFrom(...REAL), mutated, fc.string({ maxLength: 40 }), fc.stringMatching(/^[0-9A-Z ]{8,34}$/));
  const carriers = fc.oneof(fc.constantFrom('USPS', 'UPS', 'FedEx', 'DHL', 'Other', ''), fc.string({ maxLength: 20 }));

  it('random text in the tracking block never yields a number its carrier\'s check refuses (1,000 blocks)', () => {
    const d = loadShopDoc('ebay', 'order-details--shipped-usps.html');
    const dds = [...d.querySelectorAll('.tracking-info dd')];
    fc.assert(
      fc.property(numbers, carriers, carriers, (n, c, service) => {
        dds[0]!.textContent = service;
        dds[1]!.textContent = c;
        dds[2]!.textContent = n;
        const r = readAs('ebay', d, DETAILS, MARCH);
        expect(r.orders.map((o) => o.orderId)).toEqual(['27-11834-60215']);
        for (const s of r.orders[0]!.shipments) {
          if (s.trackingNumber === null) continue;
          expect(matchFormats(s.trackingNumber).some((m) => m.carrier.id === s.carrier && m.verified), `${s.trackingNumber} as ${s.carrier}`).toBe(true);
        }
      }),
      { numRuns: 1000 },
    );
  });

  it('no other path on eBay\'s hosts is matched: near misses of its own paths included (800 URLs)', () => {
    const known = ['/mye/myebay/purchase', '/vod/fetchorderdetails'];
    fc.assert(
      fc.property(fc.constantFrom('www.ebay.com', 'ebay.com', 'order.ebay.com'), pathsNear(known), (host, path) => {
        // Compared after the URL parser's normalisation ("/./mye" is "/mye").
        const u = new URL(`https://${host}${path}`);
        expect(ebayReader.matches(u), path).toBe(known.includes(u.pathname.toLowerCase().replace(/\/+$/, '')));
      }),
      { numRuns: 800 },
    );
  });
});
