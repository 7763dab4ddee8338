import type { CarrierClient, ClientContext, Credentials, TrackOutcome } from '../carriers/client';
import { providerFor as engineProviderFor } from '../engine/plan';
import type { PorchlightDb } from '../db/database';
import { packages as packagesRepo } from '../db/repositories';
import { isTerminal } from '../model/status';
import type { Package } from '../model/types';
import type { RefreshSummary } from '../platform/messaging';
import type { Settings } from '../settings';
import { type AmazonTrackerDeps, refreshViaAmazon } from './amazon-tracker';
import type { PackageChange } from './changes';
import { refreshBatch } from './refresh-batch';

export const AMAZON_TRACKER = 'amazon-tracker';

export interface RefreshDeps {
  db: PorchlightDb;
  now: () => number;
  clients: readonly CarrierClient[];
  credentials: Record<string, Credentials>;
  settings: Settings;
  ctx: Omit<ClientContext, 'now'>;
  /** The scheduler's answer: when to check this package next (null = never). */
  nextCheckAt: (pkg: Package, now: number) => number | null;
  amazon: Omit<AmazonTrackerDeps, 'db' | 'now' | 'nextCheckAt'> | null;
  timeZone?: string | null;
  /**
   * Jobs started before this instant were cut off by a dead worker (a fresh worker has nothing in
   * flight: pass its start time) and are replayed at once. Default: jobs older than two minutes.
   */
  staleBefore?: number;
  /** Calls a client within its budget (see lib/carriers/budgets.ts trackWithBudget). */
  track?: (client: CarrierClient, numbers: string[], credentials: Credentials, ctx: ClientContext) => Promise<TrackOutcome>;
}

/** Providers usable now: built in or with the user's keys, and not switched off. */
export function availableProviders(deps: Pick<RefreshDeps, 'clients' | 'credentials' | 'settings'>): string[] {
  const off = new Set(deps.settings.disabledProviders);
  const list = deps.clients
    .filter((c) => !off.has(c.id) && (!c.needsCredentials || Boolean(deps.credentials[c.id])))
    .map((c) => c.id);
  if (deps.settings.amazonTracker && !off.has(AMAZON_TRACKER)) list.push(AMAZON_TRACKER);
  return list;
}

/**
 * Which provider refreshes a package (the engine's rule, lib/engine/plan.ts): the carrier's own API,
 * else an aggregator the user has a key for, else the shop's own tracker. A shop package whose carrier
 * has no usable API stays with Amazon's tracker only while that tracker has a page for it.
 */
export function providerFor(pkg: Package, deps: Pick<RefreshDeps, 'clients' | 'credentials' | 'settings'>): string | null {
  const provider = engineProviderFor(pkg, availableProviders(deps));
  if (provider === AMAZON_TRACKER && !pkg.trackUrl) return null;
  return provider;
}

function chunk<T>(list: T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < list.length; i += size) out.push(list.slice(i, i + size));
  return out;
}

/**
 * One refresh round: replays jobs a dead worker left behind, then refreshes what is due (or, with
 * `force`, every active package), Amazon's tracker first (it may reveal carrier numbers), then each
 * carrier in batches of its size.
 */
export async function refreshDue(
  deps: RefreshDeps,
  opts: { force?: boolean; packageIds?: string[] } = {},
): Promise<{ summary: RefreshSummary; changes: PackageChange[] }> {
  const { db } = deps;
  const start = deps.now();
  const summary: RefreshSummary = { checked: 0, changed: 0, errors: [] };
  const changes: PackageChange[] = [];

  // 1. Jobs a killed worker left behind: their packages are due again (events are keyed, so a replay
  //    stores nothing twice).
  const stale = await db.jobs.where('startedAt').below(deps.staleBefore ?? start - 120_000).toArray();
  for (const job of stale) {
    await db.transaction('rw', db.jobs, db.packages, async () => {
      await db.packages.where('id').anyOf(job.packageIds).modify({ nextCheckAt: start });
      await db.jobs.delete(job.id);
    });
  }

  const select = async (): Promise<Package[]> => {
    const base = opts.packageIds
      ? (await db.packages.bulkGet(opts.packageIds)).filter((p): p is Package => Boolean(p))
      : opts.force
        ? await packagesRepo.all(db)
        : await packagesRepo.due(db, deps.now());
    return base.filter((p) => !p.archived && (!isTerminal(p.status) || !opts.force || opts.packageIds));
  };

  // 2. Amazon's own tracker.
  const first = await select();
  const viaAmazon = first.filter((p) => providerFor(p, deps) === AMAZON_TRACKER);
  if (viaAmazon.length && deps.amazon) {
    const r = await refreshViaAmazon(viaAmazon, { ...deps.amazon, db, now: deps.now, nextCheckAt: deps.nextCheckAt });
    summary.checked += r.checked;
    changes.push(...r.changes);
    if (r.blocked) summary.errors.push({ provider: AMAZON_TRACKER, kind: 'auth', message: 'Sign in to Amazon to refresh' });
    for (const e of r.errors) summary.errors.push({ provider: AMAZON_TRACKER, kind: 'network', message: e });
  }

  // 3. Carriers, batched. Re-read: numbers the tracker just learned are due now.
  const second = await select();
  const byProvider = new Map<string, Map<string, Package>>();
  for (const p of second) {
    const provider = providerFor(p, deps);
    if (!provider || provider === AMAZON_TRACKER) {
      if (!provider && p.nextCheckAt !== null && !opts.force) {
        await packagesRepo.update(db, p.id, { nextCheckAt: deps.nextCheckAt({ ...p }, deps.now()) });
      }
      continue;
    }
    const m = byProvider.get(provider) ?? new Map<string, Package>();
    m.set(p.id, p);
    byProvider.set(provider, m);
  }
  for (const [provider, pkgs] of byProvider) {
    const client = deps.clients.find((c) => c.id === provider)!;
    for (const batch of chunk([...pkgs.values()], client.batchSize)) {
      const r = await refreshBatch(client, batch, {
        db,
        now: deps.now,
        ctx: deps.ctx,
        credentials: deps.credentials[provider] ?? {},
        nextCheckAt: deps.nextCheckAt,
        timeZone: deps.timeZone,
        track: deps.track,
      });
      summary.checked += r.checked;
      changes.push(...r.changes);
      if (r.error) summary.errors.push({ provider, kind: r.error.kind, message: r.error.message });
    }
  }
  summary.changed = new Set(changes.filter((c) => c.previousStatus !== c.pkg.status).map((c) => c.pkg.id)).size;
  return { summary, changes };
}
