/**
 * Refresh jobs that survive the service worker's death (issue #6 §2). MV3 stops the worker whenever
 * it likes, alarms fire into a fresh worker, and in-memory timers are lost. Modelled on bitwarden's
 * browser task scheduler (apps/browser/src/platform/services/task-scheduler/
 * browser-task-scheduler.service.ts: it persists each scheduled task with its due time in storage, and
 * when the worker starts it re-creates the alarms and runs at once every task whose time has passed).
 *
 * Here: the state below is persisted (the lead stores it in Dexie); these functions are its only
 * transitions, all pure. One refresh of a batch is a job:
 *
 *   enqueue (from plan().due) → claim (lease taken, attempt+1) → commit per package → finish
 *
 * Why nothing is lost or doubled when the worker dies mid-refresh:
 * - A job is removed only by `finishJob`, after the caller has written its results. A worker killed
 *   before that leaves the job with a lease that runs out; `recoverJobs` on the next wake puts it back
 *   in the queue and it runs again (at most `maxAttempts` times).
 * - The caller writes each package's merge outcome (package + new events) in ONE database transaction
 *   and, in the same transaction, records the package in the job's `committed` list
 *   (`commitPackages`). A replay skips committed packages, so nothing is written twice; and because
 *   events are keyed (keys.ts eventKey) and merge.ts is idempotent, even a replay of an uncommitted
 *   package cannot duplicate an event, while a half-written package cannot exist (one transaction).
 * - Packages in a live job are `busyPackageIds`: the caller leaves them out of plan(), so two jobs
 *   never refresh the same package at once.
 * - `nextWakeAt` is persisted with the jobs; `onWake` says whether an alarm was missed (run now) and
 *   which alarm to (re)create, since alarms can be dropped across browser restarts and updates.
 */
import { stableHash } from '../model/keys';
import { MIN_ALARM_MS } from './plan';
import type { Batch } from './plan';

export interface RefreshJob {
  /** Stable for the same provider, packages and creation time. */
  id: string;
  provider: string;
  packageIds: string[];
  numbers: string[];
  createdAt: number;
  /** When the current attempt started; null while queued. */
  startedAt: number | null;
  /** Attempts started so far. */
  attempt: number;
  /** A started attempt is presumed dead after this instant (the worker was stopped). */
  leaseUntil: number | null;
  /** Packages whose results are already stored: a replay skips them. */
  committed: string[];
}

export interface JobState {
  jobs: RefreshJob[];
  /** When the engine wants to wake next (the alarm's time), persisted so a lost alarm is noticed. */
  nextWakeAt: number | null;
}

export const EMPTY_JOB_STATE: JobState = { jobs: [], nextWakeAt: null };

/** How long one attempt may take before it is presumed dead. A worker lives at most ~5 min per event. */
export const DEFAULT_LEASE_MS = 2 * 60_000;
export const DEFAULT_MAX_ATTEMPTS = 3;

/** Package ids that a live job (queued or running) owns. */
export function busyPackageIds(state: JobState): Set<string> {
  const busy = new Set<string>();
  for (const j of state.jobs) for (const id of j.packageIds) if (!j.committed.includes(id)) busy.add(id);
  return busy;
}

/** Adds jobs for plan() batches; packages already owned by a live job are left out (no double refresh). */
export function enqueueBatches(state: JobState, batches: readonly Batch[], now: number, numberOf?: (packageId: string) => string | null): JobState {
  const busy = busyPackageIds(state);
  const jobs = [...state.jobs];
  for (const b of batches) {
    const ids = b.packageIds.filter((id) => !busy.has(id));
    if (ids.length === 0) continue;
    for (const id of ids) busy.add(id);
    const numbers =
      ids.length === b.packageIds.length
        ? b.numbers
        : numberOf
          ? ids.map(numberOf).filter((n): n is string => !!n)
          : b.numbers;
    jobs.push({
      id: `${b.provider}:${stableHash(`${ids.join(',')}|${now}`)}`,
      provider: b.provider,
      packageIds: ids,
      numbers,
      createdAt: now,
      startedAt: null,
      attempt: 0,
      leaseUntil: null,
      committed: [],
    });
  }
  return { ...state, jobs };
}

/**
 * On wake: running jobs whose lease ran out were cut off by the worker's death. They go back to the
 * queue, or are abandoned after `maxAttempts` (their packages then follow plan()'s failure backoff:
 * the caller records a `timeout` failure for the uncommitted ones).
 */
