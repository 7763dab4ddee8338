import { describe, expect, it } from 'vitest';
import { busyPackageIds, claimJob, DEFAULT_LEASE_MS, enqueueBatches, finishJob, type JobState, onWake, recoverJobs } from '../../../lib/engine/job-state';

const EMPTY_JOB_STATE: JobState = { jobs: [], nextWakeAt: null };
import { T0 } from './package-factory';

const batch = { provider: 'fedex', packageIds: ['fedex:A', 'fedex:B', 'fedex:C'], numbers: ['A', 'B', 'C'] };
const numberOf = (id: string) => id.split(':')[1] ?? null;

describe('job transitions', () => {
  it('enqueues, claims and finishes', () => {
    let s = enqueueBatches(EMPTY_JOB_STATE, [batch], T0);
    expect(s.jobs).toHaveLength(1);
    expect(s.jobs[0]).toMatchObject({ provider: 'fedex', packageIds: batch.packageIds, numbers: batch.numbers, createdAt: T0, startedAt: null, attempt: 0 });
    const c = claimJob(s, T0 + 1)!;
    expect(c.job).toMatchObject({ startedAt: T0 + 1, leaseUntil: T0 + 1 + DEFAULT_LEASE_MS, attempt: 1 });
    expect([...busyPackageIds(c.state)]).toEqual(batch.packageIds);
    s = finishJob(c.state, c.job.id);
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

  it('a job started before this worker was born is dead at once, whatever its lease says', () => {
    const c = claimJob(enqueueBatches(EMPTY_JOB_STATE, [batch], T0), T0)!;
    expect(recoverJobs(c.state, T0 + 1000).resumed).toEqual([]);
    expect(recoverJobs(c.state, T0 + 1000, T0 + 500).resumed.map((j) => j.id)).toEqual([c.job.id]);
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

  it('runs at once while jobs a dead worker left are waiting', () => {
    expect(onWake(enqueueBatches(EMPTY_JOB_STATE, [batch], T0), T0).runNow).toBe(true);
  });
});
