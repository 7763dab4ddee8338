/**
 * The popup in German in real Chromium (issue #13 §2): a browser whose language is German shows
 * the popup's words from public/_locales/de, its dates and times the German way, at 400 × 600 in
 * light and dark; carrier names and numbers as they are. Screenshots go to tests/e2e/artifacts/.
 */
import { mkdirSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ExtensionBrowser, launchWithExtension, openPopup, quietHoursOff } from '../support/browser';
import { type CarrierServer, startCarrierServer } from '../support/carrier-server/server';
import { loopbackTls } from '../support/tls';
import { blankPackage } from '../../lib/engine/merge';
import type { Package } from '../../lib/model/types';

const ARTIFACTS = 'tests/e2e/artifacts';
const HOUR = 3_600_000;
const DAY = 24 * HOUR;

describe('the popup in German (issue #13 §2)', () => {
  let server: CarrierServer;
  let browser: ExtensionBrowser;
  let popup: Page;
  const shot = async (name: string) => {
    for (const scheme of ['light', 'dark'] as const) {
      await popup.emulateMedia({ colorScheme: scheme });
      await popup.screenshot({ path: `${ARTIFACTS}/popup-de-${name}-${scheme}.png` });
    }
    await popup.emulateMedia({ colorScheme: 'light' });
  };

  beforeAll(async () => {
    mkdirSync(ARTIFACTS, { recursive: true });
    server = await startCarrierServer({ tls: await loopbackTls(), quiet: true });
    browser = await launchWithExtension({ port: server.port, lang: 'de' });
    await quietHoursOff(browser);
    popup = await openPopup(browser);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('the browser is German, and the empty popup says its three ways in in German', async () => {
    expect(await popup.evaluate(() => (globalThis as unknown as { chrome: { i18n: { getUILanguage(): string } } }).chrome.i18n.getUILanguage())).toMatch(/^de/);
    // The page says it is German (it was lang="en" in German too).
    expect(await popup.evaluate(() => document.documentElement.lang)).toBe('de');
    const welcome = popup.locator('.welcome');
    await welcome.waitFor({ timeout: 10_000 });
    expect(await welcome.locator('h2').textContent()).toBe('Noch nichts zu verfolgen');
    expect(await welcome.getByRole('button', { name: /^Ihre Bestellungen bei Amazon\.de$/ }).count()).toBe(1);
    expect(await popup.getByRole('searchbox', { name: 'Pakete durchsuchen oder Sendungsnummern zum Verfolgen einfügen' }).count()).toBe(1);
    await shot('empty');
  });

  it('the box in German: a reason for a broken number, an offer for a good one', async () => {
    const box = popup.getByRole('searchbox', { name: 'Pakete durchsuchen oder Sendungsnummern zum Verfolgen einfügen' });
    await box.fill('1Z999AA10123456785 1Z999AA10123456784');
    const reason = popup.locator('.box__reason');
    await reason.waitFor({ timeout: 5_000 });
    expect(await reason.textContent()).toBe('1Z999AA10123456785 sieht aus wie eine Sendungsnummer von UPS, aber die Prüfziffer stimmt nicht: Prüfen Sie sie auf Tippfehler.');
    expect(await popup.getByRole('button', { name: 'Diese Nummer verfolgen' }).count()).toBe(1);
    expect(await popup.getByRole('list', { name: 'Sendungsnummern im Feld' }).count()).toBe(1);
    await shot('box');
    await box.fill('');
  });

  it('parcels say their state in German, with German dates and times', async () => {
    const now = Date.now();
    // The demo carrier's numbers: a source can refresh them, so each row says its state, not how to get a source.
    const numbers = ['PLDEMO12345670', 'PLDEMO76543210', 'PLDEMO00000017', 'PLDEMO10000007'];
    let n = 0;
    const make = (id: string, label: string, over: Partial<Package>): Package => {
      const number = numbers[n++]!;
      return {
        ...blankPackage({ id, shop: 'amazon', orderId: `302-0000000-000000${n}`, label, status: 'in_transit', firstSeenAt: now - DAY, lastChangeAt: now - HOUR, nextCheckAt: null }, now - DAY),
        carrier: 'demo',
        trackingNumber: number,
        numbers: [{ number, carrier: 'demo', relation: 'primary', source: 'manual', addedAt: now - DAY }],
        ...over,
      };
    };
    const tomorrow = new Date(now + DAY).toISOString().slice(0, 10);
    const packages = [
      make('de:ofd', 'Kaffeemühle', { status: 'out_for_delivery' }),
      make('de:delivered', 'Wanderschuhe, Größe 43', { status: 'delivered', deliveredAt: new Date(now - 2 * HOUR).toISOString() }),
      make('de:transit', 'Bücherregal aus Eiche', { status: 'in_transit', eta: { from: tomorrow, to: tomorrow } }),
      make('de:pickup', 'Ladekabel', { status: 'available_for_pickup', pickup: { location: 'Packstation 123, Berlin', code: '4711', until: new Date(now + 5 * DAY).toISOString().slice(0, 10) } }),
    ];
    await popup.evaluate(
      (data) => (globalThis as unknown as { chrome: { runtime: { sendMessage(m: unknown): Promise<unknown> } } }).chrome.runtime.sendMessage({ id: 1, type: 'restorePackages', data, timestamp: Date.now() }),
      { packages, events: [], alerts: [] },
    );
    const row = (id: string) => popup.locator(`[data-package-id="${id}"]`);
    await row('de:ofd').waitFor({ timeout: 10_000 });
    expect(await popup.locator('[data-group] h2').allTextContents()).toEqual(['Heute erwartet 1', 'Abholbereit 1', 'Unterwegs 1', 'Kürzlich zugestellt 1']);
    expect(await row('de:ofd').locator('.pkg__status').textContent()).toBe('In Zustellung');
    expect(await row('de:ofd').locator('.pkg__line').textContent()).toBe('Zustellung heute');
    expect(await row('de:delivered').locator('.pkg__status').textContent()).toBe('Zugestellt');
    expect(await row('de:delivered').locator('.pkg__line').textContent()).toMatch(/^Zugestellt heute um \d{1,2}:\d\d Uhr$/);
    expect(await row('de:transit').locator('.pkg__line').textContent()).toBe('Zustellung morgen');
    expect(await row('de:pickup').locator('.pkg__line').textContent()).toBe('Abholstelle: Packstation 123, Berlin');
    expect(await row('de:transit').locator('.pkg__meta').textContent()).toBe('Amazon · Porchlight Demo Carrier');
    expect(await popup.getByRole('button', { name: /^Aktuell/ }).count()).toBe(1);
    // Nothing overflows the 400 px popup in German (longer words than English).
    expect(await popup.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(400);
    await shot('list');
  });

  it("a package's own view in German", async () => {
    await popup.locator('[data-package-id="de:pickup"] .pkg__open').click();
    const view = popup.locator('[data-view-package="de:pickup"]');
    await view.waitFor({ timeout: 10_000 });
    expect(await view.locator('.view__detail').textContent()).toMatch(/^Abholcode 4711 · Bis \p{L}{2}\., \d{1,2}\. \p{L}+\.?$/u);
    expect(await view.getByRole('button', { name: 'Zurück zur Liste' }).count()).toBe(1);
    expect(await view.getByRole('progressbar', { name: 'Fortschritt von Ladekabel' }).getAttribute('aria-valuetext')).toBe('Schritt 4 von 5: Abholbereit');
    expect(await view.locator('h2').allTextContents()).toEqual(['Abholung', 'Nächste Schritte', 'Sendungsnummer', 'Bestellung', 'Sendungsverlauf']);
    expect(await popup.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(400);
    await shot('package');
    await popup.keyboard.press('Escape');
  });
});
