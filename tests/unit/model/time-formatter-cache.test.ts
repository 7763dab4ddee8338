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
