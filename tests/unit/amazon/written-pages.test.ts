/**
 * The written fixtures (non-US lists, track-package pages, blocked, encrypted, truncated, unknown pages) and the
 * helpers the browser wiring calls. See tests/fixtures/amazon/README.md for what each fixture is based on.
 */
import { describe, expect, it } from 'vitest';
import { detectBlockedPage } from '../../../lib/shops/amazon/blocked';
import { detectEncryptedCards } from '../../../lib/shops/amazon/csd';
import { amazonReader } from '../../../lib/shops/amazon/index';
import { marketplaceFor } from '../../../lib/shops/amazon/marketplace';
import { parseTrackLink, trackPackageUrl } from '../../../lib/shops/amazon/urls';
import type { TrackShipmentReading } from '../../../lib/shops/amazon/track';
import { loadDoc, read } from './load-fixture';

const summary = (r: ReturnType<typeof read>) =>
  r.orders.map((o) => ({
    id: o.orderId,
    status: o.status,
    ships: o.shipments.map((s) => [s.shipmentId, s.status, s.eta, s.deliveredAt]),
  }));

describe('non-US order lists (written fixtures)', () => {
  it('amazon.de: Zugestellt, Lieferung morgen + Versandt, Storniert', () => {
    const r = read('order-history--de-zugestellt.html', 'https://www.amazon.de/your-orders/orders', '2024-12-10T09:00:00Z');
    expect(summary(r)).toEqual([
      { id: '302-1111111-2222222', status: 'delivered', ships: [['DeAbc1234', 'delivered', null, '2024-12-05']] },
      { id: '302-3333333-4444444', status: 'open', ships: [['DeXyz9876', 'in_transit', { from: '2024-12-11', to: '2024-12-11' }, null]] },
      { id: '302-5555555-6666666', status: 'cancelled', ships: [[null, 'cancelled', null, null]] },
    ]);
    expect(r.orders.map((o) => [o.placedAt, o.total])).toEqual([
      ['2024-12-03', '24,99 €'],
      ['2024-12-09', '12,50 €'],
      ['2024-12-08', null],
    ]);
    expect(r.diagnostics).toEqual([]);
  });
  it('amazon.fr: Livré, Arrivée mercredi + Expédié, Retour terminé', () => {
    const r = read('order-history--fr-livre.html', 'https://www.amazon.fr/your-orders/orders', '2024-11-10T09:00:00Z');
    expect(summary(r)).toEqual([
      { id: '171-1111111-2222222', status: 'delivered', ships: [['FrAbc1234', 'delivered', null, '2024-11-04']] },
      { id: '171-3333333-4444444', status: 'open', ships: [['FrXyz9876', 'in_transit', { from: '2024-11-13', to: '2024-11-13' }, null]] },
      { id: '171-5555555-6666666', status: 'returned', ships: [[null, 'returned', null, null]] },
    ]);
  });
  it('amazon.it: Arriverà: martedì 01 dicembre, Consegnato, In consegna', () => {
    const r = read('order-history--it-consegnato.html', 'https://www.amazon.it/your-orders/orders', '2020-11-28T09:00:00Z');
    expect(summary(r)).toEqual([
      { id: '405-1111111-2222222', status: 'open', ships: [['ItAbc1234', 'in_transit', { from: '2020-12-01', to: '2020-12-01' }, null]] },
      { id: '405-3333333-4444444', status: 'delivered', ships: [['ItXyz9876', 'delivered', null, '2020-11-23']] },
      { id: '405-5555555-6666666', status: 'open', ships: [['ItQwe5555', 'out_for_delivery', { from: '2020-11-28', to: '2020-11-28' }, null]] },
    ]);
    expect(r.orders[0]!.total).toBe('EUR 29,90');
  });
  it('amazon.es: Entregado, Llega mañana + Enviado, Cancelado', () => {
    const r = read('order-history--es-entregado.html', 'https://www.amazon.es/your-orders/orders', '2025-03-10T09:00:00Z');
    expect(summary(r)).toEqual([
      { id: '406-1111111-2222222', status: 'delivered', ships: [['EsAbc1234', 'delivered', null, '2025-03-03']] },
      { id: '406-3333333-4444444', status: 'open', ships: [['EsXyz9876', 'in_transit', { from: '2025-03-11', to: '2025-03-11' }, null]] },
      { id: '406-5555555-6666666', status: 'cancelled', ships: [[null, 'cancelled', null, null]] },
    ]);
    expect(r.orders[0]!.placedAt).toBe('2025-03-01');
  });
  it('amazon.co.uk: day-first dates, Dispatched', () => {
    const r = read('order-history--uk-dispatched.html', 'https://www.amazon.co.uk/your-orders/orders', '2024-11-04T10:00:00Z');
    expect(summary(r)).toEqual([
      { id: '202-1111111-2222222', status: 'delivered', ships: [['UkAbc1234', 'delivered', null, '2024-11-02']] },
      { id: '202-3333333-4444444', status: 'open', ships: [['UkXyz9876', 'in_transit', { from: '2024-11-06', to: '2024-11-06' }, null]] },
    ]);
    expect(r.orders[0]!.placedAt).toBe('2024-10-31');
  });
  it('amazon.ca: Running late with a new window, Ready for pickup', () => {
    const r = read('order-history--ca-running-late.html', 'https://www.amazon.ca/your-orders/orders', '2024-03-26T14:00:00Z');
    expect(summary(r)).toEqual([
      { id: '701-1111111-2222222', status: 'open', ships: [['CaAbc1234', 'exception', { from: '2024-03-27', to: '2024-03-28' }, null]] },
      { id: '702-3333333-4444444', status: 'open', ships: [['CaXyz9876', 'available_for_pickup', null, null]] },
    ]);
    expect(r.orders[0]!.total).toBe('CDN$ 45.20');
  });
});

