import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { etaEndEpoch, eventEpoch, toZonedIso, zonedDate, zonedLocalToEpoch } from '../../../lib/model/time';

describe('time', () => {
  it('keeps an offset when the source gives one', () => {
    expect(eventEpoch('2024-03-01T10:00:00-05:00', false)).toBe(Date.parse('2024-03-01T15:00:00Z'));
  });
  it('reads a local time in its own zone, across DST', () => {
    // New York: EST (-5) before 2024-03-10, EDT (-4) after.
    expect(zonedLocalToEpoch('2024-03-09T12:00:00', 'America/New_York')).toBe(Date.parse('2024-03-09T17:00:00Z'));
    expect(zonedLocalToEpoch('2024-03-11T12:00:00', 'America/New_York')).toBe(Date.parse('2024-03-11T16:00:00Z'));
    expect(eventEpoch('2024-07-01T08:30:00', true, 'Europe/Berlin')).toBe(Date.parse('2024-07-01T06:30:00Z'));
  });
  it('formats with the zone offset and dates in the zone', () => {
    const t = Date.parse('2024-01-02T03:30:00Z');
    expect(toZonedIso(t, 'America/Los_Angeles')).toBe('2024-01-01T19:30:00-08:00');
    expect(zonedDate(t, 'America/Los_Angeles')).toBe('2024-01-01');
    expect(zonedDate(t, 'Asia/Tokyo')).toBe('2024-01-02');
  });
  it('ends a day-precision ETA at local midnight', () => {
    expect(etaEndEpoch({ to: '2024-03-28' }, 'America/New_York')).toBe(Date.parse('2024-03-29T04:00:00Z') - 1);
  });
});

/*
 * zonedLocalToEpoch within the hours of a DST change (issue #19 point 13: the tests above only look at
 * the days either side, so removing the second pass went unnoticed).
 *
 * The first pass reads the offset at the "naive" instant (the wall-clock digits read as UTC). That instant
 * is |offset| hours away from the true one, so on a change day the first pass uses the wrong side's
 * offset for a window of wall-clock times, and the second pass corrects it:
 * - behind UTC (New York, St John's): the window is the hours just AFTER the change
 *   (New York 2024-03-10 03:00–06:59 EDT, 2024-11-03 02:00–05:59 EST);
 * - ahead of UTC (Berlin, Sydney, Lord Howe): the hours just BEFORE it
 *   (Berlin 2024-03-31 01:00–01:59, Sydney from 16:00 the evening before).
 *
 * Wall-clock times that are not one instant, as the implementation settles them (documented here,
 * asserted below and by the properties):
 * - repeated (fall-back) hour: behind UTC the EARLIER instant (still on summer time: New York 01:30 →
 *   05:30Z, EDT); ahead of or at UTC the LATER one (already on standard time: Berlin 02:30 → 01:30Z, CET);
 * - skipped (spring-forward) gap: behind UTC the earlier instant, read with the summer offset, which shows
 *   as the wall clock moved back by the change (New York 02:30 → 06:30Z = 01:30 EST); ahead of or at
 *   UTC the later one, read with the standard offset, shown moved forward (Berlin 02:30 → 01:30Z = 03:30 CEST).
 * "Behind"/"ahead" means both offsets of the change are ≤ 0 / ≥ 0, which holds for every DST zone.
 */
