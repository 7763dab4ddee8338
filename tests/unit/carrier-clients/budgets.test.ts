import { describe, expect, it } from 'vitest';
import { type BudgetState, canSpend, PROVIDER_BUDGETS, remaining, requestCost, spend } from '../../../lib/carriers/budgets';

const T0 = Date.parse('2024-03-31T23:59:58Z');

describe('budgets', () => {
  it('limits are data with their sources', () => {
    expect(PROVIDER_BUDGETS.usps!.map((l) => [l.max, l.windowMs])).toEqual([[60, 3_600_000]]);
    expect(PROVIDER_BUDGETS.dhl!.map((l) => [l.id, l.max])).toEqual([
      ['per-second', 1],
      ['per-day', 250],
    ]);
    expect(PROVIDER_BUDGETS.fedex!.map((l) => l.max)).toEqual([1400, 100_000]);
    expect(PROVIDER_BUDGETS['17track']!.find((l) => l.calendar === 'utc-month')!.unit).toBe('number');
    for (const limits of Object.values(PROVIDER_BUDGETS)) for (const l of limits) expect(l.source.length).toBeGreaterThan(20);
  });

  it('DHL: 1 per second, 250 per UTC day, reset at 00:00 UTC', () => {
    let s: BudgetState = {};
    expect(canSpend(s, 'dhl', T0)).toEqual({ ok: true });
    s = spend(s, 'dhl', T0);
    const blocked = canSpend(s, 'dhl', T0 + 500);
    expect(blocked.ok).toBe(false);
    if (!blocked.ok) {
      expect(blocked.limit.id).toBe('per-second');
      expect(blocked.retryAt).toBe(T0 + 1000);
    }
    expect(canSpend(s, 'dhl', T0 + 1000)).toEqual({ ok: true });
    // Use up the day.
    for (let i = 1; i < 250; i++) s = spend(s, 'dhl', T0 - 86_000_000 + i * 1000);
    const day = remaining(s, 'dhl', T0 + 1000).find((r) => r.limitId === 'per-day')!;
    expect(day.used).toBe(250);
    expect(day.remaining).toBe(0);
    expect(day.resetsAt).toBe(Date.parse('2024-04-01T00:00:00Z'));
    const full = canSpend(s, 'dhl', T0 + 1000);
    expect(full.ok ? null : [full.limit.id, full.retryAt]).toEqual(['per-day', Date.parse('2024-04-01T00:00:00Z')]);
    expect(canSpend(s, 'dhl', Date.parse('2024-04-01T00:00:01Z'))).toEqual({ ok: true });
  });

  it('USPS: a rolling hour of 60 requests', () => {
    let s: BudgetState = {};
    for (let i = 0; i < 60; i++) s = spend(s, 'usps', T0 + i * 1000);
    const r = canSpend(s, 'usps', T0 + 60_000);
    expect(r.ok ? null : r.retryAt).toBe(T0 + 3_600_000);
    expect(remaining(s, 'usps', T0 + 60_000)[0]).toMatchObject({ used: 60, remaining: 0, resetsAt: T0 + 3_600_000 });
    expect(canSpend(s, 'usps', T0 + 3_600_000)).toEqual({ ok: true });
  });

  it('17TRACK: quota counts registered numbers per UTC month; polling costs no quota', () => {
    let s: BudgetState = {};
    s = spend(s, '17track', T0, { requests: 1, numbers: 99 });
    expect(canSpend(s, '17track', T0 + 1000, { requests: 1, numbers: 1 })).toEqual({ ok: true });
    const over = canSpend(s, '17track', T0 + 1000, { requests: 1, numbers: 2 });
    expect(over.ok ? null : [over.limit.id, over.retryAt]).toEqual(['per-month', Date.parse('2024-04-01T00:00:00Z')]);
    expect(canSpend(s, '17track', T0 + 1000, { requests: 1, numbers: 0 })).toEqual({ ok: true });
    expect(requestCost('17track', new URL('https://api.17track.net/track/v2.2/register'), '[{"number":"A"},{"number":"B"}]')).toEqual({ requests: 1, numbers: 2 });
    expect(requestCost('17track', new URL('https://api.17track.net/track/v2.2/gettrackinfo'), '[{"number":"A"}]')).toEqual({ requests: 1, numbers: 0 });
    expect(requestCost('ups', new URL('https://onlinetools.ups.com/security/v1/oauth/token'), 'grant_type=client_credentials')).toBeNull();
  });

  it('spend never mutates the state it is given; unknown providers are unlimited', () => {
    const s: BudgetState = {};
    const next = spend(s, 'dhl', T0);
    expect(s).toEqual({});
    expect(next.dhl!['per-second']!.log).toEqual([[T0, 1]]);
    expect(canSpend({}, 'nobody', T0)).toEqual({ ok: true });
    expect(remaining({}, 'demo', T0)).toEqual([]);
  });
});
