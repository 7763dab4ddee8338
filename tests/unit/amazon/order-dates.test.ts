/**
 * Issue #19 point 5, "Wrong year on order lists": a month/day on an order's lines ("Delivered November 2",
 * "Now expected March 27 - March 28") is the first such date on or after the day the order was placed, and a
 * delivery is no later than the read day (plus one day of slack for a page rendered in a zone ahead). Rules per
 * kind of line: lib/shops/amazon/status-text.ts. The oracles below walk the calendar a day at a time, with
 * their own date arithmetic, so they share no code with the reader's year picking.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { zonedLocalToEpoch } from '../../../lib/model/time';
import type { AmazonLanguage } from '../../../lib/shops/amazon/marketplace';
import { readAmazonPage } from '../../../lib/shops/amazon/page';
import { parseStatusText, type StatusContext } from '../../../lib/shops/amazon/status-text';
import type { ShipmentReading } from '../../../lib/shops/types';
import { CAPTURED, GT, gtDate, MONTHS, NON_SHIPPING, urlFor } from './ground-truth-data';
import { loadDoc } from './load-fixture';

// ---------------------------------------------------------------------------------------------- test calendar

const DAY = 86_400_000;
const toIso = (ms: number) => new Date(ms).toISOString().slice(0, 10);
const ms = (iso: string) => Date.parse(`${iso}T00:00:00Z`);
const plusDays = (iso: string, n: number) => toIso(ms(iso) + n * DAY);
const monthDay = (iso: string) => [Number(iso.slice(5, 7)), Number(iso.slice(8, 10))] as const;

/** The first day from `from` to `to` (both included) that is month `m`, day `d`, walking forwards; else null. */
function firstMatch(m: number, d: number, from: string, to: string): string | null {
  for (let t = ms(from); t <= ms(to); t += DAY) {
    const [mm, dd] = monthDay(toIso(t));
    if (mm === m && dd === d) return toIso(t);
  }
  return null;
}

/** The last day from `to` back to `from` that is month `m`, day `d`, walking backwards; else null. */
function lastMatch(m: number, d: number, from: string, to: string): string | null {
  for (let t = ms(to); t >= ms(from); t -= DAY) {
    const [mm, dd] = monthDay(toIso(t));
    if (mm === m && dd === d) return toIso(t);
  }
  return null;
}

const EN_MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const DE_MONTHS = ['Januar', 'Februar', 'März', 'April', 'Mai', 'Juni', 'Juli', 'August', 'September', 'Oktober', 'November', 'Dezember'];
const FR_MONTHS = ['janvier', 'février', 'mars', 'avril', 'mai', 'juin', 'juillet', 'août', 'septembre', 'octobre', 'novembre', 'décembre'];

/** "Delivered" lines as each marketplace prints them (amazon-pages.md §1.5, the written non-US fixtures). */
const DELIVERED: { lang: AmazonLanguage; zone: string; line: (m: number, d: number) => string }[] = [
  { lang: 'en', zone: 'America/New_York', line: (m, d) => `Delivered ${EN_MONTHS[m - 1]} ${d}` },
  { lang: 'en', zone: 'Europe/London', line: (m, d) => `Delivered ${d} ${EN_MONTHS[m - 1]}` },
  { lang: 'de', zone: 'Europe/Berlin', line: (m, d) => `Zugestellt ${d}. ${DE_MONTHS[m - 1]}` },
  { lang: 'fr', zone: 'Europe/Paris', line: (m, d) => `Livré le ${d} ${FR_MONTHS[m - 1]}` },
];

/** Noon on `day` in `zone`: the read time, well inside the day whatever the zone's offset. */
const noonIn = (day: string, zone: string) => new Date(zonedLocalToEpoch(`${day}T12:00:00`, zone));

// Placed days 2001–2089, month/day pairs that exist in some year (29 February included), read from three
// weeks before the order (a wrong clock) to four years after it.
const placedArb = fc.integer({ min: ms('2001-01-01') / DAY, max: ms('2089-12-31') / DAY }).map((n) => toIso(n * DAY));
const monthDayArb = fc
  .integer({ min: 1, max: 12 })
  .chain((m) => fc.tuple(fc.constant(m), fc.integer({ min: 1, max: [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][m - 1]! })));
const readAfterArb = fc.integer({ min: -21, max: 4 * 366 });

