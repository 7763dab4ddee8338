import { afterEach, describe, expect, it } from 'vitest';
import { importBackup } from '../../../lib/backup/import-backup';
import { backupChunks } from '../../../lib/backup/write-backup';
import { tableCounts, wipeDatabase } from '../../../lib/db/backup-store';
import type { PorchlightDb } from '../../../lib/db/database';
import { parseSettings } from '../../../lib/settings';
import { chunked, collect, HOSTILE, seedWorld, WORLD_NOW } from './backup-world';

const DEFAULTS = parseSettings({});
const MINE = { ...DEFAULTS, amazonTracker: false, disabledProviders: ['ups'] };
const meta = (now: number, settings = MINE) => ({ now, appVersion: '0.1.0', settings });

let db: PorchlightDb | null = null;
afterEach(async () => {
  await db?.delete();
  db = null;
});

describe('JSON backup round trip (issue #12 "Done when")', () => {
  it('export → delete all → import → export is byte-identical apart from the export time', async () => {
    db = await seedWorld();
    const counts = await tableCounts(db);
    const first = await collect(backupChunks(db, meta(WORLD_NOW)));
    // Any JSON parser reads it as one document.
    const doc = JSON.parse(first);
    expect(doc.formatVersion).toBe(1);
    expect(doc.orders).toHaveLength(counts.orders);
    expect(doc.events).toHaveLength(counts.events);

    const removed = await wipeDatabase(db);
    expect(removed.packages).toBe(counts.packages);
    expect(await tableCounts(db)).toEqual({ orders: 0, packages: 0, events: 0, alerts: 0, notifications: 0 });

    const summary = await importBackup(db, chunked(first), DEFAULTS);
    expect(summary.tables.packages).toEqual({ added: counts.packages, updated: 0, unchanged: 0 });
    expect(summary.tables.events).toEqual({ added: counts.events, updated: 0, unchanged: 0 });
    // A wiped browser has default settings: the backup's come back.
    expect(summary.settings).toEqual(MINE);

    const later = WORLD_NOW + 86_400_000;
    const second = await collect(backupChunks(db, meta(later, summary.settings!)));
    expect(second).not.toBe(first);
    expect(second.replace(new Date(later).toISOString(), new Date(WORLD_NOW).toISOString())).toBe(first);
  });

  it('importing the same backup again adds nothing (the same event twice is one event)', async () => {
    db = await seedWorld();
    const text = await collect(backupChunks(db, meta(WORLD_NOW)));
    const before = await tableCounts(db);
    const summary = await importBackup(db, chunked(text, 50), MINE);
    expect(await tableCounts(db)).toEqual(before);
    for (const t of Object.values(summary.tables)) expect(t.added + t.updated).toBe(0);
    expect(summary.tables.events.unchanged).toBe(before.events);
    // The shopper's own settings are never replaced by a backup's.
    expect(summary.settings).toBeNull();
  });

  it('markup in text fields is kept as text, verbatim', async () => {
    db = await seedWorld();
    const text = await collect(backupChunks(db, meta(WORLD_NOW)));
    await wipeDatabase(db);
    await importBackup(db, chunked(text), DEFAULTS);
    expect((await db.events.toArray()).filter((e) => e.description === HOSTILE && e.location === HOSTILE)).toHaveLength(1);
    expect((await db.alerts.toArray())[0]!.title).toBe(HOSTILE);
    expect((await db.packages.toArray()).find((p) => p.label === HOSTILE)).toMatchObject({ archived: true, muted: true });
  });

  it('a pretty-printed copy of the same document (not the line layout) imports the same', async () => {
    db = await seedWorld();
    const text = await collect(backupChunks(db, meta(WORLD_NOW)));
    await wipeDatabase(db);
    await importBackup(db, chunked(JSON.stringify(JSON.parse(text), null, 2)), DEFAULTS);
    expect(await collect(backupChunks(db, meta(WORLD_NOW)))).toBe(text);
  });
});
