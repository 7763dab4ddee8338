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