describe('month/day dates on an order resolve against the day it was placed (issue #19 point 5)', () => {
  it('property: "Delivered <month day>" is the first such day on or after the placed day, no later than tomorrow, else null', () => {
    fc.assert(
      fc.property(placedArb, monthDayArb, readAfterArb, fc.constantFrom(...DELIVERED), (placed, [m, d], after, fmt) => {
        const readDay = plusDays(placed, after);
        const ctx: StatusContext = { now: noonIn(readDay, fmt.zone), timeZone: fmt.zone, language: fmt.lang, placedOn: placed };
        const got = parseStatusText(fmt.line(m, d), null, ctx);
        expect(got.status).toBe('delivered');
        expect(got.deliveredAt).toBe(firstMatch(m, d, placed, plusDays(readDay, 1)));
      }),
      { numRuns: 400 },
    );
  });

  it('property: "Arriving <month day>" is the first such day on or after the placed day, before or after the read day', () => {
    fc.assert(
      fc.property(placedArb, monthDayArb, readAfterArb, (placed, [m, d], after) => {
        const readDay = plusDays(placed, after);
        const ctx: StatusContext = { now: noonIn(readDay, 'America/New_York'), timeZone: 'America/New_York', language: 'en', placedOn: placed };
        const want = firstMatch(m, d, placed, plusDays(placed, 8 * 366));
        const got = parseStatusText(`Arriving ${EN_MONTHS[m - 1]} ${d}`, 'Shipped', ctx);
        expect(got.status).toBe('in_transit');
        expect(got.eta).toEqual(want ? { from: want, to: want } : null);
      }),
      { numRuns: 300 },
    );
  });

  it('property: a "Now expected A - B" window starts at the first A since the order and ends at the first B since A', () => {
    fc.assert(
      fc.property(placedArb, monthDayArb, fc.integer({ min: 0, max: 20 }), readAfterArb, (placed, [m, d], span, after) => {
        const from = firstMatch(m, d, placed, plusDays(placed, 8 * 366));
        fc.pre(from !== null);
        const [m2, d2] = monthDay(plusDays(from!, span));
        const readDay = plusDays(placed, after);
        const ctx: StatusContext = { now: noonIn(readDay, 'America/Toronto'), timeZone: 'America/Toronto', language: 'en', placedOn: placed };
        const got = parseStatusText('Running late', `Now expected ${EN_MONTHS[m - 1]} ${d} - ${EN_MONTHS[m2 - 1]} ${d2}`, ctx);
        expect(got.status).toBe('exception');
        expect(got.eta).toEqual({ from, to: firstMatch(m2, d2, from!, plusDays(from!, 8 * 366)) });
      }),
      { numRuns: 200 },
    );
  });

  it('property: with no placed date a delivery keeps the old rule, the latest such day no later than tomorrow', () => {
    fc.assert(
      fc.property(placedArb, monthDayArb, (readDay, [m, d]) => {
        const ctx: StatusContext = { now: noonIn(readDay, 'America/New_York'), timeZone: 'America/New_York', language: 'en' };
        // The old rule looks at last year, this year and next year only (29 February may be in none of them).
        const jan1LastYear = `${Number(readDay.slice(0, 4)) - 1}-01-01`;
        const got = parseStatusText(`Delivered ${EN_MONTHS[m - 1]} ${d}`, null, ctx);
        expect(got.deliveredAt).toBe(lastMatch(m, d, jan1LastYear, plusDays(readDay, 1)));
      }),
      { numRuns: 200 },
    );
  });

  const NY = (now: string, placedOn?: string | null): StatusContext => ({ now: new Date(now), timeZone: 'America/New_York', language: 'en', placedOn });

  it('the issue\'s case: "Delivered November 2" on an order placed 2024-11-01, read in January 2026, is 2024-11-02', () => {
    expect(parseStatusText('Delivered November 2', 'Your package was left near the front door or porch.', NY('2026-01-10T12:00:00Z', '2024-11-01')).deliveredAt).toBe(
      '2024-11-02',
    );
    // Without the placed day it is the latest November 2 before the read day, as before.
    expect(parseStatusText('Delivered November 2', null, NY('2026-01-10T12:00:00Z')).deliveredAt).toBe('2025-11-02');
  });
  it('a delivery date before the order was placed, and not since, is unknown (null), still delivered', () => {
    const got = parseStatusText('Delivered October 30', null, NY('2024-11-10T17:00:00Z', '2024-11-01'));
    expect([got.status, got.deliveredAt]).toEqual(['delivered', null]);
  });
  it('a delivery on the placed day itself counts', () => {
    expect(parseStatusText('Delivered December 11', null, NY('2024-12-21T17:00:00Z', '2024-12-11')).deliveredAt).toBe('2024-12-11');
  });
  it('a delivery with a time keeps the zone\'s offset and takes the order\'s year, whatever the weekday says', () => {
    expect(parseStatusText('Delivered Friday, January 3 at 8:04 PM', null, NY('2027-05-01T17:00:00Z', '2025-01-02')).deliveredAt).toBe(
      '2025-01-03T20:04:00-05:00',
    );
  });
  it('an arrival in January on an order placed in December is next January, however late the page is read', () => {
    for (const now of ['2024-12-30T15:00:00Z', '2025-06-01T15:00:00Z', '2026-02-20T15:00:00Z']) {
      expect(parseStatusText('Arriving January 3', 'Shipped', NY(now, '2024-12-20')).eta).toEqual({ from: '2025-01-03', to: '2025-01-03' });
    }
  });
  it('a late window across New Year stays on the order\'s calendar', () => {
    expect(parseStatusText('Running late', 'Now expected December 31 - January 2', NY('2026-03-01T15:00:00Z', '2024-12-20')).eta).toEqual({
      from: '2024-12-31',
      to: '2025-01-02',
    });
  });
  it('relative words count from the read day, placed day or not', () => {
    const withPlaced = NY('2025-04-06T23:00:00Z', '2025-04-03');
    const without = NY('2025-04-06T23:00:00Z');
    for (const [p, s] of [
      ['Arriving tomorrow', 'Shipped'],
      ['Arriving Wednesday', 'Shipped'],
      ['Delivered yesterday', null],
      ['Delivered Sunday', null],
      ['Out for delivery', null],
    ] as const) {
      expect(parseStatusText(p, s, withPlaced)).toEqual(parseStatusText(p, s, without));
    }
  });
  it('dates with a year are as written; returns, refunds and cancellations read no date', () => {
    expect(parseStatusText('Delivered Dec 16, 2023', null, NY('2026-01-10T12:00:00Z', '2023-12-14')).deliveredAt).toBe('2023-12-16');
    for (const [p, s] of [
      ['Return complete', 'Your return is complete. Your refund has been issued.'],
      ['Refunded', "There's no need to return your item. Your refund has been issued."],
      ['Cancelled', 'Your order was cancelled. You have not been charged for this order.'],
    ] as const) {
      const got = parseStatusText(p, s, NY('2026-01-10T12:00:00Z', '2024-11-01'));
      expect([got.eta, got.deliveredAt]).toEqual([null, null]);
    }
  });
  it('a placed day that is not an ISO date is ignored', () => {
    expect(parseStatusText('Delivered November 2', null, NY('2026-01-10T12:00:00Z', 'November 1, 2024')).deliveredAt).toBe('2025-11-02');
  });
});

