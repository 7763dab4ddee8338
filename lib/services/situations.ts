import { evaluateAlerts, situationLifecycle } from '../alerts/evaluate';
import { alertSettings } from '../alerts/settings';
import type { AlertSettings } from '../alerts/types';
import type { PorchlightDb } from '../db/database';
import type { Alert, Order } from '../model/types';

export interface SituationDeps {
  db: PorchlightDb;
  now: number;
  timeZone: string;
  settings?: Partial<AlertSettings>;
}

/**
 * Evaluates the situation rules for the given packages (or every package) and stores what started
 * and what ended, in one transaction (issue #19 §7). Rules read package summaries only (the timeline
 * digest the merge keeps), so a round over 1,000 packages reads no events (§16). A package's first
 * evaluation is its first reading: what holds then is news only when it happened in the last 24 h.
 */
export async function evaluateSituations(deps: SituationDeps, only?: readonly string[]): Promise<{ started: Alert[]; ended: Alert[] }> {
  const { db, now, timeZone } = deps;
  const settings = alertSettings(deps.settings);
  return db.transaction('rw', db.packages, db.orders, db.alerts, async () => {
    const pkgs = only ? (await db.packages.bulkGet([...new Set(only)])).filter((p) => p !== undefined) : await db.packages.toArray();
    if (pkgs.length === 0) return { started: [], ended: [] };
    const orderKeys = [...new Set(pkgs.map((p) => p.orderKey).filter((k): k is string => Boolean(k)))];
    const orders = new Map<string, Order>();
    for (const o of await db.orders.bulkGet(orderKeys)) if (o) orders.set(o.key, o);
    const ids = new Set(pkgs.map((p) => p.id));
    const stored = only ? await db.alerts.where('packageId').anyOf([...ids]).toArray() : await db.alerts.toArray();
    const byPkg = new Map<string, Alert[]>();
    for (const a of stored) {
      if (!ids.has(a.packageId)) continue;
      const list = byPkg.get(a.packageId) ?? [];
      list.push(a);
      byPkg.set(a.packageId, list);
    }
    const write: Alert[] = [];
    const started: Alert[] = [];
    const ended: Alert[] = [];
    const firstSeen: string[] = [];
    for (const pkg of pkgs) {
      const ctx = { pkg, order: pkg.orderKey ? (orders.get(pkg.orderKey) ?? null) : null, now, settings, timeZone };
      const { current, errors } = evaluateAlerts(ctx);
      for (const e of errors) console.error(`Porchlight: situation rule ${e.rule} failed on ${pkg.id}: ${e.message}`);
      const first = pkg.evaluatedAt === null || pkg.evaluatedAt === undefined;
      const life = situationLifecycle(ctx, byPkg.get(pkg.id) ?? [], current, first);
      write.push(...life.write);
      started.push(...life.started);
      ended.push(...life.ended);
      if (first) firstSeen.push(pkg.id);
    }
    if (write.length) await db.alerts.bulkPut(write);
    for (const id of firstSeen) await db.packages.update(id, { evaluatedAt: now });
    return { started, ended };
  });
}
