import type { Alert, NotificationRecord, Order, Package, TrackingEvent } from '../model/types';
import type { DiagnosticRecord, PorchlightDb } from './database';

/**
 * Repositories: the only way into the database. Each takes the database so tests can pass an
 * in-memory one (fake-indexeddb). Methods that belong together run in one transaction (callers use
 * {@link inTransaction}).
 */

export function inTransaction<T>(db: PorchlightDb, fn: () => Promise<T>): Promise<T> {
  return db.transaction('rw', [db.orders, db.packages, db.events, db.alerts, db.notifications, db.jobs, db.kv], fn);
}

export const orders = {
  get: (db: PorchlightDb, key: string) => db.orders.get(key),
  put: (db: PorchlightDb, order: Order) => db.orders.put(order),
  all: (db: PorchlightDb) => db.orders.toArray(),
};

export const packages = {
  get: (db: PorchlightDb, id: string) => db.packages.get(id),
  all: (db: PorchlightDb) => db.packages.toArray(),
  put: (db: PorchlightDb, pkg: Package) => db.packages.put(pkg),
  bulkPut: (db: PorchlightDb, list: Package[]) => db.packages.bulkPut(list),
  byTrackingNumber: (db: PorchlightDb, trackingNumber: string) =>
    db.packages.where('trackingNumber').equals(trackingNumber.toUpperCase()).toArray(),
  byOrder: (db: PorchlightDb, shop: string, orderId: string) =>
    db.packages.where('[shop+orderId]').equals([shop, orderId]).toArray(),
  /** Packages whose next check is due at `now` (null = never). */
  due: (db: PorchlightDb, now: number) => db.packages.where('nextCheckAt').belowOrEqual(now).toArray(),
  /** The earliest planned check, for the next alarm. */
  async nextCheckAt(db: PorchlightDb): Promise<number | null> {
    const first = await db.packages.orderBy('nextCheckAt').first();
    return first?.nextCheckAt ?? null;
  },
  update: (db: PorchlightDb, id: string, patch: Partial<Package>) => db.packages.update(id, patch),
  async remove(db: PorchlightDb, id: string) {
    await db.transaction('rw', db.packages, db.events, db.alerts, async () => {
      await db.events.where('packageId').equals(id).delete();
      await db.alerts.where('packageId').equals(id).delete();
      await db.packages.delete(id);
    });
  },
};

export const events = {
  forPackage: (db: PorchlightDb, packageId: string) => db.events.where('packageId').equals(packageId).toArray(),
  /** Idempotent: events are keyed by their stable key, so writing the same event twice keeps one row. */
  putAll: (db: PorchlightDb, list: TrackingEvent[]) => db.events.bulkPut(list),
  count: (db: PorchlightDb) => db.events.count(),
};

export const alerts = {
  forPackage: (db: PorchlightDb, packageId: string) => db.alerts.where('packageId').equals(packageId).toArray(),
  all: (db: PorchlightDb) => db.alerts.toArray(),
  /** Adds alerts not seen before; returns only the new ones (an alert key is raised once). */
  async addNew(db: PorchlightDb, list: Alert[]): Promise<Alert[]> {
    if (list.length === 0) return [];
    const existing = await db.alerts.bulkGet(list.map((a) => a.key));
    const fresh = list.filter((_, i) => !existing[i]);
    if (fresh.length) await db.alerts.bulkAdd(fresh);
    return fresh;
  },
  markNotified: (db: PorchlightDb, keys: string[], at: number) =>
    db.alerts.where('key').anyOf(keys).modify({ notifiedAt: at }),
};

export const notifications = {
  add: (db: PorchlightDb, rec: NotificationRecord) => db.notifications.put(rec),
  all: (db: PorchlightDb) => db.notifications.orderBy('createdAt').toArray(),
};

export const diagnostics = {
  add: (db: PorchlightDb, rec: DiagnosticRecord) => db.diagnostics.add(rec),
  recent: (db: PorchlightDb, limit = 50) => db.diagnostics.orderBy('at').reverse().limit(limit).toArray(),
  clear: (db: PorchlightDb) => db.diagnostics.clear(),
};

export const kv = {
  async get<T>(db: PorchlightDb, key: string): Promise<T | undefined> {
    return (await db.kv.get(key))?.value as T | undefined;
  },
  set: (db: PorchlightDb, key: string, value: unknown) => db.kv.put({ key, value }),
};
