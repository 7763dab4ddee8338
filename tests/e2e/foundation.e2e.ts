/**
 * The whole data path in real Chromium (issue #2): a real saved Amazon "Your Orders" page served on
 * the mapped www.amazon.com → the content script reads it → orders and packages land in the
 * extension's IndexedDB → the background refreshes through Amazon's tracker (a track-package page on
 * the same mapped host) and learns the carrier's number → the demo carrier API on the local carrier
 * server answers → the popup shows the new status → a desktop notification was created.
 */
import { mkdirSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ExtensionBrowser, launchWithExtension, quietHoursOff, readStore, waitFor } from '../support/browser';
import { type CarrierServer, startCarrierServer } from '../support/carrier-server/server';
import { DEMO_SHIPMENTS } from '../support/demo/catalog';
import { e2eShop } from '../support/e2e-shop';
import { loopbackTls } from '../support/tls';

const PAGE = 'tests/fixtures/amazon/order-history-amazon-store.html';
const ORDER = '111-1470863-4415403';
const SHIPMENT = 'BxL8CNxWM';
const DEMO = DEMO_SHIPMENTS[0]!; // on-time scenario: out for delivery at step 4
const STEP_MS = 60_000;

const shop = e2eShop({
  pages: { '/gp/css/order-history': PAGE },
  tracking: { [SHIPMENT]: { carrierName: 'Porchlight Demo Carrier', number: DEMO.number } },
});

interface Row {
  id: string;
  status: string;
  trackingNumber: string | null;
  carrier: string | null;
  orderId: string | null;
  shipmentId: string | null;
}

describe('foundation: real page → IndexedDB → carrier refresh → popup → notification', () => {
  let server: CarrierServer;
  let browser: ExtensionBrowser;
  let popup: Page;

  beforeAll(async () => {
    process.env.DEMO_STEP_MS = String(STEP_MS);
    server = await startCarrierServer({ tls: await loopbackTls(), extraRoutes: [shop], quiet: true });
    // The demo parcel is already out for delivery when the extension first asks the carrier.
    server.advance(4 * STEP_MS + 1000);
    browser = await launchWithExtension({ port: server.port });
    await quietHoursOff(browser);
    popup = await browser.context.newPage();
    await popup.goto(`chrome-extension://${browser.extensionId}/popup.html`);
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('reads the real saved page into orders and packages', async () => {
    const page = await browser.context.newPage();
    await page.goto('https://www.amazon.com/gp/css/order-history', { waitUntil: 'domcontentloaded' });
    const orders = await waitFor(
      async () => {
        const rows = await readStore<{ orderId: string }>(popup, 'orders');
        return rows.length >= 5 ? rows : null;
      },
      20_000,
      'orders in IndexedDB',
    );
    expect(orders.map((o) => o.orderId)).toContain(ORDER);
    const pkgs = await readStore<Row>(popup, 'packages');
    const ours = pkgs.find((p) => p.orderId === ORDER && p.shipmentId === SHIPMENT);
    expect(ours).toBeDefined();
    // The in-store purchase on the same page makes no package.
    expect(pkgs.some((p) => p.orderId === '113-9085096-9353021')).toBe(false);
    await page.close();
  });

  it('refreshes through the tracker and the carrier API, and the popup shows the new status', async () => {
    const pkg = await waitFor(
      async () => {
        const rows = await readStore<Row>(popup, 'packages');
        return rows.find((p) => p.shipmentId === SHIPMENT && p.status === 'out_for_delivery');
      },
      30_000,
      'the package to be out for delivery',
    );
    expect(pkg.trackingNumber).toBe(DEMO.number);
    expect(pkg.carrier).toBe('demo');
    const carrierCalls = server.requests.filter((r) => r.host === 'api.demo-carrier.test' && r.path === '/v1/track');
    expect(carrierCalls.length).toBeGreaterThan(0);
    const trackerCalls = server.requests.filter((r) => r.path === '/gp/your-account/ship-track');
    expect(trackerCalls.length).toBeGreaterThan(0);

    const events = await readStore<{ packageId: string; code: string }>(popup, 'events');
    expect(events.filter((e) => e.packageId === pkg.id).map((e) => e.code)).toEqual(
      expect.arrayContaining(['LC', 'PU', 'IT', 'AR', 'OFD']),
    );

    await popup.reload();
    const card = popup.locator(`[data-package-id="${pkg.id}"]`);
    await card.waitFor({ timeout: 10_000 });
    expect(await card.getAttribute('data-status')).toBe('out_for_delivery');
    expect(await card.textContent()).toContain('Out for delivery');
    mkdirSync('tests/e2e/artifacts', { recursive: true });
    await popup.setViewportSize({ width: 420, height: 640 });
    await popup.screenshot({ path: 'tests/e2e/artifacts/popup.png', fullPage: true });
  });

  it('created a desktop notification for the status change', async () => {
    const records = await waitFor(
      async () => {
        const rows = await readStore<{ title: string; alertKeys: string[] }>(popup, 'notifications');
        return rows.some((r) => r.alertKeys.some((k) => k.includes('|out_for_delivery|'))) ? rows : null;
      },
      10_000,
      'a notification record',
    );
    const note = records.find((r) => r.alertKeys.some((k) => k.includes('|out_for_delivery|')))!;
    expect(note.title).toMatch(/arrives today/i);
    const sw = await browser.serviceWorker();
    const shown = await sw.evaluate(() =>
      (globalThis as unknown as { chrome: { notifications: { getAll(): Promise<Record<string, unknown>> } } }).chrome.notifications.getAll(),
    );
    expect(Object.keys(shown).length).toBeGreaterThan(0);
  });

  it('refreshing the same data again stores no duplicate', async () => {
    const before = (await readStore(popup, 'events')).length;
    const requestsBefore = server.requests.filter((r) => r.host === 'api.demo-carrier.test').length;
    await popup.getByRole('button', { name: 'Refresh' }).click();
    await popup.getByText(/^Checked \d+ package/).waitFor({ timeout: 20_000 });
    expect(server.requests.filter((r) => r.host === 'api.demo-carrier.test').length).toBeGreaterThan(requestsBefore);
    const after = (await readStore(popup, 'events')).length;
    expect(after).toBe(before);
  });
});
