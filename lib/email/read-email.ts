/**
 * E-mail reader (issue #3): finds the shop orders and the parcels an e-mail talks about, from its
 * sender, subject and body as the webmail content script reads them off the open message.
 * Whole `.eml` files (inspect, tests, benches) are decoded into these parts by
 * scripts/inspect/parse-eml.ts first.
 */
import { carriersForSenderDomain, DEFAULT_CONFIDENCE_THRESHOLD } from '../carriers/registry';
import { type FoundNumber, findTrackingNumbers } from '../scan/find-tracking-numbers';
import { numbersFromUrl } from '../scan/numbers-from-url';
import { readAmazonEmail } from '../shops/amazon/email';
import type { PageReading } from '../shops/types';
import { htmlLinks, htmlToText } from './html-to-text';

export interface EmailParts {
  /** Sender address (`mcinfo@ups.com`). */
  from: string | null;
  subject: string | null;
  text: string | null;
  html: string | null;
  /** When the message was sent (ISO or RFC 5322 date), when known: relative dates count from it. */
  date?: string | null;
}

interface EmailOrder {
  shop: string;
  orderId: string;
}

interface EmailPackage {
  trackingNumber: string;
  carrier: string;
  service: string;
  format: string;
  confidence: number;
  verified: boolean;
  /** Where it was found: in the text, in a carrier link, or both. */
  source: 'text' | 'link' | 'text+link';
}

interface EmailReading {
  from: string | null;
  subject: string | null;
  orders: EmailOrder[];
  packages: EmailPackage[];
  /**
   * The shop's order as its pages would give it (order, items, status, promise, track link), for shops whose
   * e-mails say more than an order id (Amazon, issue #18); null otherwise. Sent whether or not a number was found.
   */
  shopReading: PageReading | null;
}

interface ReadEmailOptions {
  /** Packages below this confidence are left out (default: the scanner's default threshold). */
  minConfidence?: number;
  /** When the message is read (relative dates count from the message's own date when it has one). */
  now?: Date;
  /** The reader's zone (the browser's), for "Arriving tomorrow". */
  timeZone?: string;
}

/**
 * Issue #18: a quoted-printable soft line break (`=` at a line's end, RFC 2045 §6.7, with the transport padding
 * it allows) left in a message (a webmail's "show original", a forwarded raw message) splits an order id or a
 * tracking number in two. Only breaks between two letters, digits or dashes are joined: there a line never
 * ends in `=` in prose.
 */
export function joinSoftLineBreaks(text: string): string {
  return text.replace(/(?<=[A-Za-z0-9-])=[ \t]*\r?\n(?=[A-Za-z0-9-])/g, '');
}

/** Shops whose order ids we recognise in e-mails: sender domains and order-id shape. */
const SHOPS: { shop: string; domains: RegExp; orderId: RegExp }[] = [
  { shop: 'amazon', domains: /(^|\.)amazon\.[a-z.]+$/, orderId: /(?<![\d-])\d{3}-\d{7}-\d{7}(?![\d-])/g },
  { shop: 'walmart', domains: /(^|\.)walmart\.com$/, orderId: /(?<![\d-])\d{7}-\d{8}(?![\d-])/g },
];

/** Reads already-parsed parts (pure). */
export function readEmailParts(parts: EmailParts, options: ReadEmailOptions = {}): EmailReading {
  const from = parts.from?.toLowerCase() ?? null;
  const domain = from?.split('@')[1] ?? '';
  const html = joinSoftLineBreaks(parts.html ?? '');
  const plain = joinSoftLineBreaks(parts.text ?? '');
  const htmlText = html ? htmlToText(html) : '';
  const body = [parts.subject ?? '', plain, htmlText].join('\n');

  // The carrier's own notification: its numbers are labelled by the sender itself.
  const carrierHints = carriersForSenderDomain(domain).map((c) => c.id);

  const inText = findTrackingNumbers(body, { carrierHints, minConfidence: options.minConfidence });
  const links = [...htmlLinks(html), ...urlsIn(plain)];
  const byNumber = new Map<string, EmailPackage>();
  for (const f of inText) byNumber.set(f.trackingNumber, fromFound(f));
  for (const href of links) {
    for (const ln of numbersFromUrl(href)) {
      const best = ln.candidates[0]!;
      if (best.confidence < (options.minConfidence ?? DEFAULT_CONFIDENCE_THRESHOLD)) continue;
      const seen = byNumber.get(best.trackingNumber);
      if (seen) {
        if (seen.source === 'text') seen.source = 'text+link';
        continue;
      }
      byNumber.set(best.trackingNumber, {
        trackingNumber: best.trackingNumber,
        carrier: best.carrier,
        service: best.service,
        format: best.format,
        confidence: best.confidence,
        verified: best.verified,
        source: 'link',
      });
    }
  }
  // A link whose number fails its check digit while the text has a verified number of the same
  // carrier is an edited copy (templates re-typed by hand); the text wins.
  const packages = [...byNumber.values()].filter(
    (p) =>
      !(p.source === 'link' && !p.verified) ||
      ![...byNumber.values()].some((q) => q !== p && q.carrier === p.carrier && q.verified && q.source !== 'link'),
  );
  const orders = ordersIn(domain, body);
  let shopReading: PageReading | null = null;
  const sent = parts.date ? new Date(parts.date) : null;
  // The reading's time is the message's date, else the caller's now; with neither, dates cannot be placed.
  const at = sent && !Number.isNaN(sent.getTime()) ? sent : (options.now ?? null);
  if (orders[0]?.shop === 'amazon' && at) {
    const only = packages.length === 1 ? { number: packages[0]!.trackingNumber, carrier: packages[0]!.carrier } : null;
    shopReading = readAmazonEmail({
      domain: /(^|\.)amazon\./.test(domain) ? domain : (/\bamazon\.(com|co\.uk|de|fr|it|es|ca)\b/i.exec(body)?.[0] ?? 'amazon.com'),
      subject: parts.subject ?? '',
      body,
      links,
      trackingNumber: only,
      now: at,
      timeZone: options.timeZone,
    });
  }
  return { from, subject: parts.subject, orders, packages, shopReading };
}

function fromFound(f: FoundNumber): EmailPackage {
  return {
    trackingNumber: f.trackingNumber,
    carrier: f.carrier,
    service: f.service,
    format: f.format,
    confidence: f.confidence,
    verified: f.verified,
    source: 'text',
  };
}

function ordersIn(domain: string, body: string): EmailOrder[] {
  // The sender says which shop; a forwarded e-mail names the shop in its body.
  const shop =
    SHOPS.find((s) => s.domains.test(domain)) ??
    SHOPS.find((s) => new RegExp(`\\b${s.shop}\\.(com|co\\.uk|de|fr|it|es|ca)\\b`, 'i').test(body.slice(0, 200_000)));
  if (!shop) return [];
  const ids = new Set<string>();
  shop.orderId.lastIndex = 0;
  for (let m = shop.orderId.exec(body); m; m = shop.orderId.exec(body)) ids.add(m[0]);
  return [...ids].map((orderId) => ({ shop: shop.shop, orderId }));
}

function urlsIn(text: string): string[] {
  return text.match(/https?:\/\/[^\s<>"')\]]{1,4000}/g) ?? [];
}
