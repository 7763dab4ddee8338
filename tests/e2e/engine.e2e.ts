/**
 * Issue #6 in real Chromium: the background engine against the demo carrier on the local carrier
 * server. (a) The 'delayed' demo parcel posts a "Delayed" event and its ETA slips two days at step 4:
 * after a refresh a delay notification exists, in IndexedDB and in chrome.notifications. (b) The
 * service worker is stopped through the DevTools protocol while a refresh waits on a slow carrier:
 * the unfinished job is left in IndexedDB, and the next worker replays it; every package ends at the
 * carrier's current step with each event stored exactly once.
 */
import type { Page, Worker } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays, zonedDate } from '../../lib/model/time';
import { type ExtensionBrowser, launchWithExtension, quietHoursOff, readStore, waitFor } from '../support/browser';
import { type CarrierServer, startCarrierServer } from '../support/carrier-server/server';
import type { ProviderRoutes } from '../support/carrier-server/types';
import { stopExtensionWorker } from '../support/cdp';
import { DELAY_STEP, DEMO_SHIPMENTS, SCENARIOS, SHOPPER_ZONE, type DemoShipment } from '../support/demo/catalog';
import { e2eShop } from '../support/e2e-shop';
import { writeFaultRows } from '../support/fault-table';
import { loopbackTls } from '../support/tls';

// Long steps, moved by hand: real time passing during the run never crosses a step by itself.
const STEP_MS = 600_000;
const [ON_TIME, DELAYED, PICKUP, ON_TIME_2] = DEMO_SHIPMENTS as [DemoShipment, DemoShipment, DemoShipment, DemoShipment];
// The four shipments still on their way in order-history-amazon-store.html, each given a demo number by its
// track-package page, so every active package is refreshed by the demo carrier (one batched request).
const SHIPMENTS: Record<string, DemoShipment> = { BxL8CNxWM: DELAYED, B4LMCNxWM: ON_TIME, Bt9WtyrpM: PICKUP, BkvgQvm71: ON_TIME_2 };

interface Row {
  id: string;
  status: string;
  trackingNumber: string | null;
  carrier: string | null;
  shipmentId: string | null;
  eta: { from: string; to: string } | null;
  etaHistory: { eta: { from: string; to: string } }[];
}
interface EventRow {
  key: string;
  packageId: string;
  code: string | null;
  source: string;
}
interface JobRow {
  id: string;
  provider: string;
  packageIds: string[];
  numbers: string[];
  startedAt: number;
}

/** The demo codes a scenario has posted by `step`. */
const codesAt = (s: DemoShipment, step: number) => SCENARIOS[s.scenario].filter((x) => x.at <= step).map((x) => x.code);
const DEMO_API = (r: { host: string; path: string }) => r.host === 'api.demo-carrier.test' && r.path === '/v1/track';

