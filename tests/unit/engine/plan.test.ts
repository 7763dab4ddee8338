import { describe, expect, it } from 'vitest';
import { backoffDelay, DEFAULT_INTERVALS, HOUR, lookupFor, MIN_ALARM_MS, MINUTE, nextCheckTime, plan, type PlanProvider, refreshInterval, toProviderBudget, wakeTime } from '../../../lib/engine/plan';
import type { Status } from '../../../lib/model/status';
import type { Eta, Package } from '../../../lib/model/types';
import { makePackage } from './package-factory';

const TZ = 'America/New_York';
// 2024-03-06 14:00 in New York (EST, UTC-5): daytime.
const NOON = Date.parse('2024-03-06T19:00:00Z');
// 2024-03-07 03:00 in New York: night.
const NIGHT = Date.parse('2024-03-07T08:00:00Z');
const today: Eta = { from: '2024-03-06', to: '2024-03-06' };
const far: Eta = { from: '2024-03-12', to: '2024-03-14' };
const soon: Eta = { from: '2024-03-08', to: '2024-03-08' };

// [case, now, status, eta, extra, expected interval or null]
const INTERVALS: Array<[string, number, Status, Eta | null, Partial<Package>, number | null]> = [
  ['out for delivery by day: 30 min', NOON, 'out_for_delivery', today, {}, 30 * MINUTE],
  ['out for delivery at night: in-transit pace', NIGHT, 'out_for_delivery', today, {}, 4 * HOUR],
  ['due today by day: hourly', NOON, 'in_transit', today, {}, HOUR],
  ['due today inside a window: hourly', NOON, 'in_transit', { from: '2024-03-05', to: '2024-03-07' }, {}, HOUR],
  ['in transit, ETA in 2 days: 4 h', NOON, 'in_transit', soon, {}, 4 * HOUR],
  ['in transit, ETA far away: 6 h', NOON, 'in_transit', far, {}, 6 * HOUR],
  ['in transit, no ETA: 4 h', NOON, 'in_transit', null, {}, 4 * HOUR],
  ['label created: 8 h', NOON, 'info_received', null, {}, 8 * HOUR],
  ['exception: 2 h', NOON, 'exception', null, {}, 2 * HOUR],
  ['attempt failed: 2 h', NOON, 'attempt_failed', null, {}, 2 * HOUR],
  ['ready for pickup: 6 h', NOON, 'available_for_pickup', null, {}, 6 * HOUR],
  ['delivered 47 h ago: still checked', NOON, 'delivered', null, { lastChangeAt: NOON - 47 * HOUR }, 12 * HOUR],
  ['delivered 48 h ago: stop', NOON, 'delivered', null, { lastChangeAt: NOON - 48 * HOUR }, null],
  ['delivered time read from deliveredAt', NOON, 'delivered', null, { lastChangeAt: NOON - 50 * HOUR, deliveredAt: '2024-03-05T12:00:00-05:00' }, 12 * HOUR],
  ['cancelled: never', NOON, 'cancelled', null, {}, null],
  ['expired: never', NOON, 'expired', null, {}, null],
  ['archived: never', NOON, 'in_transit', null, { archived: true }, null],
];

describe('refreshInterval', () => {
  it.each(INTERVALS)('%s', (_n, now, status, eta, extra, expected) => {
    expect(refreshInterval(makePackage({ status, eta, ...extra }), now, TZ)).toBe(expected);
  });
  it('follows a provider that declares its own pace until the parcel is finished', () => {
    expect(refreshInterval(makePackage({ status: 'in_transit' }), NOON, TZ, DEFAULT_INTERVALS, 30_000)).toBe(30_000);
    expect(refreshInterval(makePackage({ status: 'delivered', lastChangeAt: NOON - HOUR }), NOON, TZ, DEFAULT_INTERVALS, 30_000)).toBe(12 * HOUR);
  });
});

const P = (id: string, carriers: string[], extra: Partial<PlanProvider> = {}): PlanProvider => ({ id, carriers, ...extra });
const OWN = [P('ups', ['ups']), P('usps', ['usps']), P('fedex', ['fedex']), P('dhl', ['dhl'])];
const TRACKER = P('amazon-tracker', ['amazon'], { shop: 'amazon', needsTrackUrl: true });

