// @vitest-environment node
/**
 * The background with WXT's fake browser, fake-indexeddb and the real local carrier server (HTTP on
 * loopback): a page reading lands in the database, alarms drive the demo parcel through its whole
 * life, each status change notifies once, and refreshing again never duplicates anything.
 */
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { PorchlightDb } from '../../lib/db/database';
import { type BackgroundApp, createBackgroundApp, REFRESH_ALARM, registerListeners } from '../../lib/platform/background-app';
import type { PageReading } from '../../lib/shops/types';
import { classify } from '../../lib/carriers/registry';
import { type CarrierServer, startCarrierServer } from '../support/carrier-server/server';
import { DEMO_SHIPMENTS, SHOPPER_ZONE } from '../support/demo/catalog';
import { EN } from '../support/i18n';

const STEP = 60_000;
const DEMO = DEMO_SHIPMENTS[0]!;
const DELAYED = DEMO_SHIPMENTS[1]!;

function reading(now: number): PageReading {
  const order = (s: (typeof DEMO_SHIPMENTS)[number]) => ({
    orderId: s.orderId,
    placedAt: '2026-11-20',
    total: s.price,
    status: 'open' as const,
    kind: 'physical' as const,
    orderUrl: null,
    items: [{ title: s.item, quantity: 1, seller: null, url: null }],
    shipments: [
      {
        shipmentId: s.shipmentId,
        statusText: 'Arriving today',
        status: 'in_transit' as const,
        eta: null,
        deliveredAt: null,
        trackingNumber: s.number,
        carrier: null,
        trackUrl: null,
        items: [],
      },
    ],
  });
  return {
    kind: 'order-history',
    shop: 'amazon',
    url: 'https://www.amazon.com/gp/css/order-history',
    readAt: now,
    orders: [order(DEMO), order(DELAYED)],
    diagnostics: [],
  };
}

