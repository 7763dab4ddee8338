/**
 * Refresh jobs that survive the service worker's death (issue #6 §2, issue #19 §1). MV3 stops the
 * worker whenever it likes, alarms fire into a fresh worker, and in-memory timers are lost. Modelled
 * on bitwarden's browser task scheduler (apps/browser/src/platform/services/task-scheduler/
 * browser-task-scheduler.service.ts: it persists each scheduled task with its due time in storage, and
 * when the worker starts it re-creates the alarms and runs at once every task whose time has passed).
 *
 * Here: lib/services/refresh-round.ts persists these jobs in the `jobs` table; the functions below are
 * their only transitions, all pure. One refresh of a batch is a job:
 *
 *   enqueue (from plan().due, written before any request) → claim (lease taken, attempt+1, written)
 *   → the batch's results and the job's removal in ONE database transaction
 *
 * Why nothing is lost or doubled when the worker dies mid-refresh:
 * - A job leaves the table only in the transaction that stores its results. A worker killed before
 *   that leaves the job behind; the next worker finds it (its lease ran out, or it started before that
 *   worker was born) and runs it again, at once, at most `maxAttempts` times.
 * - Events are keyed (keys.ts eventKey) and the merge is idempotent, so a replay of a batch whose
 *   results were stored cannot duplicate an event, and a half-written batch cannot exist.
 * - Packages in a live job are `busyPackageIds`: the round leaves them out of plan(), so two jobs
 *   never refresh the same package at once.
 * - `onWake` says whether the worker must run at once (jobs left behind, or a missed wake).
 */
import { stableHash } from '../model/keys';
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
}

export interface JobState {
  jobs: RefreshJob[];
  /** When the engine wants to wake next (the alarm's time), persisted so a lost alarm is noticed. */
  nextWakeAt: number | null;
}

/** How long one attempt may take before it is presumed dead. A worker lives at most ~5 min per event. */
export const DEFAULT_LEASE_MS = 2 * 60_000;
export const DEFAULT_MAX_ATTEMPTS = 3;

/** Package ids that a live job (queued or running) owns. */
export function busyPackageIds(state: JobState): Set<string> {
  const busy = new Set<string>();
  for (const j of state.jobs) for (const id of j.packageIds) busy.add(id);
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
    });
  }
  return { ...state, jobs };
}

/**
 * On wake: running jobs whose lease ran out, or that started before this worker was born
 * (`bootAt`: nothing of a dead worker is still running), were cut off by the worker's death. They go
 * back to the queue, or are abandoned after `maxAttempts` (their packages then follow plan()'s failure
 * backoff: the caller records a `timeout` failure for them).
 */
export function recoverJobs(
  state: JobState,
  now: number,
  bootAt: number = Number.NEGATIVE_INFINITY,
  maxAttempts = DEFAULT_MAX_ATTEMPTS,
): { state: JobState; resumed: RefreshJob[]; abandoned: RefreshJob[] } {
  const resumed: RefreshJob[] = [];
  const abandoned: RefreshJob[] = [];
  const jobs: RefreshJob[] = [];
  for (const j of state.jobs) {
    const dead = j.startedAt !== null && ((j.leaseUntil !== null && j.leaseUntil <= now) || j.startedAt < bootAt);
    if (dead) {
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

/** Takes the oldest queued job and starts an attempt. Returns null when nothing is queued. */
export function claimJob(state: JobState, now: number, leaseMs = DEFAULT_LEASE_MS): { state: JobState; job: RefreshJob } | null {
  const queued = state.jobs.filter((j) => j.startedAt === null).sort((a, b) => a.createdAt - b.createdAt || (a.id < b.id ? -1 : 1));
  const pick = queued[0];
  if (!pick) return null;
  const job: RefreshJob = { ...pick, startedAt: now, leaseUntil: now + leaseMs, attempt: pick.attempt + 1 };
  return { state: { ...state, jobs: state.jobs.map((j) => (j.id === job.id ? job : j)) }, job };
}




/** The job is over (success, or failure already recorded on its packages): it leaves the state. */
export function finishJob(state: JobState, jobId: string): JobState {
  return { ...state, jobs: state.jobs.filter((j) => j.id !== jobId) };
}


/**
 * When the worker starts (alarm, startup, install, message): run now if jobs are waiting (left by a
 * dead worker) or the stored wake time has passed (an alarm was missed while the browser was closed
 * or the worker was dead); otherwise (re)create the alarm at the stored time.
 */
export function onWake(state: JobState, now: number): { runNow: boolean; alarmAt: number | null } {
  const waiting = state.jobs.length > 0;
  const missed = state.nextWakeAt !== null && state.nextWakeAt <= now;
  if (waiting || missed) return { runNow: true, alarmAt: null };
  return { runNow: false, alarmAt: state.nextWakeAt };
}