describe('lookupFor: which provider', () => {
  const all = [...OWN, TRACKER];
  const link = 'https://www.amazon.com/progress-tracker/package?orderId=113-1';
  it.each([
    ['own carrier API', { carrier: 'ups', trackingNumber: '1Z' }, all, 'ups'],
    ['unknown carrier without aggregator', { carrier: 'royal_mail', trackingNumber: 'AB123456789GB' }, all, null],
    ['unknown carrier with 17track', { carrier: 'royal_mail', trackingNumber: 'AB123456789GB' }, [...all, P('17track', ['*'])], '17track'],
    ['UPS without UPS key but with ship24', { carrier: 'ups', trackingNumber: '1Z' }, [P('ship24', ['*'])], 'ship24'],
    ['Amazon shop-only shipment with a track link', { carrier: null, trackingNumber: null, shop: 'amazon', orderId: '113-1', trackUrl: link }, all, 'amazon-tracker'],
    ['Amazon shop-only shipment without a link: nobody', { carrier: null, trackingNumber: null, shop: 'amazon', orderId: '113-1' }, all, null],
    ['Amazon TBA number', { carrier: 'amazon', trackingNumber: 'TBA123', shop: 'amazon', orderId: '113-1', trackUrl: link }, all, 'amazon-tracker'],
    ['shop without a tracker', { carrier: null, trackingNumber: null, shop: 'ebay', orderId: '1' }, all, null],
  ] as Array<[string, Partial<Package>, PlanProvider[], string | null]>)('%s', (_n, p, providers, expected) => {
    expect(lookupFor(makePackage(p), providers)?.provider ?? null).toBe(expected);
  });

  it('asks the last-mile carrier about a handed-off parcel when the shopper has its API (issue #19 §15)', () => {
    const pkg = makePackage({
      numbers: [
        { number: '1Z999AA10123456784', carrier: 'ups', relation: 'primary', source: 'carrier:ups', addedAt: NOON },
        { number: '9400100000000000000000', carrier: 'usps', relation: 'handoff', source: 'carrier:ups', addedAt: NOON },
      ],
    });
    expect(lookupFor(pkg, OWN)).toEqual({ provider: 'usps', number: '9400100000000000000000' });
    expect(lookupFor(pkg, [P('ups', ['ups'])])).toEqual({ provider: 'ups', number: '1Z999AA10123456784' });
  });
});

describe('backoff and next check', () => {
  it.each([
    [0, 'server', 0],
    [1, 'server', 2 * MINUTE],
    [2, 'timeout', 4 * MINUTE],
    [5, 'server', 32 * MINUTE],
    [9, 'server', 6 * HOUR],
    [40, 'server', 6 * HOUR],
    [1, 'auth', 6 * HOUR],
  ] as Array<[number, string, number]>)('%d failures (%s) → %d ms', (failures, kind, delay) => {
    expect(backoffDelay({ failures, lastError: failures ? { kind, message: '', at: 0 } : null })).toBe(delay);
  });

  it('never checked: due now; jitter stays within ±10 % and is deterministic', () => {
    expect(nextCheckTime(makePackage({ lastCheckAt: null }), NOON, TZ)).toBe(NOON);
    const seen = new Set<number>();
    for (let i = 0; i < 50; i++) {
      const pkg = makePackage({ id: `ups:${i}`, status: 'in_transit', lastCheckAt: NOON - i });
      const next = nextCheckTime(pkg, NOON, TZ, 's')!;
      const wait = next - pkg.lastCheckAt!;
      expect(wait).toBeGreaterThanOrEqual(0.9 * 4 * HOUR);
      expect(wait).toBeLessThanOrEqual(1.1 * 4 * HOUR);
      expect(nextCheckTime(pkg, NOON, TZ, 's')).toBe(next);
      seen.add(wait);
    }
    expect(seen.size).toBeGreaterThan(40);
  });

  it('never schedules closer than the 30 s alarm minimum', () => {
    const pkg = makePackage({ lastCheckAt: NOON, failures: 1, lastError: { kind: 'server', message: '', at: NOON } });
    expect(nextCheckTime(pkg, NOON, TZ, 'x', { ...DEFAULT_INTERVALS, backoffBase: 1000 })).toBe(NOON + MIN_ALARM_MS);
  });
});

function pkgs(n: number, over: (i: number) => Partial<Package>): Package[] {
  return Array.from({ length: n }, (_, i) => makePackage({ id: `ups:N${i}`, trackingNumber: `N${i}`, ...over(i) }));
}

