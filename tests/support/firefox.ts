import { createServer, type Server } from 'node:http';
import { connect, type AddressInfo, type Socket } from 'node:net';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import puppeteer, { type Browser, type Page, type Target } from 'puppeteer-core';
import { MAPPED_HOSTS, waitFor } from './browser';

/**
 * Real Firefox (Debian's firefox-esr) with the built Firefox extension installed as a temporary
 * add-on, driven over WebDriver BiDi by puppeteer-core (issue #16; docs/toolchain.md §11).
 *
 * Host mapping: Firefox has no --host-resolver-rules, so every request goes through a loopback
 * CONNECT proxy started here. A mapped host (the shop, the carrier APIs, the webmail a test visits)
 * is tunnelled to the local HTTPS server; anything else is refused, so nothing leaves the machine,
 * and no test needs port 443 on a machine other agents share. The server's certificate is
 * self-signed: `acceptInsecureCerts` covers pages and the background page's fetches alike.
 *
 * Extension pages: BiDi refuses to navigate a tab to moz-extension://, so the first extension page
 * is opened by clicking a link on a blank tab; the E2E Firefox build lists the popup and options
 * pages as web-accessible for that (wxt.config.ts), and the add-on's UUID is fixed by a pref so the
 * URL is known. That page then opens every other tab (see openTab).
 */
export const GECKO_ID = 'porchlight@porchlight.dev';
export const EXTENSION_UUID = '5a0c7e52-16b1-4d2e-9a61-0f3c2b7d8e41';
export const EXTENSION_ORIGIN = `moz-extension://${EXTENSION_UUID}`;

/** The mapped hosts of the Chromium suite, and webmail (pages a shopper has not enabled). */
export const FIREFOX_MAPPED_HOSTS = [...MAPPED_HOSTS, 'mail.google.com'];

export interface FirefoxExtension {
  browser: Browser;
  /** An extension page (popup.html) open from the start: reads the database, calls extension APIs. */
  home: Page;
  /** Firefox's stderr (the background page's console errors land here). */
  log: string[];
  /** A new tab on `url` (a web page, or `${EXTENSION_ORIGIN}/options.html`), loaded. */
  openTab(url: string): Promise<Page>;
  close(): Promise<void>;
}

interface Proxy {
  port: number;
  close(): Promise<void>;
}

