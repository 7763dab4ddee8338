import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type DiagnosticRecord, PorchlightDb } from '../../../lib/db/database';
import type { NotificationRecord } from '../../../lib/model/types';
import { DAY_MS, pruneCutoffs, RETENTION } from '../../../lib/retention-policy';
import { pruneStorage } from '../../../lib/services/prune-storage';

const NOW = Date.parse('2026-11-23T12:00:00Z');

describe('retention policy (pure)', () => {
  it('diagnostics and notification records are kept 30 days; the shopper history has no cutoff here at all', () => {
    expect(RETENTION).toEqual({ diagnosticsDays: 30, diagnosticsMax: 500, notificationsDays: 30, notificationsMax: 1000 });
    expect(pruneCutoffs(NOW)).toMatchObject({ diagnosticsBefore: NOW - 30 * DAY_MS, notificationsBefore: NOW - 30 * DAY_MS });
  });
});

describe('pruneStorage', () => {
  let db: PorchlightDb;
  beforeEach(() => {
    db = new PorchlightDb(`prune-${Math.random()}`);
  });
  afterEach(() => db.delete());

  const diag = (at: number, code = 'layout_changed'): DiagnosticRecord => ({
    at,
    shop: 'amazon',
    host: 'www.amazon.com',
    pageKind: 'order-history',
    code,
    message: 'm',
    layout: null,
    expected: null,
    found: null,
  });
  const note = (id: string, createdAt: number): NotificationRecord => ({ id, alertKeys: [], packageIds: ['p1'], title: 't', message: 'm', createdAt });

  it('deletes diagnostics and notification records older than 30 days and nothing of the history', async () => {
    await db.diagnostics.bulkAdd([diag(NOW - 31 * DAY_MS), diag(NOW - 29 * DAY_MS), diag(NOW)]);
    await db.notifications.bulkPut([note('old', NOW - 40 * DAY_MS), note('recent', NOW - DAY_MS)]);
    await db.packages.put({ id: 'p1', updatedAt: NOW - 400 * DAY_MS } as never);
    await db.orders.put({ key: 'amazon:1', updatedAt: NOW - 400 * DAY_MS } as never);
    await db.events.put({ key: 'e1', packageId: 'p1', time: '2025-01-01T00:00:00Z' } as never);

    expect(await pruneStorage(db, NOW)).toEqual({ diagnostics: 1, notifications: 1 });
    expect((await db.diagnostics.toArray()).map((d) => d.at)).toEqual([NOW - 29 * DAY_MS, NOW]);
    expect((await db.notifications.toArray()).map((n) => n.id)).toEqual(['recent']);
    expect(await db.packages.count()).toBe(1);
    expect(await db.orders.count()).toBe(1);
    expect(await db.events.count()).toBe(1);
  });

  it('keeps only the newest diagnostics beyond the cap', async () => {
    await db.diagnostics.bulkAdd(Array.from({ length: 12 }, (_, i) => diag(NOW - i * 60_000, `c${i}`)));
    const policy = { ...RETENTION, diagnosticsMax: 5 };
    expect(await pruneStorage(db, NOW, policy)).toEqual({ diagnostics: 7, notifications: 0 });
    expect((await db.diagnostics.orderBy('at').toArray()).map((d) => d.code)).toEqual(['c4', 'c3', 'c2', 'c1', 'c0']);
  });

  it('keeps only the newest notification records beyond the cap', async () => {
    await db.notifications.bulkPut(Array.from({ length: 6 }, (_, i) => note(`n${i}`, NOW - i * 1000)));
    expect(await pruneStorage(db, NOW, { ...RETENTION, notificationsMax: 2 })).toEqual({ diagnostics: 0, notifications: 4 });
    expect((await db.notifications.orderBy('createdAt').toArray()).map((n) => n.id)).toEqual(['n1', 'n0']);
  });

  it('is idempotent', async () => {
    await db.diagnostics.bulkAdd([diag(NOW - 31 * DAY_MS), diag(NOW)]);
    await pruneStorage(db, NOW);
    expect(await pruneStorage(db, NOW)).toEqual({ diagnostics: 0, notifications: 0 });
    expect(await db.diagnostics.count()).toBe(1);
  });
});
