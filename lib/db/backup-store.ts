/**
 * The database side of export, import and "Delete all data" (issue #12): pages of rows in key order
 * (an export never holds a whole table), one transaction for a whole import, one for a wipe.
 */
import Dexie from 'dexie';
import type { Alert, NotificationRecord, Order, Package, TrackingEvent } from '../model/types';
import type { PorchlightDb } from './database';

export interface BackupRows {
  orders: Order;
  packages: Package;
  events: TrackingEvent;
  alerts: Alert;
  notifications: NotificationRecord;
}
export type BackupTableName = keyof BackupRows;

/** Each table's primary key field. */
export const PRIMARY_KEY: { [T in BackupTableName]: keyof BackupRows[T] & string } = {
  orders: 'key',
  packages: 'id',
  events: 'key',
  alerts: 'key',
  notifications: 'id',
};

/** Rows of `table` in primary-key order, `pageSize` at a time (a stable order: the same data exports the same bytes). */
export async function* rowsInKeyOrder<T extends BackupTableName>(db: PorchlightDb, table: T, pageSize = 1_000): AsyncGenerator<BackupRows[T][]> {
  const t = db.table<BackupRows[T], string>(table);
  let after: string | null = null;
  for (;;) {
    const page: BackupRows[T][] = await (after === null ? t.orderBy(':id') : t.where(':id').above(after)).limit(pageSize).toArray();
    if (page.length === 0) return;
    yield page;
    if (page.length < pageSize) return;
    after = String(page[page.length - 1]![PRIMARY_KEY[table]]);
  }
}

export async function tableCounts(db: PorchlightDb): Promise<Record<BackupTableName, number>> {
  return {
    orders: await db.orders.count(),
    packages: await db.packages.count(),
    events: await db.events.count(),
    alerts: await db.alerts.count(),
    notifications: await db.notifications.count(),
  };
}

/**
 * Runs a whole import in one read-write transaction over the backup's tables: it commits all or
 * nothing. `wait` keeps the transaction open across awaits that are not database requests (reading
 * the next piece of the file), which would otherwise let IndexedDB commit it early.
 */
export function inImportTransaction<R>(db: PorchlightDb, fn: (wait: <V>(p: Promise<V>) => Promise<V>) => Promise<R>): Promise<R> {
  return db.transaction('rw', [db.orders, db.packages, db.events, db.alerts, db.notifications], () => fn((p) => Dexie.waitFor(p)));
}

// These two return Dexie's own promise (not an async function's): awaited inside the import's
// transaction, a native promise would lose Dexie's transaction zone and the transaction would commit early.
export function existingRows<T extends BackupTableName>(db: PorchlightDb, table: T, keys: string[]): Promise<(BackupRows[T] | undefined)[]> {
  return db.table<BackupRows[T], string>(table).bulkGet(keys);
}

export function putRows<T extends BackupTableName>(db: PorchlightDb, table: T, rows: BackupRows[T][]): Promise<unknown> {
  return db.table<BackupRows[T], string>(table).bulkPut(rows);
}

/** "Delete all data": every table emptied in one transaction; returns how many rows each held. */
export async function wipeDatabase(db: PorchlightDb): Promise<Record<string, number>> {
  return db.transaction('rw', db.tables, async () => {
    const removed: Record<string, number> = {};
    for (const t of db.tables) {
      removed[t.name] = await t.count();
      await t.clear();
    }
    return removed;
  });
}

/**
 * The events of a page of packages, `ids` sorted as {@link rowsInKeyOrder} gives them: one range scan
 * of the packageId index from the first id to the last (an `anyOf` of hundreds of keys is a cursor
 * jump per key, quadratic in fake-indexeddb), keeping only these packages' rows.
 */
export async function eventsOfPackages(db: PorchlightDb, ids: string[]): Promise<TrackingEvent[]> {
  if (!ids.length) return [];
  const wanted = new Set(ids);
  const rows = await db.events.where('packageId').between(ids[0]!, ids[ids.length - 1]!, true, true).toArray();
  return rows.filter((e) => wanted.has(e.packageId));
}

export async function ordersByKey(db: PorchlightDb, keys: string[]): Promise<Map<string, Order>> {
  const unique = [...new Set(keys)];
  const found = await db.orders.bulkGet(unique);
  return new Map(found.filter((o): o is Order => Boolean(o)).map((o) => [o.key, o]));
}

/** The most recently updated packages, newest first (the claim kit's choice list). */
export function recentPackages(db: PorchlightDb, limit: number): Promise<Package[]> {
  return db.packages.orderBy('updatedAt').reverse().limit(limit).toArray();
}

/** One package with its order, events and alerts (the claim kit), read in one transaction. */
export function packageRecord(db: PorchlightDb, id: string): Promise<{ pkg: Package; order: Order | null; events: TrackingEvent[]; alerts: Alert[] } | null> {
  return db.transaction('r', [db.packages, db.orders, db.events, db.alerts], async () => {
    const pkg = await db.packages.get(id);
    if (!pkg) return null;
    const order = pkg.orderKey ? ((await db.orders.get(pkg.orderKey)) ?? null) : null;
    return { pkg, order, events: await db.events.where('packageId').equals(id).toArray(), alerts: await db.alerts.where('packageId').equals(id).toArray() };
  });
}
