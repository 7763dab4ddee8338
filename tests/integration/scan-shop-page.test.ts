/** @vitest-environment-options { "settings": { "disableJavaScriptFileLoading": true, "disableJavaScriptEvaluation": true, "disableCSSFileLoading": true, "disableIframePageLoading": true, "handleDisabledFileLoadingAsSuccess": true } } */
/**
 * "Scan this page" on a Shopify store's order status page (issue #15): the background reads the tab, the
 * registry picks the Shopify reader by the document, and the reading goes through the same ingest as an
 * Amazon page's, so the order (store + number) and its package with carrier and number are stored. The
 * newer checkout page is reported and falls back to the generic scan. happy-dom gives the DOMParser that
 * the offscreen document gives in Chrome.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { PorchlightDb } from '../../lib/db/database';
import { type BackgroundApp, createBackgroundApp } from '../../lib/platform/background-app';
import { EN } from '../support/i18n';

const FIXTURES = join(__dirname, '../fixtures/shopify');
const NOW = Date.parse('2026-09-05T15:00:00Z');
const STORE = 'https://porchgoods.example/61234567890/orders/9e107d9d372bb6826bd81d3542a419d6';

describe('Scan this page on a Shopify order status page', () => {
  let db: PorchlightDb;
  let app: BackgroundApp;
  let tab: { html: string; url: string };
  beforeEach(() => {
    fakeBrowser.reset();
    db = new PorchlightDb(`scan-shop-${Math.random()}`);
    // No carrier can answer here: nothing leaves the test.
    app = createBackgroundApp(db, { ui: () => EN, now: () => NOW, timeZone: 'America/New_York', fetch: () => Promise.reject(new Error('offline')), clients: [] });
    // The fake browser has no scripting API: the tab's page is what the test says it is.
    (fakeBrowser as unknown as { scripting: unknown }).scripting = { executeScript: vi.fn(async () => [{ result: tab }]) };
  });
  afterEach(async () => {
    await app.idle();
    await db.delete();
  });
  const open = (name: string, url: string) => {
    // Iframes become divs: happy-dom would try to load them.
    tab = { html: readFileSync(join(FIXTURES, name), 'utf8').replace(/<iframe\b/gi, '<div').replace(/<\/iframe>/gi, '</div>'), url };
  };

  it('stores the order under store + number and its package with carrier and number; a second scan adds nothing', async () => {
    open('order-status--in-transit-usps.html', STORE);
    expect(await app.scanTab(7)).toEqual({ added: 1, known: 0, found: 1 });
    const order = await db.orders.get('porchgoods.example:PG1042');
    expect(order).toMatchObject({ shop: 'porchgoods.example', orderId: 'PG1042', status: 'open' });
    const pkgs = await db.packages.toArray();
    expect(pkgs).toHaveLength(1);
    expect(pkgs[0]).toMatchObject({ orderKey: 'porchgoods.example:PG1042', carrier: 'usps', trackingNumber: '9361289878700317633795', status: 'in_transit' });
    expect(pkgs[0]!.numbers[0]!.source).toBe('page:porchgoods.example');
    expect(await app.scanTab(7)).toEqual({ added: 0, known: 1, found: 1 });
    expect(await db.packages.count()).toBe(1);
  });

  it('the newer checkout page: its diagnostic is recorded and the generic scan runs (nothing found, the shopper is told)', async () => {
    const create = vi.spyOn(fakeBrowser.notifications, 'create');
    open('thank-you--checkout-extensibility.html', 'https://porchgoods.example/checkouts/c/Z2NwLXVzLWVhc3QxOjAxSkZY/thank-you');
    expect(await app.scanTab(7)).toEqual({ added: 0, known: 0, found: 0 });
    const diags = await db.diagnostics.toArray();
    expect(diags.map((d) => [d.shop, d.host, d.code])).toEqual([['porchgoods.example', 'porchgoods.example', 'shopify-extensibility-page']]);
    expect(create).toHaveBeenCalledWith(expect.any(String), expect.objectContaining({ title: 'No parcels on this page' }));
    expect(await db.orders.count()).toBe(0);
  });

  it('a page no shop reader knows goes to the generic scan as before', async () => {
    tab = {
      html: '<html><body><p>Your parcel: USPS tracking number 9361289878700317633795</p></body></html>',
      url: 'https://blog.example/post',
    };
    const r = await app.scanTab(7);
    expect(r).toMatchObject({ added: 1, found: 1 });
    expect(await db.orders.count()).toBe(0);
    expect((await db.packages.toArray())[0]).toMatchObject({ trackingNumber: '9361289878700317633795', carrier: 'usps' });
  });

  // Issue #15: Walmart and Target pages go the same way, chosen by their URL.
  const openShop = (dir: 'walmart' | 'target', name: string, url: string) => {
    tab = { html: readFileSync(join(FIXTURES, '..', dir, name), 'utf8'), url };
  };

  it('Walmart: a details page stores the order and one package per tracking number, each with the carrier its number names', async () => {
    const url = 'https://www.walmart.com/orders/200031822046615';
    openShop('walmart', 'order-details--groups-2101.html', url);
    expect(await app.scanTab(7)).toEqual({ added: 3, known: 0, found: 3 });
    expect(await db.orders.get('walmart:200031822046615')).toMatchObject({ shop: 'walmart', orderId: '200031822046615', status: 'open', orderUrl: url });
    const pkgs = (await db.packages.toArray()).sort((a, b) => a.trackingNumber!.localeCompare(b.trackingNumber!));
    expect(pkgs.map((p) => [p.trackingNumber, p.carrier, p.status, p.orderKey])).toEqual([
      ['1Z0F58R40344182305', 'ups', 'in_transit', 'walmart:200031822046615'],
      ['396204177856', 'fedex', 'delivered', 'walmart:200031822046615'],
      ['583017429657', 'fedex', 'in_transit', 'walmart:200031822046615'],
    ]);
    // Walmart's own track page passed the URL policy (a Walmart host).
    expect(pkgs[0]!.trackUrl).toBe(`${url}/track/1Z0F58R40344182305`);
    expect(pkgs[0]!.numbers[0]!.source).toBe('page:walmart');
    expect(await app.scanTab(7)).toEqual({ added: 0, known: 3, found: 3 });
  });

  it('Target: the order_history data in the page stores its packages with carrier and number; cancelled and picked-up orders are kept as orders', async () => {
    openShop('target', 'order-history--four-statuses.html', 'https://www.target.com/orders');
    const r = await app.scanTab(7);
    expect(r.added).toBe(r.found);
    expect(await db.orders.count()).toBe(4);
    expect(await db.orders.get('target:102002598834102')).toMatchObject({ shop: 'target', status: 'cancelled' });
    const numbered = (await db.packages.toArray()).filter((p) => p.trackingNumber).map((p) => [p.trackingNumber, p.carrier, p.status]);
    expect(numbered.sort()).toEqual([
      ['1Z2W9X610388274012', 'ups', 'delivered'],
      ['396204177856', 'fedex', 'in_transit'],
      ['92748901982174530682719068', 'usps', 'in_transit'],
    ]);
  });

  it("Target without its data: the reader's diagnostic is recorded and the generic scan finds the carriers' links", async () => {
    openShop('target', 'orders--links-only.html', 'https://www.target.com/orders');
    const r = await app.scanTab(7);
    expect((await db.diagnostics.toArray()).map((d) => [d.shop, d.code])).toEqual([['target', 'target-structure-unknown']]);
    expect(await db.orders.count()).toBe(0);
    expect(r.found).toBeGreaterThanOrEqual(2);
    const numbers = (await db.packages.toArray()).map((p) => [p.trackingNumber, p.carrier]);
    expect(numbers).toEqual(expect.arrayContaining([['1Z4V82W80345123457', 'ups'], ['771402836190', 'fedex']]));
  });
});

// Issue #15, the URL-matched shops (shops-b): one reading each through the same background ingest.
describe('Scan this page on eBay and AliExpress order pages', () => {
  let db: PorchlightDb;
  let app: BackgroundApp;
  let tab: { html: string; url: string };
  beforeEach(() => {
    fakeBrowser.reset();
    db = new PorchlightDb(`scan-shop-b-${Math.random()}`);
    app = createBackgroundApp(db, { ui: () => EN, now: () => Date.parse('2026-03-17T15:00:00Z'), timeZone: 'America/Chicago', fetch: () => Promise.reject(new Error('offline')), clients: [] });
    (fakeBrowser as unknown as { scripting: unknown }).scripting = { executeScript: vi.fn(async () => [{ result: tab }]) };
  });
  afterEach(async () => {
    await app.idle();
    await db.delete();
  });
  const open = (file: string, url: string) => {
    tab = { html: readFileSync(join(__dirname, '../fixtures', file), 'utf8'), url };
  };

  it('eBay order details: the order under ebay + its number, the package with USPS, its number and link', async () => {
    open('ebay/order-details--shipped-usps.html', 'https://www.ebay.com/vod/FetchOrderDetails?orderId=27-11834-60215');
    expect(await app.scanTab(3)).toEqual({ added: 1, known: 0, found: 1 });
    expect(await db.orders.get('ebay:27-11834-60215')).toMatchObject({ shop: 'ebay', orderId: '27-11834-60215', status: 'open' });
    const pkgs = await db.packages.toArray();
    expect(pkgs).toHaveLength(1);
    expect(pkgs[0]).toMatchObject({
      orderKey: 'ebay:27-11834-60215',
      carrier: 'usps',
      trackingNumber: '9405511899223197428490',
      status: 'in_transit',
      trackUrl: 'https://tools.usps.com/go/TrackConfirmAction?tLabels=9405511899223197428490',
    });
    expect(pkgs[0]!.numbers[0]!.source).toBe('page:ebay');
  });

  it("AliExpress logistics: one package per number of the Cainiao link, each with its carrier; Cainiao's link is not stored", async () => {
    open('aliexpress/logistics--two-numbers.html', 'https://track.aliexpress.com/logisticsdetail.htm?tradeId=8194475532016841');
    expect(await app.scanTab(3)).toEqual({ added: 2, known: 0, found: 2 });
    const pkgs = (await db.packages.toArray()).sort((a, b) => (a.trackingNumber! < b.trackingNumber! ? -1 : 1));
    expect(pkgs.map((p) => [p.orderKey, p.carrier, p.trackingNumber, p.status, p.trackUrl])).toEqual([
      ['aliexpress:8194475532016841', 'usps', '9405511899223197428490', 'in_transit', null],
      ['aliexpress:8194475532016841', 'yunexpress', 'YT2229521272164446', 'in_transit', null],
    ]);
    expect((await db.diagnostics.toArray()).map((d) => d.code)).toContain('url_refused');
  });
});

