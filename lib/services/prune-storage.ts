import type { PorchlightDb } from '../db/database';
import { pruneCutoffs, RETENTION, type RetentionPolicy } from '../retention-policy';

/**
 * Applies the retention policy (lib/retention-policy.ts) to the database: deletes diagnostics and
 * notification records past their age or count, in one transaction, and touches nothing else (orders,
 * packages, events and alerts are the shopper's history). Browser-free; the background calls it on
 * its prune alarm. Deleting needs no new space, so it also works when storage is full.
 */
export async function pruneStorage(
  db: PorchlightDb,
  now: number,
  policy: Readonly<RetentionPolicy> = RETENTION,
): Promise<{ diagnostics: number; notifications: number }> {
  const c = pruneCutoffs(now, policy);
  return db.transaction('rw', db.diagnostics, db.notifications, async () => {
    let diagnostics = await db.diagnostics.where('at').below(c.diagnosticsBefore).delete();
    const diagLeft = await db.diagnostics.count();
    if (diagLeft > c.diagnosticsMax) {
      // Oldest first by time, then by id: the newest `max` stay.
      const keys = await db.diagnostics.orderBy('at').limit(diagLeft - c.diagnosticsMax).primaryKeys();
      await db.diagnostics.bulkDelete(keys);
      diagnostics += keys.length;
    }
    let notifications = await db.notifications.where('createdAt').below(c.notificationsBefore).delete();
    const notesLeft = await db.notifications.count();
    if (notesLeft > c.notificationsMax) {
      const keys = await db.notifications.orderBy('createdAt').limit(notesLeft - c.notificationsMax).primaryKeys();
      await db.notifications.bulkDelete(keys);
      notifications += keys.length;
    }
    return { diagnostics, notifications };
  });
}
