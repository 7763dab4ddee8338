import type { CarrierClient, ClientContext, Credentials, TrackError, TrackOutcome } from '../carriers/client';
import type { PorchlightDb } from '../db/database';
import { events as eventsRepo, inTransaction, packages as packagesRepo } from '../db/repositories';
import { mergeTrackResult, recordFailure } from '../engine/merge';
import type { Package } from '../model/types';
import type { PackageChange } from './changes';

export interface BatchDeps {
  db: PorchlightDb;
  now: () => number;
  ctx: Omit<ClientContext, 'now'>;
  credentials: Credentials;
  /** When the package should be checked next, after this refresh (the scheduler). */
  nextCheckAt: (pkg: Package, now: number) => number | null;
  timeZone?: string | null;
  /** How to call the client (the budget accountant wraps it); default: `client.track`. */
  track?: (client: CarrierClient, numbers: string[], credentials: Credentials, ctx: ClientContext) => Promise<TrackOutcome>;
}

export interface BatchOutcome {
  changes: PackageChange[];
  error: TrackError | null;
  checked: number;
}

/**
 * Refreshes one batch of packages through one provider, crash-safely: a job record is written before
 * the request and removed in the same transaction that stores the results, so a worker killed
 * mid-refresh leaves the job behind (to be replayed) and never half a result. Events are keyed, so a
 * replay stores nothing twice. A failure never erases history: it only records the error and backs off.
 */
export async function refreshBatch(client: CarrierClient, batch: Package[], deps: BatchDeps): Promise<BatchOutcome> {
  const { db } = deps;
  const numbers = [...new Set(batch.map((p) => p.trackingNumber).filter((n): n is string => Boolean(n)))];
  if (numbers.length === 0) return { changes: [], error: null, checked: 0 };
  const jobId = `${client.id}:${numbers.join(',')}`;
  await db.jobs.put({ id: jobId, provider: client.id, packageIds: batch.map((p) => p.id), startedAt: deps.now(), attempt: 1 });

  const ctx: ClientContext = { ...deps.ctx, now: deps.now };
  const outcome = deps.track ? await deps.track(client, numbers, deps.credentials, ctx) : await client.track(numbers, deps.credentials, ctx);
  // A provider's Retry-After (or an exhausted budget) holds the package at least that long.
  const notBefore = (error: TrackError | null | undefined, at: number) => (error?.retryAfterMs ? at + error.retryAfterMs : 0);
  const schedule = (pkg: Package, at: number, error?: TrackError | null) => {
    const next = deps.nextCheckAt(pkg, at);
    return next === null ? null : Math.max(next, notBefore(error, at));
  };
  const now = deps.now();
  const changes: PackageChange[] = [];

  await inTransaction(db, async () => {
    // Re-read inside the transaction: the package may have changed while the request was in flight.
    const fresh = (await db.packages.bulkGet(batch.map((p) => p.id))).filter((p): p is Package => Boolean(p));
    if (!outcome.ok) {
      for (const pkg of fresh) {
        const failed = recordFailure(pkg, outcome.error, now);
        await packagesRepo.put(db, { ...failed, nextCheckAt: schedule(failed, now, outcome.error) });
      }
    } else {
      for (const pkg of fresh) {
        const result = outcome.results.find((r) => r.trackingNumber.toUpperCase() === pkg.trackingNumber?.toUpperCase());
        if (!result) {
          const failed = recordFailure(pkg, { kind: 'not_found', message: `${client.id} returned nothing for ${pkg.trackingNumber}` }, now);
          await packagesRepo.put(db, { ...failed, nextCheckAt: schedule(failed, now) });
          continue;
        }
        const known = await eventsRepo.forPackage(db, pkg.id);
        const m = mergeTrackResult(pkg, known, result, `carrier:${client.id}`, now, deps.timeZone);
        const next = { ...m.pkg, nextCheckAt: schedule(m.pkg, now, result.error) };
        if (m.newEvents.length) await eventsRepo.putAll(db, m.newEvents);
        await packagesRepo.put(db, next);
        if (m.statusChanged || m.newEvents.length || m.etaChanged) {
          changes.push({ pkg: next, previousStatus: m.previousStatus, newEvents: m.newEvents, isNew: false });
        }
      }
    }
    await db.jobs.delete(jobId);
  });
  return { changes, error: outcome.ok ? null : outcome.error, checked: numbers.length };
}
