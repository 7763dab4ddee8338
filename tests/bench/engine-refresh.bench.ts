/**
 * The engine the worker runs (issue #19 §1), measured: 100 packages over 30 simulated days, driven
 * through createBackgroundApp (lib/platform/background-app.ts) with its listeners registered on WXT's
 * fake browser, fake-indexeddb, and a fake clock that jumps to the alarm the worker armed (the refresh
 * alarm, or the 30-minute tick). Numbers enter as a shopper's "Track …" does (app.trackFound);
 * every refresh goes through the refresh round, the budget accountant (lib/carriers/budgets.ts, the
 * real published limits), the merge, the situation lifecycle and the notification policy.
 *
 * The carrier network is simulated (tests/bench/support/engine-sim.ts): each provider is a client
 * with the real provider's id and batch size whose requests go through the worker's fetch (so the
 * budgets meter them) and are answered from the simulated world as parsed results. The carriers'
 * own parsers are not measured here (their tests are); everything from the alarm to the notification
 * is the worker's code.
 *
 * Reference, measured in the same run on the same world: a naive poller built from the same worker.
 * Every 15 minutes it presses Refresh (app.refresh({ force: true }): every unfinished package, now)
 * instead of following the schedule's alarms. It has the same batching, the same budgets, the same
 * merge and the same notification policy; only when it asks differs.
 *
 * Targets (issue #6 §7): ≤ 8 lookups per in-transit package per day; 0 after delivery + 48 h; event
 * alerts within one refresh interval (+ the carrier's 30-minute posting delay); 0 requests over a
 * provider budget. Takes about a minute.
 */
import 'fake-indexeddb/auto';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { EN } from '../support/i18n';

// The worker's `browser` is WXT's: the fake one, before anything imports it.
(globalThis as { browser?: unknown }).browser = fakeBrowser;
(globalThis as { chrome?: unknown }).chrome = fakeBrowser;

const { PROVIDER_BUDGETS } = await import('../../lib/carriers/budgets');
const { CLIENTS } = await import('../../lib/carriers/clients');
const { PorchlightDb } = await import('../../lib/db/database');
const { refreshInterval } = await import('../../lib/engine/plan');
const { localClock } = await import('../../lib/engine/zone-cache');
const { createBackgroundApp, registerListeners, REFRESH_ALARM, TICK_ALARM } = await import('../../lib/platform/background-app');
const { answer, buildWorld, DAY, HOUR, MIN, TZ } = await import('./support/engine-sim');
type CarrierClient = import('../../lib/carriers/client').CarrierClient;
type Package = import('../../lib/model/types').Package;
type SimPackage = import('./support/engine-sim').SimPackage;

// In the future of the real clock: the fake browser's alarms also run on real timers, and a `when`
// in the past would fire at once. The simulated clock alone moves the world.
const START = Date.parse('2030-03-01T05:00:00Z'); // midnight in New York; the run crosses the DST change (Mar 10)
const END = START + Number(process.env.BENCH_DAYS ?? 30) * DAY;
const COUNT = Number(process.env.BENCH_COUNT ?? 100);
const TICK = 30 * MIN;
const CARRIERS = ['ups', 'fedex', 'usps', 'dhl'] as const;

type Category = 'label created' | 'in transit' | 'due today' | 'out for delivery' | 'exception/attempt' | 'pickup' | 'delivered ≤48h' | 'delivered >48h';
const CATEGORIES: Category[] = ['label created', 'in transit', 'due today', 'out for delivery', 'exception/attempt', 'pickup', 'delivered ≤48h', 'delivered >48h'];
const EVENT_KINDS = new Set(['out_for_delivery', 'delivered', 'exception', 'attempt_failed', 'ready_for_pickup', 'delayed']);

