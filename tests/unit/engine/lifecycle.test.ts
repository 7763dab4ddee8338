// A package's whole life through the pure core on a simulated clock: plan → carrier answer → merge →
// alerts → notification policy, waking only when plan() says. The browser wiring (alarms, Dexie,
// notifications API) is the lead's integration test; this pins the core's behaviour end to end.
import { describe, expect, it } from 'vitest';
import { evaluateAlerts } from '../../../lib/alerts/evaluate';
import { alertSettings } from '../../../lib/alerts/settings';
import { mergeTrackResult } from '../../../lib/engine/merge';
import { plan } from '../../../lib/engine/plan';
import type { Package, TrackingEvent } from '../../../lib/model/types';
import { decideNotifications, type NotifiableAlert } from '../../../lib/notify/decide-notifications';
import { notifySettings } from '../../../lib/notify/settings';
import { answer, buildWorld, HOUR, type SimPackage, TZ } from '../../bench/support/engine-sim';
import { makePackage } from './package-factory';

const START = Date.parse('2024-03-01T05:00:00Z');

function live(sim: SimPackage) {
  let pkg: Package = makePackage({ id: sim.id, carrier: sim.carrier, trackingNumber: sim.number, status: 'pending', statusText: null, lastChangeAt: sim.createdAt, firstSeenAt: sim.createdAt, lastCheckAt: null });
  let events: TrackingEvent[] = [];
  const pending = new Map<string, NotifiableAlert>();
  const notified: string[] = [];
  const shown: string[] = [];
  const checks: number[] = [];
  let now = sim.createdAt;
  const end = sim.createdAt + 25 * 24 * HOUR;
  while (now < end) {
    const r = plan([pkg], now, {}, { timeZone: TZ, providers: ['ups', 'usps', 'fedex', 'dhl'], seed: 'life' });
    for (const b of r.due) {
      checks.push(now);
      const out = mergeTrackResult(pkg, events, answer(sim, now), `carrier:${sim.carrier}`, now, TZ);
      pkg = out.pkg;
      events = [...events, ...out.newEvents];
      expect(b.numbers).toEqual([sim.number]);
    }
    for (const a of evaluateAlerts({ pkg, events, now, settings: alertSettings(), timeZone: TZ }).alerts) {
      if (!notified.includes(a.key)) pending.set(a.key, a);
    }
    const d = decideNotifications([...pending.values()], notified, notifySettings(), now, TZ);
    for (const n of d.notify) {
      shown.push(n.alertKeys[0]!.split('|')[1]!);
      notified.push(...n.alertKeys);
      for (const k of n.alertKeys) pending.delete(k);
    }
    for (const x of d.dropped) pending.delete(x.key);
    const again = plan([pkg], now, {}, { timeZone: TZ, providers: ['ups', 'usps', 'fedex', 'dhl'], seed: 'life' });
    const wakes = [again.nextWakeAt, ...d.deferred.map((x) => x.until)].filter((x): x is number => x !== null);
    if (wakes.length === 0) break;
    now = Math.max(now + 30_000, Math.min(...wakes));
  }
  return { pkg, events, shown, checks };
}

describe('a package from label to porch', () => {
  const world = buildWorld(40, START);

  it('a normal delivery: out for delivery, then delivered; no checks 48 h after delivery', () => {
    const sim = world.find((s) => s.scenario === 'normal')!;
    const { pkg, events, shown, checks } = live(sim);
    expect(pkg.status).toBe('delivered');
    expect(events.map((e) => e.key)).toEqual([...new Set(events.map((e) => e.key))]);
    expect(events).toHaveLength(sim.events.length);
    expect(shown).toEqual(['out_for_delivery', 'delivered']);
    expect(checks.filter((t) => t > sim.deliveredAt! + 48 * HOUR)).toEqual([]);
  });

  it('a delayed parcel: the slip is notified and kept in the ETA history', () => {
    const sim = world.find((s) => s.scenario === 'delayed')!;
    const { pkg, shown } = live(sim);
    expect(pkg.status).toBe('delivered');
    expect(pkg.etaHistory.map((r) => r.eta.to)).toEqual(sim.etas.map((e) => e.eta.to));
    expect(shown).toContain('eta_moved');
    expect(shown.slice(-1)).toEqual(['delivered']);
  });

  it('a lost parcel: stalled, then suspected lost, each once', () => {
    const sim = world.find((s) => s.scenario === 'lost')!;
    const { pkg, shown } = live(sim);
    expect(pkg.status).toBe('in_transit');
    expect(shown.filter((k) => k === 'stalled')).toHaveLength(1);
    expect(shown.filter((k) => k === 'suspected_lost')).toHaveLength(1);
    expect(shown.indexOf('stalled')).toBeLessThan(shown.indexOf('suspected_lost'));
  });
});
