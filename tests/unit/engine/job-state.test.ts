import { describe, expect, it } from 'vitest';
import {
  busyPackageIds,
  claimJob,
  commitPackages,
  DEFAULT_LEASE_MS,
  EMPTY_JOB_STATE,
  enqueueBatches,
  finishJob,
  type JobState,
  onWake,
  pendingWork,
  recoverJobs,
  renewLease,
  scheduleWake,
} from '../../../lib/engine/job-state';
import { mergeTrackResult } from '../../../lib/engine/merge';
import { MIN_ALARM_MS } from '../../../lib/engine/plan';
import type { Package, TrackingEvent } from '../../../lib/model/types';
import { makePackage, parsed, result, T0 } from './package-factory';

const batch = { provider: 'fedex', packageIds: ['fedex:A', 'fedex:B', 'fedex:C'], numbers: ['A', 'B', 'C'] };
const numberOf = (id: string) => id.split(':')[1] ?? null;

describe('job transitions', () => {
  it('enqueues, claims, commits and finishes', () => {
    let s = enqueueBatches(EMPTY_JOB_STATE, [batch], T0);
    expect(s.jobs).toHaveLength(1);
    expect(s.jobs[0]).toMatchObject({ provider: 'fedex', packageIds: batch.packageIds, numbers: batch.numbers, createdAt: T0, startedAt: null, attempt: 0, committed: [] });
    const c = claimJob(s, T0 + 1)!;
    expect(c.job).toMatchObject({ startedAt: T0 + 1, leaseUntil: T0 + 1 + DEFAULT_LEASE_MS, attempt: 1 });
    s = commitPackages(c.state, c.job.id, ['fedex:A']);
    expect(pendingWork(s.jobs[0]!, numberOf)).toEqual({ packageIds: ['fedex:B', 'fedex:C'], numbers: ['B', 'C'] });
    expect([...busyPackageIds(s)]).toEqual(['fedex:B', 'fedex:C']);
    s = finishJob(s, c.job.id);
    expect(s.jobs).toEqual([]);
    expect(claimJob(s, T0 + 2)).toBeNull();
  });

  it('never puts a package in two live jobs', () => {
    const s1 = enqueueBatches(EMPTY_JOB_STATE, [batch], T0);
    const s2 = enqueueBatches(s1, [{ provider: 'fedex', packageIds: ['fedex:C', 'fedex:D'], numbers: ['C', 'D'] }], T0 + 1, numberOf);
    expect(s2.jobs.map((j) => j.packageIds)).toEqual([batch.packageIds, ['fedex:D']]);
    expect(s2.jobs[1]!.numbers).toEqual(['D']);
    expect(enqueueBatches(s2, [batch], T0 + 2).jobs).toHaveLength(2);
  });

  it('recovers a job whose worker died, and abandons it after the last attempt', () => {
    let s = enqueueBatches(EMPTY_JOB_STATE, [batch], T0);
    let c = claimJob(s, T0)!;
    s = c.state;
    // lease not over: nothing to recover
    expect(recoverJobs(s, T0 + DEFAULT_LEASE_MS - 1).resumed).toEqual([]);
    let r = recoverJobs(s, T0 + DEFAULT_LEASE_MS);
    expect(r.resumed.map((j) => [j.attempt, j.startedAt])).toEqual([[1, null]]);
    for (let attempt = 2; attempt <= 3; attempt++) {
      c = claimJob(r.state, T0 + attempt * 10 * DEFAULT_LEASE_MS)!;
      expect(c.job.attempt).toBe(attempt);
      r = recoverJobs(c.state, c.job.leaseUntil!);
    }
    expect(r.abandoned.map((j) => j.id)).toEqual([c.job.id]);
    expect(r.state.jobs).toEqual([]);
  });

  it('renews a lease only for running jobs', () => {
    const s = enqueueBatches(EMPTY_JOB_STATE, [batch], T0);
    expect(renewLease(s, s.jobs[0]!.id, T0 + 5)).toEqual(s);
    const c = claimJob(s, T0)!;
    expect(renewLease(c.state, c.job.id, T0 + 60_000).jobs[0]!.leaseUntil).toBe(T0 + 60_000 + DEFAULT_LEASE_MS);
  });
});

