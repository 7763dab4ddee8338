// @vitest-environment node
/**
 * The popup's data path (issue #13 §3): the background builds the list, the box's offers and one
 * package's view from its database (the popup opens none), pages long groups (§4), announces each
 * write on the channel open popups listen on so they ask again, and checks every link the popup
 * opens against the URL policy when it is clicked.
 */
import Dexie from 'dexie';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { DATA_CHANGED_CHANNEL } from '../../lib/db/data-changed';
import { getDb, onDataChanged, PorchlightDb } from '../../lib/db/database';
import { blankPackage } from '../../lib/engine/merge';
import { type BackgroundApp, createBackgroundApp, registerListeners } from '../../lib/platform/background-app';
import type { PopupViewRequest } from '../../lib/services/popup-view';
import { ROWS_PER_PAGE } from '../../lib/view/rows-per-page';
import { EN } from '../support/i18n';

const NOW = Date.parse('2026-11-23T15:00:00Z');
const UPS = '1Z999AA10123456784';
const list = (over: Partial<PopupViewRequest> = {}): PopupViewRequest => ({ view: 'list', query: '', choices: {}, pages: {}, locales: ['en-US'], ...over });

describe('the popup view, built in the background (issue #13 §3)', () => {
  let db: PorchlightDb;
  let app: BackgroundApp;
  let unregister: () => void;

  beforeEach(async () => {
    fakeBrowser.reset();
    await fakeBrowser.storage.local.set({ settings: { notifications: { quietHours: null } } });
    db = new PorchlightDb(`popup-view-${Math.random()}`);
    app = createBackgroundApp(db, { now: () => NOW, timeZone: 'America/Chicago', ui: () => EN, fetch: () => Promise.reject(new Error('offline')), clients: [] });
    unregister = registerListeners(app, db);
  });
  afterEach(async () => {
    await app.idle();
    unregister();
    await db.delete();
  });

  it('the list, the box offers and reasons, through the popup messages', async () => {
    // The handlers registerListeners puts behind the popupView / packageView messages (WXT's fake
    // browser answers a message with its first listener's reply, so the map is not driven here; the
    // E2E tier sends them from the real popup).
    const first = await app.popupView(list());
    expect(first.model.shown).toBe(0);
    expect(first.ordersLinks[0]!.label).toBe('Your orders on Amazon.com');
    await app.trackInput([{ number: UPS, carrier: 'ups' }]);
    const after = await app.popupView(list());
    expect(after.model.groups.flatMap((g) => g.packages.map((p) => p.id))).toEqual([`ups:${UPS}`]);
    // Nobody can refresh it (no clients): the row says so, from the background's source status.
    expect(after.model.groups[0]!.packages[0]!.noSource?.text).toContain('Porchlight');
    // The box: a tracked number offers to open its package; junk gets its reason; a new one its carrier.
    const known = await app.popupView(list({ query: UPS }));
    expect(known.offers.map((o) => o.knownId)).toEqual([`ups:${UPS}`]);
    expect(known.model.shown).toBe(1);
    const junk = await app.popupView(list({ query: '1Z999AA10123456785' }));
    expect(junk.reasons.join(' ')).toContain('check digit does not match');
    expect(junk.offers).toEqual([]);
    const other = await app.popupView(list({ query: 'no such parcel' }));
    expect(other.model.noMatch).toBe(true);
  });

  it('one package view with its details; null once it is deleted', async () => {
    await app.trackInput([{ number: UPS, carrier: 'ups' }]);
    const v = await app.packageView(`ups:${UPS}`);
    expect(v!.row.id).toBe(`ups:${UPS}`);
    expect(v!.details.tracking?.number).toBe(UPS);
    await app.deletePackages([`ups:${UPS}`]);
    expect(await app.packageView(`ups:${UPS}`)).toBeNull();
  });

  it('a write is announced on the channel, once for several, and the next view sees it', async () => {
    // The extension's own database (getDb): it announces its writes; the app here works on it,
    // in place of the one beforeEach wired.
    unregister();
    unregister = () => undefined;
    const shared = getDb();
    const live = createBackgroundApp(shared, { now: () => NOW, timeZone: 'America/Chicago', ui: () => EN, fetch: () => Promise.reject(new Error('offline')), clients: [] });
    const off = registerListeners(live, shared);
    const heard: unknown[] = [];
    const channel = new BroadcastChannel(DATA_CHANGED_CHANNEL);
    channel.onmessage = (e: MessageEvent) => void heard.push(e.data);
    try {
      await live.trackInput([{ number: UPS, carrier: 'ups' }]);
      await live.idle();
      expect((await live.popupView(list())).model.counts).toMatchObject({ list: 1, archived: 0 });
      await new Promise((r) => setTimeout(r, 150));
      heard.length = 0;
      await live.updatePackage(`ups:${UPS}`, { archived: true });
      await live.updatePackage(`ups:${UPS}`, { muted: true });
      await vi.waitFor(() => expect(heard).toEqual([{ changed: true }]), { timeout: 2_000, interval: 20 });
      // Once, not once per write: nothing more comes after the first (the announcements are 50 ms apart at most).
      await new Promise((r) => setTimeout(r, 200));
      expect(heard).toEqual([{ changed: true }]);
      // The snapshot kept between requests was dropped by the write: the list is the new one.
      expect((await live.popupView(list())).model.counts).toMatchObject({ list: 0, archived: 1 });
    } finally {
      channel.close();
      await live.idle();
      off();
      await shared.delete();
    }
  });

  it('a write another context made is announced by that context only: the relay Dexie brings here is not announced again', async () => {
    // A write in the options page reaches the worker as Dexie's relayed `storagemutated` (fired
    // here as Dexie fires it on a message from another context); the options page posts its own
    // announcement, so the worker posting one too had the popup ask twice for one write.
    const shared = getDb();
    const heard: unknown[] = [];
    const channel = new BroadcastChannel(DATA_CHANGED_CHANNEL);
    channel.onmessage = (e: MessageEvent) => void heard.push(e.data);
    let relayed = 0;
    let off = () => undefined as void;
    try {
      await shared.open();
      await new Promise((r) => setTimeout(r, 100));
      heard.length = 0;
      off = onDataChanged(() => void relayed++);
      Dexie.on('storagemutated').fire({ all: true });
      await new Promise((r) => setTimeout(r, 200));
      // The snapshot of the popup's view is still dropped by the relay (onDataChanged heard it).
      expect(relayed).toBe(1);
      expect(heard).toEqual([]);
      // A write of this context's own is announced once; a read-only transaction not at all.
      await shared.kv.put({ key: 'x', value: 1 });
      await shared.kv.get('x');
      await vi.waitFor(() => expect(heard).toEqual([{ changed: true }]), { timeout: 2_000, interval: 20 });
      await shared.transaction('r', shared.kv, () => shared.kv.get('x'));
      await new Promise((r) => setTimeout(r, 200));
      expect(heard).toEqual([{ changed: true }]);
    } finally {
      off();
      channel.close();
      await shared.delete();
    }
  });

  it('a worker that wakes with nothing changed writes nothing: no announcement, so the popup that woke it asks once', async () => {
    unregister();
    unregister = () => undefined;
    const shared = getDb();
    const live = createBackgroundApp(shared, { now: () => NOW, timeZone: 'America/Chicago', ui: () => EN, fetch: () => Promise.reject(new Error('offline')), clients: [] });
    const heard: unknown[] = [];
    const channel = new BroadcastChannel(DATA_CHANGED_CHANNEL);
    channel.onmessage = (e: MessageEvent) => void heard.push(e.data);
    try {
      await shared.open();
      await live.trackInput([{ number: UPS, carrier: 'ups' }]);
      await live.ensureAlarms();
      await live.idle();
      await new Promise((r) => setTimeout(r, 200));
      heard.length = 0;
      // The next start of the worker (a popup opened after 30 s idle): the same alarm, nothing new.
      await live.ensureAlarms();
      await live.idle();
      await new Promise((r) => setTimeout(r, 200));
      expect(heard).toEqual([]);
    } finally {
      channel.close();
      await live.idle();
      await shared.delete();
    }
  });

  it('1,000 packages: each group sends its first rows, more on request (issue #13 §4)', async () => {
    await db.packages.bulkPut(
      Array.from({ length: 1_000 }, (_, i) =>
        blankPackage({ id: `p${i}`, shop: 'amazon', orderId: `111-0000000-${String(i).padStart(7, '0')}`, label: `Parcel ${i}`, status: 'in_transit', lastChangeAt: NOW - i * 1000, nextCheckAt: null, firstSeenAt: NOW }, NOW),
      ),
    );
    const v = await app.popupView(list());
    const group = v.model.groups.find((g) => g.id === 'on_the_way')!;
    expect(group.total).toBe(1_000);
    expect(group.packages).toHaveLength(ROWS_PER_PAGE);
    expect(group.more).toBe(ROWS_PER_PAGE);
    const more = await app.popupView(list({ pages: { on_the_way: 3 } }));
    expect(more.model.groups.find((g) => g.id === 'on_the_way')!.packages.map((p) => p.id)).toEqual(
      (await app.popupView(list({ pages: { on_the_way: 40 } }))).model.groups.find((g) => g.id === 'on_the_way')!.packages.slice(0, 3 * ROWS_PER_PAGE).map((p) => p.id),
    );
  });

  it('links are checked by the URL policy when clicked: a foreign host is refused, the carrier page opens', async () => {
    const create = vi.spyOn(fakeBrowser.tabs, 'create');
    await app.trackInput([{ number: UPS, carrier: 'ups' }]);
    expect(await app.openLink({ url: 'https://evil.example/phish', packageId: `ups:${UPS}` })).toEqual({ opened: false });
    expect(await app.openLink({ url: 'javascript:alert(1)' })).toEqual({ opened: false });
    expect(create).not.toHaveBeenCalled();
    expect(await app.openLink({ packageId: `ups:${UPS}`, target: 'tracking' })).toEqual({ opened: true });
    expect(new URL(String(create.mock.calls[0]![0]!.url)).hostname).toBe('www.ups.com');
    expect(await app.openLink({ url: 'https://www.amazon.com/gp/css/order-history' })).toEqual({ opened: true });
    expect(await app.openLink({ packageId: 'gone', target: 'shop' })).toEqual({ opened: false });
  });
});