function category(p: Package, now: number): Category {
  const s = p.status;
  if (s === 'delivered' || s === 'returned' || s === 'cancelled' || s === 'expired') {
    const at = p.deliveredAt ? Date.parse(p.deliveredAt) : p.lastChangeAt;
    return now - (Number.isFinite(at) ? at : p.lastChangeAt) <= 48 * HOUR ? 'delivered ≤48h' : 'delivered >48h';
  }
  if (s === 'out_for_delivery') return 'out for delivery';
  if (s === 'exception' || s === 'attempt_failed') return 'exception/attempt';
  if (s === 'available_for_pickup') return 'pickup';
  const today = localClock(now, TZ).date;
  if (s === 'in_transit') return p.eta && p.eta.from.slice(0, 10) <= today && today <= p.eta.to.slice(0, 10) ? 'due today' : 'in transit';
  return 'label created';
}

/** A simulated provider with the real one's id and batch size; its requests go through the worker's fetch. */
function simClient(id: (typeof CARRIERS)[number]): CarrierClient {
  return {
    id,
    carriers: [id],
    batchSize: CLIENTS[id].batchSize,
    hosts: [`api.${id}.sim`],
    needsCredentials: false,
    async track(numbers, _credentials, ctx) {
      const res = await ctx.fetch(`https://api.${id}.sim/track?n=${numbers.join(',')}`);
      if (res.status === 429) return { ok: false, error: { kind: 'rate_limited', message: `${id}: 429`, retryAfterMs: Number(res.headers.get('retry-after') ?? 60) * 1000, httpStatus: 429 } };
      return { ok: true, results: (await res.json()) as never };
    },
  };
}

interface RunResult {
  name: string;
  lookups: Record<Category, number>;
  packageDays: Record<Category, number>;
  http: Record<string, number>;
  /** Requests that went out while a published limit was already used up. */
  overBudget: number;
  latencies: Array<{ kind: string; ms: number; bound: number | null }>;
  notifications: number;
  perPackage: Map<string, number>;
  situations: number;
  wakes: number;
  ms: number;
}