describe('waking', () => {
  it.each([
    ['alarm in the future: re-create it', { jobs: [], nextWakeAt: T0 + 1000 }, { runNow: false, alarmAt: T0 + 1000 }],
    ['alarm missed while the browser was closed: run now', { jobs: [], nextWakeAt: T0 - 1 }, { runNow: true, alarmAt: null }],
    ['nothing scheduled', { jobs: [], nextWakeAt: null }, { runNow: false, alarmAt: null }],
  ] as Array<[string, JobState, object]>)('%s', (_n, state, expected) => {
    expect(onWake(state, T0)).toEqual(expected);
  });

  it('wakes soon while jobs wait, at lease end while one runs, never under 30 s', () => {
    const queued = enqueueBatches(EMPTY_JOB_STATE, [batch], T0);
    expect(onWake(queued, T0).runNow).toBe(true);
    expect(scheduleWake(queued, T0 + 3_600_000, T0).nextWakeAt).toBe(T0 + MIN_ALARM_MS);
    const running = claimJob(queued, T0)!.state;
    expect(scheduleWake(running, T0 + 3_600_000, T0).nextWakeAt).toBe(T0 + DEFAULT_LEASE_MS);
    expect(scheduleWake(EMPTY_JOB_STATE, T0 + 5, T0).nextWakeAt).toBe(T0 + MIN_ALARM_MS);
    expect(scheduleWake(EMPTY_JOB_STATE, null, T0).nextWakeAt).toBeNull();
  });
});

describe('a refresh cut off halfway', () => {
  // A tiny in-memory store whose `transaction` applies all or nothing, like a Dexie transaction.
  interface Db {
    packages: Map<string, Package>;
    events: Map<string, TrackingEvent>;
    jobs: JobState;
  }
  const answer = (n: string) =>
    result(
      [parsed('2024-03-05T09:00:00Z', 'in_transit', `Departed ${n}`), parsed('2024-03-05T18:00:00Z', 'out_for_delivery', `Out for delivery ${n}`)],
      { trackingNumber: n, eta: { from: '2024-03-06', to: '2024-03-06' } },
    );

  function refreshOne(db: Db, jobId: string, id: string, now: number): void {
    const pkg = db.packages.get(id)!;
    const known = [...db.events.values()].filter((e) => e.packageId === id);
    const out = mergeTrackResult(pkg, known, answer(pkg.trackingNumber!), 'carrier:fedex', now);
    // one transaction: package, its new events and the job's commit mark
    db.packages.set(id, out.pkg);
    for (const e of out.newEvents) {
      expect(db.events.has(e.key)).toBe(false);
      db.events.set(e.key, e);
    }
    db.jobs = commitPackages(db.jobs, jobId, [id]);
  }

  it('resumes after the worker dies and ends with each event and ETA exactly once', () => {
    const db: Db = {
      packages: new Map(['A', 'B', 'C'].map((n) => [`fedex:${n}`, makePackage({ id: `fedex:${n}`, trackingNumber: n, carrier: 'fedex', status: 'info_received' })])),
      events: new Map(),
      jobs: enqueueBatches(EMPTY_JOB_STATE, [batch], T0),
    };
    // First worker: claims the job, stores A, then is stopped before B.
    const first = claimJob(db.jobs, T0)!;
    db.jobs = first.state;
    refreshOne(db, first.job.id, 'fedex:A', T0 + 1000);

    // Next wake, after the lease: recover and replay only what is left.
    const wakeAt = T0 + DEFAULT_LEASE_MS + 1;
    expect(onWake(db.jobs, wakeAt).runNow).toBe(true);
    const rec = recoverJobs(db.jobs, wakeAt);
    expect(rec.resumed).toHaveLength(1);
    const second = claimJob(rec.state, wakeAt)!;
    db.jobs = second.state;
    const work = pendingWork(second.job, numberOf);
    expect(work).toEqual({ packageIds: ['fedex:B', 'fedex:C'], numbers: ['B', 'C'] });
    for (const id of work.packageIds) refreshOne(db, second.job.id, id, wakeAt + 1000);
    db.jobs = finishJob(db.jobs, second.job.id);

    expect(db.jobs.jobs).toEqual([]);
    expect(db.events.size).toBe(6);
    for (const p of db.packages.values()) {
      expect(p.status).toBe('out_for_delivery');
      expect(p.etaHistory).toHaveLength(1);
    }
    // Even a full replay of A (say the commit mark had been lost) adds nothing.
    const a = db.packages.get('fedex:A')!;
    const again = mergeTrackResult(a, [...db.events.values()].filter((e) => e.packageId === 'fedex:A'), answer('A'), 'carrier:fedex', wakeAt + 5000);
    expect(again.newEvents).toEqual([]);
    expect(again.etaChanged).toBe(false);
  });
});
