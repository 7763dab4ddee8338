/**
 * All alerts for one package now. Pure; the caller stores new drafts by key (an existing key is the
 * same alert: keep its createdAt/notifiedAt/dismissed) and passes the new ones to the notification
 * policy (lib/notify).
 */
import type { Alert } from '../model/types';
import { RULES } from './registry';
import type { AlertContext, AlertDraft } from './types';

export interface EvaluateResult {
  alerts: AlertDraft[];
  /** Rules that threw (a bug, never bad data on purpose): reported, not rethrown, so one rule cannot block the rest. */
  errors: Array<{ rule: string; message: string }>;
}

export function evaluateAlerts(ctx: AlertContext): EvaluateResult {
  if (ctx.pkg.archived) return { alerts: [], errors: [] };
  const alerts: AlertDraft[] = [];
  const errors: EvaluateResult['errors'] = [];
  const seen = new Set<string>();
  for (const entry of RULES) {
    try {
      const draft = entry.rule(ctx);
      if (draft && !seen.has(draft.key)) {
        seen.add(draft.key);
        alerts.push(draft);
      }
    } catch (err) {
      errors.push({ rule: entry.id, message: err instanceof Error ? err.message : String(err) });
    }
  }
  return { alerts, errors };
}

/** Drafts whose key is not among the stored alerts' keys: the ones to store and maybe notify. */
export function newAlerts(drafts: AlertDraft[], storedKeys: Iterable<string>): AlertDraft[] {
  const known = new Set(storedKeys);
  return drafts.filter((d) => !known.has(d.key));
}

/** The stored form of a draft. */
export function toAlert(draft: AlertDraft, now: number): Alert {
  return {
    key: draft.key,
    packageId: draft.packageId,
    kind: draft.kind,
    severity: draft.severity,
    title: draft.title,
    message: draft.message,
    createdAt: now,
    notifiedAt: null,
    dismissed: false,
  };
}
