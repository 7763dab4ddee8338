/**
 * Issue #14 in real Chromium: the shopper turns UPS and DHL Paket tracking pages on, opens a UPS
 * tracking page and a DHL Sendungsverfolgung page (real 2016/2018 captures, served on the carriers'
 * own hosts mapped to the local server), and each parcel's timeline lands in the extension's
 * database and in the popup. A DHL page the reader cannot understand leaves a diagnostic that the
 * options page lists. Nothing is fetched from a carrier's site by the extension: the server sees
 * only the shopper's own page loads.
 */
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { configureExtension, type ExtensionBrowser, launchWithExtension, readStore, waitFor } from '../support/browser';
import type { ProviderRoutes } from '../support/carrier-server/types';
import { type CarrierServer, startCarrierServer } from '../support/carrier-server/server';
import { loopbackTls } from '../support/tls';

const FIX = 'tests/fixtures/carrier-pages';
const UPS_NUMBER = '1ZW5244V6870200470';
const DHL_NUMBER = '00340434162530583993';

interface PackageRow {
  id: string;
  status: string;
  trackingNumber: string | null;
  carrier: string | null;
}
interface EventRow {
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
}

/** The carriers' tracking pages: saved captures at their hosts; page scripts blocked (the captures' scripts are not ours to run). */
function carrierPagesRoute(pages: Record<string, string>): ProviderRoutes & { hits: string[] } {
  const route = {
    id: 'carrier-pages',
    hosts: ['www.ups.com', 'nolp.dhl.de'],
    hits: [] as string[],
    owns: (req: { host: string }) => req.host === 'www.ups.com' || req.host === 'nolp.dhl.de',
    handle(req: { host: string; path: string; query: URLSearchParams }) {
      route.hits.push(`${req.host}${req.path}`);
      const file = pages[`${req.host}${req.path}`];
      if (!file) return { status: 404, headers: { 'content-type': 'text/plain' }, body: 'not found' };
      return {
        status: 200,
        headers: { 'content-type': 'text/html; charset=utf-8', 'content-security-policy': "script-src 'none'" },
        body: readFileSync(file, 'utf8'),
      };
    },
  };
  return route as unknown as ProviderRoutes & { hits: string[] };
}

