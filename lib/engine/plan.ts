/**
 * The refresh schedule (issue #6 §1): which packages to refresh now, batched per provider, and when
 * to wake next. Pure: packages, `now`, budgets and options in; batches, the next wake time and each
 * package's next check time out. Call it on every wake; it recomputes everything from the packages'
 * state, so a lost alarm or a killed worker costs nothing but a little delay.
 *
 * Intervals by state (defaults, {@link DEFAULT_INTERVALS}, jittered ±10 % from a seeded hash):
 *   out for delivery 30 min · due today 1 h · in transit 4 h (6 h when the ETA is more than 3 days
 *   away) · exception / attempt failed 2 h · ready for pickup 6 h · label created / ordered 8 h ·
 *   delivered or returned: every 12 h for 48 h after delivery (a late return scan or correction), then
 *   never · cancelled, expired, archived: never.
 *   "Out for delivery" and "due today" only run fast during delivery hours (07:00–21:00 in the user's
 *   zone); at night they fall back to the in-transit interval, since nothing is delivered at 3 AM.
 * After failures: exponential backoff (2 min · 2^(failures-1), capped at 6 h); auth and invalid-number
 * errors wait the cap straight away (retrying will not help until the user acts).
 * Provider `Retry-After` and exhausted budgets hold the provider's packages until it may be asked again.
 * Never closer than Chrome's 30 s alarm minimum (https://developer.chrome.com/docs/extensions/reference/api/alarms).
 *
 * This is the engine the worker runs (issue #19 §1): lib/services/refresh-round.ts calls plan() on
 * every round, turns its batches into persisted jobs (job-state.ts) and arms the alarm at
 * {@link wakeTime}. A provider may declare its own interval (a simulated carrier whose parcels live
 * minutes); nothing here knows any provider by name.
 */
import { stableHash } from '../model/keys';
import { isTerminal, type Status } from '../model/status';
import { zonedLocalToEpoch } from '../model/time';
import type { Package } from '../model/types';
import { cachedEtaEnd, localClock } from './zone-cache';

export const MINUTE = 60_000;
export const HOUR = 60 * MINUTE;
/** Chrome's minimum alarm delay/period for packed extensions. */
export const MIN_ALARM_MS = 30_000;

export interface RefreshIntervals {
  outForDelivery: number;
  dueToday: number;
  inTransit: number;
  inTransitFar: number;
  exception: number;
  pickup: number;
  labelCreated: number;
  afterDelivery: number;
  /** How long a delivered/returned package keeps being checked. */
  afterDeliveryWindow: number;
  backoffBase: number;
  backoffCap: number;
  /** ± fraction applied to every interval. */
  jitter: number;
  /** Local hours [start, end) in which "out for delivery" and "due today" run fast. */
  deliveryHours: [number, number];
}

export const DEFAULT_INTERVALS: RefreshIntervals = {
  outForDelivery: 30 * MINUTE,
  dueToday: HOUR,
  inTransit: 4 * HOUR,
  inTransitFar: 6 * HOUR,
  exception: 2 * HOUR,
  pickup: 6 * HOUR,
  labelCreated: 8 * HOUR,
  afterDelivery: 12 * HOUR,
  afterDeliveryWindow: 48 * HOUR,
  backoffBase: 2 * MINUTE,
  backoffCap: 6 * HOUR,
  jitter: 0.1,
  deliveryHours: [7, 21],
};

/**
 * What is left of a provider's allowance, as the budget accountant (lib/carriers/budgets.ts) reports
 * it. `remaining` counts HTTP requests (one batch = one request).
 */
export interface ProviderBudget {
  remaining: number;
  /** When `remaining` refills (epoch ms), if known. */
  resetsAt?: number | null;
  /** The provider said `Retry-After`: nothing before this instant. */
  blockedUntil?: number | null;
  /** Most numbers per request (CarrierClient.batchSize); 1 when absent. */
  batchSize?: number;
}

export type Budgets = Record<string, ProviderBudget>;