describe('zonedLocalToEpoch around DST changes', () => {
  const cases: Array<[zone: string, local: string, utc: string, note: string]> = [
    // America/New_York 2024-03-10: 02:00 EST → 03:00 EDT (07:00Z).
    ['America/New_York', '2024-03-10T01:59:00', '2024-03-10T06:59:00Z', 'last minute of EST'],
    ['America/New_York', '2024-03-10T03:00:00', '2024-03-10T07:00:00Z', 'first minute of EDT'],
    ['America/New_York', '2024-03-10T03:30:00', '2024-03-10T07:30:00Z', 'EDT, one pass gives 08:30Z'],
    ['America/New_York', '2024-03-10T06:59:00', '2024-03-10T10:59:00Z', 'end of the one-pass window'],
    ['America/New_York', '2024-03-10T02:30:00', '2024-03-10T06:30:00Z', 'gap: earlier instant (01:30 EST)'],
    // America/New_York 2024-11-03: 02:00 EDT → 01:00 EST (06:00Z).
    ['America/New_York', '2024-11-03T00:59:00', '2024-11-03T04:59:00Z', 'before the repeated hour'],
    ['America/New_York', '2024-11-03T01:30:00', '2024-11-03T05:30:00Z', 'repeated hour: earlier (EDT)'],
    ['America/New_York', '2024-11-03T02:00:00', '2024-11-03T07:00:00Z', 'first EST-only minute'],
    ['America/New_York', '2024-11-03T02:30:00', '2024-11-03T07:30:00Z', 'EST, one pass gives 06:30Z'],
    ['America/New_York', '2024-11-03T05:59:00', '2024-11-03T10:59:00Z', 'end of the one-pass window'],
    // America/St_Johns (-03:30 / -02:30) 2024-03-10 02:00 → 03:00 (05:30Z) and 2024-11-03 02:00 → 01:00 (04:30Z).
    ['America/St_Johns', '2024-03-10T04:00:00', '2024-03-10T06:30:00Z', 'NDT, half-hour zone'],
    ['America/St_Johns', '2024-11-03T03:00:00', '2024-11-03T06:30:00Z', 'NST, half-hour zone'],
    // Europe/Berlin 2024-03-31: 02:00 CET → 03:00 CEST (01:00Z).
    ['Europe/Berlin', '2024-03-31T00:59:00', '2024-03-30T23:59:00Z', 'before the one-pass window'],
    ['Europe/Berlin', '2024-03-31T01:00:00', '2024-03-31T00:00:00Z', 'CET, one pass gives 23:00Z'],
    ['Europe/Berlin', '2024-03-31T01:59:00', '2024-03-31T00:59:00Z', 'last minute of CET'],
    ['Europe/Berlin', '2024-03-31T03:00:00', '2024-03-31T01:00:00Z', 'first minute of CEST'],
    ['Europe/Berlin', '2024-03-31T02:30:00', '2024-03-31T01:30:00Z', 'gap: later instant (03:30 CEST)'],
    // Europe/Berlin 2024-10-27: 03:00 CEST → 02:00 CET (01:00Z).
    ['Europe/Berlin', '2024-10-27T01:00:00', '2024-10-26T23:00:00Z', 'CEST, one pass gives 00:00Z'],
    ['Europe/Berlin', '2024-10-27T01:59:00', '2024-10-26T23:59:00Z', 'last CEST-only minute'],
    ['Europe/Berlin', '2024-10-27T02:30:00', '2024-10-27T01:30:00Z', 'repeated hour: later (CET)'],
    ['Europe/Berlin', '2024-10-27T03:00:00', '2024-10-27T02:00:00Z', 'after the repeated hour'],
    // Australia/Sydney 2024-04-07: 03:00 AEDT → 02:00 AEST (2024-04-06T16:00Z); 2024-10-06: 02:00 → 03:00 (2024-10-05T16:00Z).
    ['Australia/Sydney', '2024-04-06T20:00:00', '2024-04-06T09:00:00Z', 'AEDT evening before, one pass gives 10:00Z'],
    ['Australia/Sydney', '2024-04-07T01:59:00', '2024-04-06T14:59:00Z', 'last AEDT-only minute'],
    ['Australia/Sydney', '2024-04-07T02:30:00', '2024-04-06T16:30:00Z', 'repeated hour: later (AEST)'],
    ['Australia/Sydney', '2024-04-07T03:00:00', '2024-04-06T17:00:00Z', 'after the repeated hour'],
    ['Australia/Sydney', '2024-10-05T16:00:00', '2024-10-05T06:00:00Z', 'AEST, start of the one-pass window'],
    ['Australia/Sydney', '2024-10-05T20:00:00', '2024-10-05T10:00:00Z', 'AEST evening before, one pass gives 09:00Z'],
    ['Australia/Sydney', '2024-10-06T01:59:00', '2024-10-05T15:59:00Z', 'last minute of AEST'],
    ['Australia/Sydney', '2024-10-06T02:30:00', '2024-10-05T16:30:00Z', 'gap: later instant (03:30 AEDT)'],
    ['Australia/Sydney', '2024-10-06T03:00:00', '2024-10-05T16:00:00Z', 'first minute of AEDT'],
    // Australia/Lord_Howe: a 30-minute DST, +11 → +10:30 on 2024-04-07 02:00 → 01:30 (2024-04-06T15:00Z),
    // +10:30 → +11 on 2024-10-06 02:00 → 02:30 (2024-10-05T15:30Z).
    ['Australia/Lord_Howe', '2024-04-06T22:00:00', '2024-04-06T11:00:00Z', '+11 evening before, one pass gives 11:30Z'],
    ['Australia/Lord_Howe', '2024-04-07T01:29:00', '2024-04-06T14:29:00Z', 'last +11-only minute'],
    ['Australia/Lord_Howe', '2024-04-07T01:45:00', '2024-04-06T15:15:00Z', 'repeated half hour: later (+10:30)'],
    ['Australia/Lord_Howe', '2024-04-07T02:00:00', '2024-04-06T15:30:00Z', 'after the repeated half hour'],
    ['Australia/Lord_Howe', '2024-10-05T22:00:00', '2024-10-05T11:30:00Z', '+10:30 evening before, one pass gives 11:00Z'],
    ['Australia/Lord_Howe', '2024-10-06T01:59:00', '2024-10-05T15:29:00Z', 'last minute of +10:30'],
    ['Australia/Lord_Howe', '2024-10-06T02:15:00', '2024-10-05T15:45:00Z', 'gap: later instant (02:45 +11)'],
    ['Australia/Lord_Howe', '2024-10-06T02:30:00', '2024-10-05T15:30:00Z', 'first minute of +11'],
  ];
  it.each(cases)('%s %s → %s (%s)', (zone, local, utc) => {
    expect(new Date(zonedLocalToEpoch(local, zone)).toISOString()).toBe(new Date(utc).toISOString());
  });
});

