/**
 * Issue #6 §7 benchmark: 100 packages over 30 simulated days against a simulated carrier network
 * (tests/bench/support/engine-sim.ts), driven through the real pure core: plan() → carrier answer →
 * mergeTrackResult() → evaluateAlerts() → decideNotifications(), on a simulated clock that jumps to
 * plan().nextWakeAt (plus an hourly wake for time-based rules such as "ETA passed" and "stalled").
 *
 * Figures: number lookups per package per day by state (and HTTP requests, batched where the API
 * allows), alert latency after the carrier's event, notifications per package.
 * Reference, measured in the same run on the same world: a naive poller that asks for every
 * unfinished package every 15 minutes, one request per number, and notifies every alert at once.
 * Targets: ≤ 8 lookups per in-transit package per day; 0 after delivery + 48 h; event alerts within
 * one refresh interval (+ the carrier's posting delay).
 */
import { evaluateAlerts } from '../../lib/alerts/evaluate';
import { alertSettings } from '../../lib/alerts/settings';
import type { AlertDraft } from '../../lib/alerts/types';
import { mergeTrackResult } from '../../lib/engine/merge';
import { type Budgets, plan, refreshInterval } from '../../lib/engine/plan';
import { localClock } from '../../lib/engine/zone-cache';
import type { Status } from '../../lib/model/status';
import type { Package, TrackingEvent } from '../../lib/model/types';
import { decideNotifications, type NotifiableAlert } from '../../lib/notify/decide-notifications';
import { notifySettings } from '../../lib/notify/settings';
import { answer, buildWorld, DAY, HOUR, MIN, type SimPackage, TZ } from './support/engine-sim';

const START = Date.parse('2024-03-01T05:00:00Z'); // midnight in New York; the run crosses the DST change
const END = START + 30 * DAY;
const COUNT = 100;
const BATCH: Record<string, number> = { ups: 1, fedex: 30, usps: 35, dhl: 1 };
const DAILY: Record<string, number> = { ups: 5000, fedex: 100_000, usps: 1440, dhl: 250 };
const EVENT_KINDS = new Set(['out_for_delivery', 'delivered', 'exception', 'attempt_failed', 'ready_for_pickup', 'delayed']);

type Category = 'label created' | 'in transit' | 'due today' | 'out for delivery' | 'exception/attempt' | 'pickup' | 'delivered ≤48h' | 'delivered >48h';
const CATEGORIES: Category[] = ['label created', 'in transit', 'due today', 'out for delivery', 'exception/attempt', 'pickup', 'delivered ≤48h', 'delivered >48h'];

function category(p: Package, now: number, today: string): Category {
  const s: Status = p.status;
  if (s === 'delivered' || s === 'returned' || s === 'cancelled' || s === 'expired') {
    const at = p.deliveredAt ? Date.parse(p.deliveredAt) : p.lastChangeAt;
    return now - Math.max(at, 0) <= 48 * HOUR ? 'delivered ≤48h' : 'delivered >48h';
  }
  if (s === 'out_for_delivery') return 'out for delivery';
  if (s === 'exception' || s === 'attempt_failed') return 'exception/attempt';
  if (s === 'available_for_pickup') return 'pickup';
  if (s === 'in_transit') return p.eta && p.eta.from <= today && today <= p.eta.to ? 'due today' : 'in transit';
  return 'label created';
}

function newPackage(sim: SimPackage, now: number): Package {
  return {
    id: sim.id,
    trackingNumber: sim.number,
    shipmentId: null,
    carrier: sim.carrier,
    orderKey: null,
    shop: null,
    orderId: null,
    label: sim.number,
    status: 'pending',
    statusText: null,
    eta: null,
    etaHistory: [],
    deliveredAt: null,
    lastEvent: null,
    lastChangeAt: now,
    nextCheckAt: now,
    lastCheckAt: null,
    lastError: null,
    failures: 0,
    trackUrl: null,
    archived: false,
    muted: false,
    firstSeenAt: now,
    updatedAt: now,
  };
}

interface RaisedAlert {
  draft: AlertDraft;
  raisedAt: number;
  /** The scheduled refresh interval before the event (event alerts), for the "within one interval" check. */
  bound: number | null;
}

interface RunResult {
  name: string;
  lookups: Record<Category, number>;
  packageDays: Record<Category, number>;
  http: Record<string, number>;
  overBudget: number;
  alerts: RaisedAlert[];
  notifications: number;
  perPackageNotifications: Map<string, number>;
  wakes: number;
  ms: number;
}