// ---------------------------------------------------------------------------------------------- real pages

/**
 * What a ground-truth "Delivered …" line says the day was, from the order's placed day: a written year as is,
 * else the first such month/day since the order (the test's own oracle). Null for a weekday ("Delivered Sunday"),
 * which counts from the day the page was rendered and so has no fixed answer once read later.
 */
function gtDeliveredDay(primary: string, placed: string): string | null {
  const m = /^Delivered ([A-Z][a-z]+) (\d{1,2})(?:, (\d{4}))?$/.exec(primary);
  if (!m) return null;
  const month = MONTHS.findIndex((name) => name.startsWith(m[1]!)) + 1;
  if (month === 0) return null;
  if (m[3]) return `${m[3]}-${String(month).padStart(2, '0')}-${m[2]!.padStart(2, '0')}`;
  return firstMatch(month, Number(m[2]), placed, plusDays(placed, 366));
}

/** The page's shipments beside their ground-truth primary lines, and the order's ground-truth placed day. */
function pairs(name: string, orders: ReturnType<typeof readAmazonPage>['orders']): { s: ShipmentReading; primary: string; placed: string }[] {
  const gt = GT[name]!;
  const out: { s: ShipmentReading; primary: string; placed: string }[] = [];
  if (gt.orders) {
    gt.orders.forEach((g, i) => {
      const o = orders[i]!;
      if (o.kind !== 'physical') return;
      const shipping = g.shipments.filter((x) => !(x.primary && NON_SHIPPING.test(x.primary)) && x.primary !== '');
      shipping.forEach((x, j) => out.push({ s: o.shipments[j]!, primary: x.primary ?? '', placed: gtDate(g.placed) }));
    });
  } else if (gt.order_ids) {
    const read = orders[0]!.shipments.filter((x) => x.statusText !== null);
    (gt.shipment_status_sequence ?? []).forEach((p, j) => out.push({ s: read[j]!, primary: p, placed: gtDate(gt.placed!) }));
  }
  return out;
}

