/**
 * The one refresh path the worker runs (issue #19 §1), and the one the tests and the engine benchmark
 * drive. A round:
 *
 * 1. recovers jobs a dead worker left behind (lease run out, or started before this worker was born)
 *    and replays them first (lib/engine/job-state.ts);
 * 2. plans the whole queue with lib/engine/plan.ts: per-provider batches, free riders (a due parcel's
 *    batch pulls in parcels due soon for the same provider), budgets (lib/carriers/budgets.ts, seen
 *    before any request) and holds (a provider's Retry-After, Amazon's sign-in backoff) — a held
 *    provider's packages are moved to the hold's end and each is marked;
 * 3. writes each batch as a job before its request, claims it (lease), asks the provider, and stores
 *    the results and removes the job in ONE transaction;
 * 4. holds no lock between requests: a page the shopper opens is stored while the round waits for its
 *    next request (§10). `onBatch` runs after each batch (situations, notifications).
 */
import { type BudgetState, PROVIDER_BUDGETS, remaining, trackWithBudget } from '../carriers/budgets';
import type { CarrierClient, ClientContext, Credentials, TrackError } from '../carriers/client';
import type { PorchlightDb } from '../db/database';
import { loadHolds, type ProviderHold, saveHolds } from '../db/holds';
import { events as eventsRepo, inTransaction, jobs as jobsRepo, kv, packages as packagesRepo } from '../db/repositories';
import {
  busyPackageIds,
  claimJob,
  DEFAULT_LEASE_MS,
  enqueueBatches,
  finishJob,
  type JobState,
  recoverJobs,
  type RefreshJob,
} from '../engine/job-state';
import { mergeObservation, recordCheck, recordFailure } from '../engine/merge';
import { observationFromTrackResult } from '../engine/observation';
import {
  type Budgets,
  lookupFor,
  nextCheckTime,
  plan,
  type PlanProvider,
  type RefreshIntervals,
  toProviderBudget,
  DEFAULT_INTERVALS,
} from '../engine/plan';
import { providerSource } from '../model/sources';
import type { Package } from '../model/types';
import type { RefreshSummary } from '../platform/messaging';
import type { PageReading } from '../shops/types';
import type { PackageChange } from './changes';
import { type IngestDeps, ingestPageReading } from './ingest-page';

export const BUDGETS_KEY = 'carrierBudgets';

export type TrackerRead =
  | { ok: true; reading: PageReading }
  | { ok: false; blocked: boolean; error: TrackError; reading?: PageReading };

/** A shop's own tracker (Amazon's track page, read in the shopper's session). */
export interface ShopTracker {
  id: string;
  shop: string;
  /** Carriers that are the shop itself (Amazon Logistics). */
  carriers: readonly string[];
  /** Time between two requests (plus ±25 % jitter). */
  gapMs: number;
  read(pkg: Package, now: () => number): Promise<TrackerRead>;
}

export interface RoundDeps {
  db: PorchlightDb;
  now: () => number;
  timeZone: string;
  /** Carrier and aggregator clients the shopper can use now (built in, or with keys; not switched off). */
  clients: readonly CarrierClient[];
  credentials: Readonly<Record<string, Credentials>>;
  trackers: readonly ShopTracker[];
  ctx: Omit<ClientContext, 'now'>;
  sleep: (ms: number) => Promise<void>;
  random: () => number;
  /** The worker's start: jobs started before it belong to a dead worker. */
  bootAt: number;
  ingest: Omit<IngestDeps, 'now' | 'shopperZone'>;
  intervals?: Partial<RefreshIntervals>;
  leaseMs?: number;
  /** After each batch is stored: the changed packages (situations, notifications). */
  onBatch?: (changes: PackageChange[]) => Promise<void>;
  seed?: string;
}