describe('track-package pages (written fixtures)', () => {
  const track = (name: string, url: string, now: string) => {
    const r = read(name, url, now);
    expect(r.kind).toBe('track-package');
    expect(r.orders).toHaveLength(1);
    return { r, s: r.orders[0]!.shipments[0] as TrackShipmentReading };
  };
  it('UPS in transit: page-state first, carrier from "Shipped with UPS", timeline', () => {
    const { r, s } = track(
      'track-package--ups-in-transit.html',
      'https://www.amazon.com/progress-tracker/package/?orderId=112-4444444-5555555&shipmentId=QUps12345&packageIndex=0&itemId=abc',
      '2024-03-26T15:00:00Z',
    );
    expect(r.orders[0]!.orderId).toBe('112-4444444-5555555');
    expect([s.shipmentId, s.status, s.trackingNumber, s.carrier, s.timeZone]).toEqual([
      'QUps12345',
      'in_transit',
      '1Z999AA10123456784',
      'ups',
      'America/Chicago',
    ]);
    // "Arriving Thursday by 8 PM" in the tracker's own zone (Chicago, CDT in late March).
    expect(s.eta).toEqual({ from: '2024-03-28', to: '2024-03-28T20:00:00-05:00' });
    expect(s.events.map((e) => [e.time, e.status, e.description])).toEqual([
      ['2024-03-25T18:12:00', 'in_transit', 'Departed from facility'],
      ['2024-03-25T10:04:00', 'in_transit', 'Arrived at UPS facility'],
      ['2024-03-24T21:30:00', 'in_transit', 'Shipped'],
      ['2024-03-24T15:15:00', 'info_received', 'Label created'],
    ]);
    expect(s.events.every((e) => e.timeIsLocal)).toBe(true);
    expect(s.events[0]!.location).toBe('Hodgkins, IL US');
  });
  it('Amazon Logistics out for delivery: DOM only, TBA number', () => {
    const { s } = track(
      'track-package--out-for-delivery.html',
      'https://www.amazon.com/gp/your-account/ship-track?itemId=x&orderId=112-2222222-3333333&shipmentId=QOfd12345&packageIndex=0',
      '2024-03-26T15:00:00Z',
    );
    expect([s.shipmentId, s.status, s.trackingNumber, s.carrier, s.layout]).toEqual([
      'QOfd12345',
      'out_for_delivery',
      'TBA304512345678',
      'amazon',
      'track-page-dom',
    ]);
    expect(s.eta).toEqual({ from: '2024-03-26', to: '2024-03-26T22:00:00-04:00' });
    expect(s.events).toHaveLength(3);
  });
  it('delivered with time and photo', () => {
    const { r, s } = track(
      'track-package--delivered-photo.html',
      'https://www.amazon.com/progress-tracker/package/?orderId=112-6666666-7777777&shipmentId=QDel54321',
      '2025-01-04T15:00:00Z',
    );
    expect(r.orders[0]!.status).toBe('delivered');
    expect([s.status, s.deliveredAt, s.eta]).toEqual(['delivered', '2025-01-03T20:04:00-05:00', null]);
    expect(s.deliveryPhotoUrl).toBe('https://m.media-amazon.com/images/I/delivery-photo-invented.jpg');
  });
  it('Hub locker pickup with code and deadline', () => {
    const { s } = track(
      'track-package--hub-locker.html',
      'https://www.amazon.com/progress-tracker/package/?orderId=112-8888888-9999999&shipmentId=QHub11111',
      '2025-04-09T15:00:00Z',
    );
    expect(s.status).toBe('available_for_pickup');
    expect(s.pickup).toEqual({ location: 'Amazon Hub Locker - Juniper', code: '482913', until: '2025-04-12' });
  });
  it('amazon.de with DHL: German wording, delivery time in Berlin', () => {
    const { s } = track(
      'track-package--de-dhl.html',
      'https://www.amazon.de/progress-tracker/package/?orderId=302-7777777-8888888&shipmentId=DeDhl7777',
      '2024-12-06T10:00:00Z',
    );
    expect([s.status, s.carrier, s.trackingNumber, s.deliveredAt]).toEqual([
      'delivered',
      'dhl',
      'JJD000390007777777777',
      '2024-12-05T14:32:00+01:00',
    ]);
    expect(s.events.map((e) => e.status)).toEqual(['delivered', 'out_for_delivery']);
  });
});

