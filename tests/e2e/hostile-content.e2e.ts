/**
 * Issue #17 point 4: script and HTML planted in every field a page or a carrier supplies, in real
 * Chromium with the built extension. A real Amazon order history page (order-history-amazon-store.html) has
 * its item titles replaced by payloads (as text of the page, the way a seller would write them), its
 * track page names a hostile carrier, the carrier answers with hostile statuses, event descriptions and
 * places, and the shopper names a parcel with a payload. The popup list and package view, the options
 * page, the notifications, the CSV, JSON and calendar exports and the claim kit all show the payloads as
 * text; no payload ran (no dialog, no element it would inject, no request to its host: the session's
 * request audit, tests/support/request-audit.ts, and the pages' own request logs).
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse as parseCsv } from 'csv-parse/sync';
import ICAL from 'ical.js';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ExtensionBrowser, launchWithExtension, quietHoursOff, readStore, waitFor } from '../support/browser';
import { type CarrierServer, startCarrierServer } from '../support/carrier-server/server';
import type { ProviderRoutes } from '../support/carrier-server/types';
import { DEMO_SHIPMENTS } from '../support/demo/catalog';
import { e2eShop } from '../support/e2e-shop';
import type { RequestAudit } from '../support/request-audit';
import { loopbackTls } from '../support/tls';

const HOST = 'payload.example';
const TITLE = `<img src="https://${HOST}/title.png" onerror="window.__pwned='title'"> Roller brushes`;
const TITLE_2 = `<script>window.__pwned='script'</script><b id="pwned">Wall mount</b>`;
const CARRIER = `<a href="javascript:window.__pwned='carrier'">Demo</a>`;
const STATUS = `<svg onload="window.__pwned='status'">In transit</svg>`;
const EVENT = `Arrived <iframe src="https://${HOST}/event"></iframe> at facility`;
const PLACE = `"><img src=https://${HOST}/place.png onerror=alert(1)> Memphis, TN`;
const LABEL = `<img src=x onerror=alert('label')> Lamp for Mum`;
const OUT = `<form action="https://${HOST}/phish"><input name=pw></form>Out for delivery`;
/** The carrier's answer moves on once (out for delivery) after the first sighting, so a notification is due. */
let outForDelivery = false;
const NUMBER = DEMO_SHIPMENTS[0]!.number;

/** The page's text as a seller would write it: escaped in the HTML, so the page shows the payload as text. */
const asPageText = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** The real page with its item titles replaced; the first shipment's track page names the demo number. */
function hostilePage(): { file: string; shipmentId: string } {
  let n = 0;
  const real = readFileSync('tests/fixtures/amazon/order-history-amazon-store.html', 'utf8');
  const html = real.replace(/(<div class="yohtmlc-product-title">\s*<a [^>]*>)\s*[^<]+?\s*(<\/a>)/g, (_m, open: string, close: string) => `${open}${asPageText(n++ % 2 === 0 ? TITLE : TITLE_2)}${close}`);
  expect(n).toBeGreaterThan(4);
  const shipmentId = /shipmentId=([A-Za-z0-9]+)/.exec(html)![1]!;
  const file = join(mkdtempSync(join(tmpdir(), 'porchlight-hostile-')), 'order-history.html');
  writeFileSync(file, html);
  return { file, shipmentId };
}

/** The demo carrier's API (its wire format, tests/support/carrier-server/providers/demo.ts), hostile. */
const hostileCarrier: ProviderRoutes = {
  id: 'demo',
  hosts: ['api.demo-carrier.test'],
  owns: (req) => req.host === 'api.demo-carrier.test' && req.path === '/v1/track',
  handle(req, state) {
    const numbers = (req.query.get('numbers') ?? '').split(',').filter(Boolean);
    const at = (minutesAgo: number) => new Date(state.now() - minutesAgo * 60_000).toISOString();
    return {
      status: 200,
      body: {
        shipments: numbers.map((n) =>
          n !== NUMBER
            ? { trackingNumber: n, found: false }
            : {
                trackingNumber: n,
                found: true,
                status: outForDelivery ? 'OFD' : 'IT',
                statusText: outForDelivery ? OUT : STATUS,
                estimatedDelivery: null,
                deliveredAt: null,
                events: [
                  ...(outForDelivery ? [{ at: at(1), code: 'OFD', text: OUT, location: PLACE }] : []),
                  { at: at(5), code: 'IT', text: EVENT, location: PLACE },
                  { at: at(90), code: 'PU', text: STATUS, location: PLACE },
                ],
              },
        ),
      },
    };
  },
};

