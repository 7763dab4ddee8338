/**
 * Generic page reader (any site, opt-in; issue #3): schema.org JSON-LD and microdata
 * (`ParcelDelivery`, `Order`), links to carriers' tracking pages, and validated numbers in the
 * page text with context. Pure: the document, URL and time are parameters; page text is data.
 * Called by the "Track …" context-menu item (on a selection: use `findTrackingNumbers`), the
 * "scan this page" action and opt-in webmail scanning.
 */
import { type Candidate, candidatesFrom, classify, getCarrier, matchFormats, normaliseNumber, trackingUrl, CARRIERS } from '../../carriers/registry';
import type { Eta, OrderStatus } from '../../model/types';
import { findTrackingNumbers } from '../../scan/find-tracking-numbers';
import { numbersFromUrl } from '../../scan/numbers-from-url';
import { trackLink, URL_REFUSED, type UrlCheck } from '../../url-policy';

export interface GenericPackage {
  trackingNumber: string;
  carrier: string | null;
  service: string | null;
  confidence: number;
  verified: boolean;
  /** How it was found. */
  source: 'schema' | 'link' | 'text';
  /**
   * Where to follow it: the page's link when it passes the URL policy (lib/url-policy.ts: https, on
   * the carrier's tracking hosts or the page's own host), else the carrier's own tracking page.
   */
  trackUrl: string | null;
  eta: Eta | null;
  orderId: string | null;
}

export interface GenericOrder {
  orderId: string;
  status: OrderStatus;
  /** schema.org's own status value (`OrderInTransit`), when given. */
  statusText: string | null;
  trackingNumbers: string[];
}

export interface GenericPageReading {
  url: string;
  /** Epoch ms of `now`. */
  readAt: number;
  packages: GenericPackage[];
  orders: GenericOrder[];
  /** Steps that failed on this document (hostile markup), so callers can report them. */
  errors: string[];
  /** Links the page gave that were dropped by the URL policy (`url_refused`; the host, never the path). */
  diagnostics: GenericDiagnostic[];
}

export interface GenericDiagnostic {
  code: string;
  message: string;
}

export interface GenericPageOptions {
  /** Text matches below this confidence are left out (default: the scanner's threshold). */
  minConfidence?: number;
}

/** Bounds that keep hostile pages cheap. */
const MAX_JSON_LD_CHARS = 2_000_000;
const MAX_NODES = 20_000;
const MAX_DEPTH = 32;
const MAX_LINKS = 5_000;
const MAX_TEXT = 8_000_000;

export function readGenericPage(doc: Document, url: URL, now: Date, options: GenericPageOptions = {}): GenericPageReading {
  const packages = new Map<string, GenericPackage>();
  const orders = new Map<string, GenericOrder>();
  const add = (p: GenericPackage) => {
    const seen = packages.get(p.trackingNumber);
    if (!seen || p.confidence > seen.confidence) packages.set(p.trackingNumber, { ...p, eta: p.eta ?? seen?.eta ?? null, orderId: p.orderId ?? seen?.orderId ?? null });
  };

  const errors: string[] = [];
  const diagnostics: GenericDiagnostic[] = [];
  const links: LinkPolicy = (raw, carrier, number) => safeTrackUrl(raw, carrier, number, url, diagnostics);
  attempt(errors, 'json-ld', () => {
    for (const item of jsonLdItems(doc)) readSchemaItem(item, null, add, orders, 0, links);
  });
  attempt(errors, 'microdata', () => {
    for (const item of microdataItems(doc)) readSchemaItem(item, null, add, orders, 0, links);
  });
  attempt(errors, 'links', () => {
    const anchors = doc.querySelectorAll('a[href]');
    for (let i = 0; i < anchors.length && i < MAX_LINKS; i++) {
      const href = resolve(anchors[i]!.getAttribute('href') ?? '', url);
      if (!href) continue;
      // `ln.url` is the carrier's link itself, unwrapped from a click tracker when it was wrapped.
      for (const ln of numbersFromUrl(href)) {
        const best = ln.candidates[0]!;
        add(pkg(best, 'link', links(ln.url, best.carrier, best.trackingNumber), null, null));
      }
    }
  });
  attempt(errors, 'text', () => {
    for (const f of findTrackingNumbers(pageText(doc), { minConfidence: options.minConfidence })) {
      if (packages.has(f.trackingNumber)) continue;
      add(pkg(f.candidates[0]!, 'text', trackingUrl(f.carrier, f.trackingNumber), null, null));
    }
  });

  return { url: url.href, readAt: now.getTime(), packages: [...packages.values()], orders: [...orders.values()], errors, diagnostics };
}

