import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import { isTimeZone, toZonedIso, zonedDate, zonedLocalToEpoch } from '../../../lib/model/time';

// Issue #18: building an Intl.DateTimeFormat costs far more than using one; it was 5 of the 8 ms of a first
// scan of a 10-order Amazon page when time.ts built one per call. Bounded by counting constructions.
const Original = Intl.DateTimeFormat;
let built: string[] = [];

function countConstructions(): void {
  built = [];
  const Counting = function (locales?: string | string[], options?: Intl.DateTimeFormatOptions) {
    built.push(String(options?.timeZone));
    return new Original(locales, options);
  } as unknown as typeof Intl.DateTimeFormat;
  Object.assign(Counting, { supportedLocalesOf: Original.supportedLocalesOf.bind(Original) });
  Object.defineProperty(Counting, 'prototype', { value: Original.prototype });
  Intl.DateTimeFormat = Counting;
}

afterEach(() => {
  Intl.DateTimeFormat = Original;
});

describe('time zone formatters are built once per zone', () => {
  it('a thousand conversions in three zones build at most three formatters', () => {
    countConstructions();
    const zones = ['Pacific/Chatham', 'America/St_Johns', 'Asia/Kathmandu'];
    for (let i = 0; i < 1000; i++) {
      const zone = zones[i % 3]!;
      const epoch = Date.UTC(2026, 0, 1) + i * 3_600_000;
      toZonedIso(epoch, zone);
      zonedDate(epoch, zone);
      zonedLocalToEpoch('2026-03-08T02:30', zone);
      expect(isTimeZone(zone)).toBe(true);
    }
    expect(built.length).toBeLessThanOrEqual(3);
  });

  it('a zone that does not exist is refused every time and never cached', () => {
    expect(isTimeZone('Mars/Olympus_Mons')).toBe(false);
    expect(isTimeZone('Mars/Olympus_Mons')).toBe(false);
    expect(() => zonedDate(0, 'Mars/Olympus_Mons')).toThrow(RangeError);
  });
});

describe('zonedParts keeps the last instant read per zone (issue #13 §4)', () => {
  it('the same instant asked a thousand times is formatted once; a new instant or zone is formatted again', () => {
    const calls: number[] = [];
    const formatToParts = Original.prototype.formatToParts;
    Original.prototype.formatToParts = function (this: Intl.DateTimeFormat, d?: Date | number) {
      calls.push(Number(d));
      return formatToParts.call(this, d);
    };
    try {
      const now = Date.UTC(2026, 11, 4, 9, 30);
      for (let i = 0; i < 1000; i++) zonedDate(now, 'America/Chicago');
      expect(calls).toHaveLength(1);
      zonedDate(now + 1, 'America/Chicago');
      zonedDate(now + 1, 'Europe/Berlin');
      expect(calls).toHaveLength(3);
    } finally {
      Original.prototype.formatToParts = formatToParts;
    }
  });

  it('property: whatever the order of instants and zones, the parts are those a fresh formatter gives', () => {
    const zones = ['America/Chicago', 'Europe/Berlin', 'Pacific/Chatham', 'UTC'];
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.integer({ min: 0, max: 3 }), fc.integer({ min: 0, max: 5 }), fc.integer({ min: -4e11, max: 4e12 })), { maxLength: 40 }), (steps) => {
        for (const [z, repeat, epoch] of steps) {
          const zone = zones[z]!;
          const fresh = new Original('en-US', { timeZone: zone, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit' });
          const p = Object.fromEntries(fresh.formatToParts(new Date(epoch)).map((x) => [x.type, x.value]));
          const want = `${p.year}-${p.month}-${p.day}T${p.hour}:${p.minute}:${p.second}`;
          for (let r = 0; r <= repeat; r++) expect(toZonedIso(epoch, zone).slice(0, 19)).toBe(want);
        }
      }),
      { numRuns: 200 },
    );
  });
});