describe('background app (fake browser, fake-indexeddb, local carrier server)', () => {
  let server: CarrierServer;
  let db: PorchlightDb;
  let clock: number;
  // The fake browser's alarms fire on real timers: keep the simulated clock ahead of real time so
  // only the test's own alarm triggers run a round.
  const start = Math.ceil(Date.now() / 60_000) * 60_000 + 3_600_000;

  beforeAll(async () => {
    process.env.DEMO_STEP_MS = String(STEP);
    server = await startCarrierServer({ startAt: start, quiet: true });
  });
  afterAll(() => server.close());
  beforeEach(async () => {
    fakeBrowser.reset();
    // No quiet hours: the clock may be at any hour of the day.
    await fakeBrowser.storage.local.set({ settings: { notifications: { quietHours: null } } });
    db = new PorchlightDb(`test-${Math.random()}`);
    clock = start;
    server.reset();
  });
  let current: BackgroundApp | null = null;
  let unregister: (() => void) | null = null;
  afterEach(async () => {
    await current?.idle();
    unregister?.();
    current = null;
    await db.delete();
  });

  /** When set, the carrier requests go here instead (a request that never returns: a dying worker). */
  let hang: (() => Promise<Response>) | null = null;
  /** The extension's requests to https://api.demo-carrier.test go to the local server. */
  const routedFetch: typeof fetch = (input, init) => {
    const url = new URL(String(input instanceof Request ? input.url : input));
    if (hang && url.pathname === '/v1/track') return hang();
    return fetch(`${server.url}${url.pathname}${url.search}`, { ...init, headers: { host: url.host } });
  };

  /** The real background wiring (listeners included) on the fake browser. */
  function app() {
    current = createBackgroundApp(db, { ui: () => EN, now: () => clock, fetch: routedFetch, timeZone: SHOPPER_ZONE });
    unregister = registerListeners(current, db);
    return current;
  }

  it('stores a page reading and refreshes new packages at once', async () => {
    const a = app();
    const summary = await a.ingest(reading(clock));
    expect(summary).toMatchObject({ orders: 2, packages: 2, newPackages: 2 });
    await a.idle();
    const pkg = await db.packages.where('trackingNumber').equals(DEMO.number).first();
    expect(pkg?.carrier).toBe('demo');
    // The carrier's "label created" (step 0) does not pull the page's "Shipped" back.
    expect(pkg?.status).toBe('in_transit');
    expect(pkg?.lastCheckAt).toBe(clock);
    expect(server.requests.some((r) => r.path === '/v1/track')).toBe(true);
  });

  it('drives a parcel through its whole life on alarms, notifying each change once', async () => {
    const create = vi.spyOn(fakeBrowser.notifications, 'create');
    const a = app();
    await a.ingest(reading(clock));
    await a.idle();
    const seen: string[] = [];
    for (let step = 1; step <= 7; step++) {
      clock = start + step * STEP + 1000;
      server.advance(STEP);
      await fakeBrowser.alarms.onAlarm.trigger({ name: REFRESH_ALARM, scheduledTime: clock, persistAcrossSessions: false });
      await a.idle();
      const pkg = await db.packages.where('trackingNumber').equals(DEMO.number).first();
      if (seen[seen.length - 1] !== pkg!.status) seen.push(pkg!.status);
    }
    expect(seen).toEqual(['in_transit', 'out_for_delivery', 'delivered']);
    const delivered = await db.packages.where('trackingNumber').equals(DEMO.number).first();
    expect(delivered?.nextCheckAt === null || delivered!.nextCheckAt! > clock + 60 * 60_000).toBe(true);

    // One notification per meaningful change, never twice for the same alert.
    const notes = await db.notifications.toArray();
    const about = (kind: string) => notes.filter((n) => n.alertKeys.some((k) => k.startsWith(`${delivered!.id}|${kind}|`)));
    expect(about('out_for_delivery')).toHaveLength(1);
    expect(about('delivered')).toHaveLength(1);
    expect(about('out_for_delivery')[0]!.title).toMatch(/arrives today/i);
    expect(create).toHaveBeenCalledTimes(notes.length);

    // The delayed parcel's ETA slipped: kept in its ETA history, and alerted.
    const late = await db.packages.where('trackingNumber').equals(DELAYED.number).first();
    expect(late!.etaHistory.length).toBeGreaterThanOrEqual(2);
    const alerts = await db.alerts.where('packageId').equals(late!.id).toArray();
    expect(alerts.map((x) => x.kind)).toContain('delayed');
  });

  it('refreshing the same data again adds no rows and no notifications', async () => {
    const a = app();
    clock = start + 5 * STEP;
    server.advance(5 * STEP);
    await a.ingest(reading(clock));
    await a.idle();
    await a.refresh({ force: true });
    const counts = async () => [await db.events.count(), await db.alerts.count(), await db.notifications.count()];
    const before = await counts();
    await a.refresh({ force: true });
    await a.refresh({ force: true });
    expect(await counts()).toEqual(before);
  });

  it('a carrier failure keeps history and backs off', async () => {
    const a = app();
    clock = start + 3 * STEP;
    server.advance(3 * STEP);
    await a.ingest(reading(clock));
    await a.idle();
    const eventsBefore = await db.events.count();
    server.addFault({ provider: 'demo', mode: 'server', times: 1 });
    const r = await a.refresh({ force: true });
    expect(r.errors).toEqual([expect.objectContaining({ provider: 'demo', kind: 'server' })]);
    expect(await db.events.count()).toBe(eventsBefore);
    const pkg = await db.packages.where('trackingNumber').equals(DEMO.number).first();
    expect(pkg?.failures).toBe(1);
    expect(pkg?.lastError?.kind).toBe('server');
    expect(pkg?.status).toBe('in_transit');
  });

  it('a worker killed mid-request leaves its job, which the next worker replays at once, without duplicates', async () => {
    const first = app();
    clock = start + 2 * STEP;
    server.advance(2 * STEP);
    await first.ingest(reading(clock));
    await first.idle();
    const pkg = (await db.packages.where('trackingNumber').equals(DEMO.number).first())!;
    const eventsBefore = await db.events.where('packageId').equals(pkg.id).count();
    // The next request of this worker never returns: the worker dies while it is out.
    let sent = 0;
    hang = () => {
      sent++;
      return new Promise<Response>(() => undefined);
    };
    void first.refresh({ force: true });
    await vi.waitFor(() => expect(sent).toBe(1));
    // What the round wrote before asking: the job, claimed, with its lease.
    expect(await db.jobs.toArray()).toEqual([expect.objectContaining({ provider: 'demo', attempt: 1, startedAt: clock })]);
    unregister?.();
    hang = null;
    clock += 1000;
    server.advance(2 * STEP); // meanwhile the parcel went out for delivery
    const before = server.requests.filter((r) => r.path === '/v1/track').length;
    const second = app();
    await second.ensureAlarms();
    await vi.waitFor(async () => expect(await db.jobs.count()).toBe(0));
    await second.idle();
    // Replayed at once, before any alarm: one more request.
    expect(server.requests.filter((r) => r.path === '/v1/track').length).toBeGreaterThan(before);
    const after = (await db.packages.get(pkg.id))!;
    expect(after.status).toBe('out_for_delivery');
    const events = await db.events.where('packageId').equals(pkg.id).toArray();
    // Steps 3 and 4 (arrived at station, out for delivery) are new; the first three are not stored twice.
    expect(events.length).toBe(eventsBefore + 2);
    expect(new Set(events.map((e) => e.key)).size).toBe(events.length);
  });

  it('"Track …" on a selection adds a validated number once, and ignores text with none', async () => {
    const a = app();
    const r = await a.trackSelection('Your parcel ships with UPS, tracking number 1Z999AA1 0123456784. Coupon SAVE20241234.');
    expect(r).toMatchObject({ found: 1, added: 1, known: 0 });
    const again = await a.trackSelection('1Z999AA10123456784');
    expect(again).toMatchObject({ added: 0, known: 1 });
    const none = await a.trackSelection('Call 555-123-4567 about order 112-5939971-8962610');
    expect(none).toMatchObject({ found: 0, added: 0 });
    await a.idle();
    const pkgs = await db.packages.toArray();
    expect(pkgs.map((p) => [p.id, p.carrier, p.trackingNumber])).toEqual([['ups:1Z999AA10123456784', 'ups', '1Z999AA10123456784']]);
  });
  it('"Track …" on 60 space-separated numbers adds all 60 (issue #11: it used to keep the first and the last)', async () => {
    const a = app();
    const numbers = upsNumbers(60);
    const r = await a.trackSelection(numbers.join(' '));
    expect(r).toMatchObject({ found: 60, added: 60, known: 0 });
    await a.idle();
    expect((await db.packages.toArray()).map((p) => p.trackingNumber).sort()).toEqual([...numbers].sort());
  });

  it('a typed number is tracked under the carrier the shopper chose; delete and undo restore every row', async () => {
    const a = app();
    const [n] = upsNumbers(1);
    const r = await a.trackInput([{ number: n!, carrier: 'ups' }]);
    expect(r).toMatchObject({ added: 1, known: 0, ids: [`ups:${n}`] });
    await a.markNotReceived(r.ids[0]!);
    await a.idle();
    const before = { pkgs: await db.packages.count(), events: await db.events.count(), alerts: await db.alerts.count() };
    expect(before.events).toBeGreaterThan(0);
    const removed = await a.deletePackages(r.ids);
    expect([await db.packages.count(), await db.events.count(), await db.alerts.count()]).toEqual([0, 0, 0]);
    expect(removed.packages).toHaveLength(1);
    expect(await a.restorePackages(removed)).toEqual({ restored: 1 });
    await a.idle();
    expect({ pkgs: await db.packages.count(), events: await db.events.count(), alerts: await db.alerts.count() }).toEqual(before);
    // Rename, then back to the item's name.
    await a.updatePackage(r.ids[0]!, { label: '  Birthday present  ' });
    expect((await db.packages.get(r.ids[0]!))!.label).toBe('Birthday present');
    await a.updatePackage(r.ids[0]!, { label: '' });
    expect((await db.packages.get(r.ids[0]!))!.label).toBeNull();
  });
});

/** `count` distinct valid UPS 1Z numbers (the check digit found by trying each). */
function upsNumbers(count: number): string[] {
  const out: string[] = [];
  for (let i = 0; out.length < count; i++) {
    const base = `1Z999AA1${String(1000000 + i * 7919).padStart(9, '0')}`;
    for (let d = 0; d <= 9; d++) {
      if (classify(base + d)[0]?.carrier === 'ups') {
        out.push(base + d);
        break;
      }
    }
  }
  return out;
}