/** A provider that can be asked now (built in, or the shopper has its key), as the scheduler sees it. */
export interface PlanProvider {
  id: string;
  /** Carriers whose numbers it tracks; `*` for aggregators. */
  carriers: readonly string[];
  /** A shop's own tracker (`amazon`): refreshes that shop's packages through their track page. */
  shop?: string;
  /** Its packages need a track-page link (a shop tracker). */
  needsTrackUrl?: boolean;
  /** Refresh every active package of this provider at this interval (a simulated carrier). */
  intervalMs?: number;
}

export interface PlanOptions {
  /** The user's zone: "due today" and delivery hours are read in it. */
  timeZone: string;
  /** Providers that can be asked now, best first within each kind (own API, aggregator, shop tracker). */
  providers: readonly PlanProvider[];
  /** Refresh every active package now (the popup's Refresh), or just these ids. */
  force?: boolean | readonly string[];
  /** Seed for the jitter; the same seed and state give the same plan. */
  seed?: string;
  intervals?: Partial<RefreshIntervals>;
  /**
   * A batch that goes anyway may take packages of the same provider due within this fraction of their
   * interval (free riders: no extra request). Default 0.25.
   */
  pullAhead?: number;
}

export interface Batch {
  provider: string;
  packageIds: string[];
  /** Tracking numbers of those packages (packages without one, e.g. Amazon shop-only, add none). */
  numbers: string[];
}

export type SkipReason = 'no_provider' | 'stopped' | 'budget' | 'retry_after' | 'busy';

export interface PlanResult {
  due: Batch[];
  /**
   * When to wake next (≥ now + 30 s), or null when nothing is scheduled. Counts the due packages'
   * next checks as if their refresh succeeds now; plan again after refreshing for exact times.
   */
  nextWakeAt: number | null;
  /** Packages whose `nextCheckAt` changed: store these. */
  updates: Array<{ id: string; nextCheckAt: number | null }>;
  /** Why packages were not refreshed although due (budget, Retry-After). For the UI and tests. */
  held: Array<{ id: string; provider: string; reason: SkipReason; until: number }>;
  /** Each scheduled package's provider (for marking a blocked source's packages). */
  providerOf: Map<string, string>;
}

/**
 * Which provider refreshes a package, and the number to ask it about: its carrier's own API when
 * available; otherwise an aggregator the user has a key for; otherwise the shop's own tracker
 * (Amazon's track page, for shop-only packages and Amazon Logistics numbers) while it has a page for
 * the package. Null: nobody can. A parcel handed to another carrier (issue #19 §15) is
 * asked about through the last-mile carrier's own API when the shopper has it, since that carrier
 * scans the delivery; otherwise through the first carrier, which usually echoes the hand-off.
 */
export function lookupFor(
  pkg: Pick<Package, 'carrier' | 'trackingNumber' | 'shop' | 'orderId' | 'trackUrl'> & { numbers?: Package['numbers'] },
  providers: readonly PlanProvider[],
): { provider: string; number: string | null } | null {
  const own = (carrier: string | null) => (carrier ? providers.find((p) => !p.shop && p.carriers.includes(carrier)) : undefined);
  const handoffs = (pkg.numbers ?? []).filter((n) => n.relation === 'handoff');
  for (let i = handoffs.length - 1; i >= 0; i--) {
    const h = handoffs[i]!;
    const p = own(h.carrier);
    if (p && h.carrier !== pkg.carrier) return { provider: p.id, number: h.number };
  }
  const shopTracker = pkg.shop ? providers.find((p) => p.shop === pkg.shop) : undefined;
  const tracker = shopTracker && (!shopTracker.needsTrackUrl || pkg.trackUrl) ? shopTracker : undefined;
  if (pkg.trackingNumber) {
    const p = own(pkg.carrier);
    if (p) return { provider: p.id, number: pkg.trackingNumber };
    // A carrier that is the shop itself (Amazon Logistics) is read through the shop's tracker.
    const trackerForCarrier = providers.find((x) => x.shop && pkg.carrier && x.carriers.includes(pkg.carrier));
    if (trackerForCarrier && (!trackerForCarrier.needsTrackUrl || pkg.trackUrl)) return { provider: trackerForCarrier.id, number: pkg.trackingNumber };
    const agg = providers.find((x) => x.carriers.includes('*'));
    if (agg) return { provider: agg.id, number: pkg.trackingNumber };
  }
  if (tracker && pkg.orderId) return { provider: tracker.id, number: pkg.trackingNumber };
  return null;
}

