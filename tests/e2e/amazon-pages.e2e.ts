/**
 * Issue #4 in real Chromium: the Amazon content script reads a real saved order-details page and a
 * (written) track-package page visited by the shopper, and what lands in the extension's IndexedDB
 * matches the fixture; a background refresh through Amazon's tracker that meets the sign-in page shows
 * "Sign in to Amazon to refresh" and stops instead of retrying; a truncated page and an unknown layout
 * leave diagnostics that the options page lists.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type AmazonPagesRoute, amazonPagesRoute, isTrackPath } from '../support/amazon-pages-route';
import { type ExtensionBrowser, launchWithExtension, quietHoursOff, readStore, waitFor } from '../support/browser';
import { type CarrierServer, startCarrierServer } from '../support/carrier-server/server';
import { loopbackTls } from '../support/tls';

const FIX = 'tests/fixtures/amazon';
const DETAILS_ORDER = '112-5939971-8962610';
const DETAILS_SHIPMENT = 'QHsqp5CyV';
// track-package--ups-in-transit.html: its page-state names this order, shipment and UPS number.
const TRACK_ORDER = '112-4444444-5555555';
const TRACK_SHIPMENT = 'QUps12345';
const UPS_NUMBER = '1Z999AA10123456784';
// order-history-amazon-store.html: the four shipments still on their way (no carrier number on the page).
const ACTIVE_SHIPMENTS = ['BxL8CNxWM', 'B4LMCNxWM', 'Bt9WtyrpM', 'BkvgQvm71'];

interface PackageRow {
  id: string;
  status: string;
  orderId: string | null;
  shipmentId: string | null;
  trackingNumber: string | null;
  carrier: string | null;
  trackUrl: string | null;
  deliveredAt: string | null;
  lastCheckAt: number | null;
  nextCheckAt: number | null;
  lastError: { kind: string; message: string } | null;
}
interface EventRow {
  key: string;
  packageId: string;
  time: string;
  timeIsLocal: boolean;
  status: string | null;
  description: string;
  location: string | null;
  source: string;
}
interface DiagnosticRow {
  code: string;
  pageKind: string;
  host: string;
  shop: string;
  layout: string | null;
  expected: number | null;
  found: number | null;
}

describe('Amazon pages in real Chromium (issue #4)', () => {
  let server: CarrierServer;
  let browser: ExtensionBrowser;
  let shop: AmazonPagesRoute;
  let popup: Page;

  const packages = () => readStore<PackageRow>(popup, 'packages');
  const trackRequests = () => server.requests.filter((r) => r.host === 'www.amazon.com' && isTrackPath(r.path)).length;

  beforeAll(async () => {
    shop = amazonPagesRoute(
      {
        '/gp/your-account/order-details': `${FIX}/order-details-${DETAILS_ORDER}.html`,
        '/gp/css/order-history': `${FIX}/order-history-amazon-store.html`,
        '/your-orders/orders': `${FIX}/order-history--truncated.html`,
        '/gp/your-account/order-history': `${FIX}/order-history--unknown-layout.html`,
      },
      `${FIX}/track-package--ups-in-transit.html`,
    );
    server = await startCarrierServer({ tls: await loopbackTls(), extraRoutes: [shop], quiet: true });
    browser = await launchWithExtension({ port: server.port });
    await quietHoursOff(browser);
    popup = await browser.context.newPage();
    await popup.goto(`chrome-extension://${browser.extensionId}/popup.html`);
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('reads a real saved order-details page into its order and package', async () => {
    const page = await browser.context.newPage();
    await page.goto(`https://www.amazon.com/gp/your-account/order-details?orderID=${DETAILS_ORDER}`, { waitUntil: 'domcontentloaded' });
    const pkg = await waitFor(
      async () => (await packages()).find((p) => p.orderId === DETAILS_ORDER),
      20_000,
      'the details page package in IndexedDB',
    );
    expect(pkg.id).toBe(`amazon:${DETAILS_ORDER}:${DETAILS_SHIPMENT}`);
    expect(pkg.shipmentId).toBe(DETAILS_SHIPMENT);
    expect(pkg.status).toBe('delivered');
    expect(pkg.trackingNumber).toBeNull();
    expect(pkg.trackUrl).toBe(
      `https://www.amazon.com/gp/your-account/ship-track?itemId=jhmjovklllrovop&orderId=${DETAILS_ORDER}&shipmentId=${DETAILS_SHIPMENT}&packageIndex=0&ref_=ppx_hzod_shipconns_dt_b_track_package_0`,
    );
    // "Delivered November 2" on the page; the year follows the capture time.
    expect(pkg.deliveredAt).toMatch(/^\d{4}-11-02/);
    const orders = await readStore<{ key: string; orderId: string; status: string; total: string | null; items: { seller: string | null }[] }>(
      popup,
      'orders',
    );
    const order = orders.find((o) => o.orderId === DETAILS_ORDER)!;
    expect(order.key).toBe(`amazon:${DETAILS_ORDER}`);
    expect(order.status).toBe('delivered');
    expect(order.total).toBe('$28.50');
    expect(order.items.map((i) => i.seller)).toEqual(['xianbaikeshang']);
    // The page has no timeline: no event is made up.
    expect((await readStore<EventRow>(popup, 'events')).filter((e) => e.packageId === pkg.id)).toEqual([]);
    await page.close();
  });

  it('reads a track-package page the shopper visits: UPS number, status and the timeline', async () => {
    const page = await browser.context.newPage();
    await page.goto(
      `https://www.amazon.com/progress-tracker/package/ref=ppx_yo_dt_b_track_package?_encoding=UTF8&orderId=${TRACK_ORDER}&shipmentId=${TRACK_SHIPMENT}&packageIndex=0`,
      { waitUntil: 'domcontentloaded' },
    );
    const pkg = await waitFor(
      async () => (await packages()).find((p) => p.orderId === TRACK_ORDER),
      20_000,
      'the tracked package in IndexedDB',
    );
    // A shop's package is keyed by its shipment (it keeps its id when it learns a carrier number).
    expect(pkg.id).toBe(`amazon:${TRACK_ORDER}:${TRACK_SHIPMENT}`);
    expect(pkg.shipmentId).toBe(TRACK_SHIPMENT);
    expect(pkg.trackingNumber).toBe(UPS_NUMBER);
    expect(pkg.carrier).toBe('ups');
    expect(pkg.status).toBe('in_transit');
    const events = await waitFor(
      async () => {
        const rows = (await readStore<EventRow>(popup, 'events')).filter((e) => e.packageId === pkg.id);
        return rows.length >= 4 ? rows : null;
      },
      10_000,
      'the timeline events',
    );
    // The fixture's four timeline rows, local wall-clock times (the year follows the capture time).
    const seen = events
      .map((e) => [e.time.slice(5), e.timeIsLocal, e.status, e.description, e.location] as const)
      .sort((a, b) => a[0].localeCompare(b[0]));
    expect(seen).toEqual([
      ['03-24T15:15:00', true, 'info_received', 'Label created', 'Joliet, IL US'],
      ['03-24T21:30:00', true, 'in_transit', 'Shipped', 'Joliet, IL US'],
      ['03-25T10:04:00', true, 'in_transit', 'Arrived at UPS facility', 'Hodgkins, IL US'],
      ['03-25T18:12:00', true, 'in_transit', 'Departed from facility', 'Hodgkins, IL US'],
    ]);
    expect(new Set(events.map((e) => e.key)).size).toBe(4);
    expect(events.every((e) => e.source === 'page:amazon')).toBe(true);
    // A new package is refreshed at once; without UPS keys that goes through Amazon's tracker (the same
    // page again), which must store nothing twice.
    const checked = await waitFor(
      async () => (await packages()).find((p) => p.id === pkg.id && p.lastCheckAt !== null),
      20_000,
      'the background refresh of the tracked package',
    );
    expect(checked.lastError).toBeNull();
    expect((await readStore<EventRow>(popup, 'events')).filter((e) => e.packageId === pkg.id)).toHaveLength(4);
    await page.close();
  });

  it('meets the sign-in page on a background refresh: says so and does not retry in a tight loop', async () => {
    shop.trackPage = `${FIX}/sign-in.html`;
    const before = trackRequests();
    const page = await browser.context.newPage();
    await page.goto('https://www.amazon.com/gp/css/order-history', { waitUntil: 'domcontentloaded' });
    const blocked = await waitFor(
      async () => {
        const rows = (await packages()).filter((p) => p.shipmentId && ACTIVE_SHIPMENTS.includes(p.shipmentId));
        return rows.length === ACTIVE_SHIPMENTS.length && rows.every((p) => p.lastError) ? rows : null;
      },
      30_000,
      'the sign-in error on the active packages',
    );
    const firstRound = trackRequests() - before;
    // The round stopped at the first sign-in page instead of trying every package.
    expect(firstRound).toBe(1);
    for (const p of blocked) {
      expect(p.lastError).toEqual(expect.objectContaining({ kind: 'auth', message: 'Sign in to Amazon to refresh' }));
      expect(p.trackingNumber).toBeNull();
      // Backed off (an hour at first), not due again in seconds.
      expect(p.nextCheckAt! - Date.now()).toBeGreaterThan(30 * 60_000);
    }
    // ~10 s of watching: no further request to Amazon's tracker.
    await new Promise((r) => setTimeout(r, 10_000));
    expect(trackRequests() - before).toBeLessThanOrEqual(firstRound);

    // One banner says it for every package Amazon holds (issue #19 §11), not a line on each card.
    await popup.reload();
    const card = popup.locator(`[data-package-id="${blocked[0]!.id}"]`);
    await card.waitFor({ timeout: 10_000 });
    const banner = popup.locator('[data-banner="amazon-tracker"]');
    expect(await banner.locator('span').textContent()).toMatch(/^Sign in to Amazon to refresh \(\d+ packages? waiting\)$/);
    // With the link that fixes it (issue #11 §4).
    expect(await banner.getByRole('button', { name: 'Open Amazon and sign in' }).count()).toBe(1);
    expect(await popup.getByText('Sign in to Amazon to refresh').count()).toBe(1);
    await page.close();
  });

  it('records diagnostics for a truncated page and an unknown layout, and the options page shows them', async () => {
    const diagnostics = () => readStore<DiagnosticRow>(popup, 'diagnostics');
    const has = (rows: DiagnosticRow[], ...codes: string[]) => codes.every((c) => rows.some((r) => r.code === c));
    // One tab per page: the content script reads at document_idle, so each page is left open until read.
    const truncated = await browser.context.newPage();
    await truncated.goto('https://www.amazon.com/your-orders/orders', { waitUntil: 'domcontentloaded' });
    await waitFor(async () => has(await diagnostics(), 'truncated', 'fewer-orders'), 20_000, 'the truncated page diagnostics');
    const unknown = await browser.context.newPage();
    await unknown.goto('https://www.amazon.com/gp/your-account/order-history', { waitUntil: 'domcontentloaded' });
    const diags = await waitFor(
      async () => {
        const rows = await diagnostics();
        return has(rows, 'unknown-layout') ? rows : null;
      },
      20_000,
      'the unknown-layout diagnostic',
    );
    const byCode = (code: string) => diags.find((d) => d.code === code)!;
    expect(byCode('fewer-orders')).toEqual(
      expect.objectContaining({ shop: 'amazon', host: 'www.amazon.com', pageKind: 'order-history', expected: 10, found: 3 }),
    );
    expect(byCode('truncated')).toEqual(
      expect.objectContaining({ shop: 'amazon', host: 'www.amazon.com', pageKind: 'order-history', layout: 'card+hdr24+box24+count+tf' }),
    );
    expect(byCode('unknown-layout')).toEqual(
      expect.objectContaining({ shop: 'amazon', host: 'www.amazon.com', pageKind: 'order-history', layout: 'foot', found: 0 }),
    );
    // The unknown layout stored nothing; the truncated page kept only the orders it read whole.
    const orders = await readStore<{ orderId: string }>(popup, 'orders');
    expect(orders.map((o) => o.orderId)).toEqual(expect.arrayContaining(['112-1111111-2222222', '112-3333333-4444444']));
    // Nothing already stored was lost on the way.
    expect(orders.map((o) => o.orderId)).toEqual(expect.arrayContaining([DETAILS_ORDER, TRACK_ORDER, '111-1470863-4415403']));

    const options = await browser.context.newPage();
    await options.goto(`chrome-extension://${browser.extensionId}/options.html`);
    const section = options.locator('#diagnostics');
    await section.locator('li.diagnostic').first().waitFor({ timeout: 10_000 });
    expect(await section.locator('h2').textContent()).toBe('Diagnostics');
    const text = (await section.textContent()) ?? '';
    expect(text).toContain('unknown-layout');
    expect(text).toContain('truncated');
    expect(text).toContain('expected 10, found 3');
    expect(text).toContain('amazon · www.amazon.com · order-history');
    await options.close();
    await truncated.close();
    await unknown.close();
  });
});