/** How the scheduler sees the providers available now. */
export function planProviders(clients: readonly CarrierClient[], trackers: readonly ShopTracker[]): PlanProvider[] {
  return [
    ...clients.map((c) => ({ id: c.id, carriers: c.carriers, ...(c.refreshIntervalMs ? { intervalMs: c.refreshIntervalMs } : {}) })),
    ...trackers.map((t) => ({ id: t.id, carriers: t.carriers, shop: t.shop, needsTrackUrl: true })),
  ];
}

/** Holds still in force at `now`, as provider → end. */
export function activeHolds(holds: Readonly<Record<string, ProviderHold>>, now: number): Record<string, number> {
  const out: Record<string, number> = {};
  for (const [id, h] of Object.entries(holds)) if (h.until > now) out[id] = h.until;
  return out;
}

async function setHold(db: PorchlightDb, provider: string, hold: ProviderHold): Promise<void> {
  const holds = await loadHolds(db);
  await saveHolds(db, { ...holds, [provider]: hold });
}

async function clearHold(db: PorchlightDb, provider: string): Promise<void> {
  const holds = await loadHolds(db);
  if (!holds[provider]) return;
  const { [provider]: _gone, ...rest } = holds;
  await saveHolds(db, rest);
}

function budgetsFor(clients: readonly CarrierClient[], trackers: readonly ShopTracker[], state: BudgetState, holds: Record<string, number>, now: number): Budgets {
  const out: Budgets = {};
  for (const c of clients) {
    const limits = PROVIDER_BUDGETS[c.id] ? remaining(state, c.id, now) : [];
    out[c.id] = toProviderBudget(limits, c.batchSize, holds[c.id] ?? null);
  }
  for (const t of trackers) out[t.id] = toProviderBudget([], 1, holds[t.id] ?? null);
  return out;
}

/**
 * One refresh round. `force`: the shopper pressed Refresh (every active package, or just these ids):
 * still batched, still inside budgets and holds.
 */
