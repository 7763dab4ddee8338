/**
 * Issue #17 point 5: the request audit itself, in real Chromium. Every E2E browser session is audited
 * when it closes (tests/support/browser.ts, from Chromium's net log); this proves the audit sees a
 * request the extension makes to a host that is neither a carrier nor a shop, and does not charge the
 * extension with what a page or Chromium itself requested.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ExtensionBrowser, launchWithExtension } from '../support/browser';
import { type CarrierServer, startCarrierServer } from '../support/carrier-server/server';
import { e2eShop } from '../support/e2e-shop';
import { isCarrierOrShop, type RequestAudit } from '../support/request-audit';
import { loopbackTls } from '../support/tls';

describe('request audit (real Chromium net log)', () => {
  let server: CarrierServer;
  let browser: ExtensionBrowser;
  let audit: RequestAudit;

  beforeAll(async () => {
    const shop = e2eShop({ pages: { '/gp/css/order-history': 'tests/fixtures/amazon/order-history-amazon-store.html' }, tracking: {} });
    server = await startCarrierServer({ tls: await loopbackTls(), extraRoutes: [shop], quiet: true });
    browser = await launchWithExtension({ port: server.port });
    // A real Amazon page: it loads its own images and beacons from other hosts (the page's requests).
    const page = await browser.context.newPage();
    await page.goto('https://www.amazon.com/gp/css/order-history', { waitUntil: 'load' });
    const sw = await browser.serviceWorker();
    // The extension's own requests: one to a carrier, and one planted to a host that is neither.
    await sw.evaluate(async () => {
      await fetch('https://api.demo-carrier.test/v1/track?n=DEMO000000001').catch(() => undefined);
      await fetch('https://collector.example/beacon?id=1').catch(() => undefined);
    });
    audit = await browser.closeForAudit();
  });

  afterAll(async () => {
    await server?.close();
  });

  it('sees the extension’s request to a host that is neither a carrier nor a shop', () => {
    expect(audit.outside).toEqual(['https://collector.example/beacon?id=1']);
    expect(audit.byHost['https://api.demo-carrier.test']).toBeGreaterThanOrEqual(1);
  });

  it('does not charge the extension with the page’s own requests', () => {
    // The saved page asks for images on m.media-amazon.com and beacons on other hosts: the page's.
    expect(Object.keys(audit.byHost).filter((h) => h.includes('media-amazon') || h.includes('adsystem'))).toEqual([]);
    expect(isCarrierOrShop('www.amazon.co.jp')).toBe(true);
    expect(isCarrierOrShop('onlinetools.ups.com')).toBe(true);
    expect(isCarrierOrShop('amazon.com.evil.example')).toBe(false);
  });
});
