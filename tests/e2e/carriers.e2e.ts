/**
 * Issue #5: UPS, FedEx and USPS packages refreshed through their official APIs (OAuth client
 * credentials) on the local carrier server, reached at their real host names mapped to loopback, in
 * real Chromium; the popup follows each status; credentials go only to their own provider's host.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { configureExtension, type ExtensionBrowser, launchWithExtension, readStore, waitFor } from '../support/browser';
import { FEDEX_PROGRESSION } from '../support/carrier-server/providers/fedex';
import { UPS_PROGRESSION } from '../support/carrier-server/providers/ups';
import { USPS_PROGRESSION } from '../support/carrier-server/providers/usps';
import { type CarrierServer, startCarrierServer } from '../support/carrier-server/server';
import { e2eShop } from '../support/e2e-shop';
import { loopbackTls } from '../support/tls';

const STEP = 30_000; // the carrier server's scripted numbers move one step every 30 s of its clock
const CASES = [
  { shipment: 'BxL8CNxWM', carrier: 'ups', name: 'UPS', number: UPS_PROGRESSION, host: 'onlinetools.ups.com' },
  { shipment: 'B4LMCNxWM', carrier: 'fedex', name: 'FedEx', number: FEDEX_PROGRESSION, host: 'apis.fedex.com' },
  { shipment: 'Bt9WtyrpM', carrier: 'usps', name: 'USPS', number: USPS_PROGRESSION, host: 'apis.usps.com' },
];
const PROVIDER_HOSTS = new Set(CASES.map((c) => c.host));
// Each carrier's own key pair, so the server can tell whose credential a request carries (issue #17 point 5).
const KEYS = (carrier: string) => ({ clientId: `${carrier}-e2e-client-id`, clientSecret: `${carrier}-e2e-client-secret-${carrier.length}x` });
const SECRETS: Record<string, string> = Object.fromEntries(
  CASES.flatMap((c) => [[KEYS(c.carrier).clientId, c.host], [KEYS(c.carrier).clientSecret, c.host]]),
);

interface Row {
  id: string;
  status: string;
  trackingNumber: string | null;
  carrier: string | null;
  shipmentId: string | null;
  lastCheckAt: number | null;
}

describe('carrier APIs end to end (UPS, FedEx, USPS)', () => {
  let server: CarrierServer;
  let browser: ExtensionBrowser;
  let popup: Page;

  beforeAll(async () => {
    const shop = e2eShop({
      pages: { '/gp/css/order-history': 'tests/fixtures/amazon/order-history-amazon-store.html' },
      tracking: Object.fromEntries(CASES.map((c) => [c.shipment, { carrierName: c.name, number: c.number }])),
    });
    server = await startCarrierServer({ tls: await loopbackTls(), extraRoutes: [shop], quiet: true, secrets: SECRETS });
    server.advance(STEP + 1000); // in transit
    browser = await launchWithExtension({ port: server.port });
    await configureExtension(browser, {
      settings: { notifications: { quietHours: null } },
      credentials: Object.fromEntries(CASES.map((c) => [c.carrier, KEYS(c.carrier)])),
    });
    popup = await browser.context.newPage();
    await popup.goto(`chrome-extension://${browser.extensionId}/popup.html`);
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  const statuses = async () => {
    const rows = await readStore<Row>(popup, 'packages');
    return Object.fromEntries(CASES.map((c) => [c.carrier, rows.find((r) => r.shipmentId === c.shipment)]));
  };

  it('learns each number from Amazon and asks its carrier', async () => {
    const page = await browser.context.newPage();
    await page.goto('https://www.amazon.com/gp/css/order-history', { waitUntil: 'domcontentloaded' });
    const rows = await waitFor(
      async () => {
        const s = await statuses();
        const asked = (c: (typeof CASES)[number]) => server.requests.some((r) => r.host === c.host && r.provider === c.carrier && r.status === 200);
        return CASES.every((c) => s[c.carrier]?.trackingNumber === c.number && asked(c)) ? s : null;
      },
      60_000,
      'tracking numbers learned and checked',
    ).catch(async (e) => {
      console.error('carriers.e2e state on timeout:', JSON.stringify((await readStore<Row>(popup, 'packages')).filter((p) => p.trackingNumber)), server.requests.map((r) => `${r.host}${r.path} ${r.provider} ${r.status} ${r.fault}`));
      throw e;
    });
    for (const c of CASES) {
      expect(rows[c.carrier]!.carrier).toBe(c.carrier);
      expect(rows[c.carrier]!.status).toBe('in_transit');
      expect(server.requests.filter((r) => r.host === c.host).map((r) => [r.provider, r.status])).toContainEqual([c.carrier, 200]);
    }
    await page.close();
  });

  it('moves to out for delivery, then delivered, as each carrier says, and the popup follows', async () => {
    for (const [step, status, label] of [
      [2, 'out_for_delivery', 'Out for delivery'],
      [3, 'delivered', 'Delivered'],
    ] as const) {
      server.advance(STEP);
      await popup.reload();
      await popup.getByRole('button', { name: 'Refresh' }).click();
      const rows = await waitFor(
        async () => {
          const s = await statuses();
          return CASES.every((c) => s[c.carrier]?.status === status) ? s : null;
        },
        30_000,
        `all three ${status} (step ${step})`,
      );
      await popup.reload();
      for (const c of CASES) {
        // Found by its number in the box: the search looks in every list (a delivery dated days ago by
        // the simulated carrier is already in History, issue #11 §2).
        await popup.getByRole('searchbox', { name: /Search your packages/ }).fill(c.number);
        const card = popup.locator(`[data-package-id="${rows[c.carrier]!.id}"]`);
        await card.waitFor({ timeout: 10_000 });
        expect(await card.getAttribute('data-status')).toBe(status);
        expect(await card.textContent()).toContain(label);
      }
    }
  });

  it('sent credentials only to their own provider hosts', () => {
    const authorized = server.requests.filter((r) => r.authorized);
    expect(authorized.length).toBeGreaterThan(0);
    for (const r of authorized) expect(PROVIDER_HOSTS.has(r.host)).toBe(true);
    // Each carrier's key went to its own host, and to no other (headers, Basic credentials, query, body).
    const carrying = server.requests.filter((r) => r.credentialsOf.length > 0);
    for (const r of carrying) expect(r.credentialsOf, `${r.method} ${r.host}${r.path}`).toEqual([r.host]);
    for (const c of CASES) expect(carrying.some((r) => r.host === c.host), `${c.name}'s key was used`).toBe(true);
    console.log(`credential audit: ${carrying.length} requests carried a carrier key, each to its own host (${[...new Set(carrying.map((r) => r.host))].join(', ')}); 0 elsewhere`);
    // Each provider got a token once and reused it.
    for (const c of CASES) {
      const tokenCalls = server.requests.filter((r) => r.host === c.host && /oauth|token/.test(r.path));
      expect(tokenCalls.length).toBe(1);
    }
  });
});
