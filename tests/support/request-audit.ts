/**
 * Issue #17 point 5: every request the extension made in real Chromium, from Chromium's own network
 * log (`--log-net-log`, written by every E2E browser session, tests/support/browser.ts), audited when
 * the session closes: nothing left the browser except requests to carriers and shops.
 *
 * The net log records every URL request the browser started, with its initiator. The extension's own
 * requests (service worker, popup, options) carry the initiator `chrome-extension://<id>`; a page's
 * requests (a saved Amazon page loading its images) carry the page's origin and are the page's, and
 * Chromium's own ("not an origin": update checks, account probes) are the browser's. None of them can
 * reach the internet: every host but the mapped ones resolves to nothing (`MAP * ~NOTFOUND`).
 * Credentials are audited where they arrive, by the local carrier server (`secrets`, server.ts).
 * Content scripts make no requests (they read the page's DOM; entrypoints/*.content.ts call no fetch),
 * so a request with the page's origin is the page's.
 */
import { readFileSync } from 'node:fs';
import { DEMO_HOST_PATTERNS } from '../../lib/carriers/demo/host';
import { CARRIERS } from '../../lib/carriers/registry';
import { CARRIER_API_HOST_PATTERNS, CARRIER_PAGE_HOST_PATTERNS, SHOP_HOSTS } from '../../lib/hosts';

export interface RequestAudit {
  /** Requests the extension itself started. */
  extension: number;
  /** Those requests by scheme and host. */
  byHost: Record<string, number>;
  /** Requests the extension started to a host that is neither a carrier nor a shop. */
  outside: string[];
}

const patternHost = (p: string) => new URL(p.replace('/*', '/')).host;

/** Carriers (APIs, tracking pages, the demo carrier) and shops (each marketplace and its subdomains). */
const CARRIER_HOSTS = new Set([
  ...[...CARRIER_API_HOST_PATTERNS, ...CARRIER_PAGE_HOST_PATTERNS, ...DEMO_HOST_PATTERNS].map(patternHost),
  ...CARRIERS.flatMap((c) => c.trackingHosts ?? []),
]);
const SHOP_DOMAINS = Object.values(SHOP_HOSTS).flat();

export function isCarrierOrShop(host: string): boolean {
  return CARRIER_HOSTS.has(host) || SHOP_DOMAINS.some((d) => host === d || host.endsWith(`.${d}`));
}

interface NetLog {
  constants: { logEventTypes: Record<string, number> };
  events: { type: number; params?: { url?: string; initiator?: string; network_isolation_key?: string } }[];
}

/** Reads a net log; one cut short by a crash (no closing brackets) is read up to its last whole event. */
function readNetLog(file: string): NetLog {
  const text = readFileSync(file, 'utf8');
  try {
    return JSON.parse(text) as NetLog;
  } catch {
    const cut = text.slice(0, text.lastIndexOf('},') + 1);
    return JSON.parse(`${cut}]}`) as NetLog;
  }
}

export function auditNetLog(file: string, extensionId: string): RequestAudit {
  const log = readNetLog(file);
  const start = log.constants.logEventTypes.URL_REQUEST_START_JOB;
  const origin = `chrome-extension://${extensionId}`;
  const audit: RequestAudit = { extension: 0, byHost: {}, outside: [] };
  for (const e of log.events) {
    if (e.type !== start || !e.params?.url) continue;
    const ours = e.params.initiator === origin || (e.params.network_isolation_key ?? '').startsWith(origin);
    if (!ours) continue;
    const url = new URL(e.params.url);
    if (url.protocol === 'chrome-extension:' || url.protocol === 'data:' || url.protocol === 'blob:') continue;
    audit.extension++;
    const key = `${url.protocol}//${url.host}`;
    audit.byHost[key] = (audit.byHost[key] ?? 0) + 1;
    if (url.protocol !== 'https:' || !isCarrierOrShop(url.hostname)) audit.outside.push(e.params.url);
  }
  return audit;
}