export async function refreshRound(
  deps: RoundDeps,
  opts: { force?: boolean | readonly string[] } = {},
): Promise<{ summary: RefreshSummary; changes: PackageChange[] }> {
  const { db } = deps;
  const iv: RefreshIntervals = { ...DEFAULT_INTERVALS, ...deps.intervals };
  const summary: RefreshSummary = { checked: 0, changed: 0, errors: [] };
  const changes: PackageChange[] = [];
  const providers = planProviders(deps.clients, deps.trackers);
  const intervalOf = (provider: string) => providers.find((p) => p.id === provider)?.intervalMs;
  const schedule = (pkg: Package, provider: string, at: number, notBefore = 0) => {
    const next = nextCheckTime(pkg, at, deps.timeZone, deps.seed, iv, intervalOf(provider));
    return next === null ? null : Math.max(next, notBefore);
  };

  // 1. Jobs a dead worker left behind.
  let now = deps.now();
  let state: JobState = { jobs: await jobsRepo.all(db), nextWakeAt: null };
  const recovered = recoverJobs(state, now, deps.bootAt);
  state = recovered.state;
  if (recovered.resumed.length) await jobsRepo.bulkPut(db, recovered.resumed);
  for (const job of recovered.abandoned) {
    await inTransaction(db, async () => {
      for (const pkg of await packagesRepo.bulkGet(db, job.packageIds)) {
        const failed = recordFailure(pkg, { kind: 'timeout', message: `${job.provider}: no answer after ${job.attempt} attempts` }, now, job.provider);
        await packagesRepo.put(db, { ...failed, nextCheckAt: schedule(failed, job.provider, now) });
      }
      await jobsRepo.remove(db, job.id);
    });
  }

  // 2–3, at most twice: plan, then run; a second pass takes what the first one made due (a number
  // Amazon's tracker just revealed is asked of its carrier in the same round).
  const refreshedBy = new Map<string, string>();
  // Trackers asked already this round: the next request waits its gap first.
  const asked = new Set<string>();
  const blockedNow = new Set<string>();
  for (let pass = 0; pass < 2; pass++) {
    // 2. Plan the whole queue.
    let budgetState = (await kv.get<BudgetState>(db, BUDGETS_KEY)) ?? {};
    const holds = await loadHolds(db);
    const held = activeHolds(holds, now);
    const busy = busyPackageIds(state);
    const all = await packagesRepo.all(db);
    const result = plan(
      all.filter((p) => !busy.has(p.id) && (!refreshedBy.has(p.id) || lookupFor(p, providers)?.provider !== refreshedBy.get(p.id))),
      now,
      budgetsFor(deps.clients, deps.trackers, budgetState, held, now),
      { timeZone: deps.timeZone, providers, force: opts.force, intervals: deps.intervals, seed: deps.seed },
    );
    const byId = new Map(all.map((p) => [p.id, p]));
    await inTransaction(db, async () => {
      const marks = new Map(result.held.filter((h) => h.reason === 'retry_after').map((h) => [h.id, h]));
      for (const u of result.updates) {
        const pkg = byId.get(u.id);
        if (!pkg) continue;
        const mark = marks.get(u.id);
        const hold = mark ? holds[mark.provider] : undefined;
        await packagesRepo.update(db, u.id, {
          nextCheckAt: u.nextCheckAt,
          // A blocked source marks every one of its packages (issue #19 §11), TBA numbers included.
          ...(hold ? { lastError: { kind: hold.reason, message: hold.message, at: now, provider: mark!.provider } } : {}),
        });
      }
      for (const [id, mark] of marks) {
        if (result.updates.some((u) => u.id === id)) continue;
        const hold = holds[mark.provider];
        const pkg = byId.get(id);
        if (hold && pkg && pkg.lastError?.message !== hold.message) {
          await packagesRepo.update(db, id, { lastError: { kind: hold.reason, message: hold.message, at: now, provider: mark.provider } });
        }
      }
    });
    if (pass > 0 && result.due.length === 0) break;
    for (const b of result.due) for (const id of b.packageIds) refreshedBy.set(id, b.provider);
    state = enqueueBatches(state, result.due, now, (id) => byId.get(id)?.trackingNumber ?? null);
    // Written before any request: a worker killed mid-request leaves its job for the next one.
    await jobsRepo.bulkPut(db, state.jobs.filter((j) => j.startedAt === null));
    for (const h of result.held) {
      if (h.reason === 'budget' && !summary.errors.some((e) => e.provider === h.provider)) {
        summary.errors.push({ provider: h.provider, kind: 'budget', message: `${h.provider}: budget used up until ${new Date(h.until).toISOString()}`, until: h.until });
      }
    }

    // 3. Run the jobs: replays first (oldest), then this round's.
    for (;;) {
      now = deps.now();
      const claimed = claimJob(state, now, deps.leaseMs ?? DEFAULT_LEASE_MS);
      if (!claimed) break;
      state = claimed.state;
      const job = claimed.job;
      await jobsRepo.put(db, job);
      if (blockedNow.has(job.provider)) {
        await dropJob(deps, job);
        state = finishJob(state, job.id);
        continue;
      }
      const tracker = deps.trackers.find((t) => t.id === job.provider);
      const client = deps.clients.find((c) => c.id === job.provider);
      let batchChanges: PackageChange[] = [];
      if (tracker) {
        if (asked.has(tracker.id)) await deps.sleep(tracker.gapMs * (0.75 + deps.random() * 0.5));
        asked.add(tracker.id);
        const r = await runTrackerJob(deps, tracker, job, schedule);
        summary.checked += r.checked;
        batchChanges = r.changes;
        if (r.error) summary.errors.push({ provider: tracker.id, kind: r.error.kind, message: r.error.message, httpStatus: r.error.httpStatus });
        if (r.blocked) blockedNow.add(tracker.id);
      } else if (client) {
        const r = await runClientJob(deps, client, job, budgetState, schedule);
        budgetState = r.budgetState;
        summary.checked += r.checked;
        batchChanges = r.changes;
        if (r.error) {
          summary.errors.push({ provider: client.id, kind: r.error.kind, message: r.error.message, httpStatus: r.error.httpStatus, budget: r.error.budget });
          if (r.held) blockedNow.add(client.id);
        }
      } else {
        // The provider went away (key removed, switched off): the packages are planned again next round.
        await dropJob(deps, job);
      }
      state = finishJob(state, job.id);
      changes.push(...batchChanges);
      if (batchChanges.length && deps.onBatch) await deps.onBatch(batchChanges);
    }
  }
  summary.changed = new Set(changes.filter((c) => c.previousStatus !== c.pkg.status).map((c) => c.pkg.id)).size;
  return { summary, changes };
}

