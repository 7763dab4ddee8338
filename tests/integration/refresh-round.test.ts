/**
 * The refresh round the worker runs (lib/services/refresh-round.ts through createBackgroundApp), with
 * WXT's fake browser and fake-indexeddb: a page read while a round waits between requests (issue #19
 * §10), a blocked source and the alarm (§11), the cost of a round at 1,000 packages (§16), a first
 * visit to months of history (§9). Carrier answers come from scripted in-process clients; Amazon's
 * pages are the saved fixtures.
 */
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { CarrierClient, TrackOutcome } from '../../lib/carriers/client';
import { PorchlightDb } from '../../lib/db/database';
import { blankPackage } from '../../lib/engine/merge';
import type { Status } from '../../lib/model/status';
import type { Package } from '../../lib/model/types';
import { createBackgroundApp, REFRESH_ALARM } from '../../lib/platform/background-app';
import { amazonReader } from '../../lib/shops/amazon/index';
import type { PageReading } from '../../lib/shops/types';
import { loadDoc } from '../unit/amazon/load-fixture';
import { EN } from '../support/i18n';

const TZ = 'America/Chicago';
const T0 = Date.parse('2026-12-02T16:00:00Z'); // 10:00 in Chicago
const MIN = 60_000;
const HOUR = 60 * MIN;
const FIXTURES = 'tests/fixtures/amazon';
const fixture = (name: string) => readFileSync(`${FIXTURES}/${name}`, 'utf8');
const TRACK_URL = (order: string, shipment: string) => `https://www.amazon.com/progress-tracker/package?orderId=${order}&shipmentId=${shipment}`;

/** A scripted carrier client: answers every number with `answer(number)`, counting requests. */
function scripted(id: string, carriers: string[], answer: (n: string) => TrackOutcome['ok'] extends true ? never : TrackOutcome, batchSize = 10) {
  const calls: string[][] = [];
  const client: CarrierClient = {
    id,
    carriers,
    batchSize,
    hosts: [`api.${id}.test`],
    needsCredentials: false,
    async track(numbers) {
      calls.push(numbers);
      return answer(numbers[0]!);
    },
  };
  return { client, calls };
}

function inTransit(numbers: string[], at: number): TrackOutcome {
  return {
    ok: true,
    results: numbers.map((n) => ({
      trackingNumber: n,
      status: null,
      eta: null,
      events: [{ time: new Date(at - HOUR).toISOString(), timeIsLocal: false, status: 'in_transit' as Status, code: 'DP', description: 'Departed facility', location: 'Memphis, TN, US' }],
    })),
  };
}

let db: PorchlightDb;
let clock: number;
beforeEach(async () => {
  fakeBrowser.reset();
  await fakeBrowser.storage.local.set({ settings: { notifications: { quietHours: null } } });
  db = new PorchlightDb(`round-${Math.random()}`);
  clock = T0;
});
afterEach(() => db.delete());

async function seed(list: Partial<Package>[]): Promise<Package[]> {
  const pkgs = list.map((p) => blankPackage({ lastCheckAt: clock - 5 * HOUR, evaluatedAt: clock - 5 * HOUR, ...p }, clock - 6 * HOUR));
  await db.packages.bulkPut(pkgs);
  return pkgs;
}

