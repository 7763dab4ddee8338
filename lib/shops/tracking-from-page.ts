/**
 * What the Best Buy, eBay, AliExpress and Etsy readers share (issue #15): a printed number checked through the
 * project's carrier registry (only a number whose carrier's check holds is taken, never a guess), the carrier
 * links a page gives (other-shops.md §8.2, through lib/scan/numbers-from-url.ts as the generic reader reads
 * them), status words mapped to lib/model/status.ts (an unknown word gives null), and small DOM text helpers.
 * Pure: the document and URL are parameters; page text is only ever read as text.
 */
import { candidatesFrom, DEFAULT_CONFIDENCE_THRESHOLD, matchFormats, normaliseNumber } from '../carriers/registry';
import type { Status } from '../model/status';
import type { OrderStatus } from '../model/types';
import { LABEL_BOOST } from '../scan/context';
import { numbersFromUrl } from '../scan/numbers-from-url';
import { providerCarrier } from './generic/read-generic-page';
import type { Diagnostic, PageKind, PageReading, ShipmentReading } from './types';

export interface CheckedNumber {
  trackingNumber: string;
  carrier: string;
}

/**
 * `raw` as a tracking number, when a carrier's format takes it and its check holds: the carrier the page names
 * (`hints`) when it agrees with the number, else the one the number says. A number no format verifies is null
 * (the caller reports it), even next to a carrier's name: a shop page is not the carrier's own e-mail.
 */
export function checkedNumber(raw: string, hints: readonly string[]): CheckedNumber | null {
  const n = normaliseNumber(raw.slice(0, 80));
  if (n.length === 0) return null;
  const best = candidatesFrom(matchFormats(n), { carrierHints: hints, boost: LABEL_BOOST }).find((c) => c.verified);
  if (!best || best.confidence < DEFAULT_CONFIDENCE_THRESHOLD) return null;
  return { trackingNumber: best.trackingNumber, carrier: best.carrier };
}

/** A carrier's name as the page prints it ("USPS", "FedEx Ground") → carrier id, or null. */
export function carrierFromLabel(label: string | null | undefined): string | null {
  const t = (label ?? '').replace(/\s+/g, ' ').trim().slice(0, 80);
  return t ? providerCarrier(t) : null;
}

export type LinkedParcel = Pick<ShipmentReading, 'trackingNumber' | 'carrier' | 'trackUrl'> & { trackingNumber: string; carrier: string };

const MAX_LINKS = 2_000;

/**
 * The parcels a page links to on carriers' tracking pages (§8.2: `ups.com/track?tracknum=…`, redirect wrappers
 * unwrapped once): one per number, verified numbers only, each with the link as the page gives it (the ingest's
 * URL policy decides whether it is stored, lib/url-policy.ts).
 */
export function carrierLinks(root: ParentNode, page: URL): LinkedParcel[] {
  const out = new Map<string, LinkedParcel>();
  const anchors = root.querySelectorAll('a[href]');
  for (let i = 0; i < anchors.length && i < MAX_LINKS; i++) {
    const href = absoluteUrl(anchors[i]!.getAttribute('href'), page);
    if (!href) continue;
    for (const ln of numbersFromUrl(href)) {
      const best = ln.candidates.find((c) => c.verified);
      if (best && !out.has(best.trackingNumber)) out.set(best.trackingNumber, { trackingNumber: best.trackingNumber, carrier: best.carrier, trackUrl: ln.url });
    }
  }
  return [...out.values()];
}

/**
 * Words shops print for a parcel's state (English), as the start of the text → status. The table is small on
 * purpose: a word not in it gives null, never a guess (lib/model/status.ts).
 */
const STATUS_WORDS: readonly [RegExp, Status][] = [
  [/^(?:order\s+)?cancel+ed\b/, 'cancelled'],
  [/^(?:returned|return (?:complete|received))\b/, 'returned'],
  [/^delivery attempt(?:ed)?\b|^attempted delivery\b/, 'attempt_failed'],
  [/^out for delivery\b/, 'out_for_delivery'],
  [/^(?:ready for pick ?up|available for pick ?up)\b/, 'available_for_pickup'],
  [/^delivered\b/, 'delivered'],
  [/^(?:shipped|in transit|on (?:its|the) way|awaiting delivery|arrived at|departed)\b/, 'in_transit'],
  [/^(?:label created|shipping label created)\b/, 'info_received'],
  [/^(?:order placed|ordered|paid|processing|preparing (?:for shipment|to ship)|awaiting shipment|not yet shipped|awaiting payment)\b/, 'pending'],
];

export function statusFromWords(text: string | null | undefined): Status | null {
  const t = (text ?? '').replace(/\s+/g, ' ').trim().toLowerCase().slice(0, 120);
  if (!t) return null;
  for (const [re, s] of STATUS_WORDS) if (re.test(t)) return s;
  return null;
}

/** A parcel's status → the order's. */
export function orderStatusOf(statuses: readonly (Status | null)[]): OrderStatus {
  const known = statuses.filter((s): s is Status => s !== null);
  if (known.length === 0) return 'unknown';
  if (known.every((s) => s === 'cancelled')) return 'cancelled';
  if (known.every((s) => s === 'delivered')) return 'delivered';
  if (known.every((s) => s === 'returned')) return 'returned';
  return 'open';
}

export function absoluteUrl(href: string | null | undefined, base: URL): string | null {
  if (!href) return null;
  try {
    return new URL(href.trim(), base).href;
  } catch {
    return null;
  }
}

/** An element's text, spaces collapsed (textContent: page text is text, never markup). */
export function textOf(el: Element | null | undefined, max = 500): string {
  return el ? (el.textContent ?? '').slice(0, max * 4).replace(/[\s\u00a0\u202f]+/g, ' ').trim().slice(0, max) : '';
}

/** `<dl><dt>Label</dt><dd>Value</dd>…</dl>` → label (lower case, without a trailing colon) → value text. */
export function definitionList(dl: Element | null | undefined): Map<string, string> {
  const out = new Map<string, string>();
  if (!dl) return out;
  for (const dt of [...dl.querySelectorAll('dt')].slice(0, 40)) {
    let dd = dt.nextElementSibling;
    while (dd && dd.tagName !== 'DD' && dd.tagName !== 'DT') dd = dd.nextElementSibling;
    if (!dd || dd.tagName !== 'DD') continue;
    const label = textOf(dt, 80).replace(/:$/, '').trim().toLowerCase();
    if (label && !out.has(label)) out.set(label, textOf(dd, 300));
  }
  return out;
}

/**
 * Runs a reader; an exception (hostile markup, a DOM that throws) becomes a `reader-error` diagnostic naming the
 * error's class only (its message could quote page text), never a throw into the content script.
 */
export function guarded(shopName: string, shop: string, kind: PageKind, url: URL, now: Date, read: () => PageReading): PageReading {
  try {
    return read();
  } catch (err) {
    const diagnostic: Diagnostic = { code: 'reader-error', message: `The ${shopName} reader failed on this page (${err instanceof Error ? err.name : 'error'})`, pageKind: kind };
    return { kind, shop, url: url.href, readAt: now.getTime(), orders: [], diagnostics: [diagnostic] };
  }
}