/** Anything a payload would have put in the document, or done. */
async function planted(page: Page): Promise<string[]> {
  return page.evaluate((host) => {
    const found: string[] = [];
    const w = window as unknown as { __pwned?: string };
    if (w.__pwned) found.push(`ran: ${w.__pwned}`);
    for (const el of document.querySelectorAll(`#pwned, iframe, form[action*="${host}"], [onerror], [onload], img[src*="${host}"], a[href^="javascript:"]`)) found.push(el.outerHTML.slice(0, 120));
    return found;
  }, HOST);
}

describe('hostile content is shown as text, and never runs (issue #17 point 4)', () => {
  let server: CarrierServer;
  let browser: ExtensionBrowser;
  let audit: RequestAudit | null = null;
  const dialogs: string[] = [];
  const payloadRequests: string[] = [];
  const watch = (page: Page) => {
    page.on('dialog', (d) => {
      dialogs.push(d.message());
      void d.dismiss();
    });
    page.on('request', (r) => {
      if (r.url().includes(HOST)) payloadRequests.push(r.url());
    });
    return page;
  };

  beforeAll(async () => {
    const { file, shipmentId } = hostilePage();
    const shop = e2eShop({ pages: { '/gp/css/order-history': file }, tracking: { [shipmentId]: { carrierName: CARRIER, number: NUMBER } } });
    server = await startCarrierServer({ tls: await loopbackTls(), extraRoutes: [shop, hostileCarrier], quiet: true });
    browser = await launchWithExtension({ port: server.port });
    await quietHoursOff(browser);
    browser.context.on('page', watch);
  });
  afterAll(async () => {
    if (browser && !audit) await browser.close();
    await server?.close();
  });

  let popup: Page;
  let id: string;

  it('reads the page and the carrier: the payloads are stored as text', async () => {
    const page = watch(await browser.context.newPage());
    await page.goto('https://www.amazon.com/gp/css/order-history', { waitUntil: 'domcontentloaded' });
    popup = watch(await browser.context.newPage());
    await popup.goto(`chrome-extension://${browser.extensionId}/popup.html`);
    const pkg = await waitFor(
      async () => {
        const rows = await readStore<{ id: string; trackingNumber: string | null; lastCheckAt: number | null }>(popup, 'packages');
        const events = await readStore<{ packageId: string; description: string }>(popup, 'events');
        const p = rows.find((r) => r.trackingNumber === NUMBER);
        return p && events.some((e) => e.packageId === p.id && e.description === EVENT) ? p : null;
      },
      60_000,
      'the hostile parcel refreshed from the carrier',
    );
    id = pkg.id;
    const orders = await readStore<{ items: { title: string }[] }>(popup, 'orders');
    expect(orders.flatMap((o) => o.items.map((i) => i.title))).toContain(TITLE);
    await page.close();
  });

  it('the popup list and package view show them as text', async () => {
    await popup.reload();
    const card = popup.locator(`[data-package-id="${id}"]`);
    await card.waitFor({ timeout: 10_000 });
    expect(await card.innerText()).toContain(TITLE);
    await card.locator('.pkg__open').click();
    const view = popup.locator(`[data-view-package="${id}"]`);
    await view.waitFor({ timeout: 5_000 });
    await expect.poll(() => view.innerText()).toContain(EVENT);
    const text = await view.innerText();
    expect(text).toContain(PLACE.trim());
    expect(await planted(popup)).toEqual([]);
    // The package view saves this parcel's claim kit (issue #12 §1): the payloads in it are escaped text.
    const [download] = await Promise.all([popup.waitForEvent('download'), view.getByRole('button', { name: 'Save claim kit' }).click()]);
    const kit = readFileSync((await download.path())!, 'utf8');
    expect(download.suggestedFilename()).toMatch(/^porchlight-claim-PLDEMO\d+-\d{4}-\d{2}-\d{2}\.html$/);
    expect(kit).toContain('Arrived &lt;iframe src=');
    expect(kit).not.toContain('<iframe');
    await expect.poll(() => popup.locator('.popup__status').innerText()).toMatch(/^Claim kit saved as porchlight-claim-/);
    // The shopper names the parcel with a payload: shown as text in the list.
    await view.getByRole('button', { name: 'Rename', exact: true }).click();
    await view.getByLabel('Name').fill(LABEL);
    await view.getByRole('button', { name: 'Save', exact: true }).click();
    await expect.poll(() => view.locator('#view-title').innerText()).toBe(LABEL);
    await popup.getByRole('button', { name: 'Back to the list' }).click();
    await expect.poll(() => popup.locator(`[data-package-id="${id}"]`).innerText()).toContain(LABEL);
    expect(await planted(popup)).toEqual([]);
  });

  it('notifications carry them as text', async () => {
    outForDelivery = true;
    await popup.getByRole('button', { name: 'Refresh' }).first().click();
    await waitFor(async () => (await readStore(popup, 'notifications')).length > 0, 30_000, 'a notification about the hostile parcel');
    const notes = await readStore<{ title: string; message: string }>(popup, 'notifications');
    const all = notes.map((n) => `${n.title}\n${n.message}`).join('\n');
    console.log('hostile-content notifications:', JSON.stringify(notes.map((n) => [n.title, n.message])));
    // What a notification quotes of a page or carrier is the text itself (the API shows plain text).
    expect([LABEL, TITLE, TITLE_2, OUT, EVENT, PLACE.trim()].some((p) => all.includes(p))).toBe(true);
    expect(all.includes('&lt;')).toBe(false);
  });

  it('the options page, the exports and the claim kit show them as text', async () => {
    const options = watch(await browser.context.newPage());
    await options.goto(`chrome-extension://${browser.extensionId}/options.html`);
    await options.locator('#data').scrollIntoViewIfNeeded();
    const download = async (label: string) => {
      const [file] = await Promise.all([options.waitForEvent('download'), options.getByRole('button', { name: label, exact: true }).click()]);
      return readFileSync((await file.path())!, 'utf8');
    };
    const backup = JSON.parse(await download('Export backup')) as { events: { description: string; location: string | null }[]; orders: { items: { title: string }[] }[] };
    expect(backup.events.map((e) => e.description)).toContain(EVENT);
    expect(backup.orders.flatMap((o) => o.items.map((i) => i.title))).toContain(TITLE_2);
    const events: string[][] = parseCsv(await download('Export CSV'), { record_delimiter: '\r\n' });
    expect(events.flat()).toContain(EVENT);
    const parcels: string[][] = parseCsv(await download('Export parcels CSV'), { record_delimiter: '\r\n' });
    expect(parcels.flat()).toContain(LABEL);
    const calendar = new ICAL.Component(ICAL.parse(await download('Export calendar')));
    const summaries = calendar.getAllSubcomponents('vevent').map((e) => String(e.getFirstPropertyValue('summary')));
    expect(summaries.join('\n').includes('&lt;')).toBe(false);
    expect(await planted(options)).toEqual([]);

    // The claim kit, saved and then opened as the shopper opens it (a local file in the browser).
    await options.locator('#claim-package').selectOption(id);
    const kit = await download('Save claim kit');
    expect(kit).not.toContain('<iframe');
    expect(kit).not.toContain(`<img src=https://${HOST}`);
    const opened = watch(await browser.context.newPage());
    const kitFile = join(mkdtempSync(join(tmpdir(), 'porchlight-kit-')), 'claim-kit.html');
    writeFileSync(kitFile, kit);
    await opened.goto(`file://${kitFile}`);
    const shown = await opened.locator('body').innerText();
    expect(shown).toContain(EVENT);
    expect(shown).toContain(LABEL);
    expect(await planted(opened)).toEqual([]);
  });

  it('no payload ran anywhere: no dialog, no request to its host', async () => {
    // The detector itself sees a payload that did run (a page given one as markup).
    const control = await browser.context.newPage();
    await control.setContent(`<div>${TITLE_2}</div>`);
    expect(await planted(control)).toEqual(['ran: script', '<b id="pwned">Wall mount</b>']);
    await control.close();
    expect(dialogs).toEqual([]);
    expect(payloadRequests).toEqual([]);
    audit = await browser.closeForAudit();
    expect(audit.outside).toEqual([]);
    expect(Object.keys(audit.byHost).filter((h) => h.includes(HOST))).toEqual([]);
    expect(audit.extension).toBeGreaterThan(0);
  });
});