describe('a page read does not wait behind a refresh round (issue #19 §10)', () => {
  it('stores a page the shopper opens while the round sits between two Amazon requests', async () => {
    await seed([
      { id: 'amazon:113-1:A', shop: 'amazon', orderId: '113-1', shipmentId: 'A', trackUrl: TRACK_URL('113-1', 'A'), nextCheckAt: clock },
      { id: 'amazon:113-2:B', shop: 'amazon', orderId: '113-2', shipmentId: 'B', trackUrl: TRACK_URL('113-2', 'B'), nextCheckAt: clock },
    ]);
    let release: () => void = () => undefined;
    let sleeping = false;
    const sleep = () =>
      new Promise<void>((r) => {
        sleeping = true;
        release = () => {
          sleeping = false;
          r();
        };
      });
    const fetches: string[] = [];
    const fetch: typeof globalThis.fetch = async (input) => {
      fetches.push(String(input));
      return new Response(fixture('track-package--out-for-delivery.html'), { status: 200, headers: { 'content-type': 'text/html' } });
    };
    const app = createBackgroundApp(db, { ui: () => EN, now: () => clock, timeZone: TZ, fetch, sleep, clients: [] });
    const round = app.refresh({});
    await expect.poll(() => sleeping).toBe(true);
    expect(fetches).toHaveLength(1);
    // The shopper opens an order page now: stored at once, the round still waiting.
    const reading: PageReading = {
      kind: 'order-history', shop: 'amazon', url: 'https://www.amazon.com/gp/css/order-history', readAt: clock, diagnostics: [],
      orders: [{ orderId: '113-9', placedAt: '2026-12-01', total: '$5.00', status: 'open', kind: 'physical', orderUrl: null, items: [{ title: 'Lamp', quantity: 1, seller: null, url: null }],
        shipments: [{ shipmentId: 'Z', statusText: 'Arriving tomorrow', status: 'in_transit', eta: { from: '2026-12-03', to: '2026-12-03' }, deliveredAt: null, trackingNumber: null, carrier: null, trackUrl: null, items: [] }] }],
    };
    await app.ingest(reading);
    expect(await db.packages.get('amazon:113-9:Z')).toMatchObject({ status: 'in_transit', label: 'Lamp' });
    expect(sleeping).toBe(true);
    release();
    await round;
    await app.idle();
    expect(fetches).toHaveLength(2); // the two due ones (the page's new package has no track link)
  });
});

describe('a blocked source (issue #19 §11)', () => {
  it('Amazon asking to sign in holds all its packages, TBA numbers included, marks each, and moves the alarm to the hold\'s end', async () => {
    await seed([
      { id: 'amazon:113-1:A', shop: 'amazon', orderId: '113-1', shipmentId: 'A', trackUrl: TRACK_URL('113-1', 'A'), nextCheckAt: clock },
      { id: 'amazon:TBA304512345678', shop: 'amazon', orderId: '113-2', trackingNumber: 'TBA304512345678', carrier: 'amazon', trackUrl: TRACK_URL('113-2', 'B'), nextCheckAt: clock + 3 * HOUR },
      { id: 'amazon:113-3:C', shop: 'amazon', orderId: '113-3', shipmentId: 'C', trackUrl: TRACK_URL('113-3', 'C'), nextCheckAt: clock + 20 * MIN },
    ]);
    let requests = 0;
    const fetch: typeof globalThis.fetch = async () => {
      requests++;
      return new Response(fixture('sign-in.html'), { status: 200, headers: { 'content-type': 'text/html' } });
    };
    const app = createBackgroundApp(db, { ui: () => EN, now: () => clock, timeZone: TZ, fetch, sleep: async () => undefined, clients: [] });
    await app.refresh({});
    await app.idle();
    expect(requests).toBe(1);
    const pkgs = await db.packages.toArray();
    // Every one is marked; none is checked before the hold ends (the TBA one was due later anyway).
    expect(pkgs.map((p) => [p.id, p.lastError?.message, p.nextCheckAt]).sort()).toEqual([
      ['amazon:113-1:A', 'Sign in to Amazon to refresh', clock + HOUR],
      ['amazon:113-3:C', 'Sign in to Amazon to refresh', clock + HOUR],
      ['amazon:TBA304512345678', 'Sign in to Amazon to refresh', clock + 3 * HOUR],
    ]);
    const alarm = await fakeBrowser.alarms.get(REFRESH_ALARM);
    expect(alarm?.scheduledTime).toBe(clock + HOUR);
    // Ten more minutes of alarms ask nothing.
    clock += 10 * MIN;
    await app.refresh({});
    await app.idle();
    expect(requests).toBe(1);
  });

  it('an archived package that was due takes itself off the schedule: no 30 s loop', async () => {
    await seed([{ id: 'ups:1Z999AA10123456784', trackingNumber: '1Z999AA10123456784', carrier: 'ups', archived: true, nextCheckAt: clock - MIN }]);
    const ups = scripted('ups', ['ups'], (n) => inTransit([n], clock));
    const app = createBackgroundApp(db, { ui: () => EN, now: () => clock, timeZone: TZ, fetch: globalThis.fetch, clients: [ups.client] });
    await app.refresh({});
    await app.idle();
    expect(ups.calls).toEqual([]);
    expect((await db.packages.get('ups:1Z999AA10123456784'))?.nextCheckAt).toBeNull();
    expect(await fakeBrowser.alarms.get(REFRESH_ALARM)).toBeUndefined();
  });
});

