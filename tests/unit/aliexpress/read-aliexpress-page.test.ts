/**
 * The AliExpress reader (issue #15) on its written fixtures (tests/fixtures/aliexpress, each says in its header what
 * it is based on), exact values; then what it does with what it cannot read, and properties: random text in the
 * Cainiao link's `mailNoList=` and the carrier never yields a number its carrier's check refuses, and no other path
 * on AliExpress's hosts is matched.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { matchFormats } from '../../../lib/carriers/registry';
import { aliexpressReader } from '../../../lib/shops/aliexpress/index';
import { loadShopDoc, pathsNear, readAs, readShopFixture } from '../../support/shop-fixture';

const TRACK = 'https://track.aliexpress.com/logisticsdetail.htm?tradeId=8194475532016841';
const NOW = '2026-03-13T15:00:00Z';
const read = (name: string, url: string) => readShopFixture('aliexpress', name, url, NOW);

const EVENTS = [
  { time: '2026-03-09T11:30:52+08:00', timeIsLocal: false, timeZone: null, status: 'pending', description: 'Order placed', location: null },
  { time: '2026-03-10T16:15:00+08:00', timeIsLocal: false, timeZone: null, status: 'in_transit', description: 'Shipped: The seller has shipped your package', location: null },
  { time: '2026-03-11T09:02:44+08:00', timeIsLocal: false, timeZone: null, status: 'in_transit', description: 'Arrived at sorting center: Shenzhen', location: null },
  { time: '2026-03-12T21:40:07+08:00', timeIsLocal: false, timeZone: null, status: 'in_transit', description: 'Departed from departure country/region: Shenzhen, Guangdong', location: null },
];

describe('AliExpress pages', () => {
  it('order list: id, date, total and status of each card; "Completed" is not guessed at', () => {
    const r = read('order-list.html', 'https://www.aliexpress.com/p/order/index.html');
    expect(r).toMatchObject({ kind: 'order-history', shop: 'aliexpress' });
    const detail = (id: string) => `https://www.aliexpress.com/p/order/detail.html?orderId=${id}`;
    expect(r.orders).toEqual([
      { orderId: '8194475532016841', placedAt: '2026-03-05', total: 'US $12.46', status: 'open', kind: 'physical', orderUrl: detail('8194475532016841'), items: [], shipments: [] },
      { orderId: '8193001288574420', placedAt: '2026-01-19', total: 'US $7.03', status: 'unknown', kind: 'physical', orderUrl: detail('8193001288574420'), items: [], shipments: [] },
      { orderId: '8194612003391175', placedAt: '2026-03-11', total: 'US $5.20', status: 'open', kind: 'physical', orderUrl: detail('8194612003391175'), items: [], shipments: [] },
    ]);
    expect(r.diagnostics).toEqual([{ code: 'unknown-status', message: '1 AliExpress order status text(s) the reader does not know; status left unread', pageKind: 'order-history' }]);
  });

  it('order details: the items and their quantities, nothing else', () => {
    const url = 'https://www.aliexpress.com/p/order/detail.html?orderId=8194475532016841';
    const r = read('order-detail.html', url);
    expect(r.diagnostics).toEqual([]);
    expect(r.orders).toEqual([
      {
        orderId: '8194475532016841',
        placedAt: null,
        total: null,
        status: 'unknown',
        kind: 'physical',
        orderUrl: url,
        items: [
          { title: 'Solar porch light, 2 pcs', quantity: 2, seller: null, url: null },
          { title: 'Mounting screws, stainless', quantity: 1, seller: null, url: null },
        ],
        shipments: [],
      },
    ]);
  });

  it('logistics: both numbers of the Cainiao link, each by its own carrier (YunExpress as named, USPS by the number); events oldest first, in GMT+8', () => {
    const r = read('logistics--two-numbers.html', TRACK);
    expect(r).toMatchObject({ kind: 'track-package', shop: 'aliexpress', diagnostics: [] });
    const link = 'https://global.cainiao.com/detail.htm?mailNoList=YT2229521272164446,9405511899223197428490&spm=a2g0o.order_detail.0.0';
    const base = { trackUrl: link, statusText: 'In transit', status: 'in_transit', eta: null, deliveredAt: null, items: [], events: EVENTS };
    expect(r.orders).toEqual([
      {
        orderId: '8194475532016841',
        placedAt: null,
        total: null,
        status: 'open',
        kind: 'physical',
        orderUrl: 'https://www.aliexpress.com/p/order/detail.html?orderId=8194475532016841',
        items: [],
        shipments: [
          { shipmentId: 'parcel-1', trackingNumber: 'YT2229521272164446', carrier: 'yunexpress', ...base },
          { shipmentId: 'parcel-2', trackingNumber: '9405511899223197428490', carrier: 'usps', ...base },
        ],
      },
    ]);
  });

  it('layout changed: a diagnostic, no order, no number', () => {
    const r = read('logistics--layout-changed.html', TRACK);
    expect(r.orders).toEqual([]);
    expect(r.diagnostics).toEqual([
      { code: 'unknown-layout', message: 'An AliExpress logistics page without a tracking module (div.tracking-module): no tracking yet, or layout changed?', pageKind: 'track-package' },
    ]);
  });
});

describe('what the reader does not understand', () => {
  const doc = () => loadShopDoc('aliexpress', 'logistics--two-numbers.html');
  const setList = (d: Document, list: string) => d.querySelector('a.tracking-more')!.setAttribute('href', `https://global.cainiao.com/detail.htm?mailNoList=${list}`);

  it("Cainiao's own LP number is of no carrier the registry knows: dropped with a diagnostic, the other kept", () => {
    const d = doc();
    setList(d, 'LP00612345678901,9405511899223197428490');
    const r = readAs('aliexpress', d, TRACK, NOW);
    expect(r.orders[0]!.shipments.map((s) => [s.shipmentId, s.trackingNumber, s.carrier])).toEqual([[null, '9405511899223197428490', 'usps']]);
    expect(r.diagnostics.map((x) => x.code)).toEqual(['unrecognised-number']);
  });

  it('an unknown status gives none, with a diagnostic; "Delivered" takes the delivery event\'s time', () => {
    const d = doc();
    d.querySelector('.status-title-text')!.textContent = 'Paquete en camino';
    let r = readAs('aliexpress', d, TRACK, NOW);
    expect([r.orders[0]!.status, r.orders[0]!.shipments[0]!.status]).toEqual(['unknown', null]);
    expect(r.diagnostics.map((x) => x.code)).toEqual(['unknown-status']);
    d.querySelector('.status-title-text')!.textContent = 'Delivered';
    const li = d.querySelector('ul.ship-steps > li')!.cloneNode(true) as Element;
    li.querySelector('.time')!.textContent = '2026-03-18 10:05:00';
    li.querySelector('.timezone')!.textContent = 'GMT-5';
    li.querySelector('.head')!.textContent = 'Delivered';
    d.querySelector('ul.ship-steps')!.prepend(li);
    r = readAs('aliexpress', d, TRACK, NOW);
    expect([r.orders[0]!.status, r.orders[0]!.shipments[0]!.deliveredAt]).toEqual(['delivered', '2026-03-18T10:05:00-05:00']);
  });

  it('an event without a zone is a wall-clock time; one without a readable time is left out', () => {
    const d = doc();
    const lis = d.querySelectorAll('ul.ship-steps > li');
    lis[0]!.querySelector('.timezone')!.textContent = '';
    lis[1]!.querySelector('.time')!.textContent = 'yesterday';
    const events = readAs('aliexpress', d, TRACK, NOW).orders[0]!.shipments[0]!.events!;
    expect(events.map((e) => [e.time, e.timeIsLocal])).toEqual([
      ['2026-03-09T11:30:52+08:00', false],
      ['2026-03-10T16:15:00+08:00', false],
      ['2026-03-12T21:40:07', true],
    ]);
  });

  it('a logistics page without a tradeId is not read', () => {
    const r = readAs('aliexpress', doc(), 'https://track.aliexpress.com/logisticsdetail.htm', NOW);
    expect(r.orders).toEqual([]);
    expect(r.diagnostics.map((x) => x.code)).toEqual(['unknown-layout']);
  });
});

describe('properties', () => {
  const REAL = ['YT2229521272164446', '9405511899223197428490', 'LX123456785CN', 'RB123456785CN', '1Z879E930346834440', 'LP00612345678901'];
  const mutated = fc.tuple(fc.constantFrom(...REAL), fc.nat(), fc.constantFrom(...'0123456789AZ'.split(''))).map(([n, i, c]) => {
    const at = i % n.length;
    return i % 3 === 0 ? n.slice(0, at) + n.slice(at + 1) : n.slice(0, at) + c + n.slice(at + 1);
  });
  const one = fc.oneof(fc.constantFrom(...REAL), mutated, fc.string({ maxLength: 30 }), fc.stringMatching(/^[0-9A-Z]{8,30}$/));
  const carriers = fc.oneof(fc.constantFrom('YunExpress', 'USPS', 'China Post', 'Cainiao Super Economy Global', 'AliExpress Standard Shipping'), fc.string({ maxLength: 20 }));

  it("random mailNoList= lists and carrier names never yield a number its carrier's check refuses (1,000 pages)", () => {
    const d = loadShopDoc('aliexpress', 'logistics--two-numbers.html');
    const a = d.querySelector('a.tracking-more')!;
    const carrier = d.querySelector('span.title-eclp')!;
    fc.assert(
      fc.property(fc.array(one, { maxLength: 4 }), carriers, (list, c) => {
        a.setAttribute('href', `https://global.cainiao.com/detail.htm?mailNoList=${list.map(encodeURIComponent).join(',')}`);
        carrier.textContent = c;
        const r = readAs('aliexpress', d, TRACK, NOW);
        expect(r.orders.map((o) => o.orderId)).toEqual(['8194475532016841']);
        for (const s of r.orders[0]!.shipments) {
          if (s.trackingNumber === null) continue;
          expect(matchFormats(s.trackingNumber).some((m) => m.carrier.id === s.carrier && m.verified), `${s.trackingNumber} as ${s.carrier}`).toBe(true);
        }
      }),
      { numRuns: 1000 },
    );
  });

  it("no other path on AliExpress's hosts is matched: near misses of its own paths included (800 URLs)", () => {
    const known = ['/p/order/index.html', '/p/order/detail.html', '/logisticsdetail.htm'];
    fc.assert(
      fc.property(fc.constantFrom('www.aliexpress.com', 'track.aliexpress.com', 'www.aliexpress.us'), pathsNear(known), (host, path) => {
        // Compared after the URL parser's normalisation ("/./p" is "/p").
        const u = new URL(`https://${host}${path}`);
        expect(aliexpressReader.matches(u), path).toBe(known.includes(u.pathname.toLowerCase()));
      }),
      { numRuns: 800 },
    );
  });
});
