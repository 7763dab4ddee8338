/**
 * Issue #15 in real Chromium: nothing runs on a shop's site until the shopper turns it on. They turn
 * on "Read order pages on any site" in the options page; a Shopify store's order status page on the
 * store's own domain (mapped to the local server) then becomes a tracked package with its carrier and
 * number, shown in the popup, while a page on another site that merely mentions a tracking number is
 * left alone. Turned off, the script is gone again. The extension fetches neither site: the server
 * sees only the shopper's own page loads.
 */
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { configureExtension, type ExtensionBrowser, launchWithExtension, readStore, waitFor } from '../support/browser';
import type { ProviderRoutes } from '../support/carrier-server/types';
import { type CarrierServer, startCarrierServer } from '../support/carrier-server/server';
import { loopbackTls } from '../support/tls';
import { ANY_SITE_SCRIPT_MATCHES } from '../../lib/hosts';

const STORE = 'porchgoods.example';
const ORDER_PATH = '/61234567890/orders/9e107d9d372bb6826bd81d3542a419d6';
const USPS_NUMBER = '9361289878700317633795';
/** A second order, the delivered one, at another path of the same store. */
const SECOND_PATH = '/61234567890/orders/3d1a0a91a959db21bcfb37bf337de92d';
/** A page that is no shop's, at an address the any-site script runs on (it has /orders/ in it). */
const BLOG_PATH = '/2026/orders/how-i-track-my-parcels';
/** A number that passes UPS's check digit, on that page. */
const BLOG_NUMBER = '1Z999AA10123456784';

interface PackageRow {
  id: string;
  status: string;
  trackingNumber: string | null;
  carrier: string | null;
  orderIds?: string[];
}
interface OrderRow {
  id: string;
  shop: string;
}

const BLOG = `<!DOCTYPE html><html lang="en"><head><title>How I track my parcels</title></head>
<body><article><h1>How I track my parcels</h1><p>My last UPS tracking number was ${BLOG_NUMBER}; it took four days.</p></article></body></html>`;

function shopRoute(): ProviderRoutes & { hits: string[] } {
  const route = {
    id: 'shop-pages',
    hosts: [STORE, 'blog.example'],
    hits: [] as string[],
    owns: (req: { host: string }) => req.host === STORE || req.host === 'blog.example',
    handle(req: { host: string; path: string }) {
      route.hits.push(`${req.host}${req.path}`);
      // The saved page's scripts are not ours to run: served as elements (the reader looks for them), never executed.
      const headers = { 'content-type': 'text/html; charset=utf-8', 'content-security-policy': "script-src 'none'" };
      if (req.host === STORE && req.path === ORDER_PATH) return { status: 200, headers, body: readFileSync('tests/fixtures/shopify/order-status--in-transit-usps.html', 'utf8') };
      if (req.host === STORE && req.path === SECOND_PATH) return { status: 200, headers, body: readFileSync('tests/fixtures/shopify/order-status--delivered-ups.html', 'utf8') };
      if (req.host === 'blog.example' && req.path === BLOG_PATH) return { status: 200, headers, body: BLOG };
      return { status: 404, headers: { 'content-type': 'text/plain' }, body: 'not found' };
    },
  };
  return route as unknown as ProviderRoutes & { hits: string[] };
}

type RegisteredScript = { id: string; matches?: string[]; excludeMatches?: string[] };