/** A job that will not run (its provider is blocked or gone): removed, its packages rescheduled by the next plan. */
async function dropJob(deps: RoundDeps, job: RefreshJob): Promise<void> {
  const { db } = deps;
  const holds = await loadHolds(db);
  const hold = holds[job.provider];
  await inTransaction(db, async () => {
    for (const pkg of await packagesRepo.bulkGet(db, job.packageIds)) {
      if (hold && hold.until > deps.now()) {
        await packagesRepo.put(db, { ...pkg, nextCheckAt: hold.until, lastError: { kind: hold.reason, message: hold.message, at: deps.now(), provider: job.provider } });
      }
    }
    await jobsRepo.remove(db, job.id);
  });
}

type Schedule = (pkg: Package, provider: string, at: number, notBefore?: number) => number | null;

async function runClientJob(
  deps: RoundDeps,
  client: CarrierClient,
  job: RefreshJob,
  budgetState: BudgetState,
  schedule: Schedule,
): Promise<{ changes: PackageChange[]; error: TrackError | null; checked: number; budgetState: BudgetState; held: boolean }> {
  const { db } = deps;
  const numbers = job.numbers.length ? job.numbers : (await packagesRepo.bulkGet(db, job.packageIds)).map((p) => p.trackingNumber).filter((n): n is string => !!n);
  if (numbers.length === 0) {
    await jobsRepo.remove(db, job.id);
    return { changes: [], error: null, checked: 0, budgetState, held: false };
  }
  const ctx: ClientContext = { ...deps.ctx, now: deps.now };
  const { outcome, state } = await trackWithBudget(client, numbers, deps.credentials[client.id] ?? {}, ctx, budgetState);
  await kv.set(db, BUDGETS_KEY, state);
  const now = deps.now();
  const source = providerSource(client.id, client.carriers.includes('*'));
  const changes: PackageChange[] = [];
  const error = outcome.ok ? null : outcome.error;
  // A provider's Retry-After (or an exhausted budget) holds all its packages, seen by the next plan.
  // A provider's Retry-After holds it whatever the error (429, or a 503 that says when to come back).
  const wait = error?.retryAfterMs ?? (error?.kind === 'quota' ? DEFAULT_INTERVALS.backoffCap : undefined);
  const held = wait !== undefined;
  if (held) await setHold(db, client.id, { until: now + wait, reason: error!.kind, message: error!.message, ...(error!.budget ? { budget: error!.budget } : {}) });
  await inTransaction(db, async () => {
    // Re-read inside the transaction: a page may have changed the package while the request was out.
    const fresh = await packagesRepo.bulkGet(db, job.packageIds);
    for (const pkg of fresh) {
      if (!outcome.ok) {
        const failed = recordFailure(pkg, outcome.error, now, client.id);
        await packagesRepo.put(db, { ...failed, nextCheckAt: schedule(failed, client.id, now, held ? now + wait! : 0) });
        continue;
      }
      const result = outcome.results.find((r) => pkg.numberKeys.includes(r.trackingNumber.replace(/[\s-]+/g, '').toUpperCase()));
      if (!result) {
        const failed = recordFailure(pkg, { kind: 'not_found', message: `${client.id} returned nothing for ${pkg.trackingNumber}` }, now, client.id);
        await packagesRepo.put(db, { ...failed, nextCheckAt: schedule(failed, client.id, now) });
        continue;
      }
      const known = await eventsRepo.forPackage(db, pkg.id);
      const m = mergeObservation(pkg, known, observationFromTrackResult(result, source, now), { now, shopperZone: deps.timeZone });
      const checked = result.error && m.put.length === 0 && result.status === null ? m.pkg : recordCheck(m.pkg, now);
      const next = { ...checked, nextCheckAt: schedule(checked, client.id, now, result.error?.retryAfterMs ? now + result.error.retryAfterMs : 0) };
      await eventsRepo.apply(db, m.put, m.remove);
      await packagesRepo.put(db, next);
      if (m.changed) changes.push({ pkg: next, previousStatus: m.previousStatus, newEvents: m.newEvents, isNew: false });
    }
    await jobsRepo.remove(db, job.id);
  });
  return { changes, error, checked: outcome.ok ? numbers.length : 0, budgetState: state, held };
}