// ───────────── properties: round trip through toZonedIso, and the gap ─────────────

/** Offset in minutes of `zone` at `epoch`, with one cached formatter per zone (independent of time.ts). */
const formatters = new Map<string, Intl.DateTimeFormat>();
function offsetAt(epoch: number, zone: string): number {
  let f = formatters.get(zone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone: zone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formatters.set(zone, f);
  }
  const p: Record<string, number> = {};
  for (const part of f.formatToParts(new Date(epoch))) p[part.type] = Number(part.value);
  const asUtc = Date.UTC(p.year!, p.month! - 1, p.day!, p.hour!, p.minute!, p.second!);
  return Math.round((asUtc - Math.floor(epoch / 1000) * 1000) / 60000);
}

interface Change {
  at: number;
  before: number;
  after: number;
}

/** Offset changes of `zone` during `year` (weekly scan, then bisection to the millisecond). */
const changeCache = new Map<string, Change[]>();
function changesIn(zone: string, year: number): Change[] {
  const key = `${zone} ${year}`;
  const hit = changeCache.get(key);
  if (hit) return hit;
  const out: Change[] = [];
  const week = 7 * 86_400_000;
  const end = Date.UTC(year + 1, 0, 1);
  for (let t = Date.UTC(year, 0, 1); t < end; t += week) {
    const before = offsetAt(t, zone);
    const after = offsetAt(t + week, zone);
    if (before === after) continue;
    let lo = t;
    let hi = t + week;
    while (hi - lo > 1) {
      const mid = Math.floor((lo + hi) / 2);
      if (offsetAt(mid, zone) === before) lo = mid;
      else hi = mid;
    }
    out.push({ at: hi, before, after });
  }
  changeCache.set(key, out);
  return out;
}

/** The instant the implementation is documented to pick out of two readings of one wall-clock time. */
function documentedChoice(a: number, b: number, offsets: [number, number]): number {
  if (Math.max(...offsets) <= 0) return Math.min(a, b); // behind UTC: the earlier
  if (Math.min(...offsets) >= 0) return Math.max(a, b); // ahead of or at UTC: the later
  throw new Error(`change across UTC±0 (${offsets.join(' → ')}) is not covered by the documented rule`);
}

const localOf = (epoch: number, zone: string) => toZonedIso(epoch, zone).slice(0, 19);
const naiveOf = (local: string) => Date.parse(`${local}Z`);

/**
 * What zonedLocalToEpoch(localOf(epoch)) must return: `epoch` itself, unless the wall-clock time also
 * names another instant (the repeated hour), then the documented one of the two.
 */