export function recoverJobs(
  state: JobState,
  now: number,
  maxAttempts = DEFAULT_MAX_ATTEMPTS,
): { state: JobState; resumed: RefreshJob[]; abandoned: RefreshJob[] } {
  const resumed: RefreshJob[] = [];
  const abandoned: RefreshJob[] = [];
  const jobs: RefreshJob[] = [];
  for (const j of state.jobs) {
    if (j.startedAt !== null && j.leaseUntil !== null && j.leaseUntil <= now) {
      if (j.attempt >= maxAttempts) {
        abandoned.push(j);
        continue;
      }
      const back = { ...j, startedAt: null, leaseUntil: null };
      resumed.push(back);
      jobs.push(back);
    } else {
      jobs.push(j);
    }
  }
  return { state: { ...state, jobs }, resumed, abandoned };
}

/**
 * Takes the oldest queued job and starts an attempt. Returns null when nothing is queued. The job's
 * `packageIds`/`numbers` still include committed ones; use {@link pendingWork} for what to fetch.
 */
export function claimJob(state: JobState, now: number, leaseMs = DEFAULT_LEASE_MS): { state: JobState; job: RefreshJob } | null {
  const queued = state.jobs.filter((j) => j.startedAt === null).sort((a, b) => a.createdAt - b.createdAt || (a.id < b.id ? -1 : 1));
  const pick = queued[0];
  if (!pick) return null;
  const job: RefreshJob = { ...pick, startedAt: now, leaseUntil: now + leaseMs, attempt: pick.attempt + 1 };
  return { state: { ...state, jobs: state.jobs.map((j) => (j.id === job.id ? job : j)) }, job };
}

/** What a (resumed) job still has to fetch. */
export function pendingWork(job: RefreshJob, numberOf: (packageId: string) => string | null): { packageIds: string[]; numbers: string[] } {
  const packageIds = job.packageIds.filter((id) => !job.committed.includes(id));
  const numbers = [...new Set(packageIds.map(numberOf).filter((n): n is string => !!n))];
  return { packageIds, numbers };
}

/**
 * Records packages whose results were stored. Call inside the same database transaction that writes
 * the packages and their events, so "stored" and "committed" can never disagree.
 */
export function commitPackages(state: JobState, jobId: string, packageIds: readonly string[]): JobState {
  return {
    ...state,
    jobs: state.jobs.map((j) => (j.id === jobId ? { ...j, committed: [...new Set([...j.committed, ...packageIds])] } : j)),
  };
}

/** Extends a running job's lease (long batches, slow providers). */
export function renewLease(state: JobState, jobId: string, now: number, leaseMs = DEFAULT_LEASE_MS): JobState {
  return { ...state, jobs: state.jobs.map((j) => (j.id === jobId && j.startedAt !== null ? { ...j, leaseUntil: now + leaseMs } : j)) };
}

/** The job is over (success, or failure already recorded on its packages): it leaves the state. */
export function finishJob(state: JobState, jobId: string): JobState {
  return { ...state, jobs: state.jobs.filter((j) => j.id !== jobId) };
}

/** Stores when to wake next (from plan().nextWakeAt, or sooner while jobs are queued). */
export function scheduleWake(state: JobState, nextWakeAt: number | null, now: number): JobState {
  const queued = state.jobs.some((j) => j.startedAt === null);
  const running = state.jobs.filter((j) => j.leaseUntil !== null).map((j) => j.leaseUntil!);
  let at = nextWakeAt;
  if (queued) at = now + MIN_ALARM_MS;
  if (running.length > 0) at = Math.min(at ?? Number.POSITIVE_INFINITY, Math.min(...running));
  if (at !== null) at = Math.max(at, now + MIN_ALARM_MS);
  return { ...state, nextWakeAt: at };
}

/**
 * When the worker starts (alarm, startup, install, message): run now if the stored wake time has
 * passed (an alarm was missed while the browser was closed or the worker was dead) or jobs are
 * waiting; otherwise (re)create the alarm at the stored time.
 */
export function onWake(state: JobState, now: number): { runNow: boolean; alarmAt: number | null } {
  const waiting = state.jobs.length > 0;
  const missed = state.nextWakeAt !== null && state.nextWakeAt <= now;
  if (waiting || missed) return { runNow: true, alarmAt: null };
  return { runNow: false, alarmAt: state.nextWakeAt };
}
