/**
 * Each provider's call limits as data (with where each number comes from), and a pure accountant that
 * the client layer uses to stay inside them. Nothing here reads a clock: `now` is passed in.
 *
 * Enforcement: {@link trackWithBudget} wraps `ctx.fetch` so every request a client makes is checked
 * against the limits first. A request that would break a limit is not sent: the client gets a local
 * `429` with `Retry-After` set to when the budget frees up, so it reports the usual typed
 * `rate_limited` error (or `quota` for a monthly/daily quota), and the state records only requests that
 * really went out. Token requests are not counted (the published limits are on tracking calls).
 * The options page shows {@link remaining} as used/remaining per limit.
 */
import type { MessageKey } from '../i18n/translate';
import type { CarrierClient, ClientContext, Credentials, TrackError, TrackOutcome } from './client';

export interface BudgetLimit {
  /** Stable id within the provider (`per-second`, `per-day`…). */
  id: string;
  /** What the options page calls it, in the shopper's language (issue #13 §2). */
  label: MessageKey;
  /**
   * The same in English, for the error a refused request reports ("requests per second used up"): it
   * joins the carriers' own error texts, which are English where they are stored and logged.
   */
  errorLabel: string;
  max: number;
  /** What is counted: HTTP requests, or tracking numbers registered (17TRACK quota). */
  unit: 'request' | 'number';
  /** A rolling window of this length… */
  windowMs?: number;
  /** …or a calendar window that resets at 00:00 UTC (day) or on the 1st 00:00 UTC (month). */
  calendar?: 'utc-day' | 'utc-month';
  /** Where the number comes from. */
  source: string;
  /** A quota (refills rarely) rather than a rate: exhausting it is a `quota` error. */
  quota?: boolean;
}

/** Limits per provider id. Providers that publish no number get a modest politeness cap, marked as ours. */
export const PROVIDER_BUDGETS: Readonly<Record<string, readonly BudgetLimit[]>> = {
  ups: [
    {
      id: 'per-minute',
      label: 'budgetRequestsPerMinute',
      errorLabel: 'requests per minute',
      max: 60,
      unit: 'request',
      windowMs: 60_000,
      source: 'Porchlight politeness cap: UPS publishes no tracking rate limit (Tracking.yaml documents only a 429 "Quota Limit Exceeded")',
    },
  ],
  usps: [
    {
      id: 'per-hour',
      label: 'budgetRequestsPerHour',
      errorLabel: 'requests per hour',
      max: 60,
      unit: 'request',
      windowMs: 3_600_000,
      source:
        'Default USPS APIs quota of about 60 requests/hour per app, raisable on request (third-party: revaddress.com/blog/usps-rate-limits; USPS specs define 429 + Retry-After but no number)',
    },
  ],
  fedex: [
    {
      id: 'per-10-seconds',
      label: 'budgetRequestsPer10Seconds',
      errorLabel: 'requests per 10 seconds',
      max: 1400,
      unit: 'request',
      windowMs: 10_000,
      source: 'FedEx: 1,400 transactions per 10 seconds per project (developer.fedex.com/api/en-cr/guides/ratelimits.html)',
    },
    {
      id: 'per-day',
      label: 'budgetRequestsPerDay',
      errorLabel: 'requests per day',
      max: 100_000,
      unit: 'request',
      calendar: 'utc-day',
      quota: true,
      source: 'FedEx: Track quota 100,000 requests/day per project, resets 00:00 GMT (developer.fedex.com/api/en-cr/guides/ratelimits.html)',
    },
  ],
  dhl: [
    {
      id: 'per-second',
      label: 'budgetRequestsPerSecond',
      errorLabel: 'requests per second',
      max: 1,
      unit: 'request',
      windowMs: 1000,
      source: 'DHL Shipment Tracking – Unified initial level: max 1 call/second (developer.dhl.com rate limits, via support.wesupplylabs.com and support.ikas.com)',
    },
    {
      id: 'per-day',
      label: 'budgetRequestsPerDay',
      errorLabel: 'requests per day',
      max: 250,
      unit: 'request',
      calendar: 'utc-day',
      quota: true,
      source: 'DHL Shipment Tracking – Unified initial level: 250 calls/day, resets 24:00 GMT (developer.dhl.com rate limits)',
    },
  ],
  '17track': [
    {
      id: 'per-second',
      label: 'budgetRequestsPerSecond',
      errorLabel: 'requests per second',
      max: 3,
      unit: 'request',
      windowMs: 1000,
      source: '17TRACK: 3 requests/second per key (17Track Tracking API research report, Apache-2.0)',
    },
    {
      id: 'per-month',
      label: 'budgetNumbersPerMonth',
      errorLabel: 'numbers registered per month',
      max: 100,
      unit: 'number',
      calendar: 'utc-month',
      quota: true,
      source:
        '17TRACK: "100 free tracking quota each month", spent per registered number (asset.17track.net/api/document/v2.2_en); from 2026-01-07 new accounts get a one-time 200 instead (research report): set the real figure in options',
    },
  ],
  ship24: [
    {
      id: 'per-minute',
      label: 'budgetRequestsPerMinute',
      errorLabel: 'requests per minute',
      max: 60,
      unit: 'request',
      windowMs: 60_000,
      source: 'Porchlight politeness cap: Ship24 limits depend on the plan and were not published in the stored material',
    },
  ],
};