function expectedRoundTrip(epoch: number, zone: string): number {
  const local = localOf(epoch, zone);
  const naive = naiveOf(local);
  const own = offsetAt(epoch, zone);
  for (const probe of [epoch - 6 * 3_600_000, epoch + 6 * 3_600_000]) {
    const other = offsetAt(probe, zone);
    if (other === own) continue;
    const twin = naive - other * 60_000;
    if (twin !== epoch && localOf(twin, zone) === local) return documentedChoice(epoch, twin, [own, other]);
  }
  return epoch;
}

const DST_ZONES = [
  'America/New_York',
  'America/Chicago',
  'America/Denver',
  'America/Los_Angeles',
  'America/Anchorage',
  'America/Halifax',
  'America/St_Johns',
  'America/Santiago',
  'America/Asuncion',
  'America/Havana',
  'Atlantic/Azores',
  'Europe/London',
  'Europe/Lisbon',
  'Europe/Berlin',
  'Europe/Athens',
  'Asia/Jerusalem',
  'Asia/Beirut',
  'Australia/Sydney',
  'Australia/Adelaide',
  'Australia/Lord_Howe',
  'Pacific/Auckland',
  'Pacific/Chatham',
];

/** A zone, a year and one of that year's offset changes (fast-check picks the index, modulo the count). */
const aChange = fc
  .record({ zone: fc.constantFrom(...DST_ZONES), year: fc.integer({ min: 2008, max: 2030 }), pick: fc.nat() })
  .map(({ zone, year, pick }) => {
    const list = changesIn(zone, year);
    return list.length ? { zone, change: list[pick % list.length]! } : null;
  })
  .filter((x): x is { zone: string; change: Change } => x !== null);

describe('zonedLocalToEpoch properties', () => {
  it('round-trips toZonedIso for any second in any zone (2000–2037)', () => {
    const zones = Intl.supportedValuesOf('timeZone');
    fc.assert(
      fc.property(fc.constantFrom(...zones), fc.integer({ min: Date.UTC(2000, 0, 1) / 1000, max: Date.UTC(2037, 11, 31) / 1000 }), (zone, s) => {
        const epoch = s * 1000;
        expect(zonedLocalToEpoch(localOf(epoch, zone), zone)).toBe(expectedRoundTrip(epoch, zone));
      }),
      { numRuns: 300 },
    );
  });

  it('round-trips every second within three hours of a DST change; the repeated hour gives the documented instant', () => {
    fc.assert(
      fc.property(aChange, fc.integer({ min: -3 * 3600, max: 3 * 3600 }), ({ zone, change }, ds) => {
        const epoch = Math.floor(change.at / 1000) * 1000 + ds * 1000;
        const result = zonedLocalToEpoch(localOf(epoch, zone), zone);
        expect(result).toBe(expectedRoundTrip(epoch, zone));
        // Whatever instant is picked, it shows the same wall-clock time.
        expect(localOf(result, zone)).toBe(localOf(epoch, zone));
      }),
      { numRuns: 300 },
    );
  });

  it('places a wall-clock time in a spring-forward gap at the documented reading', () => {
    const springs = aChange.filter(({ change }) => change.after > change.before);
    fc.assert(
      fc.property(springs, fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true }), ({ zone, change }, f) => {
        // The gap's wall-clock times, read as UTC digits: [at + before, at + after).
        const gapStart = change.at + change.before * 60_000;
        const gapMinutes = change.after - change.before;
        const naive = gapStart + Math.floor(f * gapMinutes) * 60_000;
        const local = new Date(naive).toISOString().slice(0, 19);
        const withBefore = naive - change.before * 60_000; // later instant, shown moved forward by the change
        const withAfter = naive - change.after * 60_000; // earlier instant, shown moved back by the change
        const expected = documentedChoice(withBefore, withAfter, [change.before, change.after]);
        const result = zonedLocalToEpoch(local, zone);
        expect(result).toBe(expected);
        const shift = (expected === withBefore ? gapMinutes : -gapMinutes) * 60_000;
        expect(localOf(result, zone)).toBe(new Date(naive + shift).toISOString().slice(0, 19));
      }),
      { numRuns: 200 },
    );
  });
});
