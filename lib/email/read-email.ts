/**
 * E-mail reader (issue #3): finds the shop orders and the parcels an e-mail talks about.
 * `readEmail` parses a raw `.eml` (MIME, quoted-printable, base64, HTML parts) with postal-mime;
 * `readEmailParts` is the pure core for already-parsed messages (e.g. webmail pages).
 */
import PostalMime from 'postal-mime';
import { carriersForSenderDomain, DEFAULT_CONFIDENCE_THRESHOLD } from '../carriers/registry';
import { type FoundNumber, findTrackingNumbers } from '../scan/find-tracking-numbers';
import { numbersFromUrl } from '../scan/numbers-from-url';
import { htmlLinks, htmlToText } from './html-to-text';
import { decodeQuotedPrintable } from './quoted-printable';

export interface EmailParts {
  /** Sender address (`mcinfo@ups.com`). */
  from: string | null;
  subject: string | null;
  text: string | null;
  html: string | null;
}

export interface EmailOrder {
  shop: string;
  orderId: string;
}

export interface EmailPackage {
  trackingNumber: string;
  carrier: string;
  service: string;
  format: string;
  confidence: number;
  verified: boolean;
  /** Where it was found: in the text, in a carrier link, or both. */
  source: 'text' | 'link' | 'text+link';
}

export interface EmailReading {
  from: string | null;
  subject: string | null;
  orders: EmailOrder[];
  packages: EmailPackage[];
}

export interface ReadEmailOptions {
  /** Packages below this confidence are left out (default: the scanner's default threshold). */
  minConfidence?: number;
}

/** Largest raw message we parse (bigger ones are cut: attachments are of no use here). */
export const MAX_EMAIL_BYTES = 25 * 1024 * 1024;

/** Parses a raw RFC 5322 message and reads it. Never throws: unreadable input gives an empty reading. */
export async function readEmail(raw: string | Uint8Array | ArrayBuffer, options: ReadEmailOptions = {}): Promise<EmailReading> {
  let parts: EmailParts;
  try {
    const size = typeof raw === 'string' ? raw.length : raw.byteLength;
    const input = size > MAX_EMAIL_BYTES ? (typeof raw === 'string' ? raw.slice(0, MAX_EMAIL_BYTES) : raw.slice(0, MAX_EMAIL_BYTES)) : raw;
    const email = await PostalMime.parse(input);
    parts = { from: email.from?.address ?? null, subject: email.subject ?? null, text: email.text ?? null, html: email.html ?? null };
    if (!parts.text && !parts.html) parts = { ...parts, ...recoverBody(input) };
  } catch {
    return { from: null, subject: null, orders: [], packages: [] };
  }
  return readEmailParts(parts, options);
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
  const html = parts.html ?? '';
  const htmlText = html ? htmlToText(html) : '';
  const body = [parts.subject ?? '', parts.text ?? '', htmlText].join('\n');

  // The carrier's own notification: its numbers are labelled by the sender itself.
  const carrierHints = carriersForSenderDomain(domain).map((c) => c.id);

  const inText = findTrackingNumbers(body, { carrierHints, minConfidence: options.minConfidence });
  const links = [...htmlLinks(html), ...urlsIn(parts.text ?? '')];
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
  return { from, subject: parts.subject, orders: ordersIn(domain, body), packages };
}

/**
 * Some real messages have no blank line between the headers and the first MIME boundary, so a
 * strict parser finds no body. Fall back to the raw text after the first boundary, decoded as
 * quoted-printable when it says so.
 */
function recoverBody(raw: string | Uint8Array | ArrayBuffer): { text: string | null; html: string | null } {
  const s = typeof raw === 'string' ? raw : new TextDecoder('utf-8', { fatal: false }).decode(raw);
  const boundary = s.search(/^--/m);
  let body = boundary >= 0 ? s.slice(boundary) : s;
  if (/content-transfer-encoding:\s*quoted-printable/i.test(body)) body = decodeQuotedPrintable(body);
  return /<html|<body|<table|<a\s/i.test(body) ? { text: null, html: body } : { text: body, html: null };
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