describe('pages the reader must not trust', () => {
  it('sign-in page: a diagnostic, no orders', () => {
    const r = read('sign-in.html', 'https://www.amazon.com/ap/signin?openid.return_to=x', '2024-11-05T10:00:00Z');
    expect(r.orders).toEqual([]);
    expect(r.diagnostics.map((d) => d.code)).toEqual(['sign-in']);
    expect(detectBlockedPage(loadDoc('sign-in.html'))).toBe('sign-in');
  });
  it('robot check on an order URL: a diagnostic, no orders', () => {
    const r = read('robot-check.html', 'https://www.amazon.com/gp/css/order-history', '2024-11-05T10:00:00Z');
    expect(r.kind).toBe('order-history');
    expect(r.orders).toEqual([]);
    expect(r.diagnostics.map((d) => d.code)).toEqual(['robot-check']);
    expect(detectBlockedPage(loadDoc('robot-check.html'))).toBe('robot-check');
    expect(detectBlockedPage(loadDoc('order-history-2024-0.html'))).toBeNull();
  });
  it('truncated page: keeps only whole orders and says so', () => {
    const r = read('order-history--truncated.html', 'https://www.amazon.com/your-orders/orders', '2024-11-05T10:00:00Z');
    expect(r.orders.map((o) => o.orderId)).toEqual(['112-1111111-2222222', '112-3333333-4444444']);
    expect(r.diagnostics.map((d) => d.code)).toEqual(['fewer-orders', 'truncated']);
  });
  it('unknown layout on a known URL: a diagnostic with the fingerprint, no orders', () => {
    const r = read('order-history--unknown-layout.html', 'https://www.amazon.com/your-orders/orders', '2024-11-05T10:00:00Z');
    expect(r.orders).toEqual([]);
    expect(r.diagnostics).toEqual([
      { code: 'unknown-layout', message: expect.any(String), pageKind: 'order-history', layout: 'foot', found: 0 },
    ]);
  });
  it('unsupported language: ids and links kept, statuses left null, a diagnostic', () => {
    const r = read('order-history--tr-unsupported.html', 'https://www.amazon.nl/your-orders/orders', '2024-11-05T10:00:00Z');
    expect(r.orders.map((o) => [o.orderId, o.status, o.shipments[0]!.shipmentId, o.shipments[0]!.status])).toEqual([
      ['403-1111111-2222222', 'unknown', 'NlAbc1234', null],
    ]);
    expect(r.diagnostics.map((d) => d.code)).toEqual(['unsupported-language']);
  });
  it('fewer orders than "N orders placed in" says', () => {
    const r = read('orders-pagination-1@f49effe.html', 'https://www.amazon.com/your-orders/orders', '2024-01-10T17:00:00Z');
    expect(r.diagnostics).toEqual([
      { code: 'fewer-orders', message: expect.any(String), pageKind: 'order-history', layout: expect.any(String), expected: 3, found: 2 },
    ]);
    // Diagnostics carry no personal data: no order id, no text from the page.
    expect(JSON.stringify(r.diagnostics)).not.toMatch(/\d{3}-\d{7}-\d{7}|Simpsons/);
  });
  it('an empty document gives a diagnostic and never throws', () => {
    const doc = new DOMParser().parseFromString('', 'text/html');
    const r = amazonReader.extract(doc, new URL('https://www.amazon.com/gp/your-account/order-details?orderID=112-1111111-2222222'), new Date(0));
    expect(r.orders).toEqual([]);
    expect(r.diagnostics.map((d) => d.code)).toEqual(['unknown-layout']);
  });
  it('a page on another host is not read', () => {
    const r = amazonReader.extract(loadDoc('order-history-2024-0.html'), new URL('https://www.example.com/your-orders/orders'), new Date(0));
    expect(r.orders).toEqual([]);
    expect(r.diagnostics.map((d) => d.code)).toEqual(['not-amazon']);
  });
});

