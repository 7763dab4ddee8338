import type { Alert, NotificationRecord, Order, Package, TrackingEvent } from '../model/types';
import type { DiagnosticRecord, JobRecord, PorchlightDb } from './database';

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
  bulkGet: (db: PorchlightDb, keys: string[]) => db.orders.bulkGet(keys),
};

export const packages = {
  get: (db: PorchlightDb, id: string) => db.packages.get(id),
  all: (db: PorchlightDb) => db.packages.toArray(),
  bulkGet: async (db: PorchlightDb, ids: string[]) => (await db.packages.bulkGet(ids)).filter((p): p is Package => Boolean(p)),
  put: (db: PorchlightDb, pkg: Package) => db.packages.put(pkg),
  bulkPut: (db: PorchlightDb, list: Package[]) => db.packages.bulkPut(list),
  /** Packages known by this number: primary, hand-off, alternate or return label (issue #19 §15). */
  byNumber: (db: PorchlightDb, trackingNumber: string) =>
    db.packages.where('numberKeys').equals(trackingNumber.replace(/[\s-]+/g, '').toUpperCase()).toArray(),
  byOrder: (db: PorchlightDb, shop: string, orderId: string) =>
    db.packages.where('[shop+orderId]').equals([shop, orderId]).toArray(),
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
  /** Writes merged rows and removes the rows folded into them (call inside the merge's transaction). */
  async apply(db: PorchlightDb, put: TrackingEvent[], remove: string[]) {
    if (remove.length) await db.events.bulkDelete(remove);
    if (put.length) await db.events.bulkPut(put);
  },
  count: (db: PorchlightDb) => db.events.count(),
};

export const alerts = {
  forPackage: (db: PorchlightDb, packageId: string) => db.alerts.where('packageId').equals(packageId).toArray(),
  all: (db: PorchlightDb) => db.alerts.toArray(),
  /** Situations still going on (not ended), by the `open` index. */
  current: (db: PorchlightDb) => db.alerts.where('open').equals(1).toArray(),
  bulkGet: async (db: PorchlightDb, keys: string[]) => (await db.alerts.bulkGet(keys)).filter((a): a is Alert => Boolean(a)),
  bulkPut: (db: PorchlightDb, list: Alert[]) => db.alerts.bulkPut(list),
  get: (db: PorchlightDb, key: string) => db.alerts.get(key),
  update: (db: PorchlightDb, key: string, patch: Partial<Alert>) => db.alerts.update(key, patch),
};

export const notifications = {
  add: (db: PorchlightDb, rec: NotificationRecord) => db.notifications.put(rec),
  all: (db: PorchlightDb) => db.notifications.orderBy('createdAt').toArray(),
  get: (db: PorchlightDb, id: string) => db.notifications.get(id),
};

export const diagnostics = {
  add: (db: PorchlightDb, rec: DiagnosticRecord) => db.diagnostics.add(rec),
  recent: (db: PorchlightDb, limit = 50) => db.diagnostics.orderBy('at').reverse().limit(limit).toArray(),
  clear: (db: PorchlightDb) => db.diagnostics.clear(),
};

export const jobs = {
  all: (db: PorchlightDb) => db.jobs.toArray(),
  put: (db: PorchlightDb, job: JobRecord) => db.jobs.put(job),
  bulkPut: (db: PorchlightDb, list: JobRecord[]) => db.jobs.bulkPut(list),
  remove: (db: PorchlightDb, id: string) => db.jobs.delete(id),
  bulkRemove: (db: PorchlightDb, ids: string[]) => db.jobs.bulkDelete(ids),
  count: (db: PorchlightDb) => db.jobs.count(),
};

export const kv = {
  async get<T>(db: PorchlightDb, key: string): Promise<T | undefined> {
    return (await db.kv.get(key))?.value as T | undefined;
  },
  set: (db: PorchlightDb, key: string, value: unknown) => db.kv.put({ key, value }),
};