// ─────────────── the alarm invariant over generated package sets (property) ───────────────

type Kind = 'ups' | 'fedex' | 'amazon-shop' | 'amazon-tba' | 'nobody';
const pkgArb = fc.record({
  kind: fc.constantFrom<Kind>('ups', 'fedex', 'amazon-shop', 'amazon-tba', 'nobody'),
  status: fc.constantFrom<Status>('pending', 'in_transit', 'out_for_delivery', 'delivered', 'exception', 'cancelled'),
  archived: fc.boolean(),
  due: fc.integer({ min: -3 * 60, max: 12 * 60 }).map((m) => m * MIN),
  failures: fc.integer({ min: 0, max: 3 }),
});
const worldArb = fc.record({
  pkgs: fc.array(pkgArb, { maxLength: 7 }),
  upsAnswer: fc.constantFrom('ok', 'server', 'rate_limited'),
  fedexHold: fc.option(fc.integer({ min: 1, max: 600 }).map((m) => m * MIN), { nil: null }),
  amazonPage: fc.constantFrom('track-package--out-for-delivery.html', 'sign-in.html'),
  amazonHold: fc.option(fc.integer({ min: -60, max: 600 }).map((m) => m * MIN), { nil: null }),
});

function providerOf(kind: Kind): string | null {
  return kind === 'ups' ? 'ups' : kind === 'fedex' ? 'fedex' : kind === 'nobody' ? null : 'amazon-tracker';
}