/** Usage of one limit: a log of `[at, count]` for rolling windows, or the current calendar window's total. */
export interface LimitUsage {
  log?: Array<[number, number]>;
  windowStart?: number;
  used?: number;
}

/** Serializable (storage-friendly) usage of every provider's limits. */
export type BudgetState = Record<string, Record<string, LimitUsage>>;

export interface Cost {
  requests: number;
  numbers: number;
}

export type SpendCheck = { ok: true } | { ok: false; limit: BudgetLimit; retryAt: number; used: number };

export interface BudgetReport {
  limitId: string;
  label: MessageKey;
  max: number;
  used: number;
  remaining: number;
  /** Epoch ms when the oldest counted use leaves the window (rolling) or the calendar window resets. */
  resetsAt: number | null;
  unit: BudgetLimit['unit'];
  source: string;
}

function calendarStart(now: number, calendar: 'utc-day' | 'utc-month'): number {
  const d = new Date(now);
  return calendar === 'utc-day'
    ? Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate())
    : Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), 1);
}

function calendarEnd(start: number, calendar: 'utc-day' | 'utc-month'): number {
  const d = new Date(start);
  return calendar === 'utc-day' ? start + 86_400_000 : Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 1);
}

function amount(limit: BudgetLimit, cost: Cost): number {
  return limit.unit === 'request' ? cost.requests : cost.numbers;
}

/** How much of `limit` is used at `now`, and when the next unit frees up. */
function usage(limit: BudgetLimit, u: LimitUsage | undefined, now: number): { used: number; freesAt: (need: number) => number; resetsAt: number | null } {
  if (limit.calendar) {
    const start = calendarStart(now, limit.calendar);
    const used = u?.windowStart === start ? (u.used ?? 0) : 0;
    const end = calendarEnd(start, limit.calendar);
    return { used, freesAt: () => end, resetsAt: end };
  }
  const windowMs = limit.windowMs ?? 0;
  const log = (u?.log ?? []).filter(([at]) => at > now - windowMs);
  const used = log.reduce((s, [, n]) => s + n, 0);
  return {
    used,
    resetsAt: log.length > 0 ? log[0]![0] + windowMs : null,
    // The earliest time at which `need` more units fit: drop the oldest entries until they do.
    freesAt: (need) => {
      let total = used;
      for (const [at, n] of log) {
        if (total + need <= limit.max) break;
        total -= n;
        if (total + need <= limit.max) return at + windowMs;
      }
      return now;
    },
  };
}

export function limitsFor(provider: string, overrides?: Readonly<Record<string, readonly BudgetLimit[]>>): readonly BudgetLimit[] {
  return overrides?.[provider] ?? PROVIDER_BUDGETS[provider] ?? [];
}

/** Whether `cost` fits every limit of `provider` at `now`; if not, which limit and when it will. */
export function canSpend(
  state: BudgetState,
  provider: string,
  now: number,
  cost: Cost = { requests: 1, numbers: 0 },
  overrides?: Readonly<Record<string, readonly BudgetLimit[]>>,
): SpendCheck {
  let worst: SpendCheck = { ok: true };
  for (const limit of limitsFor(provider, overrides)) {
    const need = amount(limit, cost);
    if (need === 0) continue;
    const u = usage(limit, state[provider]?.[limit.id], now);
    if (u.used + need <= limit.max) continue;
    const retryAt = need > limit.max ? Number.POSITIVE_INFINITY : u.freesAt(need);
    if (worst.ok || retryAt > worst.retryAt) worst = { ok: false, limit, retryAt, used: u.used };
  }
  return worst;
}

