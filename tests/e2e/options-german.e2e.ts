/**
 * The options page in German in real Chromium (issue #13 §2): a German browser's options page,
 * opened on install (#welcome), takes its words from public/_locales/de through browser.i18n
 * (entrypoints/options/browser-deps.ts), every section, in light and dark (one browser for both
 * halves). Screenshots go to tests/e2e/artifacts/.
 */
import { mkdirSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ExtensionBrowser, launchWithExtension } from '../support/browser';
import { type CarrierServer, startCarrierServer } from '../support/carrier-server/server';
import { loopbackTls } from '../support/tls';

const ARTIFACTS = 'tests/e2e/artifacts';
/** A backup's header and the start of its first list, cut there (the layout "Export backup" writes). */
const CUT_BACKUP = '{"format":"porchlight-backup","formatVersion":1,"exportedAt":"2026-11-23T15:00:00.000Z","app":{"name":"Porchlight","version":"0.1.0"},"settings":{},\n"orders":[\n';

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
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('de');
    expect(await page.locator('#welcome h2').textContent()).toBe('Willkommen bei Porchlight');
    expect(await page.getByRole('link', { name: 'Ihre Bestellungen bei Amazon.de' }).count()).toBe(1);
    expect(await page.locator('#sources h2').textContent()).toBe('Quellen');
    expect(await page.getByRole('switch', { name: 'Amazons eigene Sendungsverfolgung' }).isChecked()).toBe(true);
    expect(await page.getByRole('button', { name: 'Verbindung testen' }).count()).toBeGreaterThan(1);
    expect(await page.locator('#reading h2').textContent()).toBe('Seiten lesen');
    expect(await page.getByRole('switch', { name: 'Outlook im Web durchsuchen' }).isChecked()).toBe(false);
    expect(await page.locator('#carrier-pages h2').textContent()).toBe('Sendungsseiten der Paketdienste');
    expect(await page.getByRole('switch', { name: 'Bestellseiten auf allen Websites lesen' }).count()).toBe(1);
    for (const scheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme: scheme });
      for (const id of ['welcome', 'sources', 'reading', 'webmail', 'carrier-pages', 'shop-pages']) {
        await page.locator(`#${id}`).screenshot({ path: `${ARTIFACTS}/options-de-${id}-${scheme}.png` });
      }
    }
  });

  it('each section of the second half has its German heading and words', async () => {
    const heading = (id: string) => page.locator(`#${id}-title`).textContent();
    await page.locator('#data-title').waitFor({ timeout: 10_000 });
    expect(await heading('thresholds')).toBe('Schwellenwerte für Warnungen');
    expect(await heading('notifications')).toBe('Benachrichtigungen');
    expect(await heading('list')).toBe('Die Liste');
    expect(await heading('data')).toBe('Daten');
    expect(await heading('sync')).toBe('Zwischen Ihren Browsern synchronisieren');
    expect(await heading('diagnostics')).toBe('Diagnose');
    expect(await page.getByRole('button', { name: 'Sicherung exportieren' }).count()).toBe(1);
    expect(await page.getByLabel('Desktop-Benachrichtigungen anzeigen').count()).toBe(1);
    const stored = page.locator('#data > p.hint', { hasText: 'In diesem Browser gespeichert' });
    await stored.waitFor({ timeout: 10_000 });
    expect(await stored.textContent()).toMatch(/^In diesem Browser gespeichert: 0 Pakete, 0 Bestellungen, 0 Sendungsereignisse, 0 Warnungen/);
    // One shot of the second half per scheme: a shot per section took 40 s of the tier's time.
    const top = await page.locator('#thresholds').boundingBox();
    const end = await page.locator('#diagnostics').boundingBox();
    for (const scheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme: scheme });
      await page.screenshot({ path: `${ARTIFACTS}/options-de-second-half-${scheme}.png`, fullPage: true, clip: { x: 0, y: top!.y, width: 1000, height: end!.y + end!.height - top!.y } });
    }
    await page.emulateMedia({ colorScheme: 'light' });
  });

  // No screenshot here: a shot of #data takes about 4 s on this machine (the sections' shots above show its words).
  it('a refused backup and numbers that are no tracking numbers are explained in German', async () => {
    const status = page.locator('#data .status-slot');
    await page.getByLabel('Sicherung importieren').setInputFiles({ name: 'abgeschnitten.json', mimeType: 'application/json', buffer: Buffer.from(CUT_BACKUP) });
    await expect.poll(() => status.innerText()).toBe(
      'abgeschnitten.json wurde nicht importiert. Die Datei endet zu früh: Die Sicherung wurde vor ihrem Ende abgeschnitten. Es wurde nichts importiert.',
    );
    await page.getByLabel('Sendungsnummern importieren').setInputFiles({ name: 'nummern.txt', mimeType: 'text/plain', buffer: Buffer.from('112-5939971-8962610\n1Z999AA10123456785\n') });
    await expect.poll(() => status.innerText()).toMatch(/^Keine Sendungsnummer .*112-5939971-8962610 ist eine Amazon-Bestellnummer, keine Sendungsnummer.*die Prüfziffer stimmt nicht/s);
  });
});