describe('plan', () => {
  const opts = { timeZone: TZ, providers: OWN, seed: 't' };

  it('batches due packages per provider up to the batch size, urgent first', () => {
    const list = [
      ...pkgs(5, (i) => ({ carrier: 'fedex', id: `fedex:F${i}`, trackingNumber: `F${i}`, lastCheckAt: null })),
      makePackage({ id: 'fedex:OFD', trackingNumber: 'OFD', carrier: 'fedex', status: 'out_for_delivery', lastCheckAt: NOON - HOUR }),
    ];
    const r = plan(list, NOON, { fedex: { remaining: 10, batchSize: 4 } }, opts);
    expect(r.due).toEqual([
      { provider: 'fedex', packageIds: ['fedex:OFD', 'fedex:F0', 'fedex:F1', 'fedex:F2'], numbers: ['OFD', 'F0', 'F1', 'F2'] },
      { provider: 'fedex', packageIds: ['fedex:F3', 'fedex:F4'], numbers: ['F3', 'F4'] },
    ]);
    expect(r.held).toEqual([]);
  });

  it('lets packages due soon ride along in a batch that goes anyway', () => {
    const list = [
      makePackage({ id: 'fedex:A', trackingNumber: 'A', carrier: 'fedex', lastCheckAt: null }),
      // in transit, checked 3.5 h ago: due in about 30 min, within a quarter of its 4 h interval
      makePackage({ id: 'fedex:B', trackingNumber: 'B', carrier: 'fedex', lastCheckAt: NOON - 3.5 * HOUR }),
      // checked 10 min ago: not due for hours, stays
      makePackage({ id: 'fedex:C', trackingNumber: 'C', carrier: 'fedex', lastCheckAt: NOON - 10 * MINUTE }),
    ];
    const r = plan(list, NOON, { fedex: { remaining: 10, batchSize: 30 } }, opts);
    expect(r.due).toEqual([{ provider: 'fedex', packageIds: ['fedex:A', 'fedex:B'], numbers: ['A', 'B'] }]);
    const c = r.updates.find((u) => u.id === 'fedex:C')!;
    expect(c.nextCheckAt! - (NOON - 10 * MINUTE)).toBeGreaterThanOrEqual(0.9 * 4 * HOUR);
    // The wake also counts A's and B's next checks as if refreshed now.
    const after = list.slice(0, 2).map((p) => nextCheckTime({ ...p, lastCheckAt: NOON }, NOON, TZ, 't')!);
    expect(r.nextWakeAt).toBe(Math.min(c.nextCheckAt!, ...after));
  });

  it('spends no more than the budget and holds the rest until it resets', () => {
    const list = pkgs(5, () => ({ lastCheckAt: null }));
    const resetsAt = NOON + 5 * HOUR;
    const r = plan(list, NOON, { ups: { remaining: 2, batchSize: 1, resetsAt } }, opts);
    expect(r.due.map((b) => b.packageIds)).toEqual([['ups:N0'], ['ups:N1']]);
    expect(r.held).toEqual([
      { id: 'ups:N2', provider: 'ups', reason: 'budget', until: resetsAt },
      { id: 'ups:N3', provider: 'ups', reason: 'budget', until: resetsAt },
      { id: 'ups:N4', provider: 'ups', reason: 'budget', until: resetsAt },
    ]);
    expect(r.updates.find((u) => u.id === 'ups:N4')?.nextCheckAt).toBe(resetsAt);
    const after = list.slice(0, 2).map((p) => nextCheckTime({ ...p, lastCheckAt: NOON }, NOON, TZ, 't')!);
    expect(r.nextWakeAt).toBe(Math.min(resetsAt, ...after));
    // Without the two refreshed ones, the budget reset is the wake.
    expect(plan(list.slice(2), NOON, { ups: { remaining: 0, resetsAt } }, opts).nextWakeAt).toBe(resetsAt);
  });

  it('honours Retry-After for the whole provider', () => {
    const blockedUntil = NOON + 90_000;
    const list = [...pkgs(2, () => ({ lastCheckAt: null })), makePackage({ id: 'usps:9400', carrier: 'usps', trackingNumber: '9400', lastCheckAt: null })];
    const r = plan(list, NOON, { ups: { remaining: 100, blockedUntil } }, opts);
    expect(r.due).toEqual([{ provider: 'usps', packageIds: ['usps:9400'], numbers: ['9400'] }]);
    expect(r.held.map((h) => h.reason)).toEqual(['retry_after', 'retry_after']);
    expect(r.nextWakeAt).toBe(blockedUntil);
  });

  it('stops delivered packages after 48 h and packages nobody can track', () => {
    const list = [
      makePackage({ id: 'ups:D', status: 'delivered', lastChangeAt: NOON - 49 * HOUR, lastCheckAt: NOON - HOUR, nextCheckAt: NOON + HOUR }),
      makePackage({ id: 'royal_mail:X', carrier: 'royal_mail', trackingNumber: 'X', lastCheckAt: null, nextCheckAt: NOON }),
    ];
    const r = plan(list, NOON, {}, opts);
    expect(r.due).toEqual([]);
    expect(r.updates).toEqual([
      { id: 'ups:D', nextCheckAt: null },
      { id: 'royal_mail:X', nextCheckAt: null },
    ]);
    expect(r.nextWakeAt).toBeNull();
  });

  it('wakes no sooner than 30 s from now', () => {
    const pkg = makePackage({ lastCheckAt: NOON - 4 * HOUR + 1000, nextCheckAt: null });
    const r = plan([pkg], NOON, {}, { ...opts, intervals: { jitter: 0 } });
    expect(r.due).toEqual([]);
    expect(r.nextWakeAt).toBe(NOON + MIN_ALARM_MS);
  });

  it('forces every package still on its way (the Refresh button), still in batches and budgets', () => {
    const list = [
      ...pkgs(3, (i) => ({ lastCheckAt: NOON - i * MINUTE })),
      makePackage({ id: 'ups:DONE', trackingNumber: 'DONE', status: 'delivered', lastChangeAt: NOON - HOUR, lastCheckAt: NOON - MINUTE }),
    ];
    const r = plan(list, NOON, { ups: { remaining: 2, batchSize: 1 } }, { ...opts, force: true });
    expect(r.due.map((b) => b.packageIds)).toEqual([['ups:N0'], ['ups:N1']]);
    expect(r.held.map((h) => h.id)).toEqual(['ups:N2']);
    expect(plan(list, NOON, {}, { ...opts, force: ['ups:DONE'] }).due.map((b) => b.packageIds)).toEqual([['ups:DONE']]);
  });

  it('is pure: the same input gives the same plan', () => {
    const list = pkgs(20, (i) => ({ lastCheckAt: NOON - i * 17 * MINUTE, status: (['in_transit', 'out_for_delivery', 'exception'] as Status[])[i % 3] }));
    expect(plan(list, NOON, { ups: { remaining: 3 } }, opts)).toEqual(plan(list, NOON, { ups: { remaining: 3 } }, opts));
  });
});

