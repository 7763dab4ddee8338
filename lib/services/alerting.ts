import { evaluateAlerts, newAlerts, toAlert } from '../alerts/evaluate';
import { alertSettings } from '../alerts/settings';
import type { AlertSettings } from '../alerts/types';
import type { PorchlightDb } from '../db/database';
import { alerts as alertsRepo } from '../db/repositories';
import { isTerminal } from '../model/status';
import type { Alert, Package } from '../model/types';

export interface AlertingDeps {
  db: PorchlightDb;
  now: number;
  timeZone: string;
  settings?: Partial<AlertSettings>;
}

/**
 * Runs every alert rule for the given packages (or every package still worth watching) and stores
 * the alerts not raised before, in one transaction. Returns only the new ones: an alert key is raised
 * once, so re-evaluating the same situation never repeats an alert.
 */
export async function raiseAlerts(deps: AlertingDeps, only?: Package[]): Promise<Alert[]> {
  const { db, now, timeZone } = deps;
  const settings = alertSettings(deps.settings);
  return db.transaction('rw', db.packages, db.events, db.orders, db.alerts, async () => {
    const list =
      only ??
      (await db.packages.toArray()).filter(
        // Finished parcels keep being evaluated for two days (delivered news, late return scans).
        (p) => !p.archived && (!isTerminal(p.status) || now - p.lastChangeAt < 2 * 86_400_000),
      );
    const fresh: Alert[] = [];
    for (const pkg of list) {
      const [events, order, stored] = await Promise.all([
        db.events.where('packageId').equals(pkg.id).toArray(),
        pkg.orderKey ? db.orders.get(pkg.orderKey) : Promise.resolve(undefined),
        alertsRepo.forPackage(db, pkg.id),
      ]);
      const { alerts: drafts, errors } = evaluateAlerts({ pkg, events, order: order ?? null, now, settings, timeZone });
      for (const e of errors) console.error(`Porchlight: alert rule ${e.rule} failed on ${pkg.id}: ${e.message}`);
      const created = newAlerts(
        drafts,
        stored.map((a) => a.key),
      ).map((d) => ({ ...toAlert(d, now), since: d.since, details: { ...d.details } }));
      fresh.push(...(await alertsRepo.addNew(db, created)));
    }
    return fresh;
  });
}
