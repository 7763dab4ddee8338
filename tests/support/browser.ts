import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { randomUUID } from 'node:crypto';
import { type BrowserContext, chromium, type Page, type Worker } from 'playwright-core';
import { auditNetLog, type RequestAudit } from './request-audit';

/** Hosts the extension talks to, mapped to the local server (with its port) by Chromium itself. */
export const MAPPED_HOSTS = [
  'www.amazon.com',
  'amazon.com',
  'www.amazon.de',
  'www.amazon.co.uk',
  'api.demo-carrier.test',
  'track.demo-carrier.test',
  'onlinetools.ups.com',
  'apis.usps.com',
  'apis.fedex.com',
  'api-eu.dhl.com',
  'api.17track.net',
  'api.ship24.com',
  // Carriers' own tracking pages (issue #14).
  'www.ups.com',
  'nolp.dhl.de',
  // A Shopify store on its own domain and a site that is no shop (issue #15).
  'porchgoods.example',
  'blog.example',
];

export interface LaunchOptions {
  port: number;
  dist?: string;
  headless?: boolean;
  executablePath?: string;
  /** Keep the profile (the demo); tests use a new one each time. */
  userDataDir?: string;
  viewport?: { width: number; height: number } | null;
  /**
   * The browser's language (issue #13 §2: the popup in German): Chromium's UI locale, which
   * browser.i18n follows. On Linux Chromium takes it from LANGUAGE, so both the flag and the
   * variable are set; the page's navigator.language follows `locale`.
   */
  lang?: string;
}

/** Where each session's request audit goes; scripts/test-all.mjs sums them after the E2E tier. */
const AUDIT_DIR = resolve('.cache/request-audit');

export interface ExtensionBrowser {
  context: BrowserContext;
  extensionId: string;
  /** The built extension that was loaded (its folder). */
  dist: string;
  serviceWorker(): Promise<Worker>;
  /** Closes the browser and audits its requests (throws when the extension reached beyond carriers and shops). */
  close(): Promise<void>;
  /** Closes the browser and returns the audit without judging it (the audit's own test). */
  closeForAudit(): Promise<RequestAudit>;
}

/**
 * Real Chromium with the built extension loaded, in a fresh profile, every mapped host resolved to
 * the local server: `MAP host 127.0.0.1:port` keeps the real URL (https://www.amazon.com/…) while the
 * connection goes to loopback. Flags per docs/toolchain.md §7: without the background-networking
 * switches Chromium tries Google hosts on this closed network.
 */
export async function launchWithExtension(opts: LaunchOptions): Promise<ExtensionBrowser> {
  const dist = resolve(opts.dist ?? process.env.PORCHLIGHT_DIST ?? '.output-e2e/chrome-mv3');
  const profile = opts.userDataDir ?? mkdtempSync(join(tmpdir(), 'porchlight-profile-'));
  // Every other host resolves to nothing: no test or demo request can leave the machine.
  const rules = [...MAPPED_HOSTS.map((h) => `MAP ${h} 127.0.0.1:${opts.port}`), 'MAP * ~NOTFOUND'].join(', ');
  const session = `porchlight-${process.pid}-${randomUUID().slice(0, 8)}`;
  const netLog = join(tmpdir(), `${session}-netlog.json`);
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: opts.executablePath ?? process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    headless: opts.headless ?? true,
    viewport: opts.viewport === undefined ? { width: 1280, height: 900 } : opts.viewport,
    ...(opts.lang && { locale: opts.lang, env: { ...process.env, LANGUAGE: opts.lang, LANG: `${opts.lang.replace('-', '_')}.UTF-8` } }),
    args: [
      ...(opts.lang ? [`--lang=${opts.lang}`] : []),
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--ignore-certificate-errors',
      `--disable-extensions-except=${dist}`,
      `--load-extension=${dist}`,
      `--host-resolver-rules=${rules}`,
      // Issue #17 point 5: Chromium's own record of every request, audited on close.
      `--log-net-log=${netLog}`,
    ],
  });
  const serviceWorker = async (): Promise<Worker> => {
    const existing = context.serviceWorkers().find((w) => w.url().startsWith('chrome-extension://'));
    return existing ?? (await context.waitForEvent('serviceworker', { timeout: 20_000 }));
  };
  const sw = await serviceWorker();
  const extensionId = new URL(sw.url()).host;
  const closeForAudit = async (): Promise<RequestAudit> => {
    await context.close();
    if (!opts.userDataDir) rmSync(profile, { recursive: true, force: true });
    if (!existsSync(netLog)) throw new Error(`request audit: Chromium wrote no network log at ${netLog}`);
    const audit = auditNetLog(netLog, extensionId);
    rmSync(netLog, { force: true });
    return audit;
  };
  return {
    context,
    extensionId,
    dist,
    serviceWorker,
    async close() {
      const audit = await closeForAudit();
      mkdirSync(AUDIT_DIR, { recursive: true });
      writeFileSync(join(AUDIT_DIR, `${session}.json`), JSON.stringify(audit));
      if (audit.outside.length > 0) {
        throw new Error(`request audit: the extension sent ${audit.outside.length} request(s) to hosts that are neither carriers nor shops: ${audit.outside.slice(0, 5).join(', ')}`);
      }
    },
    closeForAudit,
  };
}