describe('carrier tracking pages in real Chromium (issue #14)', () => {
  let server: CarrierServer;
  let browser: ExtensionBrowser;
  let popup: Page;
  let route: ReturnType<typeof carrierPagesRoute>;

  const packages = () => readStore<PackageRow>(popup, 'packages');
  const eventsOf = async (id: string) => (await readStore<EventRow>(popup, 'events')).filter((e) => e.packageId === id);

  beforeAll(async () => {
    route = carrierPagesRoute({
      'www.ups.com/track': `${FIX}/ups/sauladam-ups-in_transit.html`,
      'nolp.dhl.de/nextt-online-public/set_identcodes.do': `${FIX}/dhl-de/sauladam-dhl-in_transit.html`,
      'nolp.dhl.de/nextt-online-public/de/search': `${FIX}/dhl-de/layout-changed--state-loaded-later.html`,
    });
    server = await startCarrierServer({ tls: await loopbackTls(), extraRoutes: [route], quiet: true });
    browser = await launchWithExtension({ port: server.port });
    // What the options switches store (the e2e build grants the hosts at install: no prompt to click).
    await configureExtension(browser, { settings: { notifications: { quietHours: null }, carrierPages: { ups: true, 'dhl-de': true } } });
    const sw = await browser.serviceWorker();
    await waitFor(
      () =>
        sw.evaluate(async () => {
          const c = (globalThis as unknown as { chrome: { scripting: { getRegisteredContentScripts(): Promise<{ id: string; matches?: string[] }[]> } } }).chrome;
          const scripts = await c.scripting.getRegisteredContentScripts();
          return scripts.some((s) => s.id === 'porchlight-carrier-pages' && (s.matches ?? []).includes('https://nolp.dhl.de/*'));
        }),
      15_000,
      'the carrier-page script registration',
    );
    popup = await browser.context.newPage();
    await popup.goto(`chrome-extension://${browser.extensionId}/popup.html`);
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('a UPS tracking page the shopper opens: its number, status and timeline, in the database and the popup', async () => {
    const page = await browser.context.newPage();
    await page.goto(`https://www.ups.com/track?loc=en_US&tracknum=${UPS_NUMBER}`, { waitUntil: 'domcontentloaded' });
    const pkg = await waitFor(async () => (await packages()).find((p) => p.trackingNumber === UPS_NUMBER), 20_000, 'the UPS package');
    expect(pkg).toMatchObject({ id: `ups:${UPS_NUMBER}`, carrier: 'ups', status: 'out_for_delivery' });
    const events = await waitFor(async () => ((await eventsOf(pkg.id)).length === 10 ? eventsOf(pkg.id) : null), 10_000, 'the 10 timeline events');
    expect(events.every((e) => e.source === 'page:ups' && e.timeIsLocal)).toBe(true);
    expect(events.map((e) => [e.time, e.description, e.location]).sort()).toContainEqual(['2016-01-13T06:14', 'Out For Delivery', 'Bolzano, Italy']);
    // The popup lists the parcel; opened, it shows the page's timeline in the carrier's words (an
    // older scan too, so it is the timeline and not only the headline).
    await popup.reload();
    const row = popup.locator(`[data-package-id="${pkg.id}"]`);
    await row.waitFor({ timeout: 10_000 });
    await row.locator('button').first().click();
    await waitFor(
      async () => {
        const shown = (await popup.locator('body').textContent()) ?? '';
        return shown.includes('Out For Delivery') && shown.includes('Destination Scan') && shown.includes('Bolzano, Italy');
      },
      10_000,
      'the timeline in the popup',
    );
    await page.close();
  });

  it('a DHL page whose timeline is in its embedded state, read the same way', async () => {
    const page = await browser.context.newPage();
    await page.goto(`https://nolp.dhl.de/nextt-online-public/set_identcodes.do?lang=de&idc=${DHL_NUMBER}`, { waitUntil: 'domcontentloaded' });
    const pkg = await waitFor(async () => (await packages()).find((p) => p.trackingNumber === DHL_NUMBER), 20_000, 'the DHL package');
    expect(pkg).toMatchObject({ carrier: 'dhl', status: 'out_for_delivery' });
    const events = await waitFor(async () => ((await eventsOf(pkg.id)).length === 4 ? eventsOf(pkg.id) : null), 10_000, 'the 4 DHL events');
    expect(events.find((e) => e.location === 'Hagen')).toMatchObject({ time: '2018-08-01T22:04:00+02:00', timeIsLocal: false, source: 'page:dhl' });
    await page.close();
  });

  it('a page it cannot understand leaves a diagnostic, listed in the options page, and no package', async () => {
    const before = (await packages()).length;
    const page = await browser.context.newPage();
    await page.goto('https://nolp.dhl.de/nextt-online-public/de/search?idc=00340434162530999999', { waitUntil: 'domcontentloaded' });
    const diag = await waitFor(
      async () => (await readStore<DiagnosticRow>(popup, 'diagnostics')).find((d) => d.host === 'nolp.dhl.de'),
      20_000,
      'the carrier-page diagnostic',
    );
    expect(diag).toMatchObject({ code: 'carrier-page-no-timeline', pageKind: 'carrier-tracking', shop: 'carrier-page:dhl-de' });
    expect((await packages()).length).toBe(before);
    const options = await browser.context.newPage();
    await options.goto(`chrome-extension://${browser.extensionId}/options.html#diagnostics`);
    await options.locator('#diagnostics code', { hasText: 'carrier-page-no-timeline' }).waitFor({ timeout: 10_000 });
    await options.close();
    await page.close();
    // Each tracking page was loaded once, by the shopper's tab: the extension fetched none of them.
    const documents = route.hits.filter((h) => h === 'www.ups.com/track' || h.includes('set_identcodes.do') || h.endsWith('/de/search'));
    expect(documents).toEqual(['www.ups.com/track', 'nolp.dhl.de/nextt-online-public/set_identcodes.do', 'nolp.dhl.de/nextt-online-public/de/search']);
  });
});
