/**
 * Issue #12 §5: settings travel with sync, the later change wins, and only the settings that mean the
 * same in every browser: not sync itself, not the switches whose hosts each browser grants, not providers.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { PorchlightDb } from '../../../lib/db/database';
import { createSync } from '../../../lib/platform/sync';
import { parseSettings, type Settings } from '../../../lib/settings';
import { storageSyncDouble } from '../../support/storage-sync-double';

let n = 0;
const dbs: PorchlightDb[] = [];
afterEach(() => dbs.splice(0).forEach((d) => d.close()));

function browserProfile(name: string, double: ReturnType<typeof storageSyncDouble>, clock: () => number) {
  const db = new PorchlightDb(`settings-sync-${name}-${++n}`);
  dbs.push(db);
  let settings: Settings = { ...parseSettings(undefined), sync: true };
  const none = async () => ({ ids: [] as string[] });
  const sync = createSync({
    db,
    area: double.profile(name),
    now: clock,
    loadSettings: async () => structuredClone(settings),
    saveSettings: async (s) => void (settings = structuredClone(s)),
    trackInput: none,
    updatePackage: none,
    markNotReceived: none,
    deletePackages: none,
  });
  return {
    sync,
    get: () => settings,
    set: (s: Settings) => void (settings = s),
  };
}

describe('settings through sync', () => {
  it('a threshold changed in one browser reaches the other; the permission-bound switches and sync itself stay per browser', async () => {
    let t = Date.parse('2026-12-03T09:00:00Z');
    const double = storageSyncDouble(() => t);
    const a = browserProfile('a', double, () => t);
    const b = browserProfile('b', double, () => t);
    await a.sync.run();
    await b.sync.run();
    t += 60_000;
    a.set({ ...a.get(), historyAfterDays: 9, amazonTracker: false, anySitePages: true, webmail: { gmail: true, outlook: false }, disabledProviders: ['ups'] });
    await a.sync.run();
    await b.sync.run();
    expect(b.get()).toMatchObject({ historyAfterDays: 9, amazonTracker: false, anySitePages: false, webmail: { gmail: false, outlook: false }, disabledProviders: [], sync: true });

    // Later, b changes it back: b's is the later change, so a takes it.
    t += 60_000;
    b.set({ ...b.get(), historyAfterDays: 4 });
    await b.sync.run();
    await a.sync.run();
    expect(a.get().historyAfterDays).toBe(4);
    expect(a.get().anySitePages).toBe(true);

    // Settled: one more run in each writes nothing.
    const writes = double.writes.length;
    await a.sync.run();
    await b.sync.run();
    expect(double.writes.length).toBe(writes);
  });

  it("a browser that turns sync on later takes the settings the others hold, rather than its defaults winning as the newer change", async () => {
    let t = Date.parse('2026-12-03T09:00:00Z');
    const double = storageSyncDouble(() => t);
    const a = browserProfile('a', double, () => t);
    a.set({ ...a.get(), historyAfterDays: 9 });
    await a.sync.run();
    // Hours later, a second browser with the default settings syncs for the first time.
    t += 3 * 3_600_000;
    const b = browserProfile('b', double, () => t);
    await b.sync.run();
    await a.sync.run();
    expect([a.get().historyAfterDays, b.get().historyAfterDays]).toEqual([9, 9]);
    const writes = double.writes.length;
    await b.sync.run();
    await a.sync.run();
    expect(double.writes.length).toBe(writes);
  });

  it('a number this browser cannot track is offered to it once, not at every run (no run starts another for ever)', async () => {
    const t = Date.parse('2026-12-03T09:00:00Z');
    const double = storageSyncDouble(() => t);
    await double.profile('other').set({ 'pl:v': 1, 'pl:p0': [['ZZ-NOT-A-PARCEL-1', null, null, 0, t, null, 0, 0, 0, null, 0]] });
    const db = new PorchlightDb(`settings-sync-refused-${++n}`);
    dbs.push(db);
    const offered: string[][] = [];
    const sync = createSync({
      db,
      area: double.profile('here'),
      now: () => t,
      loadSettings: async () => ({ ...parseSettings(undefined), sync: true }),
      saveSettings: async () => undefined,
      trackInput: async (numbers) => void offered.push(numbers.map((x) => x.number)),
      updatePackage: async () => undefined,
      markNotReceived: async () => undefined,
      deletePackages: async () => undefined,
    });
    for (let i = 0; i < 3; i++) await sync.run();
    expect(offered).toEqual([['ZZ-NOT-A-PARCEL-1']]);
    // It stays in the synced copy for the browsers that can track it.
    expect(JSON.stringify(double.snapshot())).toContain('ZZ-NOT-A-PARCEL-1');
  });
});
