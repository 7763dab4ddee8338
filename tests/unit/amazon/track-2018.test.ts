/**
 * Issue #18: the real amazon.com track-package pages of October 2018 (tests/fixtures/amazon-track-2018, shipit,
 * MIT). Their timeline rows are unclassed `div.a-row`s holding `.tracking-event-time-left/-right` under
 * `.tracking-event-date-header` day headings, one row untimed; the reader read 0 of their events. Every event is
 * read with its local wall-clock time (the page names no zone: "Times are shown in the local timezone"), its
 * place, and the year the heading's weekday fixes, whenever the page is read. A copy with renamed row classes
 * reads no event and says `unread-timeline`.
 */
import { describe, expect, it } from 'vitest';
import type { TrackShipmentReading } from '../../../lib/shops/amazon/track';
import { read } from './load-fixture';

const DIR = '../amazon-track-2018';
const URL_OF = (orderId: string) => `https://www.amazon.com/progress-tracker/package/ref=ppx_yo_dt_b_track_package?orderId=${orderId}`;

const PAGES = [
  {
    file: 'amazon_today.html',
    orderId: '114-7731847-0231445',
    tracking: 'TBA363633664000',
    promise: 'Arriving today',
    events: [
      ['2018-10-22T00:23:00', 'Package arrived at a carrier facility', 'Springfield, US'],
      ['2018-10-21', 'Package has left seller facility and is in transit to carrier', null],
    ],
  },
  {
    file: 'amazon_intransit.html',
    orderId: '113-2501233-7684253',
    tracking: 'TBA347099721000',
    promise: 'Arriving tomorrow by 9 PM',
    events: [
      ['2018-10-16T07:13:00', 'Shipment arrived at Amazon facility', 'Avenel, NJ US'],
      ['2018-10-15', 'Package has left seller facility and is in transit to carrier', null],
    ],
  },
  {
    file: 'amazon_wednesday.html',
    orderId: '112-8095707-8016203',
    tracking: 'TBA358547826000',
    promise: 'Arriving Wednesday',
    events: [
      ['2018-10-21T17:51:00', 'Shipment departed from Amazon facility', 'Hebron, KENTUCKY US'],
      ['2018-10-20T21:04:00', 'Shipment arrived at Amazon facility', 'Hebron, KENTUCKY US'],
      ['2018-10-20', 'Package has left seller facility and is in transit to carrier', null],
    ],
  },
] as const;

// Read in the week the pages were saved, and eight years later (the weekday beside each heading fixes 2018).
const NOWS = ['2018-10-22T15:00:00Z', '2026-12-02T15:00:00Z'];

describe('real 2018 amazon.com track pages: every timeline event (issue #18)', () => {
  for (const p of PAGES) {
    for (const now of NOWS) {
      it(`${p.file} read at ${now}: ${p.events.length} events with local times and places, no diagnostic`, () => {
        const r = read(`${DIR}/${p.file}`, URL_OF(p.orderId), now);
        expect(r.kind).toBe('track-package');
        expect(r.diagnostics).toEqual([]);
        const s = r.orders[0]!.shipments[0] as TrackShipmentReading;
        expect([r.orders[0]!.orderId, s.trackingNumber, s.carrier, s.primaryText, s.status]).toEqual([
          p.orderId,
          p.tracking,
          'amazon',
          p.promise,
          'in_transit',
        ]);
        expect(s.events.map((e) => [e.time, e.description, e.location])).toEqual(p.events);
        // The page names no zone: the times are wall-clock times of the event's place, never placed at UTC.
        for (const e of s.events) expect([e.timeIsLocal, e.timeZone, e.status]).toEqual([true, null, 'in_transit']);
      });
    }
  }

  it('the untimed row keeps its day (a bare date, not midnight)', () => {
    const s = read(`${DIR}/amazon_today.html`, URL_OF('114-7731847-0231445'), NOWS[0]!).orders[0]!.shipments[0] as TrackShipmentReading;
    expect(s.events.at(-1)!.time).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  });

  it('layout changed (row classes renamed): no event, no wrong data, an unread-timeline diagnostic', () => {
    const r = read(`${DIR}/amazon_today--layout-changed.html`, URL_OF('114-7731847-0231445'), NOWS[0]!);
    const s = r.orders[0]!.shipments[0] as TrackShipmentReading;
    expect(s.events).toEqual([]);
    expect([s.trackingNumber, s.carrier, s.primaryText]).toEqual(['TBA363633664000', 'amazon', 'Arriving today']);
    expect(r.diagnostics).toEqual([
      expect.objectContaining({ code: 'unread-timeline', pageKind: 'track-package', expected: 2, found: 0 }),
    ]);
  });
});