async function runTrackerJob(
  deps: RoundDeps,
  tracker: ShopTracker,
  job: RefreshJob,
  schedule: Schedule,
): Promise<{ changes: PackageChange[]; error: TrackError | null; checked: number; blocked: boolean }> {
  const { db } = deps;
  const [pkg] = await packagesRepo.bulkGet(db, job.packageIds.slice(0, 1));
  if (!pkg) {
    await jobsRepo.remove(db, job.id);
    return { changes: [], error: null, checked: 0, blocked: false };
  }
  const r = await tracker.read(pkg, deps.now);
  const now = deps.now();
  if (!r.ok && r.blocked) {
    // Stop asking: every further request would meet the same wall. 1 h, doubling to 24 h.
    const holds = await loadHolds(db);
    const step = (holds[tracker.id]?.step ?? 0) + 1;
    const until = now + Math.min(3_600_000 * 2 ** (step - 1), 86_400_000);
    // The packages are marked with what the tracker met (a sign-in or a robot check).
    await setHold(db, tracker.id, { until, reason: 'auth', message: r.error.message, step });
    await markProvider(deps, tracker.id, until, r.error.message);
    await jobsRepo.remove(db, job.id);
    return { changes: [], error: r.error, checked: 1, blocked: true };
  }
  if (!r.ok) {
    await inTransaction(db, async () => {
      const fresh = await packagesRepo.get(db, pkg.id);
      if (fresh) {
        const failed = recordFailure(fresh, r.error, now, tracker.id);
        await packagesRepo.put(db, { ...failed, nextCheckAt: schedule(failed, tracker.id, now) });
      }
      await jobsRepo.remove(db, job.id);
    });
    return { changes: [], error: r.error, checked: 1, blocked: false };
  }
  await clearHold(db, tracker.id);
  let changes: PackageChange[] = [];
  await inTransaction(db, async () => {
    const ingested = await ingestPageReading(db, r.reading, { ...deps.ingest, now, shopperZone: deps.timeZone });
    changes = ingested.changes;
    const after = await packagesRepo.get(db, pkg.id);
    if (after) {
      // A newly learned carrier number is due at once: the carrier knows more than Amazon's page.
      const gained = !pkg.trackingNumber && Boolean(after.trackingNumber);
      const checked = recordCheck(after, now);
      await packagesRepo.put(db, { ...checked, nextCheckAt: gained ? now : schedule(checked, tracker.id, now) });
    }
    await jobsRepo.remove(db, job.id);
  });
  return { changes, error: null, checked: 1, blocked: false };
}

/** Every package of a blocked provider waits for the hold's end and says why (issue #19 §11). */
async function markProvider(deps: RoundDeps, provider: string, until: number, message: string): Promise<void> {
  const { db } = deps;
  const providers = planProviders(deps.clients, deps.trackers);
  const now = deps.now();
  await inTransaction(db, async () => {
    const all = await packagesRepo.all(db);
    const mine = all.filter((p) => !p.archived && lookupFor(p, providers)?.provider === provider);
    await packagesRepo.bulkPut(
      db,
      mine.map((p) => ({ ...p, nextCheckAt: p.nextCheckAt === null ? null : Math.max(p.nextCheckAt, until), lastError: { kind: 'auth', message, at: now, provider } })),
    );
  });
}