describe('client-side-decrypted cards', () => {
  it('reports pending cards and their slot order ids', () => {
    expect(detectEncryptedCards(loadDoc('order-history--csd-encrypted.html'))).toEqual({
      pending: true,
      encrypted: 2,
      orderIds: ['113-1111111-2222222', '113-3333333-4444444', '113-5555555-6666666'],
      encryptedOrderIds: ['113-3333333-4444444', '113-5555555-6666666'],
    });
    expect(detectEncryptedCards(loadDoc('order-history-2024-0.html')).pending).toBe(false);
  });
  it('reads the decrypted card, lists the encrypted ones by id only', () => {
    const r = read('order-history--csd-encrypted.html', 'https://www.amazon.com/your-orders/orders', '2025-06-10T10:00:00Z');
    expect(r.orders.map((o) => [o.orderId, o.kind, o.status, o.shipments.length])).toEqual([
      ['113-1111111-2222222', 'physical', 'delivered', 1],
      ['113-3333333-4444444', 'unknown', 'unknown', 0],
      ['113-5555555-6666666', 'unknown', 'unknown', 0],
    ]);
    expect(r.diagnostics).toEqual([
      { code: 'encrypted-cards', message: expect.any(String), pageKind: 'order-history', layout: expect.any(String), expected: 3, found: 1 },
    ]);
  });
});

describe('order kinds and statuses on real pages', () => {
  it('recognises eGift, digital and in-store orders and gives them no shipments', () => {
    const r = read('order-history-2024-0.html', 'https://www.amazon.com/your-orders/orders', '2024-11-10T17:00:00Z');
    const k = Object.fromEntries(r.orders.map((o) => [o.orderId, [o.kind, o.status, o.shipments.length]]));
    expect(k['112-4482432-2955442']).toEqual(['gift_card', 'completed', 0]);
    expect(k['112-9087159-1657009']).toEqual(['digital', 'completed', 0]);
    const wf = read('order-history-wholefoods.html', 'https://www.amazon.com/your-orders/orders', '2024-12-21T17:00:00Z');
    expect(wf.orders.find((o) => o.orderId === '113-6307059-7336242')?.kind).toBe('in_store');
    const store = read('order-history-amazon-store.html', 'https://www.amazon.com/your-orders/orders', '2025-04-06T23:00:00Z');
    expect(store.orders.find((o) => o.orderId === '113-9085096-9353021')?.kind).toBe('in_store');
  });
  it('cancelled order: order and shipment cancelled, no track link', () => {
    const r = read('order-history-canceled-order.html', 'https://www.amazon.com/your-orders/orders', '2025-07-20T17:00:00Z');
    const o = r.orders[0]!;
    expect([o.orderId, o.status, o.total, o.shipments.map((s) => [s.status, s.trackUrl])]).toEqual([
      '111-9642662-1037012',
      'cancelled',
      null,
      [['cancelled', null]],
    ]);
  });
  it('split shipment: one arriving, one delivered, each with its own id and date', () => {
    const r = read('order-history-amazon-store.html', 'https://www.amazon.com/your-orders/orders', '2025-04-06T23:00:00Z');
    const o = r.orders.find((x) => x.orderId === '111-6731557-4438637')!;
    expect(o.status).toBe('open');
    expect(o.shipments.map((s) => [s.shipmentId, s.status, s.eta, s.deliveredAt])).toEqual([
      ['BkvgQvm71', 'in_transit', { from: '2025-04-09', to: '2025-04-09' }, null],
      ['BBwg9x411', 'delivered', null, '2025-04-04'],
    ]);
    expect(o.shipments[0]!.trackUrl).toBe(
      'https://www.amazon.com/gp/your-account/ship-track?itemId=jinmrsoprkpvtop&ref=ppx_yo2ov_dt_b_track_package&packageIndex=0&orderId=111-6731557-4438637&shipmentId=BkvgQvm71',
    );
  });
  it('third-party seller on a details page', () => {
    const r = read('order-details-112-5939971-8962610.html', 'https://www.amazon.com/gp/css/order-details?orderID=112-5939971-8962610', '2024-11-10T17:00:00Z');
    expect(r.orders[0]!.items.map((i) => i.seller)).toEqual(['xianbaikeshang']);
  });
});