describe('the alarm after any round (property, issue #19 §11)', () => {
  it('is max(now + 30 s, min(earliest due of an active package whose source is not blocked, each blocked source\'s end)), none when that set is empty', async () => {
    const shared = new PorchlightDb(`alarm-${Math.random()}`);
    try {
      await fc.assert(
        fc.asyncProperty(worldArb, async (w) => {
          fakeBrowser.reset();
          await fakeBrowser.storage.local.set({ settings: { notifications: { quietHours: null } } });
          await Promise.all(shared.tables.map((t) => t.clear()));
          const now = T0;
          const pkgs = w.pkgs.map((g, i) => {
            const base: Partial<Package> =
              g.kind === 'ups' ? { trackingNumber: `1Z${i}`, carrier: 'ups' }
              : g.kind === 'fedex' ? { trackingNumber: `F${i}`, carrier: 'fedex' }
              : g.kind === 'amazon-tba' ? { trackingNumber: `TBA${i}`, carrier: 'amazon', shop: 'amazon', orderId: `113-${i}`, trackUrl: TRACK_URL(`113-${i}`, 'S') }
              : g.kind === 'amazon-shop' ? { shop: 'amazon', orderId: `113-${i}`, shipmentId: 'S', trackUrl: TRACK_URL(`113-${i}`, 'S') }
              : { trackingNumber: `RM${i}`, carrier: 'royal_mail' };
            return blankPackage(
              { ...base, id: `p${i}`, status: g.status, archived: g.archived, nextCheckAt: now + g.due, lastCheckAt: now - 5 * HOUR, failures: g.failures, lastChangeAt: now - HOUR, evaluatedAt: now - HOUR },
              now - 6 * HOUR,
            );
          });
          await shared.packages.bulkPut(pkgs);
          const holds: Record<string, unknown> = {};
          if (w.fedexHold !== null) holds.fedex = { until: now + w.fedexHold, reason: 'rate_limited', message: 'FedEx asked us to wait' };
          if (w.amazonHold !== null) holds['amazon-tracker'] = { until: now + w.amazonHold, reason: 'auth', message: 'Sign in to Amazon to refresh', step: 1 };
          await shared.kv.put({ key: 'providerHolds', value: holds });
          const ups = scripted('ups', ['ups'], (n) =>
            w.upsAnswer === 'ok' ? inTransit([n], now) : w.upsAnswer === 'server' ? { ok: false, error: { kind: 'server', message: 'HTTP 503' } } : { ok: false, error: { kind: 'rate_limited', message: 'HTTP 429', retryAfterMs: 20 * MIN } },
          );
          const fedex = scripted('fedex', ['fedex'], (n) => inTransit([n], now));
          const fetch: typeof globalThis.fetch = async () => new Response(fixture(w.amazonPage), { status: 200, headers: { 'content-type': 'text/html' } });
          const app = createBackgroundApp(shared, { ui: () => EN, now: () => now, timeZone: TZ, fetch, sleep: async () => undefined, clients: [ups.client, fedex.client] });
          await app.refresh({});
          await app.idle();

          // What the formula says, computed from what is stored after the round.
          const after = await shared.packages.toArray();
          const storedHolds = ((await shared.kv.get('providerHolds'))?.value ?? {}) as Record<string, { until: number }>;
          const blocked = Object.fromEntries(Object.entries(storedHolds).filter(([, h]) => h.until > now).map(([id, h]) => [id, h.until]));
          const kindOf = new Map(w.pkgs.map((g, i) => [`p${i}`, g.kind]));
          const candidates: number[] = [];
          for (const p of after) {
            const provider = providerOf(kindOf.get(p.id)!);
            if (p.archived || provider === null || p.nextCheckAt === null) continue;
            if (blocked[provider] !== undefined) continue;
            candidates.push(p.nextCheckAt);
          }
          candidates.push(...Object.values(blocked));
          const alarm = await fakeBrowser.alarms.get(REFRESH_ALARM);
          if (candidates.length === 0) expect(alarm).toBeUndefined();
          else expect(alarm?.scheduledTime).toBe(Math.max(now + 30_000, Math.min(...candidates)));
          // And nothing active is left due behind the alarm's back.
          for (const p of after) {
            const provider = providerOf(kindOf.get(p.id)!);
            if (p.archived || provider === null || p.nextCheckAt === null || blocked[provider] !== undefined) continue;
            expect(p.nextCheckAt).toBeGreaterThan(now);
          }
        }),
        { numRuns: 1000 },
      );
    } finally {
      await shared.delete();
    }
  }, 240_000);
});

// ─────────────── a round's cost at 1,000 packages (issue #19 §16) ───────────────

/** Counts reads per table through Dexie's DBCore middleware. */
function countReads(target: PorchlightDb): Record<string, number> {
  const counts: Record<string, number> = {};
  target.use({
    stack: 'dbcore',
    name: 'count-reads',
    create(down) {
      return {
        ...down,
        table(name) {
          const t = down.table(name);
          const bump = () => void (counts[name] = (counts[name] ?? 0) + 1);
          return {
            ...t,
            get: (req) => (bump(), t.get(req)),
            getMany: (req) => (bump(), t.getMany(req)),
            query: (req) => (bump(), t.query(req)),
            openCursor: (req) => (bump(), t.openCursor(req)),
            count: (req) => (bump(), t.count(req)),
          };
        },
      };
    },
  });
  return counts;
}