function isDueToday(pkg: Package, now: number, timeZone: string): boolean {
  if (!pkg.eta) return false;
  const today = localClock(now, timeZone).date;
  const from = pkg.eta.from.slice(0, 10);
  const to = pkg.eta.to.slice(0, 10);
  return from <= today && today <= to;
}

function deliveredAtEpoch(pkg: Package, timeZone: string): number {
  if (pkg.deliveredAt) {
    const t = /(Z|[+-]\d\d:?\d\d)$/.test(pkg.deliveredAt)
      ? Date.parse(pkg.deliveredAt)
      : safe(() => zonedLocalToEpoch(pkg.deliveredAt!, timeZone));
    // The carrier's delivery time, not when we learned it: "0 requests after delivery + 48 h".
    if (Number.isFinite(t)) return t;
  }
  return pkg.lastChangeAt;
}

function safe(f: () => number): number {
  try {
    return f();
  } catch {
    return Number.NaN;
  }
}

/** The state's refresh interval (before jitter and backoff), or null when the package is no longer refreshed. */
export function refreshInterval(
  pkg: Package,
  now: number,
  timeZone: string,
  iv: RefreshIntervals = DEFAULT_INTERVALS,
  providerIntervalMs?: number,
): number | null {
  if (pkg.archived) return null;
  const status: Status = pkg.status;
  // A provider with its own pace (a simulated carrier) is followed at it until the parcel is finished.
  if (providerIntervalMs !== undefined && status !== 'cancelled' && status !== 'expired' && status !== 'delivered' && status !== 'returned') {
    return providerIntervalMs;
  }
  const hour = localClock(now, timeZone).hour;
  const daytime = hour >= iv.deliveryHours[0] && hour < iv.deliveryHours[1];
  switch (status) {
    case 'cancelled':
    case 'expired':
      return null;
    case 'delivered':
    case 'returned':
      return now < deliveredAtEpoch(pkg, timeZone) + iv.afterDeliveryWindow ? iv.afterDelivery : null;
    case 'out_for_delivery':
      return daytime ? iv.outForDelivery : iv.inTransit;
    case 'exception':
    case 'attempt_failed':
      return iv.exception;
    case 'available_for_pickup':
      return iv.pickup;
    case 'pending':
    case 'info_received':
      return iv.labelCreated;
    case 'in_transit': {
      if (isDueToday(pkg, now, timeZone)) return daytime ? iv.dueToday : iv.inTransit;
      const end = cachedEtaEnd(pkg.eta, timeZone);
      return end !== null && end - now > 3 * 24 * HOUR ? iv.inTransitFar : iv.inTransit;
    }
  }
}

/** Delay after `failures` consecutive failures. */
export function backoffDelay(pkg: Pick<Package, 'failures' | 'lastError'>, iv: RefreshIntervals = DEFAULT_INTERVALS): number {
  if (pkg.failures <= 0) return 0;
  if (pkg.lastError && (pkg.lastError.kind === 'auth' || pkg.lastError.kind === 'invalid_number')) return iv.backoffCap;
  return Math.min(iv.backoffCap, iv.backoffBase * 2 ** Math.min(pkg.failures - 1, 30));
}

/** Deterministic jitter factor in [1 - j, 1 + j] for this package and check. */
function jitterFactor(seed: string, pkg: Package, j: number): number {
  const h = Number.parseInt(stableHash(`${seed}|${pkg.id}|${pkg.lastCheckAt ?? 0}`).slice(0, 8), 16) / 0xffffffff;
  return 1 - j + 2 * j * h;
}

/**
 * When a package should next be checked, or null for never. `lastCheckAt` null means never checked:
 * due at once. After failures the backoff replaces the state's interval.
 */