describe('helpers for the browser wiring', () => {
  it('matches() is URL-only and agrees with its examples', () => {
    for (const u of amazonReader.examples.matches) expect(amazonReader.matches(new URL(u))).toBe(true);
    for (const u of amazonReader.examples.rejects) expect(amazonReader.matches(new URL(u))).toBe(false);
  });
  it('marketplace info per host', () => {
    expect(marketplaceFor('www.amazon.co.uk')).toMatchObject({ host: 'amazon.co.uk', currency: 'GBP', timeZone: 'Europe/London', language: 'en' });
    expect(marketplaceFor(new URL('https://www.amazon.de/x'))).toMatchObject({ language: 'de', currency: 'EUR', timeZone: 'Europe/Berlin' });
    expect(marketplaceFor('https://smile.amazon.com/')?.host).toBe('amazon.com');
    expect(marketplaceFor('amazon.com.evil.example')).toBeNull();
    expect(marketplaceFor('not a url://')).toBeNull();
  });
  it('builds and parses track-package URLs', () => {
    const u = trackPackageUrl('www.amazon.it', { orderId: '405-1111111-2222222', shipmentId: 'ItAbc1234' });
    expect(u).toBe('https://www.amazon.it/progress-tracker/package/?_encoding=UTF8&orderId=405-1111111-2222222&shipmentId=ItAbc1234&packageIndex=0');
    expect(parseTrackLink(u, new URL('https://www.amazon.it/'))).toEqual({
      url: u,
      orderId: '405-1111111-2222222',
      shipmentId: 'ItAbc1234',
      itemId: null,
      packageIndex: 0,
    });
    // The e-mail variant counts packages from 1.
    expect(
      parseTrackLink(
        '/gp/css/shiptrack/view.html?ie=UTF8&orderID=112-1234567-1234567&orderingShipmentId=37682082708301&packageId=1',
        new URL('https://www.amazon.com/'),
      ),
    ).toMatchObject({ orderId: '112-1234567-1234567', shipmentId: '37682082708301', packageIndex: 0 });
    expect(() => trackPackageUrl('www.example.com', { orderId: '112-1111111-2222222' })).toThrow(/Not an Amazon marketplace/);
    expect(() => trackPackageUrl('amazon.com', { orderId: 'nope' })).toThrow(/Not an Amazon order id/);
  });
});

describe('robustness', () => {
  it('a document whose DOM throws becomes a reader-error diagnostic, not an exception', () => {
    const doc = new DOMParser().parseFromString('<html lang="en-us"><body><div class="js-order-card"></div></body></html>', 'text/html');
    Object.defineProperty(doc, 'querySelectorAll', {
      value: () => {
        throw new TypeError('boom');
      },
    });
    const r = amazonReader.extract(doc, new URL('https://www.amazon.com/your-orders/orders'), new Date(0));
    expect(r.orders).toEqual([]);
    expect(r.diagnostics).toEqual([
      { code: 'reader-error', message: 'The reader failed on this page (TypeError)', pageKind: 'order-history' },
    ]);
  });
});
