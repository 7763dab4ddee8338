/**
 * Issue #19 point 4, "Local times in the wrong zone": Amazon's tracker names the zone its local times are in
 * (page-state `timezone`). Each timeline event carries it as `timeZone`, and the page's delivery time and ETA
 * are placed in that zone, whatever zone the shopper's browser is in. Written fixtures: see
 * tests/fixtures/amazon/README.md.
 */
import { describe, expect, it } from 'vitest';
import { zonedLocalToEpoch } from '../../../lib/model/time';
import type { TrackShipmentReading } from '../../../lib/shops/amazon/track';
import { read } from './load-fixture';

const PAGES = [
  {
    name: 'track-package--ups-in-transit.html',
    url: 'https://www.amazon.com/progress-tracker/package/?orderId=112-4444444-5555555&shipmentId=QUps12345',
    now: '2024-03-26T15:00:00Z',
    zone: 'America/Chicago',
  },
  {
    name: 'track-package--delivered-photo.html',
    url: 'https://www.amazon.com/progress-tracker/package/?orderId=112-6666666-7777777&shipmentId=QDel54321',
    now: '2025-01-04T15:00:00Z',
    zone: 'America/New_York',
  },
  {
    name: 'track-package--hub-locker.html',
    url: 'https://www.amazon.com/progress-tracker/package/?orderId=112-8888888-9999999&shipmentId=QHub11111',
    now: '2025-04-09T15:00:00Z',
    zone: 'America/Los_Angeles',
  },
  {
    name: 'track-package--de-dhl.html',
    url: 'https://www.amazon.de/progress-tracker/package/?orderId=302-7777777-8888888&shipmentId=DeDhl7777',
    now: '2024-12-06T10:00:00Z',
    zone: 'Europe/Berlin',
  },
] as const;

const shipmentOf = (name: string, url: string, now: string, shopperZone?: string) =>
  read(name, url, now, shopperZone).orders[0]!.shipments[0] as TrackShipmentReading;

describe('track-package timeline events carry the page\'s own zone (issue #19 point 4)', () => {
  for (const p of PAGES) {
    it(`${p.name}: every event's local time is in ${p.zone}`, () => {
      const s = shipmentOf(p.name, p.url, p.now);
      expect(s.timeZone).toBe(p.zone);
      expect(s.events.length).toBeGreaterThan(0);
      for (const e of s.events) expect([e.timeIsLocal, e.timeZone]).toEqual([true, p.zone]);
    });

    it(`${p.name}: a shopper in Tokyo reads the same events, ETA and delivery time`, () => {
      const here = shipmentOf(p.name, p.url, p.now);
      const tokyo = shipmentOf(p.name, p.url, p.now, 'Asia/Tokyo');
      expect([tokyo.events, tokyo.eta, tokyo.deliveredAt, tokyo.pickup]).toEqual([here.events, here.eta, here.deliveredAt, here.pickup]);
    });
  }

  it('the delivery time is the delivered event\'s local time, in the event\'s zone', () => {
    for (const p of PAGES.filter((x) => x.name.includes('delivered') || x.name.includes('dhl'))) {
      const s = shipmentOf(p.name, p.url, p.now, 'Asia/Tokyo');
      const ev = s.events.find((e) => e.status === 'delivered')!;
      expect(zonedLocalToEpoch(ev.time, ev.timeZone!)).toBe(Date.parse(s.deliveredAt!));
    }
  });

  it('an ETA with hours is given with the page zone\'s offset, not the shopper\'s', () => {
    const p = PAGES[0];
    // "Arriving Thursday by 8 PM" in Chicago (CDT, -05:00 in late March), read by a shopper in Tokyo.
    expect(shipmentOf(p.name, p.url, p.now, 'Asia/Tokyo').eta).toEqual({ from: '2024-03-28', to: '2024-03-28T20:00:00-05:00' });
  });

  it('a page that does not name its zone gives events a null zone', () => {
    const s = shipmentOf(
      'track-package--out-for-delivery.html',
      'https://www.amazon.com/gp/your-account/ship-track?itemId=x&orderId=112-2222222-3333333&shipmentId=QOfd12345&packageIndex=0',
      '2024-03-26T15:00:00Z',
    );
    expect(s.timeZone).toBeNull();
    expect(s.events.length).toBeGreaterThan(0);
    for (const e of s.events) expect(e.timeZone).toBeNull();
  });
});