export function nextCheckTime(
  pkg: Package,
  now: number,
  timeZone: string,
  seed = 'porchlight',
  iv: RefreshIntervals = DEFAULT_INTERVALS,
  providerIntervalMs?: number,
): number | null {
  const interval = refreshInterval(pkg, now, timeZone, iv, providerIntervalMs);
  if (interval === null) return null;
  if (pkg.lastCheckAt === null) return now;
  const wait = pkg.failures > 0 ? backoffDelay(pkg, iv) : interval;
  return pkg.lastCheckAt + Math.max(MIN_ALARM_MS, Math.round(wait * jitterFactor(seed, pkg, iv.jitter)));
}

const URGENCY: Readonly<Partial<Record<Status, number>>> = {
  out_for_delivery: 0,
  attempt_failed: 1,
  exception: 1,
  available_for_pickup: 2,
  in_transit: 3,
};

interface Candidate {
  pkg: Package;
  provider: string;
  number: string | null;
  next: number;
  interval: number;
}

export function plan(packages: readonly Package[], now: number, budgets: Budgets, options: PlanOptions): PlanResult {
  const iv: RefreshIntervals = { ...DEFAULT_INTERVALS, ...options.intervals };
  const seed = options.seed ?? 'porchlight';
  const pullAhead = options.pullAhead ?? 0.25;
  const forced = options.force === true ? null : options.force ? new Set(options.force) : undefined;
  const updates: PlanResult['updates'] = [];
  const held: PlanResult['held'] = [];
  const providerOf = new Map<string, string>();
  const byProvider = new Map<string, Candidate[]>();
  const intervalOf = new Map(options.providers.map((p) => [p.id, p.intervalMs]));
  let nextWakeAt: number | null = null;
  const wakeAt = (t: number) => {
    const at = Math.max(t, now + MIN_ALARM_MS);
    nextWakeAt = nextWakeAt === null ? at : Math.min(nextWakeAt, at);
  };
  const setNext = (pkg: Package, next: number | null) => {
    if (pkg.nextCheckAt !== next) updates.push({ id: pkg.id, nextCheckAt: next });
  };

  for (const pkg of packages) {
    const lookup = lookupFor(pkg, options.providers);
    const own = lookup ? intervalOf.get(lookup.provider) : undefined;
    let next = lookup === null ? null : nextCheckTime(pkg, now, options.timeZone, seed, iv, own);
    if (lookup === null || next === null) {
      setNext(pkg, null);
      continue;
    }
    // A check asked for sooner stands (a new package, a number just learned, a replayed job).
    if (pkg.nextCheckAt !== null && pkg.nextCheckAt < next) next = pkg.nextCheckAt;
    // The shopper asked: everything still on its way (or just these) is due now.
    const isForced = forced === null ? !isTerminal(pkg.status) : forced?.has(pkg.id) === true;
    if (isForced) next = Math.min(next, now);
    providerOf.set(pkg.id, lookup.provider);
    const interval = refreshInterval(pkg, now, options.timeZone, iv, own) ?? iv.inTransit;
    const list = byProvider.get(lookup.provider) ?? [];
    list.push({ pkg, provider: lookup.provider, number: lookup.number, next, interval });
    byProvider.set(lookup.provider, list);
  }

  const due: Batch[] = [];
  for (const [provider, list] of [...byProvider.entries()].sort(([a], [b]) => (a < b ? -1 : 1))) {
    const budget = budgets[provider];
    const batchSize = Math.max(1, Math.floor(budget?.batchSize ?? 1));
    const blockedUntil = budget?.blockedUntil && budget.blockedUntil > now ? budget.blockedUntil : null;
    let remaining = budget ? Math.max(0, Math.floor(budget.remaining)) : Number.POSITIVE_INFINITY;

    const dueNow = list
      .filter((c) => c.next <= now)
      .sort((a, b) => (URGENCY[a.pkg.status] ?? 4) - (URGENCY[b.pkg.status] ?? 4) || a.next - b.next || (a.pkg.id < b.pkg.id ? -1 : 1));
    const later = list.filter((c) => c.next > now).sort((a, b) => a.next - b.next || (a.pkg.id < b.pkg.id ? -1 : 1));

    const taken: Candidate[][] = [];
    if (blockedUntil === null) {
      for (let i = 0; i < dueNow.length && remaining > 0; i += batchSize) {
        taken.push(dueNow.slice(i, i + batchSize));
        remaining--;
      }
    }
    const takenCount = taken.reduce((n, b) => n + b.length, 0);
    const left = dueNow.slice(takenCount);
    // Free riders: fill the last batch's spare slots with packages due soon anyway.
    const riders = new Set<Candidate>();
    const last = taken[taken.length - 1];
    if (last && last.length < batchSize) {
      for (const c of later) {
        if (last.length >= batchSize) break;
        if (c.next - now <= c.interval * pullAhead) {
          last.push(c);
          riders.add(c);
        }
      }
    }
    for (const b of taken) {
      const numbers = [...new Set(b.map((c) => c.number).filter((n): n is string => !!n))];
      due.push({ provider, packageIds: b.map((c) => c.pkg.id), numbers });
      for (const c of b) {
        setNext(c.pkg, Math.min(c.next, now));
        // Assume the refresh succeeds now: its next check is a wake candidate, so a caller that does
        // not re-plan after refreshing still wakes in time (re-planning gives the exact times).
        const after = nextCheckTime({ ...c.pkg, lastCheckAt: now, failures: 0, lastError: null }, now, options.timeZone, seed, iv, intervalOf.get(provider));
        if (after !== null) wakeAt(after);
      }
    }
    // Held back: wait for the provider to allow requests again.
    const resume = blockedUntil ?? (budget?.resetsAt && budget.resetsAt > now ? budget.resetsAt : now + iv.backoffCap);
    for (const c of left) {
      held.push({ id: c.pkg.id, provider, reason: blockedUntil !== null ? 'retry_after' : 'budget', until: resume });
      setNext(c.pkg, resume);
      wakeAt(resume);
    }
    for (const c of later) {
      if (riders.has(c)) continue;
      const at = blockedUntil !== null ? Math.max(c.next, blockedUntil) : c.next;
      if (blockedUntil !== null && c.next < blockedUntil) held.push({ id: c.pkg.id, provider, reason: 'retry_after', until: blockedUntil });
      setNext(c.pkg, at);
      wakeAt(at);
    }
  }
  return { due, nextWakeAt, updates, held, providerOf };
}