/** Reads every row of an object store from an extension page (popup.html), with a timeout. */
/** The toolbar popup as it opens (400 × 600), as a page of its own (the popup's E2E tests). */
export async function openPopup(browser: Pick<ExtensionBrowser, 'context' | 'extensionId'>): Promise<Page> {
  const popup = await browser.context.newPage();
  await popup.setViewportSize({ width: 400, height: 600 });
  await popup.goto(`chrome-extension://${browser.extensionId}/popup.html`);
  return popup;
}

export async function readStore<T = Record<string, unknown>>(page: Page, store: string): Promise<T[]> {
  return page.evaluate(
    (name) =>
      new Promise<unknown[]>((resolveRows, reject) => {
        const timer = setTimeout(() => reject(new Error(`timeout reading ${name}`)), 5000);
        const req = indexedDB.open('porchlight');
        req.onerror = () => {
          clearTimeout(timer);
          reject(req.error);
        };
        req.onsuccess = () => {
          const db = req.result;
          if (!db.objectStoreNames.contains(name)) {
            clearTimeout(timer);
            db.close();
            resolveRows([]);
            return;
          }
          const all = db.transaction(name).objectStore(name).getAll();
          all.onsuccess = () => {
            clearTimeout(timer);
            db.close();
            resolveRows(all.result);
          };
          all.onerror = () => {
            clearTimeout(timer);
            reject(all.error);
          };
        };
      }),
    store,
  ) as Promise<T[]>;
}

/** Polls `fn` until it returns a truthy value (or throws after `timeoutMs`). */
export async function waitFor<T>(fn: () => Promise<T | null | undefined | false>, timeoutMs = 15_000, what = 'condition'): Promise<T> {
  const end = Date.now() + timeoutMs;
  let last: unknown;
  while (Date.now() < end) {
    try {
      const v = await fn();
      if (v) return v;
    } catch (err) {
      last = err;
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`Timed out waiting for ${what}${last ? `: ${String(last)}` : ''}`);
}

/** Settings for a test run: no quiet hours (CI may run at any hour), and optional carrier keys. */
export async function configureExtension(
  browser: ExtensionBrowser,
  values: { settings?: Record<string, unknown>; credentials?: Record<string, Record<string, string>> },
): Promise<void> {
  const sw = await browser.serviceWorker();
  await sw.evaluate(
    (v) => (globalThis as unknown as { chrome: { storage: { local: { set(x: unknown): Promise<void> } } } }).chrome.storage.local.set(v),
    values as Record<string, unknown>,
  );
}

export function quietHoursOff(browser: ExtensionBrowser): Promise<void> {
  return configureExtension(browser, { settings: { notifications: { quietHours: null } } });
}