const nyDay = (now: Date) => new Intl.DateTimeFormat('en-CA', { timeZone: 'America/New_York' }).format(now);

/** The capture time and the same page read a year, fourteen months and two years later (months added in UTC). */
function readTimes(captured: string): { label: string; now: Date }[] {
  return [0, 12, 14, 24].map((months) => {
    const now = new Date(captured);
    now.setUTCMonth(now.getUTCMonth() + months);
    return { label: months === 0 ? 'capture' : `+${months} months`, now };
  });
}

describe('shared real pages read at the capture time and later (issue #19 point 5)', () => {
  for (const name of Object.keys(GT).sort()) {
    const gt = GT[name]!;
    if (!gt.orders && !gt.order_ids) continue;
    it(name, () => {
      const doc = loadDoc(name);
      let delivered = 0;
      for (const { label, now } of readTimes(CAPTURED[name]!)) {
        const r = readAmazonPage(doc, new URL(urlFor(name, gt)), now);
        const readDay = nyDay(now);
        for (const { s, primary, placed } of pairs(name, r.orders)) {
          const at = `${name} ${label}: "${primary}" (placed ${placed}, read ${readDay})`;
          if (s.status === 'delivered') {
            delivered++;
            expect(s.deliveredAt, at).not.toBeNull();
            const day = s.deliveredAt!.slice(0, 10);
            expect(day >= placed && day <= readDay, `${at} → ${day}`).toBe(true);
            const want = gtDeliveredDay(primary, placed);
            if (want !== null) expect(day, at).toBe(want);
          }
          // An arrival is on or after the day the order was placed, before or after the read day.
          if (s.eta) expect(s.eta.from.slice(0, 10) >= placed, `${at} → ${s.eta.from}`).toBe(true);
        }
      }
      if (gt.orders?.some((o) => o.shipments.some((x) => x.primary?.startsWith('Delivered')))) expect(delivered).toBeGreaterThan(0);
    });
  }
});

describe('written fixtures read later (issue #19 point 5)', () => {
  it('amazon.ca "Running late" / "Now expected March 27 - March 28" stays on the order\'s March when read 14 months on', () => {
    for (const now of ['2024-03-26T14:00:00Z', '2025-05-26T14:00:00Z']) {
      const r = readAmazonPage(loadDoc('order-history--ca-running-late.html'), new URL('https://www.amazon.ca/your-orders/orders'), new Date(now));
      expect(r.orders[0]!.placedAt).toBe('2024-03-20');
      expect(r.orders[0]!.shipments[0]!.eta).toEqual({ from: '2024-03-27', to: '2024-03-28' });
    }
  });
  it('amazon.de "Zugestellt 5. Dezember" on an order placed 3 December 2024 is that December, read a year on', () => {
    const r = readAmazonPage(loadDoc('order-history--de-zugestellt.html'), new URL('https://www.amazon.de/your-orders/orders'), new Date('2025-12-20T09:00:00Z'));
    expect(r.orders[0]!.shipments[0]!.deliveredAt).toBe('2024-12-05');
  });
  it('a track-package page has no placed day: its dates keep the direction rule', () => {
    // "Zugestellt am 5. Dezember" read in December 2025: the latest 5 December before then.
    const r = readAmazonPage(loadDoc('track-package--de-dhl.html'), new URL('https://www.amazon.de/progress-tracker/package/?orderId=302-7777777-8888888'), new Date('2025-12-20T09:00:00Z'));
    expect(r.orders[0]!.placedAt).toBeNull();
    expect(r.orders[0]!.shipments[0]!.deliveredAt?.slice(0, 10)).toBe('2025-12-05');
  });
});