describe('a round over 1,000 active packages (issue #19 §16)', () => {
  it('reads the events of the packages that changed only; situations run over package summaries', async () => {
    const big = new PorchlightDb(`big-${Math.random()}`);
    try {
      const pkgs = Array.from({ length: 1000 }, (_, i) =>
        blankPackage(
          { id: `ups:1Z${i}`, trackingNumber: `1Z${i}`, carrier: 'ups', status: 'in_transit', lastCheckAt: T0 - HOUR, nextCheckAt: i === 0 ? T0 - MIN : T0 + 3 * HOUR, evaluatedAt: T0 - HOUR, lastChangeAt: T0 - HOUR },
          T0 - 2 * HOUR,
        ),
      );
      await big.packages.bulkPut(pkgs);
      const counts = countReads(big);
      const ups = scripted('ups', ['ups'], (n) => inTransit([n], T0), 1);
      const app = createBackgroundApp(big, { ui: () => EN, now: () => T0, timeZone: TZ, fetch: globalThis.fetch, clients: [ups.client] });
      await app.refresh({});
      await app.idle();
      expect(ups.calls).toEqual([['1Z0']]);
      // One package changed: its events were read once for the merge; nobody else's.
      expect(counts.events ?? 0).toBeLessThanOrEqual(2);
      // Situations: the package table a few times per round, never once per package.
      expect(counts.packages ?? 0).toBeLessThan(30);
      expect(counts.alerts ?? 0).toBeLessThan(30);
    } finally {
      await big.delete();
    }
  });
});

// ─────────────── a first visit to months of history (issue #19 §9) ───────────────

function readSaved(name: string, now: number): PageReading {
  return amazonReader.extract(loadDoc(name), new URL('https://www.amazon.com/gp/css/order-history'), new Date(now), { timeZone: TZ });
}

describe('a first visit (issue #19 §9)', () => {
  it.each(['order-history-2024-0.html', 'order-history-canceled-order.html'])('%s: every order stored, no notification', async (name) => {
    const now = Date.parse('2026-12-02T16:00:00Z');
    const reading = readSaved(name, now);
    const app = createBackgroundApp(db, { ui: () => EN, now: () => now, timeZone: TZ, fetch: async () => new Response('', { status: 404 }), clients: [] });
    await app.ingest(reading);
    await app.idle();
    expect(await db.orders.count()).toBe(reading.orders.length);
    expect(await db.notifications.count()).toBe(0);
    // The popup still shows what it read: every shipment is a package.
    expect(await db.packages.count()).toBeGreaterThan(0);
  });

  it('a fresh delivery read for the first time raises exactly one notification, and reading it again none', async () => {
    const now = Date.parse('2026-12-02T16:00:00Z');
    const reading: PageReading = {
      kind: 'order-history', shop: 'amazon', url: 'https://www.amazon.com/gp/css/order-history', readAt: now, diagnostics: [],
      orders: [{ orderId: '113-5', placedAt: '2026-11-29', total: '$9.99', status: 'delivered', kind: 'physical', orderUrl: null, items: [{ title: 'Doormat', quantity: 1, seller: null, url: null }],
        shipments: [{ shipmentId: 'D', statusText: 'Delivered today', status: 'delivered', eta: null, deliveredAt: '2026-12-02T09:12:00-06:00', trackingNumber: null, carrier: null, trackUrl: null, items: [] }] }],
    };
    const app = createBackgroundApp(db, { ui: () => EN, now: () => now, timeZone: TZ, fetch: async () => new Response('', { status: 404 }), clients: [] });
    await app.ingest(reading);
    await app.idle();
    expect((await db.notifications.toArray()).map((n) => n.title)).toEqual(['Doormat was delivered']);
    await app.ingest({ ...reading, readAt: now + HOUR });
    await app.idle();
    expect(await db.notifications.count()).toBe(1);
  });
});
