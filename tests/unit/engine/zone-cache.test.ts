import { describe, expect, it } from 'vitest';
import { cachedEtaEnd, localClock } from '../../../lib/engine/zone-cache';
import { etaEndEpoch, zonedDate } from '../../../lib/model/time';

describe('zone-cache agrees with model/time', () => {
  it.each([
    ['2024-03-10T06:59:00Z', 'America/New_York'],
    ['2024-03-10T07:01:00Z', 'America/New_York'],
    ['2024-11-03T05:30:00Z', 'America/Los_Angeles'],
    ['2024-07-01T22:30:00Z', 'Asia/Tokyo'],
  ])('%s in %s', (iso, tz) => {
    const t = Date.parse(iso);
    const c = localClock(t, tz);
    expect(c.date).toBe(zonedDate(t, tz));
    const parts = new Intl.DateTimeFormat('en-US', { timeZone: tz, hourCycle: 'h23', hour: '2-digit', minute: '2-digit' }).format(new Date(t));
    expect(`${String(c.hour).padStart(2, '0')}:${String(c.minute).padStart(2, '0')}`).toBe(parts);
  });
  it('memoises ETA ends and reads bad ones as null', () => {
    expect(cachedEtaEnd({ to: '2024-03-10' }, 'America/New_York')).toBe(etaEndEpoch({ to: '2024-03-10' }, 'America/New_York'));
    expect(cachedEtaEnd({ to: '2024-03-10' }, 'America/New_York')).toBe(Date.parse('2024-03-11T04:00:00Z') - 1);
    expect(cachedEtaEnd({ to: 'next week' }, 'America/New_York')).toBeNull();
    expect(cachedEtaEnd(null, 'UTC')).toBeNull();
  });
});
