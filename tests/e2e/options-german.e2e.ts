/**
 * The options page's first half in German in real Chromium (issue #13 §2): a German browser's
 * options page, opened on install (#welcome), takes its words from public/_locales/de through
 * browser.i18n (entrypoints/options/browser-deps.ts), in light and dark. Screenshots go to
 * tests/e2e/artifacts/.
 */
import { mkdirSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ExtensionBrowser, launchWithExtension } from '../support/browser';
import { type CarrierServer, startCarrierServer } from '../support/carrier-server/server';
import { loopbackTls } from '../support/tls';

const ARTIFACTS = 'tests/e2e/artifacts';

describe('the options page in German (issue #13 §2)', () => {
  let server: CarrierServer;
  let browser: ExtensionBrowser;
  let page: Page;

  beforeAll(async () => {
    mkdirSync(ARTIFACTS, { recursive: true });
    server = await startCarrierServer({ tls: await loopbackTls(), quiet: true });
    browser = await launchWithExtension({ port: server.port, lang: 'de' });
    page = await browser.context.newPage();
    await page.setViewportSize({ width: 1000, height: 900 });
    await page.goto(`chrome-extension://${browser.extensionId}/options.html#welcome`);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('says the welcome, sources, webmail, carrier and shop sections in German', async () => {
    await page.locator('#sources').waitFor({ timeout: 10_000 });
    expect(await page.locator('h1').textContent()).toBe('Porchlight-Einstellungen');
    expect(await page.locator('#welcome h2').textContent()).toBe('Willkommen bei Porchlight');
    expect(await page.getByRole('link', { name: 'Ihre Bestellungen bei Amazon.de' }).count()).toBe(1);
    expect(await page.locator('#sources h2').textContent()).toBe('Quellen');
    expect(await page.getByRole('switch', { name: 'Amazons eigene Sendungsverfolgung' }).isChecked()).toBe(true);
    expect(await page.getByRole('button', { name: 'Verbindung testen' }).count()).toBeGreaterThan(1);
    expect(await page.locator('#reading h2').textContent()).toBe('Seiten lesen');
    expect(await page.getByRole('switch', { name: 'Outlook im Web durchsuchen' }).isChecked()).toBe(false);
    expect(await page.locator('#carrier-pages h2').textContent()).toBe('Sendungsseiten der Versanddienste');
    expect(await page.getByRole('switch', { name: 'Bestellseiten auf allen Websites lesen' }).count()).toBe(1);
    for (const scheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme: scheme });
      for (const id of ['welcome', 'sources', 'reading', 'webmail', 'carrier-pages', 'shop-pages']) {
        await page.locator(`#${id}`).screenshot({ path: `${ARTIFACTS}/options-de-${id}-${scheme}.png` });
      }
    }
  });
});
