/** @vitest-environment-options { "settings": { "disableJavaScriptFileLoading": true, "disableJavaScriptEvaluation": true, "disableCSSFileLoading": true, "disableIframePageLoading": true, "handleDisabledFileLoadingAsSuccess": true } } */
/**
 * The Shopify reader on its written fixtures (tests/fixtures/shopify, each says in its header what it is based
 * on), exact values; then what it does with what it cannot read, and the reading stored through the same
 * ingest as Amazon's (issue #15).
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { PorchlightDb } from '../../../lib/db/database';
import { orders as ordersRepo, packages as packagesRepo } from '../../../lib/db/repositories';
import { ingestPageReading } from '../../../lib/services/ingest-page';
import { shopifyReader } from '../../../lib/shops/shopify/index';
import { loadDoc, read } from './load-fixture';

const STORE = 'https://porchgoods.example/61234567890/orders/9e107d9d372bb6826bd81d3542a419d6';
const SEPT = '2026-09-05T15:00:00Z';

describe('classic order status pages', () => {
  it('in transit: USPS number and link, estimate, step dates, the map marker as the latest place', () => {
    const r = read('order-status--in-transit-usps.html', STORE, SEPT);
    expect(r).toMatchObject({ kind: 'order-details', shop: 'porchgoods.example', url: STORE, readAt: Date.parse(SEPT), diagnostics: [] });
    expect(r.orders).toEqual([
      {
        orderId: 'PG1042',
        placedAt: '2026-09-03',
        total: null,
        status: 'open',
        kind: 'physical',
        orderUrl: STORE,
        // From the page's `Shopify.checkout` object (line_items).
        items: [{ title: 'Enamel porch light', quantity: 1, seller: null, url: null }],
        shipments: [
          {
            shipmentId: null,
            trackingNumber: '9361289878700317633795',
            carrier: 'usps',
            trackUrl: 'https://tools.usps.com/go/TrackConfirmAction.action?tLabels=9361289878700317633795',
            statusText: 'On its way',
            status: 'in_transit',
            eta: { from: '2026-09-08', to: '2026-09-08' },
            deliveredAt: null,
            items: [],
            events: [
              { time: '2026-09-03', timeIsLocal: true, timeZone: null, status: 'pending', description: 'Confirmed', location: null },
              { time: '2026-09-04', timeIsLocal: true, timeZone: null, status: 'in_transit', description: 'On its way', location: 'South Hackensack, NJ' },
            ],
          },
        ],
      },
    ]);
  });

  it('delivered: custom "#CI" prefix, UPS, every step, dates across the new year resolved from the order day', () => {
    const r = read('order-status--delivered-ups.html', 'https://counterpoint-records.example/57412845776/orders/3d1a0a91a959db21bcfb37bf337de92d', '2027-01-15T15:00:00Z');
    expect(r.shop).toBe('counterpoint-records.example');
    expect(r.diagnostics).toEqual([]);
    const o = r.orders[0]!;
    expect([o.orderId, o.placedAt, o.status]).toEqual(['CI2286', '2026-12-28', 'delivered']);
    expect(o.shipments).toHaveLength(1);
    const s = o.shipments[0]!;
    expect([s.trackingNumber, s.carrier, s.trackUrl]).toEqual(['1Z879E930346834440', 'ups', 'https://www.ups.com/track?loc=en_US&tracknum=1Z879E930346834440']);
    expect([s.status, s.statusText, s.deliveredAt, s.eta]).toEqual(['delivered', 'Delivered', '2027-01-02', null]);
    expect(s.events!.map((e) => [e.time, e.status])).toEqual([
      ['2026-12-28', 'pending'],
      ['2026-12-30', 'in_transit'],
      ['2027-01-02', 'out_for_delivery'],
      ['2027-01-02', 'delivered'],
    ]);
  });

  it('"Other" carrier: the label names none, so the number does (China Post S10); a range estimate in its own paragraph', () => {
    const r = read('order-status--other-carrier.html', 'https://lantern-supply.example/70211334455/orders/8f14e45fceea167a5a36dedd4bea2543', SEPT);
    expect(r.diagnostics).toEqual([]);
    const o = r.orders[0]!;
    expect([o.orderId, o.placedAt, o.status]).toEqual(['EU48213', '2026-09-01', 'open']);
    expect(o.shipments[0]).toMatchObject({
      trackingNumber: 'LX123456785CN',
      carrier: 'china_post',
      // Kept as read: the ingest's URL policy decides whether a link to this host is stored.
      trackUrl: 'https://t.17track.net/en#nums=LX123456785CN',
      status: 'in_transit',
      eta: { from: '2026-09-12', to: '2026-09-16' },
    });
  });

  it('cancelled: the sentence wins over a timeline stuck at Confirmed; no estimate, no number', () => {
    const r = read('order-status--cancelled.html', STORE, SEPT);
    expect(r.diagnostics).toEqual([]);
    expect(r.orders).toHaveLength(1);
    const o = r.orders[0]!;
    expect([o.orderId, o.status, o.placedAt]).toEqual(['1013', 'cancelled', '2026-03-14']);
    expect(o.shipments).toEqual([
      expect.objectContaining({ shipmentId: null, status: 'cancelled', statusText: 'Cancelled', trackingNumber: null, carrier: null, trackUrl: null, eta: null, deliveredAt: null }),
    ]);
  });

  it('a sentence about cancelling is not a cancellation', () => {
    const doc = loadDoc('order-status--in-transit-usps.html');
    doc.querySelector('p.os-step__description')!.textContent = 'Want your order canceled? Reply to your confirmation e-mail before it ships.';
    const r = shopifyReader.extract(doc, new URL(STORE), new Date(SEPT));
    expect([r.orders[0]!.status, r.orders[0]!.shipments[0]!.status]).toEqual(['open', 'in_transit']);
  });

  it('the shopper\'s zone decides "today" for dates without a year', () => {
    // 00:30 on January 1 in Auckland is still December 31 in UTC. A past step dated "January 2" may be at most
    // tomorrow (one day of slack, as the Amazon reader allows): this new year in Auckland, last year's in UTC.
    const doc = loadDoc('order-status--in-transit-usps.html');
    for (const el of doc.querySelectorAll('.os-timeline-step__date')) el.textContent = 'January 2';
    const at = new Date('2026-12-31T11:30:00Z');
    const nz = shopifyReader.extract(doc, new URL(STORE), at, { timeZone: 'Pacific/Auckland' });
    const utc = shopifyReader.extract(doc, new URL(STORE), at);
    expect(nz.orders[0]!.placedAt).toBe('2027-01-02');
    expect(utc.orders[0]!.placedAt).toBe('2026-01-02');
  });
});

describe('variants of the classic page', () => {
  it('several numbers ("Tracking numbers:"): one shipment each, told apart by their place', () => {
    const doc = loadDoc('order-status--in-transit-usps.html');
    doc.querySelector('.tracking-info__number strong')!.textContent = 'UPS tracking numbers:';
    const first = doc.querySelector('a[data-tracking-number-link]')!;
    const second = first.parentElement!.cloneNode(true) as Element;
    first.parentElement!.after(second);
    for (const [a, n] of [[first, '1Z879E930346834440'], [second.querySelector('a')!, '1ZXF38300382722839']] as const) {
      a.setAttribute('href', `https://www.ups.com/track?tracknum=${n}`);
      a.textContent = n;
    }
    const r = shopifyReader.extract(doc, new URL(STORE), new Date(SEPT));
    expect(r.orders[0]!.shipments.map((s) => [s.shipmentId, s.trackingNumber, s.carrier, s.status])).toEqual([
      ['fulfillment-1', '1Z879E930346834440', 'ups', 'in_transit'],
      ['fulfillment-2', '1ZXF38300382722839', 'ups', 'in_transit'],
    ]);
  });

  it('no timeline: the status sentence gives the status; neither: the order with no status and a diagnostic', () => {
    const doc = loadDoc('order-status--in-transit-usps.html');
    doc.querySelector('ol.os-timeline')!.remove();
    const r = shopifyReader.extract(doc, new URL(STORE), new Date(SEPT));
    expect(r.orders[0]!.shipments[0]).toMatchObject({ status: 'in_transit', statusText: 'Your order is on its way', events: [] });
    expect(r.diagnostics).toEqual([]);
    doc.querySelector('h2.os-step__title')!.textContent = 'Thanks for shopping with us';
    const none = shopifyReader.extract(doc, new URL(STORE), new Date(SEPT));
    expect(none.orders.map((o) => [o.orderId, o.status, o.shipments[0]!.status, o.shipments[0]!.trackingNumber])).toEqual([['PG1042', 'unknown', null, '9361289878700317633795']]);
    expect(none.diagnostics.map((d) => d.code)).toEqual(['unknown-layout']);
  });
});

describe('what the reader does not understand gives a diagnostic and no wrong data', () => {
  it('layout changed (os-* markup renamed): recognised by its platform signs, no order, a diagnostic naming them', () => {
    const r = read('order-status--layout-changed.html', STORE, SEPT);
    expect(r.orders).toEqual([]);
    expect(r.diagnostics).toEqual([
      {
        code: 'unknown-layout',
        message: 'A Shopify order status page without a readable order number (span.os-order-number): layout changed?',
        pageKind: 'order-details',
        layout: 'thank-you-class,order-status-script,checkout-analytics,checkout-assets',
      },
    ]);
  });

  it('the checkout-extensibility thank-you page: recognised, reported, nothing read', () => {
    const url = 'https://porchgoods.example/checkouts/c/Z2NwLXVzLWVhc3QxOjAxSkZY/thank-you';
    expect(shopifyReader.recognises!(loadDoc('thank-you--checkout-extensibility.html'), new URL(url))).toBe(true);
    const r = read('thank-you--checkout-extensibility.html', url, SEPT);
    expect(r.orders).toEqual([]);
    expect(r.diagnostics.map((d) => [d.code, d.layout])).toEqual([['shopify-extensibility-page', 'checkout-analytics']]);
    // The same document at another path is not enough to call it Shopify's (one sign only).
    expect(shopifyReader.recognises!(loadDoc('thank-you--checkout-extensibility.html'), new URL('https://porchgoods.example/pages/thanks'))).toBe(false);
  });

  it('a number no carrier format knows is left out and reported; the rest of the order stays', () => {
    const doc = loadDoc('order-status--in-transit-usps.html');
    doc.querySelector('a[data-tracking-number-link]')!.textContent = 'SEE EMAIL 12';
    const r = shopifyReader.extract(doc, new URL(STORE), new Date(SEPT));
    expect(r.orders[0]!.shipments[0]).toMatchObject({ trackingNumber: null, carrier: 'usps', status: 'in_transit' });
    expect(r.diagnostics.map((d) => d.code)).toEqual(['unrecognised-number']);
  });

  it('an unknown step name gives no status, with a diagnostic', () => {
    const doc = loadDoc('order-status--in-transit-usps.html');
    doc.querySelector('.os-timeline-step--current .os-timeline-step__title')!.lastChild!.textContent = 'En camino';
    const r = shopifyReader.extract(doc, new URL(STORE), new Date(SEPT));
    expect(r.orders[0]!.shipments[0]!.status).toBeNull();
    expect(r.orders[0]!.status).toBe('unknown');
    expect(r.diagnostics.map((d) => d.code)).toEqual(['unknown-status']);
  });

  it('a page that is not Shopify\'s: a diagnostic, no order', () => {
    const r = shopifyReader.extract(new DOMParser().parseFromString('<html><body><span class="os-order-number">Order #1</span></body></html>', 'text/html'), new URL(STORE), new Date(SEPT));
    expect(r.orders).toEqual([]);
    expect(r.diagnostics.map((d) => d.code)).toEqual(['not-shopify']);
  });

  it('a Shopify.checkout object that is cut off or not JSON gives no items, and the order is still read', () => {
    for (const broken of ['Shopify.checkout = {"line_items":[{"title":"Lamp"', 'Shopify.checkout = {line_items: [{title: "Lamp"}]};', 'Shopify.checkout = {"line_items":"Lamp"};']) {
      const doc = loadDoc('order-status--in-transit-usps.html');
      const script = [...doc.querySelectorAll('script:not([src])')].find((s) => s.textContent!.includes('Shopify.checkout ='))!;
      script.textContent = script.textContent!.replace(/Shopify\.checkout = .*;/, broken);
      const r = shopifyReader.extract(doc, new URL(STORE), new Date(SEPT));
      expect(r.orders.map((o) => [o.orderId, o.items]), broken).toEqual([['PG1042', []]]);
    }
  });

  it('a DOM that throws becomes a reader-error diagnostic, not an exception', () => {
    const doc = loadDoc('order-status--in-transit-usps.html');
    Object.defineProperty(doc, 'querySelectorAll', {
      value: () => {
        throw new TypeError('boom');
      },
    });
    const r = shopifyReader.extract(doc, new URL(STORE), new Date(SEPT));
    expect(r.orders).toEqual([]);
    expect(r.diagnostics).toEqual([{ code: 'reader-error', message: 'The Shopify reader failed on this page (TypeError)', pageKind: 'order-details' }]);
  });
});

describe('the store in the key', () => {
  it('on the shared checkout.shopify.com host, the store is its myshopify name, not the shared host', () => {
    const r = read('order-status--in-transit-usps.html', 'https://checkout.shopify.com/61234567890/orders/9e107d9d372bb6826bd81d3542a419d6', SEPT);
    expect(r.shop).toBe('porch-goods-co.myshopify.com');
  });
  it('www. is the same store', () => {
    expect(read('order-status--in-transit-usps.html', 'https://www.porchgoods.example/61234567890/orders/x', SEPT).shop).toBe('porchgoods.example');
  });
});

describe('stored through the same ingest as Amazon readings', () => {
  let db: PorchlightDb;
  beforeEach(() => {
    db = new PorchlightDb(`shopify-${Math.random()}`);
  });
  afterEach(() => db.delete());

  it('one order keyed by store + number, one package with carrier, number and the carrier link', async () => {
    const reading = read('order-status--in-transit-usps.html', STORE, SEPT);
    const out = await ingestPageReading(db, reading, { now: Date.parse(SEPT), shopperZone: 'America/New_York' });
    expect(out.summary).toEqual({ orders: 1, packages: 1, newPackages: 1, changed: 1 });
    expect(out.diagnostics).toEqual([]);
    expect((await ordersRepo.get(db, 'porchgoods.example:PG1042'))).toMatchObject({ shop: 'porchgoods.example', orderId: 'PG1042', status: 'open', orderUrl: STORE });
    const [pkg] = await packagesRepo.byNumber(db, '9361289878700317633795');
    expect(pkg).toMatchObject({ label: 'Enamel porch light', carrier: 'usps', trackingNumber: '9361289878700317633795', status: 'in_transit', orderKey: 'porchgoods.example:PG1042', trackUrl: 'https://tools.usps.com/go/TrackConfirmAction.action?tLabels=9361289878700317633795' });
    // The same order number at another store is another order.
    const other = read('order-status--in-transit-usps.html', 'https://other-store.example/1/orders/x', SEPT);
    await ingestPageReading(db, { ...other, orders: other.orders.map((o) => ({ ...o, shipments: o.shipments.map((s) => ({ ...s, trackingNumber: null })) })) }, { now: Date.parse(SEPT), shopperZone: 'America/New_York' });
    expect(await ordersRepo.get(db, 'other-store.example:PG1042')).toBeDefined();
    expect(await ordersRepo.get(db, 'porchgoods.example:PG1042')).toBeDefined();
  });

  it('the "Other" carrier page\'s aggregator link is dropped by the URL policy, with a diagnostic; the number stays', async () => {
    const reading = read('order-status--other-carrier.html', 'https://lantern-supply.example/70211334455/orders/x', SEPT);
    const out = await ingestPageReading(db, reading, { now: Date.parse(SEPT), shopperZone: 'UTC' });
    expect(out.diagnostics.map((d) => d.code)).toEqual(['url_refused']);
    const [pkg] = await packagesRepo.byNumber(db, 'LX123456785CN');
    expect(pkg).toMatchObject({ carrier: 'china_post', trackUrl: null });
  });
});
