// @vitest-environment node
/**
 * Issue #12 §5, "Done when": two profiles, each with its own database and background, share one
 * storage.sync (a double with Chrome's quotas, tests/support/storage-sync-double.ts). A number added in
 * one arrives in the other; a label, archive and "not received" follow; a deletion travels as a
 * tombstone; carrier keys never reach storage.sync; a run with nothing new writes nothing.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { PorchlightDb } from '../../lib/db/database';
import { packages as packagesRepo, kv } from '../../lib/db/repositories';
import { type BackgroundApp, createBackgroundApp } from '../../lib/platform/background-app';
import { SYNC_STATUS_KEY, type SyncStatus } from '../../lib/platform/sync';
import { parseSettings } from '../../lib/settings';
import type { PageReading } from '../../lib/shops/types';
import { type SyncDouble, storageSyncDouble } from '../support/storage-sync-double';
import { EN } from '../support/i18n';

const UPS = '1Z999AA10123456784';
const USPS = '9361289878700317633795';
const UPS_KEY = { clientId: 'ups-client-id-0123456789', clientSecret: 'ups-secret-do-not-sync-9876543210' };

let n = 0;

function deliveredPage(now: number): PageReading {
  return {
    kind: 'order-details',
    shop: 'amazon',
    url: 'https://www.amazon.com/gp/your-account/order-details?orderID=112-0000000-0000001',
    readAt: now,
    diagnostics: [],
    orders: [
      {
        orderId: '112-0000000-0000001',
        placedAt: '2026-11-28',
        total: '$12.00',
        status: 'open',
        kind: 'physical',
        orderUrl: null,
        items: [{ title: 'Garden gloves', quantity: 1, seller: null, url: null }],
        shipments: [
          {
            shipmentId: 'S1',
            statusText: 'Delivered today',
            status: 'delivered',
            eta: null,
            deliveredAt: new Date(now - 3_600_000).toISOString(),
            trackingNumber: UPS,
            carrier: 'ups',
            trackUrl: null,
            items: [],
          },
        ],
      },
    ],
  };
}
interface Profile {
  db: PorchlightDb;
  app: BackgroundApp;
}

describe('sync across two profiles through a storage.sync double (issue #12 §5)', () => {
  let clock: number;
  let double: SyncDouble;
  let a: Profile;
  let b: Profile;
  const profiles: Profile[] = [];

  const profile = (name: string): Profile => {
    const db = new PorchlightDb(`sync-${name}-${++n}`);
    // No network: nothing here may leave the test (no key is configured, so nothing tries).
    const app = createBackgroundApp(db, { ui: () => EN, now: () => clock, timeZone: 'UTC', syncArea: double.profile(name), fetch: () => Promise.reject(new TypeError('offline')) });
    const p = { db, app };
    profiles.push(p);
    return p;
  };
  const numbersIn = async (p: Profile) => (await packagesRepo.all(p.db)).map((x) => x.trackingNumber).sort();
  /** What registerListeners does on storage.onChanged for area "sync": the other profile runs at once. */
  const deliver = async () => {
    for (let i = 0; i < 4; i++) {
      await a.app.syncNow();
      await b.app.syncNow();
    }
  };

  beforeEach(async () => {
    fakeBrowser.reset();
    clock = Date.parse('2026-12-03T09:00:00Z');
    double = storageSyncDouble(() => clock);
    // Both profiles see the same local settings here (one fake browser): sync is on in both, as the
    // shopper turned it on in each; the credentials exist only as local storage.
    await fakeBrowser.storage.local.set({ settings: { ...parseSettings(undefined), sync: true }, credentials: { ups: UPS_KEY } });
    a = profile('a');
    b = profile('b');
  });
  afterEach(async () => {
    // A run still scheduled finds sync off and touches nothing.
    await fakeBrowser.storage.local.set({ settings: parseSettings(undefined) });
    for (const p of profiles.splice(0)) {
      await p.app.idle();
      p.db.close();
    }
  });

  it('a number added in one profile arrives in the other, with its carrier', async () => {
    await a.app.trackInput([{ number: UPS, carrier: 'ups' }]);
    expect(await numbersIn(b)).toEqual([]);
    await a.app.syncNow();
    expect(double.writes.map((w) => w.writer)).toEqual(['a']);
    await b.app.syncNow();
    const arrived = await packagesRepo.all(b.db);
    expect(arrived.map((p) => [p.trackingNumber, p.carrier])).toEqual([[UPS, 'ups']]);
    // Settled: neither profile has anything new to write.
    const writes = double.writes.length;
    await deliver();
    expect(double.writes.length).toBe(writes);
  });

  it('the change is written on its own a moment after it happens (the debounced push), not only when asked', async () => {
    await a.app.trackInput([{ number: USPS, carrier: 'usps' }]);
    const deadline = Date.now() + 10_000;
    while (double.writes.length === 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
    expect(double.writes[0]?.writer).toBe('a');
  });

  it('a deletion is written on its own a moment after it happens, like any change', async () => {
    await a.app.trackInput([{ number: USPS, carrier: 'usps' }]);
    await a.app.syncNow();
    const before = double.writes.length;
    await a.app.deletePackages([(await packagesRepo.all(a.db))[0]!.id]);
    const deadline = Date.now() + 10_000;
    while (double.writes.length === before && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
    expect(JSON.stringify(double.snapshot()['pl:d0'])).toContain(USPS);
  });

  it('label, archive and mute follow, each field by its own latest change (a label here and a mute there both stay)', async () => {
    await a.app.trackInput([{ number: UPS, carrier: 'ups' }]);
    await deliver();
    const idA = (await packagesRepo.all(a.db))[0]!.id;
    const idB = (await packagesRepo.all(b.db))[0]!.id;
    clock += 60_000;
    await a.app.updatePackage(idA, { label: 'Birthday present', archived: true });
    clock += 60_000;
    await b.app.updatePackage(idB, { muted: true });
    await deliver();
    for (const p of [a, b]) {
      const pkg = (await packagesRepo.all(p.db))[0]!;
      expect([pkg.label, pkg.archived, pkg.muted]).toEqual(['Birthday present', true, true]);
    }
  });

  it('"not received" on a delivered parcel follows, with the time the shopper said it', async () => {
    // Each profile learns "delivered" from its own sources (events never sync): here the same Amazon page.
    for (const p of [a, b]) await p.app.ingest(deliveredPage(clock));
    await deliver();
    clock += 3_600_000;
    const said = clock;
    const idA = (await packagesRepo.all(a.db))[0]!.id;
    await a.app.markNotReceived(idA);
    clock += 60_000;
    await deliver();
    for (const p of [a, b]) {
      const pkg = (await packagesRepo.all(p.db)).find((x) => x.trackingNumber === UPS)!;
      expect([pkg.status, pkg.timeline.notReceivedAt]).toEqual(['delivered', said]);
    }
  });

  it('a deletion in one profile takes the parcel out of the other (a tombstone), and an undo brings it back in both', async () => {
    await a.app.trackInput([{ number: UPS, carrier: 'ups' }, { number: USPS, carrier: 'usps' }]);
    await deliver();
    expect(await numbersIn(b)).toEqual([UPS, USPS].sort());
    clock += 60_000;
    const upsInB = (await packagesRepo.all(b.db)).find((p) => p.trackingNumber === UPS)!;
    const removed = await b.app.deletePackages([upsInB.id]);
    await deliver();
    expect(await numbersIn(a)).toEqual([USPS]);
    expect(await numbersIn(b)).toEqual([USPS]);
    clock += 60_000;
    await b.app.restorePackages(removed);
    await deliver();
    expect(await numbersIn(a)).toEqual([UPS, USPS].sort());
  });

  it("a shop's title travels where no label was typed", async () => {
    await a.app.ingest(deliveredPage(clock));
    await deliver();
    expect((await packagesRepo.all(b.db)).map((p) => p.label)).toEqual(['Garden gloves']);
    expect(JSON.stringify(double.snapshot())).toContain('Garden gloves');
  });

  it('a label typed in one browser stays when another meets the parcel later on its own (its first sight of the title is newer, not a choice)', async () => {
    await a.app.ingest(deliveredPage(clock));
    clock += 60_000;
    await a.app.updatePackage((await packagesRepo.all(a.db))[0]!.id, { label: 'For Sam' });
    await a.app.syncNow();
    // b has not run since; it reads the shop's page itself, a minute after the label was typed.
    clock += 60_000;
    await b.app.ingest(deliveredPage(clock));
    await deliver();
    for (const p of [a, b]) expect((await packagesRepo.all(p.db)).map((x) => x.label)).toEqual(['For Sam']);
  });

  it('a deletion too old to travel any more is forgotten alike everywhere: a browser that kept the parcel brings it back, and the two settle', async () => {
    await a.app.trackInput([{ number: UPS, carrier: 'ups' }, { number: USPS, carrier: 'usps' }]);
    await deliver();
    const upsInA = (await packagesRepo.all(a.db)).find((p) => p.trackingNumber === UPS)!;
    // a deletes; b is away (its runs never happen) for 61 days; meanwhile a writes again, past the 60 days.
    await a.app.deletePackages([upsInA.id]);
    await a.app.syncNow();
    clock += 61 * 86_400_000;
    const uspsInA = (await packagesRepo.all(a.db)).find((p) => p.trackingNumber === USPS)!;
    await a.app.updatePackage(uspsInA.id, { muted: true });
    await a.app.syncNow();
    // b comes back with its copy of the parcel: one round brings it back to a, then nothing more is written.
    await deliver();
    const settled = double.writes.length;
    await deliver();
    expect(double.writes.length).toBe(settled);
    expect(await numbersIn(a)).toEqual(await numbersIn(b));
  });

  it("a change the shopper makes while a run is under way is not undone by that run (the run's older time loses)", async () => {
    await a.app.trackInput([{ number: UPS, carrier: 'ups' }]);
    await deliver();
    const id = (await packagesRepo.all(a.db))[0]!.id;
    const runStarted = clock;
    clock += 1_000;
    await a.app.updatePackage(id, { archived: true, label: 'Mine' });
    // What a run that read the state before that change would apply: the older values, at their older time.
    await a.app.updatePackage(id, { archived: false, label: 'Theirs' }, runStarted);
    await a.app.deletePackages([id], runStarted);
    expect((await packagesRepo.all(a.db)).map((p) => [p.archived, p.label])).toEqual([[true, 'Mine']]);
  });

  it('a parcel whose stored changes lack a time (written by an older version) is still deleted when the shopper deletes it', async () => {
    await a.app.trackInput([{ number: UPS, carrier: 'ups' }]);
    const pkg = (await packagesRepo.all(a.db))[0]!;
    await packagesRepo.put(a.db, { ...pkg, userChanges: { at: undefined, label: undefined } });
    await a.app.deletePackages([pkg.id]);
    expect(await numbersIn(a)).toEqual([]);
  });

  it('a storage.sync that cannot be read is said in the status, not thrown away', async () => {
    const broken = createBackgroundApp(new PorchlightDb(`sync-broken-${++n}`), {
      ui: () => EN,
      now: () => clock,
      timeZone: 'UTC',
      syncArea: { get: () => Promise.reject(new Error('Sync is paused: sign in to the browser again')), set: () => Promise.resolve(), remove: () => Promise.resolve() },
      fetch: () => Promise.reject(new TypeError('offline')),
    });
    const status = await broken.syncNow();
    expect(status).toMatchObject({ error: 'Sync is paused: sign in to the browser again' });
    await broken.idle().catch(() => undefined);
  });

  it('carrier keys never reach storage.sync, nor do the permission-bound switches', async () => {
    await a.app.trackInput([{ number: UPS, carrier: 'ups' }]);
    await a.app.syncNow();
    const held = JSON.stringify(double.snapshot());
    expect(held).toContain(UPS);
    for (const secret of Object.values(UPS_KEY)) expect(held).not.toContain(secret);
    for (const local of ['webmail', 'carrierPages', 'anySitePages', 'shopPages', 'disabledProviders', '"sync"']) expect(held).not.toContain(local);
    expect(double.bytesInUse()).toBeLessThan(2_000);
  });

  it('the status the options page shows: parcels synced, none left out, no error', async () => {
    await a.app.trackInput([{ number: UPS, carrier: 'ups' }, { number: USPS, carrier: 'usps' }]);
    await a.app.syncNow();
    expect(await kv.get<SyncStatus>(a.db, SYNC_STATUS_KEY)).toMatchObject({ synced: 2, left: 0, error: null, problems: [] });
  });

  it('sync off: nothing is read or written', async () => {
    await fakeBrowser.storage.local.set({ settings: parseSettings(undefined) });
    await a.app.trackInput([{ number: UPS, carrier: 'ups' }]);
    expect(await a.app.syncNow()).toBeNull();
    expect(double.snapshot()).toEqual({});
  });
});