describe('wakeTime', () => {
  it('is the earliest check of an active package whose source is not blocked, a blocked source\'s end, or the deferred wake', () => {
    const p = (nextCheckAt: number | null, provider: string | null, archived = false) => ({ nextCheckAt, provider, archived });
    expect(wakeTime([p(NOON + HOUR, 'ups'), p(NOON + 2 * HOUR, 'usps')], NOON, {}, null)).toBe(NOON + HOUR);
    expect(wakeTime([p(NOON - HOUR, 'ups')], NOON, {}, null)).toBe(NOON + MIN_ALARM_MS);
    expect(wakeTime([p(NOON + MINUTE, 'amazon-tracker'), p(NOON + 5 * HOUR, 'ups')], NOON, { 'amazon-tracker': NOON + HOUR }, null)).toBe(NOON + HOUR);
    expect(wakeTime([p(NOON + MINUTE, 'ups', true), p(NOON + MINUTE, null)], NOON, {}, null)).toBeNull();
    expect(wakeTime([], NOON, {}, NOON + 3 * HOUR)).toBe(NOON + 3 * HOUR);
  });
});

describe('toProviderBudget', () => {
  it('takes the tightest limit', () => {
    expect(toProviderBudget([{ remaining: 200, resetsAt: 10 }, { remaining: 1, resetsAt: 2 }], 1, 5)).toEqual({ remaining: 1, resetsAt: 2, batchSize: 1, blockedUntil: 5 });
    expect(toProviderBudget([], 30)).toEqual({ remaining: Number.POSITIVE_INFINITY, batchSize: 30, blockedUntil: null });
  });
});