async function run(name: string, world: SimPackage[], naive: boolean): Promise<RunResult> {
  const t0 = performance.now();
  fakeBrowser.reset();
  await fakeBrowser.storage.local.set({ settings: { notifications: { quietHours: { start: '22:00', end: '07:00' } } } });
  const db = new PorchlightDb(`bench-${name}-${Math.random()}`);
  const byNumber = new Map(world.map((s) => [s.number, s]));
  let now = START;
  const lookups = Object.fromEntries(CATEGORIES.map((c) => [c, 0])) as Record<Category, number>;
  const packageDays = Object.fromEntries(CATEGORIES.map((c) => [c, 0])) as Record<Category, number>;
  const http: Record<string, number> = {};
  const sent: Record<string, number[]> = {};
  const intervalBefore = new Map<string, number>();

  const fetch: typeof globalThis.fetch = async (input) => {
    const url = new URL(String(input));
    const provider = url.hostname.split('.')[1]!;
    const numbers = (url.searchParams.get('n') ?? '').split(',').filter(Boolean);
    http[provider] = (http[provider] ?? 0) + 1;
    (sent[provider] ??= []).push(now);
    const pkgs = await db.packages.where('numberKeys').anyOf(numbers).toArray();
    for (const p of pkgs) {
      lookups[category(p, now)]++;
      intervalBefore.set(p.id, refreshInterval(p, p.lastCheckAt ?? now, TZ, undefined) ?? 4 * HOUR);
    }
    return new Response(JSON.stringify(numbers.map((n) => answer(byNumber.get(n)!, now))), { status: 200, headers: { 'content-type': 'application/json' } });
  };

  const app = createBackgroundApp(db, { ui: () => EN, now: () => now, timeZone: TZ, fetch, clients: CARRIERS.map(simClient), sleep: async () => undefined });
  const unregister = registerListeners(app, db);
  await app.ensureAlarms();
  const creations = [...world].sort((a, b) => a.createdAt - b.createdAt);
  let nextTick = START + TICK;
  let nextPoll = START;
  let added = 0;
  let wakes = 0;
  let prev = START;
  const seenAlerts = new Set<string>();
  const latencies: RunResult['latencies'] = [];

  while (now < END) {
    wakes++;
    if (process.env.BENCH_DEBUG && wakes % 200 === 0) console.error(name, wakes, new Date(now).toISOString(), ((performance.now() - t0) / 1000).toFixed(1));
    // Package-days per state since the previous wake.
    for (const p of await db.packages.toArray()) packageDays[category(p, prev)] += (now - prev) / DAY;
    while (added < creations.length && creations[added]!.createdAt <= now) {
      const s = creations[added++]!;
      await app.trackFound([{ trackingNumber: s.number, carrier: s.carrier, confidence: 1 }], 'selection');
    }
    const alarm = await fakeBrowser.alarms.get(REFRESH_ALARM);
    if (naive) {
      if (nextPoll <= now) {
        await app.refresh({ force: true });
        while (nextPoll <= now) nextPoll += 15 * MIN;
      }
    } else if (alarm && alarm.scheduledTime <= now) {
      await fakeBrowser.alarms.onAlarm.trigger({ name: REFRESH_ALARM, scheduledTime: alarm.scheduledTime, persistAcrossSessions: false });
    }
    if (nextTick <= now) {
      await fakeBrowser.alarms.onAlarm.trigger({ name: TICK_ALARM, scheduledTime: nextTick, persistAcrossSessions: false });
      while (nextTick <= now) nextTick += TICK;
    }
    await app.idle();
    // New situations: when they were raised against when they happened.
    for (const a of await db.alerts.where('createdAt').aboveOrEqual(prev).toArray()) {
      if (seenAlerts.has(a.key)) continue;
      seenAlerts.add(a.key);
      const sim = byNumber.get(a.packageId.split(':')[1]!);
      let happened = a.since ?? a.createdAt;
      if (a.kind === 'eta_moved' && sim) happened = sim.etas.find((e) => e.eta.to === a.key.split('|to:')[1])?.at ?? happened;
      const bound = EVENT_KINDS.has(a.kind) ? (intervalBefore.get(a.packageId) ?? 4 * HOUR) * 1.1 + 30 * MIN : null;
      latencies.push({ kind: a.kind, ms: a.createdAt - happened, bound });
    }
    const next = await fakeBrowser.alarms.get(REFRESH_ALARM);
    const nextCreation = creations[added]?.createdAt ?? Number.POSITIVE_INFINITY;
    prev = now;
    now = Math.min(naive ? nextPoll : (next?.scheduledTime ?? Number.POSITIVE_INFINITY), nextTick, nextCreation, END);
    if (now <= prev) now = prev + 30_000;
  }
  for (const p of await db.packages.toArray()) packageDays[category(p, prev)] += (END - prev) / DAY;
  const notes = await db.notifications.toArray();
  const perPackage = new Map<string, number>();
  for (const n of notes) for (const id of n.packageIds) perPackage.set(id, (perPackage.get(id) ?? 0) + 1);
  const situations = await db.alerts.count();
  await app.idle();
  unregister();
  await new Promise((r) => setTimeout(r, 50));
  await app.idle();
  db.close();
  return { name, lookups, packageDays, http, overBudget: overBudgetCount(sent), latencies, notifications: notes.length, perPackage, situations, wakes, ms: performance.now() - t0 };
}