/**
 * When the refresh alarm should ring (issue #19 §11), from what is stored after a round:
 * max(now + 30 s, min(earliest check of an active package whose source is not blocked, each blocked
 * source's end, the deferred-notification wake)); null only when that set is empty. A package is
 * active when it is not archived, someone can refresh it and its schedule has a next check.
 */
export function wakeTime(
  packages: ReadonlyArray<Pick<Package, 'archived' | 'nextCheckAt'> & { provider: string | null }>,
  now: number,
  blocked: Readonly<Record<string, number>>,
  deferredWake: number | null,
): number | null {
  let min = Number.POSITIVE_INFINITY;
  for (const p of packages) {
    if (p.archived || p.provider === null || p.nextCheckAt === null) continue;
    const until = blocked[p.provider];
    if (until !== undefined && until > now) continue;
    min = Math.min(min, p.nextCheckAt);
  }
  for (const until of Object.values(blocked)) if (until > now) min = Math.min(min, until);
  if (deferredWake !== null) min = Math.min(min, deferredWake);
  return Number.isFinite(min) ? Math.max(min, now + MIN_ALARM_MS) : null;
}

/**
 * Builds a {@link ProviderBudget} from the budget accountant's per-limit report (lib/carriers/budgets.ts
 * `remaining()` gives one entry per limit: per second, per day…): the tightest limit binds.
 * Structural, so this file does not depend on the accountant's other details.
 */
export function toProviderBudget(
  limits: ReadonlyArray<{ remaining: number; resetsAt: number | null }>,
  batchSize: number,
  blockedUntil: number | null = null,
): ProviderBudget {
  if (limits.length === 0) return { remaining: Number.POSITIVE_INFINITY, batchSize, blockedUntil };
  const tightest = limits.reduce((a, b) => (b.remaining < a.remaining ? b : a));
  return { remaining: tightest.remaining, resetsAt: tightest.resetsAt, batchSize, blockedUntil };
}
