/** Deterministic generators of page text and noise for the tracking benchmarks (seeded, no network). */
import { readdirSync, readFileSync } from 'node:fs';
import { Window } from 'happy-dom';
import { pageText as textOfPage } from '../../../lib/shops/generic/read-generic-page';

export function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const WORDS = (
  'your order has shipped and will arrive on tuesday the package was handed to the carrier see details below ' +
  'items quantity price subtotal shipping tax total free returns within days customer service help account ' +
  'recommended for you based on your browsing history add to cart buy it again view order invoice delivery address'
).split(' ');

/** Real-format tracking numbers (UPS, USPS, Amazon, Royal Mail, FedEx) the generated texts carry. */
const SAMPLES = ['1Z879E930346834440', '9400111202555842332669', 'TBA123456789012', 'RB123456785GB', '986578788855'];

/**
 * How often each kind of number appears among the pieces of {@link pageText} (the rest are words,
 * line breaks and small numbers). `shop-page` matches the real saved pages' digit share and number
 * groups per KB (see {@link textStats}) but spreads its digits evenly through the prose, where
 * real pages bunch them in order ids, addresses and links; `number-dense` has about three times
 * their number groups and four times their digits. Both are stress cases for the scanner:
 * {@link realPageText} is the page text it meets.
 */
export const PAGE_MIXES = {
  'shop-page': { price: 0.01, date: 0.022, order: 0.005, phone: 0.003, tracking: 0.001, small: 0.01 },
  'number-dense': { price: 0.06, date: 0.04, order: 0.03, phone: 0.02, tracking: 0.001, small: 0.049 },
} as const;
export type PageMix = keyof typeof PAGE_MIXES;

/** Shop-page-like text: prose, prices, dates, order numbers, phone numbers and a few real tracking numbers. */
export function pageText(bytes: number, seed = 1, mix: PageMix = 'shop-page'): string {
  const r = rng(seed);
  const m = PAGE_MIXES[mix];
  // Cumulative thresholds, in the order the pieces are drawn.
  const price = m.price;
  const date = price + m.date;
  const order = date + m.order;
  const phone = order + m.phone;
  const tracking = phone + m.tracking;
  const small = tracking + m.small;
  const out: string[] = [];
  let size = 0;
  while (size < bytes) {
    const x = r();
    let piece: string;
    if (x < price) piece = `$${Math.floor(r() * 500)}.${String(Math.floor(r() * 100)).padStart(2, '0')}`;
    else if (x < date) piece = `2024-${String(1 + Math.floor(r() * 12)).padStart(2, '0')}-${String(1 + Math.floor(r() * 28)).padStart(2, '0')}`;
    else if (x < order) piece = `Order #${Math.floor(r() * 1e3)}-${Math.floor(r() * 1e7)}-${Math.floor(r() * 1e7)}`;
    else if (x < phone) piece = `Call 1-800-${Math.floor(100 + r() * 900)}-${Math.floor(1000 + r() * 9000)}`;
    else if (x < tracking) piece = `Tracking number: ${SAMPLES[Math.floor(r() * SAMPLES.length)]}`;
    else if (x < small) piece = r() < 0.5 ? '\n' : String(Math.floor(r() * 100));
    else piece = WORDS[Math.floor(r() * WORDS.length)]!;
    out.push(piece);
    size += piece.length + 1;
  }
  return out.join(' ');
}

/** The real saved shop pages among the fixtures (see tests/fixtures/amazon/README.md; the written ones have `--` or are sign-in/robot pages). */
const REAL_PAGES_DIR = 'tests/fixtures/amazon';
const isRealPage = (f: string) => f.endsWith('.html') && !f.includes('--') && !/^(sign-in|robot-check)/.test(f);

/** Text of each real saved page as the scanner reads it, parsed once. */
let realTexts: string[] | null = null;
export function realPagesText(): string[] {
  if (realTexts) return realTexts;
  realTexts = readdirSync(REAL_PAGES_DIR)
    .filter(isRealPage)
    .sort()
    .map((f) => {
      const window = new Window();
      window.document.write(readFileSync(`${REAL_PAGES_DIR}/${f}`, 'utf8'));
      const text = textOfPage(window.document as unknown as Document);
      window.close();
      return text;
    });
  return realTexts;
}

/**
 * Page text built from the real saved shop pages (Amazon order lists and details, MIT, see the
 * fixtures' README): whole pages in seeded random order, each copy with its digits redrawn (so
 * order ids, prices and dates differ as they do between real pages, and no number repeats), and a
 * line "Tracking number: …" with one of five real-format numbers about every 2 KB. This is the
 * text the scanner meets on a shop page, digits bunched as real pages bunch them. `rendered` reads
 * it as a browser shows it (runs of spaces and tabs as one, blank lines dropped); `raw` keeps the
 * text nodes as they are in the markup, indentation included (what the generic reader passes on).
 */
export function realPageText(bytes: number, seed = 1, whitespace: 'rendered' | 'raw' = 'rendered'): string {
  const pages = whitespace === 'raw' ? realPagesText() : realPagesText().map(rendered);
  const r = rng(seed);
  const out: string[] = [];
  let size = 0;
  let nextTracking = 2048;
  while (size < bytes) {
    const page = pages[Math.floor(r() * pages.length)]!.replace(/[0-9]/g, () => String(Math.floor(r() * 10)));
    for (const line of page.split('\n')) {
      out.push(line);
      size += line.length + 1;
      if (size >= nextTracking) {
        const piece = `Tracking number: ${SAMPLES[Math.floor(r() * SAMPLES.length)]}`;
        out.push(piece);
        size += piece.length + 1;
        nextTracking += 2048;
      }
      if (size >= bytes) break;
    }
  }
  return out.join('\n').slice(0, bytes);
}

/** Text as a browser renders it: each line trimmed, runs of spaces and tabs as one space, no blank lines. */
function rendered(text: string): string {
  return text
    .split('\n')
    .map((line) => line.replace(/[ \t]+/g, ' ').trim())
    .filter((line) => line.length > 0)
    .join('\n');
}

/**
 * What makes page text cheap or dear to scan: the share of digits, and groups of four or more
 * digits (joined by single spaces or hyphens, as printed numbers are) per KB: each one is a
 * candidate the scanner must read context for.
 */
export function textStats(text: string): { digitShare: number; groupsPerKB: number } {
  let digits = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 48 && c <= 57) digits++;
  }
  const groups = text.match(/[0-9](?:[ -]?[0-9]){3,}/g)?.length ?? 0;
  return { digitShare: digits / Math.max(1, text.length), groupsPerKB: (groups * 1024) / Math.max(1, text.length) };
}

/** Random noise: tokens of 1–24 characters from `alphabet`, separated by single spaces (and a newline now and then). */
export function noise(bytes: number, alphabet: string, seed = 7): string {
  const r = rng(seed);
  const parts: string[] = [];
  let size = 0;
  while (size < bytes) {
    const len = 1 + Math.floor(r() * 24);
    let tok = '';
    for (let i = 0; i < len; i++) tok += alphabet[Math.floor(r() * alphabet.length)];
    parts.push(tok);
    size += len + 1;
    if (r() < 0.05) {
      parts.push('\n');
      size++;
    }
  }
  return parts.join(' ');
}

export function time<T>(fn: () => T): { ms: number; value: T } {
  const t0 = performance.now();
  const value = fn();
  return { ms: performance.now() - t0, value };
}
