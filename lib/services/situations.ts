import type { UiText } from '../i18n/translate';
import { evaluateAlerts, type EvaluateResult, situationLifecycle } from '../alerts/evaluate';
import { alertSettings } from '../alerts/settings';
import type { AlertDraft, AlertSettings } from '../alerts/types';
import type { PorchlightDb } from '../db/database';
import type { Alert, Order } from '../model/types';

export interface SituationDeps {
  db: PorchlightDb;
  now: number;
  timeZone: string;
  settings?: Partial<AlertSettings>;
  /** The words the situations' titles and messages are stored in (issue #13 §2). */
  ui: UiText;
}

/**
 * Evaluates the situation rules for the given packages (or every package) and stores what started
 * and what ended, in one transaction (issue #19 §7). Rules read package summaries only (the timeline
 * digest the merge keeps), and stored situations are read by the `open` index plus a point lookup for
 * a cause that holds again, so a round over 1,000 packages reads no events and no situation history
 * (§16). A package's first evaluation is its first reading: what holds then is news only when it
 * happened in the last 24 h.
 */
export async function evaluateSituations(deps: SituationDeps, only?: readonly string[]): Promise<{ started: Alert[]; ended: Alert[] }> {
  const { db, now, timeZone, ui } = deps;
  const settings = alertSettings(deps.settings);
  return db.transaction('rw', db.packages, db.orders, db.alerts, async () => {
    const pkgs = only ? (await db.packages.bulkGet([...new Set(only)])).filter((p) => p !== undefined) : await db.packages.toArray();
    if (pkgs.length === 0) return { started: [], ended: [] };
    const orderKeys = [...new Set(pkgs.map((p) => p.orderKey).filter((k): k is string => Boolean(k)))];
    const orders = new Map<string, Order>();
    for (const o of await db.orders.bulkGet(orderKeys)) if (o) orders.set(o.key, o);
    const ids = new Set(pkgs.map((p) => p.id));
    const open = only
      ? (await db.alerts.where('packageId').anyOf([...ids]).toArray()).filter((a) => a.open === 1)
      : await db.alerts.where('open').equals(1).toArray();

    const ctxs = pkgs.map((pkg) => ({ pkg, order: pkg.orderKey ? (orders.get(pkg.orderKey) ?? null) : null, now, settings, timeZone, ui }));
    const drafts = new Map<string, AlertDraft[]>();
    const folded = new Map<string, EvaluateResult['superseded']>();
    for (const ctx of ctxs) {
      const { current, superseded, errors } = evaluateAlerts(ctx);
      for (const e of errors) console.error(`Porchlight: situation rule ${e.rule} failed on ${ctx.pkg.id}: ${e.message}`);
      drafts.set(ctx.pkg.id, current);
      folded.set(ctx.pkg.id, superseded);
    }
    // A cause that held before and ended: found by key, to be reopened rather than told again.
    const openKeys = new Set(open.map((a) => a.key));
    const again = [...[...drafts.values()].flat(), ...[...folded.values()].flat().map((f) => f.draft)]
      .filter((d) => !openKeys.has(d.key))
      .flatMap((d) => [d.key, ...(d.aliases ?? [])]);
    const prior = again.length ? (await db.alerts.bulkGet(again)).filter((a): a is Alert => Boolean(a)) : [];
    const stored = new Map<string, Alert[]>();
    for (const a of [...open, ...prior]) {
      if (!ids.has(a.packageId)) continue;
      const list = stored.get(a.packageId) ?? [];
      list.push(a);
      stored.set(a.packageId, list);
    }

    const write: Alert[] = [];
    const started: Alert[] = [];
    const ended: Alert[] = [];
    const firstSeen: string[] = [];
    for (const ctx of ctxs) {
      const first = ctx.pkg.evaluatedAt === null || ctx.pkg.evaluatedAt === undefined;
      const life = situationLifecycle(ctx, stored.get(ctx.pkg.id) ?? [], drafts.get(ctx.pkg.id) ?? [], first, folded.get(ctx.pkg.id) ?? []);
      write.push(...life.write);
      started.push(...life.started);
      ended.push(...life.ended);
      if (first) firstSeen.push(ctx.pkg.id);
    }
    if (write.length) await db.alerts.bulkPut(write);
    for (const id of firstSeen) await db.packages.update(id, { evaluatedAt: now });
    return { started, ended };
  });
}
