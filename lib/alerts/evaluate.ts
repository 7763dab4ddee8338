/**
 * Situations with a start and an end (issue #19 §7, §9). Pure: a package (with its timeline digest),
 * its order, the situations stored for it and `now` in; what starts, what ends and what is news out.
 *
 * - A situation holds while its rule says so. One that stops holding ends (`resolved`); one that a
 *   holding situation supersedes (registry.ts `supersedes`) ends too (`superseded:<kind>`): delivered
 *   ends "arrives today", "late" and "stalled" because their rules stop holding; the shopper's "not
 *   received" ends "delivered" by supersession.
 * - A cause that holds again after it ended is the same situation, reopened, not new news.
 * - News (what may become a desktop notification): something that happened in the last 24 hours by
 *   its own evidence, or was first observed in that time at a later reading of the package (a fresh
 *   order's situation counts at its first reading), and was not already true at the package's first
 *   reading. A situation that continues one of those baseline situations under a new key is not news
 *   either. The shopper's own reports are never news to them.
 */
import type { Alert, AlertKind, Order } from '../model/types';
import { addDays, zonedDate } from '../model/time';
import { RULES } from './registry';
import type { AlertContext, AlertDraft } from './types';

export const NEWS_WINDOW_MS = 24 * 3_600_000;

export interface EvaluateResult {
  /** Every situation that holds now (after supersession). */
  current: AlertDraft[];
  /** Situations whose rule holds but which a holding situation supersedes, with the kind that does. */
  superseded: Array<{ draft: AlertDraft; by: AlertKind }>;
  /** Rules that threw (a bug, never bad data on purpose): reported, not rethrown, so one rule cannot block the rest. */
  errors: Array<{ rule: string; message: string }>;
}

export function evaluateAlerts(ctx: AlertContext): EvaluateResult {
  if (ctx.pkg.archived) return { current: [], superseded: [], errors: [] };
  const drafts: Array<{ draft: AlertDraft; supersedes: readonly AlertKind[] }> = [];
  const errors: EvaluateResult['errors'] = [];
  const seen = new Set<string>();
  for (const entry of RULES) {
    try {
      const draft = entry.rule(ctx);
      if (draft && !seen.has(draft.key)) {
        seen.add(draft.key);
        drafts.push({ draft, supersedes: entry.supersedes ?? [] });
      }
    } catch (err) {
      errors.push({ rule: entry.id, message: err instanceof Error ? err.message : String(err) });
    }
  }
  const by = new Map<AlertKind, AlertKind>();
  for (const d of drafts) for (const k of d.supersedes) if (!by.has(k)) by.set(k, d.draft.kind);
  return {
    current: drafts.filter((d) => !by.has(d.draft.kind)).map((d) => d.draft),
    superseded: drafts.filter((d) => by.has(d.draft.kind)).map((d) => ({ draft: d.draft, by: by.get(d.draft.kind)! })),
    errors,
  };
}

/** Which holding situation supersedes `kind`, if any. */
function supersederOf(kind: AlertKind, current: readonly AlertDraft[]): AlertKind | null {
  for (const d of current) {
    const entry = RULES.find((r) => r.kind === d.kind && r.supersedes?.includes(kind));
    if (entry) return d.kind;
  }
  return null;
}

/** An order placed today or yesterday in the shopper's calendar: what its page says is fresh news. */
export function isFreshOrder(order: Order | null | undefined, now: number, timeZone: string): boolean {
  if (!order?.placedAt) return false;
  return order.placedAt.slice(0, 10) >= addDays(zonedDate(now, timeZone), -1);
}

export interface Lifecycle {
  /** Rows to write: new situations, reopened ones, ended ones. */
  write: Alert[];
  started: Alert[];
  ended: Alert[];
}

/**
 * Compares what holds now with the stored situations of one package. `firstReading`: the package's
 * first evaluation (its `evaluatedAt` was null).
 */
