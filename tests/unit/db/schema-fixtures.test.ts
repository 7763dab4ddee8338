/**
 * Issue #17 point 2: a fixture database for every schema version that ever shipped
 * (tests/fixtures/db/schema-vN.json, written by that version's own background app) opens under today's
 * `PorchlightDb` with every row intact and valid; and the test fails when the schema changes without a
 * new fixture (a new `version(n)`, or a released version's stores edited in place).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import Dexie from 'dexie';
import { afterEach, describe, expect, it } from 'vitest';
import { PorchlightDb } from '../../../lib/db/database';
import { invalidRows } from '../../support/invalid-rows';

interface DbFixture {
  _about: string;
  _writtenBy: string;
  version: number;
  stores: Record<string, string>;
  tables: Record<string, Record<string, unknown>[]>;
}

const DIR = join(__dirname, '../../fixtures/db');
const FIXTURES: DbFixture[] = readdirSync(DIR)
  .filter((f) => /^schema-v\d+\.json$/.test(f))
  .map((f) => JSON.parse(readFileSync(join(DIR, f), 'utf8')) as DbFixture)
  .sort((a, b) => a.version - b.version);

/**
 * Rows an upgrade moves elsewhere on purpose, by the version they were written at (each moved row is
 * checked where it went, below).
 */
const MOVED: Record<number, Record<string, string[]>> = {
  // Schema 2: the Amazon tracker's sign-in backoff moved into kv 'providerHolds'.
  1: { kv: ['amazonTracker.blockedUntil', 'amazonTracker.backoffStep'] },
};

const primaryKey = (db: Dexie, table: string) => db.table(table).schema.primKey.keyPath as string;

/** Today's stores as Dexie parsed them, in the spec syntax the fixtures record. */
function liveStores(db: Dexie): Record<string, string> {
  const out: Record<string, string> = {};
  for (const t of db.tables) out[t.name] = [t.schema.primKey.src, ...t.schema.indexes.map((i) => i.src)].join(', ');
  return out;
}

async function writeAt(name: string, f: DbFixture): Promise<void> {
  const old = new Dexie(name);
  old.version(f.version).stores(f.stores);
  await old.open();
  await old.transaction('rw', old.tables, async () => {
    for (const [table, rows] of Object.entries(f.tables)) await old.table(table).bulkAdd(rows);
  });
  old.close();
}

describe('database fixtures: every shipped schema version upgrades to today', () => {
  let db: PorchlightDb | null = null;
  afterEach(async () => {
    await db?.delete();
    db = null;
  });

  it('there is a fixture for every version up to the current one, and the newest records today’s stores', async () => {
    db = new PorchlightDb(`fixtures-${Math.random()}`);
    await db.open();
    const current = db.verno;
    const have = FIXTURES.map((f) => f.version);
    const want = Array.from({ length: current }, (_, i) => i + 1);
    expect(have, `schema ${current} needs tests/fixtures/db/schema-v${current}.json (recipe: tests/fixtures/db/README.md)`).toEqual(want);
    const newest = FIXTURES.at(-1)!;
    // Editing a released version's stores in place (instead of adding a version) fails here.
    expect(liveStores(db), `stores changed without a new version and fixture (tests/fixtures/db/README.md)`).toEqual(newest.stores);
    for (const f of FIXTURES) {
      expect(f._writtenBy, `schema-v${f.version}.json says which commit wrote it`).toMatch(/^[0-9a-f]{7,40}\b/);
      expect(Object.values(f.tables).flat().length, `schema-v${f.version}.json holds rows`).toBeGreaterThan(20);
    }
  });

  it.each(FIXTURES.map((f) => [f.version, f] as const))('schema %i: every row kept, unchanged apart from what the upgrade adds, and valid', async (version, f) => {
    const name = `fixture-v${version}-${Math.random()}`;
    await writeAt(name, f);
    db = new PorchlightDb(name, 'America/Chicago');
    await db.open();
    const moved = MOVED[version] ?? {};
    let checked = 0;
    for (const [table, rows] of Object.entries(f.tables)) {
      const key = primaryKey(db, table);
      const kept = rows.filter((r) => !(moved[table] ?? []).includes(String(r[key])));
      const after = await db.table(table).toArray();
      for (const row of kept) {
        const now = after.find((r: Record<string, unknown>) => r[key] === row[key]);
        expect(now, `${table} ${String(row[key])} is still there`).toBeDefined();
        // Every field it had keeps its value (an upgrade adds fields; it never rewrites history).
        expect(now, `${table} ${String(row[key])}`).toMatchObject(row);
        checked++;
      }
      for (const k of moved[table] ?? []) expect(await db.table(table).get(k)).toBeUndefined();
    }
    expect(checked).toBe(Object.values(f.tables).flat().length - Object.values(moved).flat().length);
    // What an upgrade moved arrived where it belongs.
    if (moved.kv?.includes('amazonTracker.blockedUntil')) {
      const until = f.tables.kv!.find((r) => r.key === 'amazonTracker.blockedUntil')!.value;
      expect((await db.kv.get('providerHolds'))?.value).toMatchObject({ 'amazon-tracker': { until, reason: 'auth', step: 2 } });
    }
    // Every row of today's record kinds is valid for today's schemas (what the popup, export and engine read).
    const invalid = await invalidRows(db);
    expect(invalid).toEqual([]);
    // Upgraded packages are found by number through today's index.
    for (const p of await db.packages.toArray()) {
      if (p.trackingNumber) expect(await db.packages.where('numberKeys').equals(p.trackingNumber).count()).toBeGreaterThan(0);
    }
  });
});