function run(name: 'engine' | 'naive 15 min', world: SimPackage[]): RunResult {
  const t0 = performance.now();
  const byId = new Map(world.map((s) => [s.id, s]));
  const pkgs = new Map<string, Package>();
  const events = new Map<string, TrackingEvent[]>();
  const raised = new Map<string, RaisedAlert>();
  const pending = new Map<string, NotifiableAlert>();
  const notified = new Set<string>();
  const lookups = Object.fromEntries(CATEGORIES.map((c) => [c, 0])) as Record<Category, number>;
  const packageDays = Object.fromEntries(CATEGORIES.map((c) => [c, 0])) as Record<Category, number>;
  const http: Record<string, number> = {};
  const usedToday: Record<string, number> = {};
  let overBudget = 0;
  let notifications = 0;
  const perPackageNotifications = new Map<string, number>();
  const alertSet = alertSettings();
  const naive = name !== 'engine';
  const nSettings = naive ? notifySettings({ quietHours: null, groupAbove: 1000, goodNewsMaxAgeMs: Number.POSITIVE_INFINITY }) : notifySettings();
  const creations = world.map((s) => s.createdAt).sort((a, b) => a - b);
  let budgetDay = Math.floor(START / DAY);
  let nextHour = START + HOUR;
  let wakes = 0;
  let now = START;
  let prev = START;

  const evaluate = (p: Package, t: number, bound: number | null) => {
    const { alerts } = evaluateAlerts({ pkg: p, events: events.get(p.id) ?? [], now: t, settings: alertSet, timeZone: TZ });
    for (const a of alerts) {
      if (raised.has(a.key)) continue;
      raised.set(a.key, { draft: a, raisedAt: t, bound: EVENT_KINDS.has(a.kind) ? bound : null });
      pending.set(a.key, a);
    }
  };

  while (now < END) {
    wakes++;
    // Time spent since the previous step, per state.
    const today = localClock(prev, TZ).date;
    for (const p of pkgs.values()) packageDays[category(p, prev, today)] += (now - prev) / DAY;
    const day = Math.floor(now / DAY);
    if (day !== budgetDay) {
      budgetDay = day;
      for (const k of Object.keys(usedToday)) usedToday[k] = 0;
    }
    for (const s of world) if (s.createdAt <= now && !pkgs.has(s.id)) pkgs.set(s.id, newPackage(s, s.createdAt));

    const list = [...pkgs.values()];
    let batches: Array<{ provider: string; packageIds: string[] }>;
    let nextWake: number | null;
    if (naive) {
      batches = list.filter((p) => !['delivered', 'returned', 'cancelled', 'expired'].includes(p.status)).map((p) => ({ provider: p.carrier!, packageIds: [p.id] }));
      nextWake = now + 15 * MIN;
    } else {
      const budgets: Budgets = {};
      for (const pr of Object.keys(BATCH)) budgets[pr] = { remaining: DAILY[pr]! - (usedToday[pr] ?? 0), batchSize: BATCH[pr], resetsAt: (budgetDay + 1) * DAY };
      const r = plan(list, now, budgets, { timeZone: TZ, providers: Object.keys(BATCH), seed: 'bench' });
      for (const u of r.updates) pkgs.set(u.id, { ...pkgs.get(u.id)!, nextCheckAt: u.nextCheckAt });
      batches = r.due;
      nextWake = r.nextWakeAt;
    }

    const nowToday = localClock(now, TZ).date;
    for (const b of batches) {
      http[b.provider] = (http[b.provider] ?? 0) + 1;
      usedToday[b.provider] = (usedToday[b.provider] ?? 0) + 1;
      if (usedToday[b.provider]! > DAILY[b.provider]!) overBudget++;
      for (const id of b.packageIds) {
        const before = pkgs.get(id)!;
        lookups[category(before, now, nowToday)]++;
        const bound = (refreshInterval(before, before.lastCheckAt ?? now, TZ) ?? 4 * HOUR) * 1.1 + 30 * MIN;
        const out = mergeTrackResult(before, events.get(id) ?? [], answer(byId.get(id)!, now), `carrier:${before.carrier}`, now, TZ);
        events.set(id, [...(events.get(id) ?? []), ...out.newEvents]);
        pkgs.set(id, out.pkg);
        evaluate(out.pkg, now, naive ? 15 * MIN + 30 * MIN : bound);
      }
    }
    if (now >= nextHour) {
      for (const p of pkgs.values()) evaluate(p, now, null);
      while (nextHour <= now) nextHour += HOUR;
    }

    // Notifications.
    if (pending.size > 0) {
      const d = decideNotifications([...pending.values()], notified, nSettings, now, TZ);
      for (const n of d.notify) {
        notifications++;
        for (const k of n.alertKeys) {
          notified.add(k);
          pending.delete(k);
        }
        for (const id of n.packageIds) perPackageNotifications.set(id, (perPackageNotifications.get(id) ?? 0) + 1);
      }
      for (const x of d.dropped) pending.delete(x.key);
      for (const x of d.deferred) nextWake = Math.min(nextWake ?? x.until, x.until);
    }

    const nextCreation = creations.find((c) => c > now) ?? Number.POSITIVE_INFINITY;
    prev = now;
    now = Math.min(nextWake ?? Number.POSITIVE_INFINITY, nextHour, nextCreation, END);
    if (now <= prev) now = prev + 30_000;
  }
  const today = localClock(prev, TZ).date;
  for (const p of pkgs.values()) packageDays[category(p, prev, today)] += (END - prev) / DAY;
  return { name, lookups, packageDays, http, overBudget, alerts: [...raised.values()], notifications, perPackageNotifications, wakes, ms: performance.now() - t0 };
}