/** A page's link for a parcel → the URL to keep (see {@link safeTrackUrl}). */
type LinkPolicy = (raw: string | null, carrier: string | null, number: string) => string | null;

/**
 * The page's link if the URL policy keeps it (https, on the carrier's tracking hosts or this page's
 * own host), else the carrier's own tracking page for the number; a dropped link is reported.
 */
function safeTrackUrl(raw: string | null, carrier: string | null, number: string, page: URL, diagnostics: GenericDiagnostic[]): string | null {
  const own = carrier ? trackingUrl(carrier, number) : null;
  if (!raw) return own;
  const check: UrlCheck = trackLink(raw, { carrier, pageUrl: page });
  if (check.ok) return check.url;
  if (diagnostics.length < MAX_DIAGNOSTICS) diagnostics.push({ code: URL_REFUSED, message: `${check.message} (${check.reason})` });
  return own;
}

/** A hostile page can hold thousands of bad links; a handful of reports says it. */
const MAX_DIAGNOSTICS = 20;

function pkg(c: Candidate, source: GenericPackage['source'], trackUrl: string | null, eta: Eta | null, orderId: string | null): GenericPackage {
  return {
    trackingNumber: c.trackingNumber,
    carrier: c.carrier,
    service: c.service,
    confidence: c.confidence,
    verified: c.verified,
    source,
    trackUrl,
    eta,
    orderId,
  };
}

type Json = null | boolean | number | string | Json[] | { [k: string]: Json };
type Item = { [k: string]: Json };

function jsonLdItems(doc: Document): Item[] {
  const out: Item[] = [];
  for (const script of doc.querySelectorAll('script[type="application/ld+json"]')) {
    const text = script.textContent ?? '';
    if (text.length > MAX_JSON_LD_CHARS) continue;
    let data: Json;
    try {
      data = JSON.parse(text) as Json;
    } catch {
      continue;
    }
    collectTyped(data, out, 0, { n: 0 });
  }
  return out;
}

/** Objects with an `@type` anywhere in the JSON (graphs, arrays, nesting), bounded. */
function collectTyped(v: Json, out: Item[], depth: number, budget: { n: number }): void {
  if (depth > MAX_DEPTH || ++budget.n > MAX_NODES || v === null || typeof v !== 'object') return;
  if (Array.isArray(v)) {
    for (const x of v) collectTyped(x, out, depth + 1, budget);
    return;
  }
  if (typeOf(v)) {
    out.push(v);
    return;
  }
  for (const x of Object.values(v)) collectTyped(x, out, depth + 1, budget);
}