/** Replays the request log against each provider's published limits (rolling and calendar windows). */
function overBudgetCount(sent: Record<string, number[]>): number {
  let over = 0;
  for (const [provider, times] of Object.entries(sent)) {
    for (const limit of PROVIDER_BUDGETS[provider] ?? []) {
      if (limit.unit !== 'request') continue;
      for (let i = 0; i < times.length; i++) {
        const t = times[i]!;
        const from = limit.windowMs ? t - limit.windowMs : limit.calendar === 'utc-day' ? t - (t % DAY) : Date.UTC(new Date(t).getUTCFullYear(), new Date(t).getUTCMonth(), 1);
        let used = 0;
        for (let j = 0; j <= i; j++) if (times[j]! > from || (!limit.windowMs && times[j]! >= from)) used++;
        if (used > limit.max) over++;
      }
    }
  }
  return over;
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
console.log(`world: ${COUNT} packages, ${(END - START) / DAY} days from 2030-03-01 (America/New_York), scenarios ${JSON.stringify(scenarios)}`);
console.log('engine: the worker (createBackgroundApp) on its own alarms · reference: the same worker pressing Refresh every 15 min (every unfinished package)');

const results = [await run('engine', world, false), await run('naive 15 min', world, true)];

console.log('\nnumber lookups per package per day, by the state the worker knew (package-days in brackets)');
console.log(`${'state'.padEnd(20)}${results.map((r) => r.name.padStart(24)).join('')}`);
for (const c of CATEGORIES) {
  const cells = results.map((r) => {
    const days = r.packageDays[c];
    return `${fmt(days > 0 ? r.lookups[c] / days : 0)} [${fmt(days, 1)}]`.padStart(24);
  });
  console.log(`${c.padEnd(20)}${cells.join('')}`);
}
for (const r of results) {
  const totalHttp = Object.values(r.http).reduce((a, b) => a + b, 0);
  const totalLookups = Object.values(r.lookups).reduce((a, b) => a + b, 0);
  console.log(`${r.name}: ${totalLookups} lookups in ${totalHttp} HTTP requests ${JSON.stringify(r.http)}; requests over a provider budget: ${r.overBudget}; wakes: ${r.wakes}; ${fmt(r.ms / 1000, 1)} s`);
}
const [eng, ref] = results as [RunResult, RunResult];
const total = (r: RunResult) => Object.values(r.lookups).reduce((a, b) => a + b, 0);
console.log(`ratio: the reference makes ${fmt(total(ref) / Math.max(total(eng), 1), 1)}x the engine's lookups`);

console.log('\nsituation latency after the carrier event or threshold (hours): median / p95 / max [count]');
const kinds = [...new Set(results.flatMap((r) => r.latencies.map((l) => l.kind)))].sort();
for (const k of kinds) {
  const cells = results.map((r) => {
    const l = r.latencies.filter((x) => x.kind === k).map((x) => x.ms);
    return `${hours(pct(l, 0.5))} / ${hours(pct(l, 0.95))} / ${hours(Math.max(...l))} [${l.length}]`.padStart(30);
  });
  console.log(`${k.padEnd(20)}${cells.join('')}`);
}
const within = results.map((r) => {
  const ev = r.latencies.filter((a) => a.bound !== null);
  return { name: r.name, ok: ev.filter((a) => a.ms <= a.bound!).length, total: ev.length };
});
for (const w of within) console.log(`${w.name}: event situations within one refresh interval (+30 min posting delay): ${w.ok}/${w.total}`);

console.log('\nnotifications (quiet hours 22:00–07:00, the shopper\'s default)');
for (const r of results) {
  const per = world.map((s) => r.perPackage.get(s.id) ?? 0);
  console.log(`${r.name}: ${r.notifications} notifications, ${fmt(per.reduce((a, b) => a + b, 0) / COUNT)} per package (max ${Math.max(...per)}), ${r.situations} situations`);
}

const inTransit = eng.lookups['in transit'] / Math.max(eng.packageDays['in transit'], 1e-9);
const checks = [
  { target: '≤ 8 lookups per in-transit package per day', ok: inTransit <= 8, value: fmt(inTransit) },
  { target: '0 lookups after delivery + 48 h', ok: eng.lookups['delivered >48h'] === 0, value: String(eng.lookups['delivered >48h']) },
  { target: 'event situations within one refresh interval', ok: within[0]!.ok === within[0]!.total, value: `${within[0]!.ok}/${within[0]!.total}` },
  { target: 'no request over a provider budget', ok: eng.overBudget === 0, value: String(eng.overBudget) },
];
console.log('\ntargets (engine)');
for (const c of checks) console.log(`${c.ok ? 'PASS' : 'FAIL'}  ${c.target}: ${c.value}`);
if (checks.some((c) => !c.ok)) process.exitCode = 1;