describe('background engine in real Chromium (issue #6)', () => {
  let server: CarrierServer;
  let browser: ExtensionBrowser;
  let popup: Page;
  let step = 2;
  const workerErrors: string[] = [];
  const pageErrors: string[] = [];
  // The server logs a request once answered; a slow one is seen arriving here (a route that never answers).
  const arrivals: number[] = [];
  const arrivalSpy: ProviderRoutes = {
    id: 'arrival-spy',
    hosts: ['api.demo-carrier.test'],
    owns: (req) => {
      if (DEMO_API(req)) arrivals.push(Date.now());
      return false;
    },
    handle: () => null,
  };

  const byShipment = async () => {
    const rows = await readStore<Row>(popup, 'packages');
    return Object.fromEntries(Object.keys(SHIPMENTS).map((s) => [s, rows.find((r) => r.shipmentId === s)]));
  };
  const demoEvents = async (pkgId: string) =>
    (await readStore<EventRow>(popup, 'events')).filter((e) => e.packageId === pkgId && e.source === 'carrier:demo');
  /** The popup's Refresh button (a forced round), once the popup has loaded its packages. */
  const refreshFromPopup = async () => {
    await popup.reload();
    await popup.locator('[data-package-id]').first().waitFor({ timeout: 10_000 });
    await popup.getByRole('button', { name: 'Refresh' }).click();
  };
  const goTo = (target: number) => {
    server.advance((target - step) * STEP_MS);
    step = target;
  };

  beforeAll(async () => {
    process.env.DEMO_STEP_MS = String(STEP_MS);
    const shop = e2eShop({
      pages: { '/gp/css/order-history': 'tests/fixtures/amazon/order-history-amazon-store.html' },
      tracking: Object.fromEntries(
        Object.entries(SHIPMENTS).map(([id, s]) => [id, { carrierName: 'Porchlight Demo Carrier', number: s.number }]),
      ),
    });
    server = await startCarrierServer({ tls: await loopbackTls(), extraRoutes: [arrivalSpy, shop], quiet: true });
    server.advance(step * STEP_MS + 1000); // every parcel in transit (step 2) when first asked
    browser = await launchWithExtension({ port: server.port });
    // Uncaught errors in the worker (what it logs as escaped) and in the extension's pages, for the fault table.
    const watchWorker = (w: Worker) => w.on('console', (m) => m.type() === 'error' && workerErrors.push(`worker: ${m.text()} @ ${JSON.stringify(m.location())}`));
    watchWorker(await browser.serviceWorker());
    browser.context.on('serviceworker', watchWorker);
    // Ours only: the popup and options pages, and content scripts (their frames are chrome-extension:// URLs);
    // the saved Amazon page's own scripts fail here without their network, and are Amazon's.
    browser.context.on('weberror', (e) => {
      const where = `${e.page()?.url() ?? ''}\n${e.error().stack ?? ''}`;
      if (where.includes('chrome-extension://')) pageErrors.push(`${e.page()?.url()}: ${e.error().stack ?? String(e.error())}`);
    });
    await quietHoursOff(browser);
    popup = await browser.context.newPage();
    await popup.goto(`chrome-extension://${browser.extensionId}/popup.html`);

    const page = await browser.context.newPage();
    await page.goto('https://www.amazon.com/gp/css/order-history', { waitUntil: 'domcontentloaded' });
    await waitFor(
      async () => {
        const s = await byShipment();
        return Object.entries(SHIPMENTS).every(([id, d]) => s[id]?.trackingNumber === d.number && s[id]?.status === 'in_transit');
      },
      45_000,
      'the four demo parcels in transit',
    );
    await page.close();
  });

  afterAll(async () => {
    delete process.env.DEMO_STEP_MS;
    await browser?.close();
    await server?.close();
  });

  it('notifies a delay when the carrier posts it and the ETA slips', async () => {
    const delayed = (await byShipment()).BxL8CNxWM!;
    expect(await demoEvents(delayed.id)).toHaveLength(codesAt(DELAYED, 2).length);
    goTo(DELAY_STEP);
    await refreshFromPopup();
    const isDelay = (k: string) => k.includes('|delayed|') || k.includes('|eta_moved|');
    const records = await waitFor(
      async () => {
        const rows = await readStore<{ id: string; title: string; alertKeys: string[]; packageIds: string[] }>(popup, 'notifications');
        return rows.some((r) => r.alertKeys.some(isDelay)) ? rows : null;
      },
      20_000,
      'a delay notification record',
    );
    const note = records.find((r) => r.alertKeys.some(isDelay))!;
    expect(note.packageIds).toContain(delayed.id);
    expect(note.alertKeys.filter(isDelay).every((k) => k.startsWith(delayed.id))).toBe(true);
    const sw = await browser.serviceWorker();
    const shown = await sw.evaluate(() =>
      (globalThis as unknown as { chrome: { notifications: { getAll(): Promise<Record<string, unknown>> } } }).chrome.notifications.getAll(),
    );
    expect(Object.keys(shown)).toContain(note.id);
    // The slipped ETA is kept beside the first one: two days later.
    const after = (await byShipment()).BxL8CNxWM!;
    expect(after.carrier).toBe('demo');
    const promised = zonedDate(server.state.startedAt, SHOPPER_ZONE);
    expect(after.eta).toEqual({ from: addDays(promised, 2), to: addDays(promised, 2) });
    expect(after.etaHistory.map((h) => h.eta.to.slice(0, 10))).toContain(promised);
    // The carrier's DY event is stored, once.
    const codes = (await demoEvents(delayed.id)).map((e) => e.code).sort();
    expect(codes).toEqual(codesAt(DELAYED, DELAY_STEP).sort());
  });

  it('resumes without loss or duplication after the worker is stopped mid-refresh (CDP)', async () => {
    goTo(6); // on-time parcels delivered, the pickup parcel ready for pickup
    const before = server.requests.filter(DEMO_API).length;
    // Counted before the fault is armed: the slow request may be the popup's refresh or a due alarm's
    // (the demo carrier's packages are due every 30 s), whichever reaches the server first.
    const arrivedBefore = arrivals.length;
    server.addFault({ provider: 'demo', mode: 'slow', delayMs: 10_000 });
    await refreshFromPopup();
    await waitFor(async () => arrivals.length > arrivedBefore, 30_000, 'the slow carrier request to reach the server').catch(async (e) => {
      console.error('engine.e2e state on timeout:', JSON.stringify(server.requests.slice(-8)), await popup.locator('body').textContent());
      throw e;
    });

    // The job is written before the request goes out: it is there while the answer is pending.
    const jobs = await readStore<JobRow>(popup, 'jobs');
    const demoNumbers = Object.values(SHIPMENTS).map((s) => s.number);
    const job = jobs.find((j) => j.provider === 'demo');
    expect(job).toBeDefined();
    expect(job!.packageIds).toHaveLength(4);
    expect([...job!.numbers].sort()).toEqual([...demoNumbers].sort());

    const stopped = await stopExtensionWorker(browser);
    expect(stopped).toBe(`chrome-extension://${browser.extensionId}/background.js`);
    // Let the slow answer arrive at a worker that is no longer there.
    await new Promise((r) => setTimeout(r, 10_500));
    const s0 = await byShipment();
    // Nothing from the cut-off round was stored: still at step 4's state.
    expect(s0.B4LMCNxWM!.status).toBe('out_for_delivery');
    expect(s0.Bt9WtyrpM!.status).toBe('in_transit');
    expect((await readStore<JobRow>(popup, 'jobs')).map((j) => j.id)).toContain(job!.id);

    // Wake a new worker with any message (Chromium may already have started one on its own: either way
    // it is a fresh worker that must find the old job and replay it).
    await popup.evaluate(() =>
      (globalThis as unknown as { chrome: { runtime: { sendMessage(m: unknown): Promise<unknown> } } }).chrome.runtime
        .sendMessage({ e2e: 'wake' })
        .catch(() => null),
    );
    const worker = await browser.serviceWorker();
    expect(worker.url()).toBe(stopped);

    const final = await waitFor(
      async () => {
        const s = await byShipment();
        const jobsLeft = await readStore<JobRow>(popup, 'jobs');
        return jobsLeft.length === 0 && s.B4LMCNxWM?.status === 'delivered' && s.Bt9WtyrpM?.status === 'available_for_pickup' ? s : null;
      },
      30_000,
      'the replayed refresh',
    ).catch(async (e) => {
      const s = await byShipment();
      console.error(
        'engine.e2e state on timeout:',
        JSON.stringify(await readStore(popup, 'jobs')),
        Object.entries(s).map(([k, v]) => `${k}:${v?.status}`),
        server.requests.filter(DEMO_API).map((r) => `${r.status} ${r.fault}`),
        browser.context.serviceWorkers().map((w) => w.url()),
      );
      throw e;
    });
    expect(server.requests.filter(DEMO_API).length).toBeGreaterThanOrEqual(before + 2); // the cut-off request and the replay
    expect(final.BkvgQvm71!.status).toBe('delivered');

    const all = await readStore<EventRow>(popup, 'events');
    // The fault table's row (issue #17 point 1): events the carrier reported that are not stored, rows
    // stored twice for one reported event, errors that escaped in the worker or the extension's pages.
    let lost = 0;
    let duplicated = 0;
    for (const [id, demo] of Object.entries(SHIPMENTS)) {
      const codes = (await demoEvents(final[id]!.id)).map((e) => e.code);
      for (const c of new Set(codesAt(demo, 6))) {
        const n = codes.filter((x) => x === c).length;
        if (n === 0) lost++;
        duplicated += Math.max(0, n - 1);
      }
    }
    await popup.reload();
    await popup.locator('[data-package-id]').first().waitFor({ timeout: 10_000 });
    const cards = await popup.locator('[data-package-id]').evaluateAll((els) => els.map((e) => e.getAttribute('data-status')));
    writeFaultRows('chromium-worker-stopped', [
      {
        fault: 'service worker stopped mid-refresh (CDP)',
        tier: 'chromium',
        seen: `no message; the replay brought every card to its carrier's status (${[...new Set(cards)].join(', ')})`,
        lost,
        duplicated,
        uncaught: workerErrors.length + pageErrors.length,
      },
    ]);
    expect({ lost, duplicated, uncaught: [...workerErrors, ...pageErrors] }).toEqual({ lost: 0, duplicated: 0, uncaught: [] });
    expect(new Set(all.map((e) => e.key)).size).toBe(all.length);
    for (const [id, demo] of Object.entries(SHIPMENTS)) {
      const codes = (await demoEvents(final[id]!.id)).map((e) => e.code);
      expect(codes.sort(), `${id} (${demo.scenario})`).toEqual(codesAt(demo, 6).sort());
    }
  });
});