function typeOf(v: Item): string {
  const t = v['@type'];
  const s = Array.isArray(t) ? t.find((x) => typeof x === 'string') : t;
  return typeof s === 'string' ? s.replace(/^https?:\/\/schema\.org\//, '') : '';
}

function readSchemaItem(
  item: Item,
  orderId: string | null,
  add: (p: GenericPackage) => void,
  orders: Map<string, GenericOrder>,
  depth: number,
  links: LinkPolicy,
): void {
  if (depth > 8) return;
  const type = typeOf(item);
  if (type === 'Order') {
    const id = str(item['orderNumber']);
    if (id) {
      const statusText = str(item['orderStatus'])?.replace(/^https?:\/\/schema\.org\//, '') ?? null;
      if (!orders.has(id)) orders.set(id, { orderId: id, status: orderStatus(statusText), statusText, trackingNumbers: [] });
    }
    for (const d of asArray(item['orderDelivery'])) if (isItem(d)) readSchemaItem({ '@type': 'ParcelDelivery', ...d }, id, add, orders, depth + 1, links);
    // Some shops put the tracking number on the Order itself.
    if (item['trackingNumber']) readSchemaItem({ ...item, '@type': 'ParcelDelivery', orderDelivery: null }, id, add, orders, depth + 1, links);
    return;
  }
  if (type !== 'ParcelDelivery') return;
  const raw = str(item['trackingNumber']);
  const partOf = item['partOfOrder'];
  const ownOrder = orderId ?? (isItem(partOf) ? str(partOf['orderNumber']) : null);
  if (isItem(partOf) && !orderId) readSchemaItem({ '@type': 'Order', ...partOf }, null, add, orders, depth + 1, links);
  if (!raw) return;
  const number = normaliseNumber(raw);
  if (number.length === 0 || number.length > 64) return;
  const provider = providerCarrier(item['provider'] ?? item['carrier']);
  const trackUrlRaw = str(item['trackingUrl']);
  const urlCarriers = trackUrlRaw ? numbersFromUrl(trackUrlRaw).map((l) => l.candidates[0]!.carrier) : [];
  const hints = [...(provider ? [provider] : []), ...urlCarriers];
  // Schema markup labels the number explicitly: a failed check digit is still taken (unverified).
  const candidates = hints.length
    ? candidatesFrom(matchFormats(number), { carrierHints: hints, allowUnverified: true, boost: 0.2 })
    : classify(number).map((c) => ({ ...c, confidence: Math.min(0.99, c.confidence + 0.3) }));
  const until = str(item['expectedArrivalUntil']);
  const from = str(item['expectedArrivalFrom']);
  const eta = until ? { from: isoDateOrTime(from) ?? isoDateOrTime(until)!, to: isoDateOrTime(until)! } : null;
  const best = candidates[0];
  const carrier = best?.carrier ?? provider;
  add({
    trackingNumber: best?.trackingNumber ?? number,
    carrier: carrier ?? null,
    service: best?.service ?? null,
    // A number the page's markup names but no format knows: keep it, with modest confidence.
    confidence: best?.confidence ?? 0.5,
    verified: best?.verified ?? false,
    source: 'schema',
    trackUrl: links(trackUrlRaw, carrier ?? null, best?.trackingNumber ?? number),
    eta: eta?.to ? eta : null,
    orderId: ownOrder,
  });
  if (ownOrder) {
    const o = orders.get(ownOrder) ?? { orderId: ownOrder, status: 'unknown' as OrderStatus, statusText: null, trackingNumbers: [] };
    if (!o.trackingNumbers.includes(best?.trackingNumber ?? number)) o.trackingNumbers.push(best?.trackingNumber ?? number);
    orders.set(ownOrder, o);
  }
}

const ORDER_STATUS: Record<string, OrderStatus> = {
  OrderDelivered: 'delivered',
  OrderCancelled: 'cancelled',
  OrderReturned: 'returned',
  OrderInTransit: 'open',
  OrderProcessing: 'open',
  OrderPaymentDue: 'open',
  OrderPickupAvailable: 'open',
  OrderProblem: 'open',
};

function orderStatus(s: string | null): OrderStatus {
  return (s && ORDER_STATUS[s]) || 'unknown';
}

/** schema.org `provider` (a name or an Organization) → carrier id, by the carriers' names and keywords (also the Shopify reader's carrier label, issue #15). */
export function providerCarrier(v: Json | undefined): string | null {
  const name = (isItem(v) ? str(v['name']) : str(v ?? null))?.trim().toLowerCase();
  if (!name) return null;
  for (const c of CARRIERS) {
    if (c.name.toLowerCase() === name || c.keywords.some((k) => k.toLowerCase() === name)) return c.id;
  }
  for (const c of CARRIERS) if (name.includes(c.name.toLowerCase())) return c.id;
  return getCarrier(name.replace(/[\s-]+/g, '_'))?.id ?? null;
}

function isoDateOrTime(s: string | null): string | null {
  if (!s) return null;
  const t = s.trim();
  return /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?)?$/.test(t) ? t : null;
}

function microdataItems(doc: Document): Item[] {
  const out: Item[] = [];
  const scopes = doc.querySelectorAll('[itemscope][itemtype]');
  for (let i = 0; i < scopes.length && i < 1000; i++) {
    const el = scopes[i]!;
    const type = (el.getAttribute('itemtype') ?? '').split(/\s+/)[0]!.replace(/^https?:\/\/schema\.org\//, '');
    if (type !== 'ParcelDelivery' && type !== 'Order') continue;
    if (el.hasAttribute('itemprop') && el.parentElement?.closest('[itemscope]')) continue; // read via its parent
    out.push(microdataItem(el, 0));
  }
  return out;
}

function microdataItem(scope: Element, depth: number): Item {
  const item: Item = { '@type': (scope.getAttribute('itemtype') ?? '').split(/\s+/)[0]!.replace(/^https?:\/\/schema\.org\//, '') };
  if (depth > 6) return item;
  const props = scope.querySelectorAll('[itemprop]');
  for (let i = 0; i < props.length && i < 500; i++) {
    const p = props[i]!;
    if (p.parentElement?.closest('[itemscope]') !== scope) continue;
    const name = p.getAttribute('itemprop') ?? '';
    const value: Json = p.hasAttribute('itemscope') ? microdataItem(p, depth + 1) : microdataValue(p);
    const prev = item[name];
    item[name] = prev === undefined ? value : Array.isArray(prev) ? [...prev, value] : [prev, value];
  }
  return item;
}

function microdataValue(el: Element): string {
  const attr = el.getAttribute('content') ?? el.getAttribute('datetime') ?? el.getAttribute('href') ?? el.getAttribute('value');
  return (attr ?? el.textContent ?? '').trim();
}

/** Text of the page, one text node per line, scripts and styles left out (iterative: no recursion on deep trees). */
/**
 * The text a shopper sees on the page, one text node per line, scripts and styles left out: what
 * the scanner reads (also used by the throughput benchmark to build its text from real pages).
 */
export function pageText(doc: Document): string {
  const parts: string[] = [];
  let size = 0;
  const root: Node | null = doc.body ?? doc.documentElement;
  let node: Node | null = root?.firstChild ?? null;
  while (node && size < MAX_TEXT) {
    if (node.nodeType === 3) {
      const t = node.nodeValue ?? '';
      if (t.trim().length > 0) {
        parts.push(t);
        size += t.length + 1;
      }
    }
    const skip = node.nodeType === 1 && SKIP_TAGS.has((node as Element).tagName);
    if (!skip && node.firstChild) {
      node = node.firstChild;
      continue;
    }
    while (node && node !== root && !node.nextSibling) node = node.parentNode;
    if (!node || node === root) break;
    node = node.nextSibling;
  }
  return parts.join('\n');
}

const SKIP_TAGS = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE']);

/** Runs one reading step; a DOM implementation that fails on hostile markup loses that step only. */
function attempt(errors: string[], step: string, fn: () => void): void {
  try {
    fn();
  } catch (err) {
    errors.push(`${step}: ${err instanceof Error ? err.message : String(err)}`);
  }
}

function resolve(href: string, base: URL): string | null {
  try {
    return new URL(href, base).href;
  } catch {
    return null;
  }
}

function str(v: Json | undefined): string | null {
  if (typeof v === 'string') return v;
  if (typeof v === 'number') return String(v);
  if (Array.isArray(v)) return str(v[0]);
  return null;
}

function isItem(v: Json | undefined): v is Item {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}

function asArray(v: Json | undefined): Json[] {
  return v === undefined || v === null ? [] : Array.isArray(v) ? v : [v];
}