async function startProxy(targetPort: number, hosts: readonly string[]): Promise<Proxy> {
  const sockets = new Set<Socket>();
  const server: Server = createServer((req, res) => {
    // Plain-http requests through the proxy (captive-portal checks and the like): none is ours.
    res.writeHead(403).end();
  });
  server.on('connection', (s: Socket) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });
  server.on('connect', (req, client: Socket, head: Buffer) => {
    const [host, port] = (req.url ?? '').split(':');
    if (!host || port !== '443' || !hosts.includes(host)) {
      client.end('HTTP/1.1 403 Forbidden\r\n\r\n');
      return;
    }
    const upstream = connect(targetPort, '127.0.0.1', () => {
      client.write('HTTP/1.1 200 Connection Established\r\n\r\n');
      if (head.length) upstream.write(head);
      upstream.pipe(client);
      client.pipe(upstream);
    });
    sockets.add(upstream);
    upstream.on('close', () => sockets.delete(upstream));
    upstream.on('error', () => client.destroy());
    client.on('error', () => upstream.destroy());
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return {
    port: (server.address() as AddressInfo).port,
    close: () =>
      new Promise<void>((r) => {
        for (const s of sockets) s.destroy();
        server.close(() => r());
      }),
  };
}

export async function launchFirefoxWithExtension(opts: { port: number; dist?: string; executablePath?: string; prefs?: Record<string, string | number | boolean> }): Promise<FirefoxExtension> {
  const dist = resolve(opts.dist ?? process.env.PORCHLIGHT_FIREFOX_DIST ?? '.output-e2e/firefox-mv2');
  const proxy = await startProxy(opts.port, FIREFOX_MAPPED_HOSTS);
  const profile = mkdtempSync(join(tmpdir(), 'porchlight-firefox-'));
  const firefox = await puppeteer.launch({
    browser: 'firefox',
    executablePath: opts.executablePath ?? process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr',
    headless: true,
    acceptInsecureCerts: true,
    userDataDir: profile,
    extraPrefsFirefox: {
      // Every connection, http and https, through the proxy above; none bypasses it.
      'network.proxy.type': 1,
      'network.proxy.http': '127.0.0.1',
      'network.proxy.http_port': proxy.port,
      'network.proxy.ssl': '127.0.0.1',
      'network.proxy.ssl_port': proxy.port,
      'network.proxy.no_proxies_on': '',
      'network.proxy.allow_hijacking_localhost': true,
      'network.captive-portal-service.enabled': false,
      // The add-on's internal UUID, so moz-extension://<uuid>/popup.html is known before install.
      'extensions.webextensions.uuids': JSON.stringify({ [GECKO_ID]: EXTENSION_UUID }),
      // The background page's console on stderr (read on failure).
      'devtools.console.stdout.chrome': true,
      'browser.dom.window.dump.enabled': true,
      ...opts.prefs,
    },
  });
  const log: string[] = [];
  firefox.process()?.stderr?.on('data', (d: Buffer) => {
    if (log.length < 2000) log.push(d.toString('utf8'));
  });
  const close = async () => {
    await firefox.close();
    await proxy.close();
    rmSync(profile, { recursive: true, force: true });
  };
  let home: Page;
  try {
    const id = await firefox.installExtension(dist);
    if (id !== GECKO_ID) throw new Error(`installed ${id}, expected ${GECKO_ID}`);
    // The first extension page, opened from a link on a blank tab (the only way in, see the header).
    home = await firefox.newPage();
    await home.evaluate((href) => {
      const a = document.createElement('a');
      a.id = 'porchlight-open';
      a.href = href;
      a.textContent = href;
      document.body.append(a);
    }, `${EXTENSION_ORIGIN}/popup.html`);
    await home.click('#porchlight-open');
    await loaded(home, `${EXTENSION_ORIGIN}/popup.html`);
  } catch (err) {
    await close();
    throw err;
  }

  /**
   * Every later tab is opened by the extension page with tabs.create, not by BiDi's
   * browsingContext.create: that one opens the tab in the newest window, and with no notification
   * daemon Firefox shows each notification in an alert window of its own, which then is the newest
   * ("can't access property "selectedTab""). tabs.create opens in the browser window.
   */
  async function openTab(url: string): Promise<Page> {
    const created = new Promise<Target>((r) => {
      const on = (t: Target) => {
        if (t.type() !== 'page') return;
        firefox.off('targetcreated', on);
        r(t);
      };
      firefox.on('targetcreated', on);
    });
    await home.evaluate((u) => browser.tabs.create({ url: u }).then(() => undefined), url);
    const page = await (await created).page();
    if (!page) throw new Error(`no page for the tab opened on ${url}`);
    await loaded(page, url);
    return page;
  }

  return {
    browser: firefox,
    home,
    log,
    openTab,
    close,
  };
}

/**
 * Waits until `page` shows `url` and has loaded, asking the page itself: puppeteer keeps the old URL
 * for a tab BiDi did not navigate, and its waitForFunction needs Function(), which the extension's
 * CSP forbids.
 */
async function loaded(page: Page, url: string): Promise<void> {
  await waitFor(
    () => page.evaluate((u) => location.href === u && document.readyState === 'complete', url).catch(() => false),
    30_000,
    `${url} to load`,
  );
}
/** Every row of an IndexedDB object store, read from an extension page (same origin as the background). */
export async function readStoreFx<T = Record<string, unknown>>(page: Page, store: string): Promise<T[]> {
  return (await page.evaluate(
    (name) =>
      new Promise<unknown[]>((resolveRows, reject) => {
        const timer = setTimeout(() => reject(new Error(`timeout reading ${name}`)), 5000);
        const done = (fn: () => void) => {
          clearTimeout(timer);
          fn();
        };
        const req = indexedDB.open('porchlight');
        req.onerror = () => done(() => reject(req.error));
        req.onsuccess = () => {
          const db = req.result;
          if (!db.objectStoreNames.contains(name)) {
            db.close();
            done(() => resolveRows([]));
            return;
          }
          const all = db.transaction(name).objectStore(name).getAll();
          all.onsuccess = () => {
            db.close();
            done(() => resolveRows(all.result as unknown[]));
          };
          all.onerror = () => done(() => reject(all.error));
        };
      }),
    store,
  )) as T[];
}