export function situationLifecycle(
  ctx: AlertContext,
  stored: readonly Alert[],
  current: readonly AlertDraft[],
  firstReading: boolean,
  superseded: EvaluateResult['superseded'] = [],
): Lifecycle {
  const { now } = ctx;
  const byKey = new Map(stored.map((a) => [a.key, a]));
  // A cause stored under another of its keys (a row another source joined) keeps the stored key.
  const settle = (d: AlertDraft): AlertDraft => {
    if (byKey.has(d.key)) return d;
    const alias = d.aliases?.find((k) => byKey.has(k));
    return alias ? { ...d, key: alias } : d;
  };
  const holdingNow = current.map(settle);
  const folded = superseded.map((f) => ({ ...f, draft: settle(f.draft) }));
  const holding = new Set(holdingNow.map((d) => d.key));
  const write: Alert[] = [];
  const started: Alert[] = [];
  const ended: Alert[] = [];

  for (const a of stored) {
    if (a.endedAt || holding.has(a.key)) continue;
    const by = supersederOf(a.kind, holdingNow);
    const row: Alert = { ...a, endedAt: now, open: 0, endReason: by ? `superseded:${by}` : 'resolved' };
    ended.push(row);
    write.push(row);
  }
  const endedBaselineKinds = new Set(ended.filter((a) => a.baseline).map((a) => a.kind));

  for (const d of holdingNow) {
    const prev = byKey.get(d.key);
    if (prev && !prev.endedAt) {
      // Still holding; its wording may have moved on ("has not moved for 6 days").
      if (prev.title !== d.title || prev.message !== d.message || prev.severity !== d.severity) {
        write.push({ ...prev, title: d.title, message: d.message, severity: d.severity, details: { ...d.details } });
      }
      continue;
    }
    if (prev) {
      // The same cause holds again: reopened, as it was (told or not), not news again.
      const row: Alert = { ...prev, endedAt: null, open: 1, endReason: null, title: d.title, message: d.message, severity: d.severity };
      write.push(row);
      continue;
    }
    let newsAt: number | null =
      d.happenedAt ?? (!firstReading || isFreshOrder(ctx.order, now, ctx.timeZone) ? now : null);
    const continuing = endedBaselineKinds.has(d.kind);
    const baseline = (firstReading && (newsAt === null || now - newsAt > NEWS_WINDOW_MS)) || continuing;
    if (continuing) newsAt = null;
    const row = newRow(d, now, newsAt, baseline);
    started.push(row);
    write.push(row);
  }
  // A cause that holds but is folded into another ("will arrive later" inside "delayed") is recorded
  // as ended at once: if it still holds when the other ends, it is that same situation reopened, not
  // news days later.
  for (const { draft: d, by } of folded) {
    if (byKey.has(d.key)) continue;
    write.push({ ...newRow(d, now, null, true), endedAt: now, open: 0, endReason: `superseded:${by}`, handledAt: now });
  }
  return { write, started, ended };
}

function newRow(d: AlertDraft, now: number, newsAt: number | null, baseline: boolean): Alert {
  return {
    key: d.key,
    packageId: d.packageId,
    kind: d.kind,
    severity: d.severity,
    title: d.title,
    message: d.message,
    createdAt: now,
    notifiedAt: null,
    handledAt: null,
    since: d.since,
    details: { ...d.details },
    dismissed: false,
    dismissedAt: null,
    endedAt: null,
    open: 1,
    endReason: null,
    newsAt,
    baseline,
    byUser: d.byUser ?? false,
  };
}

/** Whether a situation may be told as news at `now`. */
export function isNews(a: Pick<Alert, 'newsAt' | 'baseline' | 'byUser' | 'endedAt'>, now: number): boolean {
  if (a.endedAt || a.baseline || a.byUser) return false;
  return typeof a.newsAt === 'number' && now - a.newsAt <= NEWS_WINDOW_MS;
}
