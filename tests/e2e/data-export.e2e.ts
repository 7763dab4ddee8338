/**
 * Issue #12 "Done when", in real Chromium with the built extension: a real Amazon order history page
 * (tests/fixtures/amazon/order-history-2024-0.html) is read; the options page's Data section exports
 * the backup, the CSVs and the calendar through its buttons (real downloads), which parse in
 * independent parsers; "Delete all data" empties the database after its confirmation; importing the
 * backup brings every order back; a truncated backup is refused with a visible message and nothing lost.
 */
import { mkdirSync, readFileSync } from 'node:fs';
import ICAL from 'ical.js';
import { parse as parseCsv } from 'csv-parse/sync';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { amazonPagesRoute } from '../support/amazon-pages-route';
import { type ExtensionBrowser, launchWithExtension, quietHoursOff, readStore, waitFor } from '../support/browser';
import { type CarrierServer, startCarrierServer } from '../support/carrier-server/server';
import { loopbackTls } from '../support/tls';

const ARTIFACTS = 'tests/e2e/artifacts';

describe('the Data section: export, delete all, import (issue #12)', () => {
  let server: CarrierServer;
  let browser: ExtensionBrowser;
  let options: Page;
  const route = amazonPagesRoute({ '/gp/css/order-history': 'tests/fixtures/amazon/order-history-2024-0.html' });

  beforeAll(async () => {
    server = await startCarrierServer({ tls: await loopbackTls(), extraRoutes: [route], quiet: true });
    browser = await launchWithExtension({ port: server.port });
    await quietHoursOff(browser);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  async function download(label: string): Promise<{ name: string; text: string }> {
    const [file] = await Promise.all([options.waitForEvent('download'), options.getByRole('button', { name: label, exact: true }).click()]);
    const path = await file.path();
    return { name: file.suggestedFilename(), text: readFileSync(path, 'utf8') };
  }
  const orderKeys = async () => (await readStore<{ key: string }>(options, 'orders')).map((o) => o.key).sort();
  const status = () => options.locator('#data [role="status"], #data [role="alert"]');

  it('reads the page, exports all three files, deletes everything, imports the backup back', async () => {
    const page = await browser.context.newPage();
    await page.goto('https://www.amazon.com/gp/css/order-history', { waitUntil: 'domcontentloaded' });
    options = await browser.context.newPage();
    await options.goto(`chrome-extension://${browser.extensionId}/options.html`);
    await waitFor(async () => (await readStore(options, 'orders')).length >= 10, 30_000, 'the orders of the page');
    await page.close();
    const orders = await orderKeys();
    const packages = (await readStore(options, 'packages')).length;
    await options.locator('#data').scrollIntoViewIfNeeded();
    await expect.poll(() => options.locator('#data').innerText()).toMatch(new RegExp(`Stored in this browser: ${packages} parcels?, ${orders.length} orders`));

    const backup = await download('Export backup');
    expect(backup.name).toMatch(/^porchlight-backup-\d{4}-\d{2}-\d{2}\.json$/);
    const doc = JSON.parse(backup.text);
    expect(doc.formatVersion).toBe(1);
    expect(doc.orders.map((o: { key: string }) => o.key).sort()).toEqual(orders);
    await expect.poll(() => status().innerText()).toMatch(/^Backup saved as porchlight-backup-/);

    const events = await download('Export CSV');
    const parsed: string[][] = parseCsv(events.text, { record_delimiter: '\r\n' });
    expect(parsed[0]![0]).toBe('tracking_number');
    const parcels = await download('Export parcels CSV');
    const rows: string[][] = parseCsv(parcels.text, { record_delimiter: '\r\n' });
    expect(rows).toHaveLength(packages + 1);
    const calendar = await download('Export calendar');
    expect(new ICAL.Component(ICAL.parse(calendar.text)).name).toBe('vcalendar');

    await options.getByRole('button', { name: 'Delete all data…' }).click();
    await expect.poll(() => options.locator('#data .confirm').innerText()).toMatch(/cannot be undone/);
    expect(await orderKeys()).toEqual(orders);
    await options.getByRole('button', { name: 'Yes, delete everything' }).click();
    await expect.poll(() => status().innerText()).toMatch(new RegExp(`^Deleted ${packages} parcels?, ${orders.length} orders`));
    expect(await readStore(options, 'orders')).toEqual([]);
    expect(await readStore(options, 'packages')).toEqual([]);

    await options.getByLabel('Import backup').setInputFiles({ name: backup.name, mimeType: 'application/json', buffer: Buffer.from(backup.text) });
    await expect.poll(() => status().innerText()).toMatch(new RegExp(`^Imported: ${orders.length} orders added; ${packages} parcels? added`));
    expect(await orderKeys()).toEqual(orders);
    // The same data exports the same bytes (apart from the export time).
    const again = await download('Export backup');
    expect(again.text.replace(/"exportedAt":"[^"]+"/, '')).toBe(backup.text.replace(/"exportedAt":"[^"]+"/, ''));

    // A truncated backup: refused where a person sees it, and nothing lost.
    const cut = backup.text.slice(0, Math.floor(backup.text.length / 2));
    await options.getByLabel('Import backup').setInputFiles({ name: 'cut.json', mimeType: 'application/json', buffer: Buffer.from(cut) });
    const alert = options.locator('#data [role="alert"]');
    await expect.poll(() => alert.innerText()).toMatch(/^cut\.json was not imported\. The file ends too early: it is truncated/);
    expect(await alert.isVisible()).toBe(true);
    expect(await orderKeys()).toEqual(orders);
    mkdirSync(ARTIFACTS, { recursive: true });
    await options.locator('#data').screenshot({ path: `${ARTIFACTS}/data-section--truncated-refused.png` });
  });
});
