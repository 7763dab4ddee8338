/**
 * How long Porchlight keeps what it writes (issue #10 §4, README "Privacy and permissions"). The
 * manifest asks for `unlimitedStorage`, so nothing but this policy stops the database growing:
 *
 * - Diagnostics (what a reader did not understand on a page): kept {@link RETENTION}.diagnosticsDays
 *   days, and at most diagnosticsMax of them (the newest), because a changed page layout can produce
 *   one on every visit.
 * - Notification records (what was shown, so a click on it opens the right parcel): kept
 *   notificationsDays days, at most notificationsMax.
 * - The shopper's history (orders, packages, their events and alerts) is kept until the shopper
 *   deletes it: it is theirs, and a parcel claim can need a year-old delivery record.
 *
 * The background applies it on an alarm ({@link PRUNE_ALARM}, every {@link PRUNE_PERIOD_MINUTES})
 * through lib/services/prune-storage.ts. Pure: `now` is a parameter.
 */

export interface RetentionPolicy {
  diagnosticsDays: number;
  diagnosticsMax: number;
  notificationsDays: number;
  notificationsMax: number;
}

export const RETENTION: Readonly<RetentionPolicy> = {
  diagnosticsDays: 30,
  diagnosticsMax: 500,
  notificationsDays: 30,
  notificationsMax: 1000,
};

export const DAY_MS = 86_400_000;

/** The alarm that runs the pruning, and how often (alarms persist across browser restarts). */
export const PRUNE_ALARM = 'porchlight-prune';
export const PRUNE_PERIOD_MINUTES = 24 * 60;

export interface PruneCutoffs {
  /** Diagnostics with `at` before this (epoch ms) go. */
  diagnosticsBefore: number;
  diagnosticsMax: number;
  /** Notification records with `createdAt` before this go. */
  notificationsBefore: number;
  notificationsMax: number;
}

export function pruneCutoffs(now: number, policy: Readonly<RetentionPolicy> = RETENTION): PruneCutoffs {
  return {
    diagnosticsBefore: now - policy.diagnosticsDays * DAY_MS,
    diagnosticsMax: policy.diagnosticsMax,
    notificationsBefore: now - policy.notificationsDays * DAY_MS,
    notificationsMax: policy.notificationsMax,
  };
}