function pct(values: number[], q: number): number {
  if (values.length === 0) return Number.NaN;
  const s = [...values].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(q * (s.length - 1) + 0.5))]!;
}
const fmt = (n: number, d = 2) => (Number.isFinite(n) ? n.toFixed(d) : '—');
const hours = (ms: number) => fmt(ms / HOUR, 2);

const world = buildWorld(COUNT, START);
const scenarios: Record<string, number> = {};
for (const s of world) scenarios[s.scenario] = (scenarios[s.scenario] ?? 0) + 1;
console.log(`world: ${COUNT} packages, 30 days from 2024-03-01 (America/New_York), scenarios ${JSON.stringify(scenarios)}`);

const results = [run('engine', world), run('naive 15 min', world)];
const simById = new Map(world.map((s) => [s.id, s]));

/** Latency from the true moment: for "ETA moved" the alert's own `since` is when we saw it, so use the simulated change time. */
function latency(a: RaisedAlert): number {
  if (a.draft.kind === 'eta_moved') {
    const to = a.draft.key.split('|to:')[1];
    const change = simById.get(a.draft.packageId)?.etas.find((e) => e.eta.to === to);
    if (change) return a.raisedAt - change.at;
  }
  return a.raisedAt - a.draft.since;
}

console.log('\nnumber lookups per package per day, by the state the engine knew (package-days in brackets)');
console.log(`${'state'.padEnd(20)}${results.map((r) => r.name.padStart(24)).join('')}`);
for (const c of CATEGORIES) {
  const cells = results.map((r) => {
    const days = r.packageDays[c];
    const v = days > 0 ? r.lookups[c] / days : 0;
    return `${fmt(v)} [${fmt(days, 1)}]`.padStart(24);
  });
  console.log(`${c.padEnd(20)}${cells.join('')}`);
}
for (const r of results) {
  const totalHttp = Object.values(r.http).reduce((a, b) => a + b, 0);
  const totalLookups = Object.values(r.lookups).reduce((a, b) => a + b, 0);
  console.log(
    `${r.name}: ${totalLookups} lookups in ${totalHttp} HTTP requests ${JSON.stringify(r.http)}; requests over a provider's daily budget: ${r.overBudget}; wakes: ${r.wakes}; ${fmt(r.ms / 1000, 1)} s`,
  );
}

console.log('\nalert latency after the carrier event or threshold (hours): median / p95 / max [count]');
const kinds = [...new Set(results.flatMap((r) => r.alerts.map((a) => a.draft.kind)))].sort();
for (const k of kinds) {
  const cells = results.map((r) => {
    const l = r.alerts.filter((a) => a.draft.kind === k).map(latency);
    return `${hours(pct(l, 0.5))} / ${hours(pct(l, 0.95))} / ${hours(Math.max(...l))} [${l.length}]`.padStart(30);
  });
  console.log(`${k.padEnd(20)}${cells.join('')}`);
}
const within = results.map((r) => {
  const ev = r.alerts.filter((a) => a.bound !== null);
  const ok = ev.filter((a) => latency(a) <= a.bound!);
  return { name: r.name, ok: ok.length, total: ev.length };
});
if (process.env.BENCH_DEBUG) for (const a of engineMisses()) console.log('miss', a.draft.key, hours(a.raisedAt - a.draft.since), hours(a.bound!));
for (const w of within) console.log(`${w.name}: event alerts within one refresh interval (+30 min posting delay): ${w.ok}/${w.total}`);

console.log('\nnotifications');
for (const r of results) {
  const per = [...world].map((s) => r.perPackageNotifications.get(s.id) ?? 0);
  console.log(`${r.name}: ${r.notifications} notifications, ${fmt(per.reduce((a, b) => a + b, 0) / COUNT)} per package (max ${Math.max(...per)}), ${r.alerts.length} alerts raised`);
}

function engineMisses() {
  return results[0]!.alerts.filter((a) => a.bound !== null && latency(a) > a.bound);
}
const engine = results[0]!;
const inTransit = engine.lookups['in transit'] / Math.max(engine.packageDays['in transit'], 1e-9);
const checks = [
  { target: '≤ 8 lookups per in-transit package per day', ok: inTransit <= 8, value: fmt(inTransit) },
  { target: '0 lookups after delivery + 48 h', ok: engine.lookups['delivered >48h'] === 0, value: String(engine.lookups['delivered >48h']) },
  { target: 'event alerts within one refresh interval', ok: within[0]!.ok === within[0]!.total, value: `${within[0]!.ok}/${within[0]!.total}` },
  { target: 'no request over a provider budget', ok: engine.overBudget === 0, value: String(engine.overBudget) },
];
console.log('\ntargets (engine)');
for (const c of checks) console.log(`${c.ok ? 'PASS' : 'FAIL'}  ${c.target}: ${c.value}`);
if (checks.some((c) => !c.ok)) process.exitCode = 1;