describe('other shops in real Chromium (issue #15)', () => {
  let server: CarrierServer;
  let browser: ExtensionBrowser;
  let popup: Page;
  let route: ReturnType<typeof shopRoute>;

  const packages = () => readStore<PackageRow>(popup, 'packages');
  const registered = async (): Promise<RegisteredScript[]> => {
    const sw = await browser.serviceWorker();
    return sw.evaluate(async () => {
      const c = (globalThis as unknown as { chrome: { scripting: { getRegisteredContentScripts(): Promise<RegisteredScript[]> } } }).chrome;
      return (await c.scripting.getRegisteredContentScripts()).filter((s) => s.id === 'porchlight-shop-pages');
    });
  };
  /** Clicks the switch's visible label, as the shopper does, and waits for the switch to say so. */
  const flipAnySite = async (options: Page, on: boolean) => {
    await options.getByText('Read order pages on any site', { exact: true }).click();
    await waitFor(async () => (await options.getByRole('switch', { name: 'Read order pages on any site' }).isChecked()) === on, 10_000, 'the switch');
  };

  beforeAll(async () => {
    route = shopRoute();
    server = await startCarrierServer({ tls: await loopbackTls(), extraRoutes: [route], quiet: true });
    browser = await launchWithExtension({ port: server.port });
    await configureExtension(browser, { settings: { notifications: { quietHours: null } } });
    popup = await browser.context.newPage();
    await popup.goto(`chrome-extension://${browser.extensionId}/popup.html`);
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('before the switch: no script on any shop, and the store page opened stays unread', async () => {
    expect(await registered()).toEqual([]);
    const page = await browser.context.newPage();
    await page.goto(`https://${STORE}${ORDER_PATH}`, { waitUntil: 'load' });
    // The page is Shopify's (the reader would recognise it), yet no script ran: a round trip to the
    // background later there is still no package and no order from it.
    await popup.reload();
    expect(await packages()).toEqual([]);
    expect(await readStore<OrderRow>(popup, 'orders')).toEqual([]);
    await page.close();
  });

  it('turned on in the options page, a Shopify store page becomes a package with its carrier and number, in the popup', async () => {
    const options = await browser.context.newPage();
    await options.goto(`chrome-extension://${browser.extensionId}/options.html#shop-pages`);
    await flipAnySite(options, true);
    await waitFor(async () => (await registered()).length === 1, 15_000, 'the shop-page script registration');
    const [script] = await registered();
    // Only addresses of order status pages, on any HTTPS site: not every page the shopper opens.
    expect([...script!.matches!].sort()).toEqual([...ANY_SITE_SCRIPT_MATCHES].sort());
    expect(script!.excludeMatches).toEqual(expect.arrayContaining(['https://www.amazon.com/*', 'https://amazon.co.jp/*']));

    const page = await browser.context.newPage();
    await page.goto(`https://${STORE}${ORDER_PATH}`, { waitUntil: 'domcontentloaded' });
    const pkg = await waitFor(async () => (await packages()).find((p) => p.trackingNumber === USPS_NUMBER), 20_000, 'the Shopify package');
    expect(pkg).toMatchObject({ carrier: 'usps', status: 'in_transit' });
    const orders = await readStore<OrderRow>(popup, 'orders');
    expect(orders.map((o) => o.shop)).toEqual([STORE]);

    await popup.reload();
    const row = popup.locator(`[data-package-id="${pkg.id}"]`);
    await row.waitFor({ timeout: 10_000 });
    expect(await row.textContent()).toContain('USPS');
    await page.close();
    await options.close();
  });

  it('a page at an order-like address on another site, mentioning a tracking number, is no shop page: nothing is read from it', async () => {
    const before = (await packages()).map((p) => p.id);
    const page = await browser.context.newPage();
    await page.goto(`https://blog.example${BLOG_PATH}`, { waitUntil: 'load' });
    // Then a second store page in the same tab: once its package is stored, the blog page's script (which
    // ran first, at the same point of the page's life) has long had its turn.
    await page.goto(`https://${STORE}${SECOND_PATH}`, { waitUntil: 'domcontentloaded' });
    await waitFor(async () => (await packages()).length === before.length + 1, 20_000, 'the second store order');
    const after = await packages();
    expect(after.some((p) => p.trackingNumber === BLOG_NUMBER)).toBe(false);
    expect(after.find((p) => !before.includes(p.id))).toMatchObject({ carrier: 'ups', status: 'delivered' });
    await page.close();
  });

  it('turned off, the script is unregistered; the extension never fetched either site', async () => {
    const options = await browser.context.newPage();
    await options.goto(`chrome-extension://${browser.extensionId}/options.html#shop-pages`);
    await flipAnySite(options, false);
    await waitFor(async () => (await registered()).length === 0, 15_000, 'the shop-page script to go');
    await options.close();
    expect(route.hits.filter((h) => !h.endsWith('/favicon.ico'))).toEqual([`${STORE}${ORDER_PATH}`, `${STORE}${ORDER_PATH}`, `blog.example${BLOG_PATH}`, `${STORE}${SECOND_PATH}`]);
  });
});