/** Records `cost` as spent at `now` (returns a new state; the old one is untouched). */
export function spend(
  state: BudgetState,
  provider: string,
  now: number,
  cost: Cost = { requests: 1, numbers: 0 },
  overrides?: Readonly<Record<string, readonly BudgetLimit[]>>,
): BudgetState {
  const next: Record<string, LimitUsage> = { ...(state[provider] ?? {}) };
  for (const limit of limitsFor(provider, overrides)) {
    const n = amount(limit, cost);
    if (n === 0) continue;
    const prev = next[limit.id];
    if (limit.calendar) {
      const start = calendarStart(now, limit.calendar);
      next[limit.id] = { windowStart: start, used: (prev?.windowStart === start ? (prev.used ?? 0) : 0) + n };
    } else {
      const windowMs = limit.windowMs ?? 0;
      const log = (prev?.log ?? []).filter(([at]) => at > now - windowMs);
      next[limit.id] = { log: [...log, [now, n]] };
    }
  }
  return { ...state, [provider]: next };
}

/** Used/remaining per limit, for the options page. */
export function remaining(
  state: BudgetState,
  provider: string,
  now: number,
  overrides?: Readonly<Record<string, readonly BudgetLimit[]>>,
): BudgetReport[] {
  return limitsFor(provider, overrides).map((limit) => {
    const u = usage(limit, state[provider]?.[limit.id], now);
    return {
      limitId: limit.id,
      label: limit.label,
      max: limit.max,
      used: u.used,
      remaining: Math.max(0, limit.max - u.used),
      resetsAt: u.resetsAt,
      unit: limit.unit,
      source: limit.source,
    };
  });
}

/** What one outgoing request costs: one request; a 17TRACK `register` also its numbers. */
export function requestCost(provider: string, url: URL, body: RequestInit['body']): Cost | null {
  // Token requests are not tracking calls.
  if (/\/oauth|\/token$/.test(url.pathname)) return null;
  let numbers = 0;
  if (provider === '17track' && url.pathname.endsWith('/register') && typeof body === 'string') {
    try {
      const parsed: unknown = JSON.parse(body);
      numbers = Array.isArray(parsed) ? parsed.length : 0;
    } catch {
      numbers = 0;
    }
  }
  return { requests: 1, numbers };
}

/**
 * Runs `client.track` inside the provider's budget. Returns the outcome and the new budget state.
 * A request the budget refuses is answered locally with a 429 (see file header); the error the client
 * reports is then rewritten to say which limit and until when.
 */
export async function trackWithBudget(
  client: CarrierClient,
  numbers: string[],
  credentials: Credentials,
  ctx: ClientContext,
  state: BudgetState,
  overrides?: Readonly<Record<string, readonly BudgetLimit[]>>,
): Promise<{ outcome: TrackOutcome; state: BudgetState }> {
  let current = state;
  let refused: { limit: BudgetLimit; retryAt: number; used: number } | null = null;
  const metered: typeof fetch = async (input, init) => {
    const url = new URL(input instanceof Request ? input.url : String(input));
    const now = ctx.now();
    const cost = requestCost(client.id, url, init?.body ?? null);
    if (cost) {
      const check = canSpend(current, client.id, now, cost, overrides);
      if (!check.ok) {
        refused = check;
        const secs = Number.isFinite(check.retryAt) ? Math.max(1, Math.ceil((check.retryAt - now) / 1000)) : 86_400;
        return new Response(JSON.stringify({ error: 'budget' }), {
          status: 429,
          headers: { 'retry-after': String(secs), 'content-type': 'application/json' },
        });
      }
      current = spend(current, client.id, now, cost, overrides);
    }
    return ctx.fetch(input, init);
  };
  const outcome = await client.track(numbers, credentials, { ...ctx, fetch: metered });
  const r = refused as { limit: BudgetLimit; retryAt: number; used: number } | null;
  if (!r) return { outcome, state: current };
  const now = ctx.now();
  const budgetError: TrackError = {
    kind: r.limit.quota ? 'quota' : 'rate_limited',
    message: `${client.id}: ${r.limit.errorLabel} used up (${r.used}/${r.limit.max}); not sent`,
    budget: { limit: r.limit.label, used: r.used, max: r.limit.max },
    ...(Number.isFinite(r.retryAt) ? { retryAfterMs: Math.max(0, r.retryAt - now) } : {}),
  };
  const rewrite = (e: TrackError | null | undefined): TrackError | null | undefined =>
    e && e.kind === 'rate_limited' && e.httpStatus === 429 ? budgetError : e;
  if (!outcome.ok) return { outcome: { ok: false, error: rewrite(outcome.error) ?? budgetError }, state: current };
  return {
    outcome: { ok: true, results: outcome.results.map((res) => (res.error ? { ...res, error: rewrite(res.error) ?? null } : res)) },
    state: current,
  };
}
