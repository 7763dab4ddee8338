/**
 * Context scoring for numbers found in text (issue #3, "Confidence"): words near a number that say
 * it is a tracking number, name its carrier, or say it is something else (an order or phone number).
 * Each function reads a window of bounded size, so scoring costs O(1) per candidate.
 */
import { CARRIERS } from '../carriers/registry';

/** Characters read before and after a number. */
export const BEFORE_WINDOW = 80;
export const AFTER_WINDOW = 40;

/** Words that label a tracking number, in the languages of our shops and carriers. */
const TRACKING_LABEL =
  /track|sendungs|paketnummer|suivi|colis|tracciam|tracciabilit|spedizion|seguimiento|rastreo|env[ií]o|przesy[lł]k|paczk|numer nadania|numerze|waybill|\bawb\b|consignment|pakket|zending|parcel (?:number|no|id)|shipment (?:number|no|id)|delivery number|n[uú]mero de (?:seguimiento|env[ií]o)/i;

/** Words that say a number near them is something else; they lose to a tracking label. */
const OTHER_LABEL =
  /\b(?:order|invoice|phone|tel|telephone|call|contact|hotline|fax|mobile|coupon|promo|voucher|code|sku|isbn|ean|upc|item|account|customer|member|ref|reference|iban|card|bestell|rechnung|kunden|commande|ordine|pedido|zam[oó]wieni)\w*\W{0,4}(?:#|no\.?|nr\.?|number|num[eé]ro|id)?\W{0,3}$/i;

/** Boost for a tracking label before the number. */
export const LABEL_BOOST = 0.3;
/** Penalty for an order/phone/coupon label right before the number. */
export const OTHER_PENALTY = 0.35;

/** Keyword → carrier ids, and one regex that finds any carrier keyword on word boundaries. */
const KEYWORD_CARRIERS = new Map<string, string[]>();
for (const c of CARRIERS) {
  // Host names count too: a URL to ups.com in the text names UPS.
  for (const k of [...c.keywords, ...c.trackingHosts]) {
    const key = k.toLowerCase();
    const list = KEYWORD_CARRIERS.get(key) ?? [];
    list.push(c.id);
    KEYWORD_CARRIERS.set(key, list);
  }
}
/** Acronyms (UPS, DHL, GLS) match in capitals only, so "pick-ups" or "gls" in a word do not name a carrier. */
const isAcronym = (k: string) => /^[A-Z0-9 .-]+$/.test(k);
const allKeywords = CARRIERS.flatMap((c) => [...c.keywords, ...c.trackingHosts]);
const KEYWORD_RES = [
  keywordRegex(allKeywords.filter(isAcronym), 'g'),
  keywordRegex(allKeywords.filter((k) => !isAcronym(k)), 'gi'),
];

function keywordRegex(words: string[], flags: string): RegExp {
  const alternatives = [...new Set(words)]
    .sort((a, b) => b.length - a.length)
    .map((k) => k.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
    .join('|');
  return new RegExp(`(?<![A-Za-z0-9])(${alternatives})(?![A-Za-z0-9])`, flags);
}

/** A tracking label that ends right where the number starts ("Tracking number: ", "Sendungsnummer "). */
const LABEL_ADJACENT =
  /(?:track(?:ing)?|sendungs(?:nummer|nr)?|paketnummer|suivi|tracciamento|tracciabilit[àa]|seguimiento|rastreo|przesy[lł]k[aię]?|paczk[aię]? o numerze|numer nadania|waybill|awb|consignment|parcel|shipment)\W{0,3}(?:number|no|nr|num[eé]ro|n[uú]mero|id|code|#)?\.?\W{0,3}$/i;

export interface TextContext {
  /** A tracking label shortly before the number (or right after it). */
  labelled: boolean;
  /** A tracking label immediately before the number, nothing else in between. */
  labelAdjacent: boolean;
  /** An order/phone/coupon label right before the number, with no tracking label. */
  otherLabel: boolean;
  /** Carriers named in the window. */
  named: string[];
}

/** What the text before a number says (depends only on where the number starts). */
export interface BeforeContext {
  labelled: boolean;
  labelAdjacent: boolean;
  otherLabel: boolean;
  named: string[];
}

export function readBefore(text: string, start: number): BeforeContext {
  const from = Math.max(0, start - BEFORE_WINDOW);
  if (!hasKeyword(text, from, start) && !hasLabel(text, from, start)) {
    // No tracking label and no carrier name can match (see hasLabel, hasKeyword): only an
    // order/phone label may apply.
    return { labelled: false, labelAdjacent: false, otherLabel: (readLabelFlags(text, start) & 2) !== 0, named: [] };
  }
  const before = text.slice(Math.max(0, start - BEFORE_WINDOW), start);
  // Only the last line before the number (and the one above it) counts as its label.
  const near = lastLines(before, 2);
  // A label belongs to the next number only: text before an intervening number does not count.
  const lastDigit = lastDigitIndex(near);
  const labelled = TRACKING_LABEL.test(lastDigit < 0 ? near : near.slice(lastDigit + 1));
  const otherLabel = !labelled && OTHER_LABEL.test(near.slice(-30));
  const labelAdjacent = LABEL_ADJACENT.test(before.slice(-40));
  return { labelled, labelAdjacent, otherLabel, named: namedIn(near) };
}

/**
 * The `labelled` and `otherLabel` of {@link readBefore}, exactly, as bit flags (1 labelled, 2 other
 * label), without looking for carrier names: the tracking-label regex runs only on the text after
 * the last digit before the number and only when a label stem is there; the order/phone regex only
 * when one of the last words starts with such a stem. Offsets into `text`, not slices: the same
 * windows as readBefore (its last two lines, the text after the last digit, the last 30
 * characters), sliced only when a regex has to run. The scanner reads this first: most runs on a
 * page are decided by it.
 */
export function readLabelFlags(text: string, start: number): number {
  const from = Math.max(0, start - BEFORE_WINDOW);
  // One backward pass for lastLines(before, 2) and the last digit in it. The pass may stop once
  // the digit is found and the last 30 characters are read: nothing before them counts then.
  let newlines = 0;
  let firstNewline = -1;
  let nearStart = from;
  let lastDigit = -1;
  let p = start - 1;
  for (; p >= from; p--) {
    const c = text.charCodeAt(p);
    if (c === 10) {
      if (++newlines === 2) {
        nearStart = p + 1;
        break;
      }
      firstNewline = p;
    } else if (lastDigit < 0 && c >= 48 && c <= 57) lastDigit = p;
    if (lastDigit >= 0 && p <= start - 30) break;
  }
  // String#lastIndexOf clamps a negative start to 0: a single newline at the window's first
  // character is found twice, so lastLines drops that character.
  if (p < from && newlines === 1 && firstNewline === from) nearStart = from + 1;
  const regionStart = lastDigit >= nearStart ? lastDigit + 1 : nearStart;
  if (hasLabel(text, regionStart, start) && TRACKING_LABEL.test(text.slice(regionStart, start))) return 1;
  const tailStart = Math.max(nearStart, start - 30);
  return otherLabelIn(text, tailStart, start) ? 2 : 0;
}

/** Whether a carrier keyword may be named in text[from, to) (a superset of the keyword regexes, see hasKeyword). */
export function mayNameCarrier(text: string, from: number, to: number): boolean {
  return hasKeyword(text, from, to);
}

/** What the text after a number says (depends only on where it ends). */
export interface AfterContext {
  labelled: boolean;
  named: string[];
}

export function readAfter(text: string, end: number): AfterContext {
  if (!hasKeyword(text, end, Math.min(text.length, end + AFTER_WINDOW))) return { labelled: false, named: [] };
  const after = text.slice(end, Math.min(text.length, end + AFTER_WINDOW));
  return { labelled: false, named: namedIn(after) };
}

/*
 * Fast exact pre-check (issue #3, "linear scan"): the regular expressions above cost about a
 * microsecond per window, and a page has a candidate every few hundred characters. Every one of
 * them needs some literal to be present: a tracking-label stem (TRACKING_LABEL, LABEL_ADJACENT), an
 * order/phone stem at the start of one of the last words (OTHER_LABEL, anchored at the end) or a
 * carrier keyword at a word start (namedIn). When a window holds none of them, its context is
 * empty, so the regexes need not run; the check is a superset of the regexes, never a guess.
 */

/** Literal stems that every TRACKING_LABEL or LABEL_ADJACENT match contains (case-insensitive). */
const LABEL_LITERALS = [
  'track', 'sendungs', 'paketnummer', 'suivi', 'colis', 'tracciam', 'tracciabilit', 'spedizion', 'seguimiento', 'rastreo', 'env',
  'przesy', 'paczk', 'numer nadania', 'numerze', 'waybill', 'awb', 'consignment', 'pakket', 'zending', 'parcel',
  'shipment', 'delivery number', 'mero de',
];
/** Stems OTHER_LABEL requires at the start of a word (case-insensitive). */
const OTHER_STEMS = [
  'order', 'invoice', 'phone', 'tel', 'call', 'contact', 'hotline', 'fax', 'mobile', 'coupon', 'promo', 'voucher', 'code',
  'sku', 'isbn', 'ean', 'upc', 'item', 'account', 'customer', 'member', 'ref', 'iban', 'card', 'bestell', 'rechnung',
  'kunden', 'commande', 'ordine', 'pedido', 'zam',
];

/** OTHER_STEMS by their first character's code. */
const STEMS_BY_FIRST: (string[] | undefined)[] = Array.from({ length: 128 }, (_, c) =>
  OTHER_STEMS.some((w) => w.charCodeAt(0) === c) ? OTHER_STEMS.filter((w) => w.charCodeAt(0) === c) : undefined,
);

/** Families of literals: a label stem matches anywhere, a carrier keyword only at a word start. */
const LABEL = 1;
const KEYWORD = 2;

/**
 * Literals (lower case, ASCII, three characters or more) in buckets by a hash of their first three
 * characters: `head[h]` is one more than the first index in `literals` of bucket h (0: empty),
 * `count[h]` how many follow. Most positions of a window hit an empty bucket.
 */
const BUCKETS = 4096;
const literals: string[] = [];
const family: number[] = [];
const head = new Int32Array(BUCKETS);
const count = new Int32Array(BUCKETS);
const trigram = (a: number, b: number, c: number) => ((a * 131 + b) * 131 + c) & (BUCKETS - 1);
/** A keyword was cut at a non-ASCII character (or is too short): any non-ASCII character, or any window, counts. */
let keywordNonAscii = false;
let keywordTooShort = false;
{
  const entries: { lit: string; fam: number; h: number }[] = [];
  const add = (lit: string, fam: number) => {
    if (lit.length >= 3) entries.push({ lit, fam, h: trigram(lit.charCodeAt(0), lit.charCodeAt(1), lit.charCodeAt(2)) });
    else if (lit.length > 0) keywordTooShort = true;
  };
  for (const w of LABEL_LITERALS) add(w, LABEL);
  for (const w of allKeywords) {
    let lit = w.toLowerCase();
    const cut = lit.search(/[^\x00-\x7f]/);
    if (cut >= 0) {
      lit = lit.slice(0, cut);
      keywordNonAscii = true;
    }
    add(lit, KEYWORD);
  }
  entries.sort((x, y) => x.h - y.h);
  for (const e of entries) {
    if (count[e.h] === 0) head[e.h] = literals.length + 1;
    count[e.h]!++;
    literals.push(e.lit);
    family.push(e.fam);
  }
}

/**
 * Characters (either case) a literal of each family starts with: most window positions are
 * rejected by one table read before the trigram is hashed (a necessary condition, never a guess).
 */
const LABEL_FIRST = new Uint8Array(128);
const KEYWORD_FIRST = new Uint8Array(128);
for (let e = 0; e < literals.length; e++) {
  const c = literals[e]!.charCodeAt(0);
  const table = family[e] === LABEL ? LABEL_FIRST : KEYWORD_FIRST;
  table[c] = 1;
  if (c >= 97 && c <= 122) table[c - 32] = 1;
}

const LOWER_ASCII = Uint8Array.from({ length: 128 }, (_, c) => (c >= 65 && c <= 90 ? c + 32 : c));
const lowerAscii = (c: number) => (c < 128 ? LOWER_ASCII[c]! : c);
const ALNUM = Uint8Array.from({ length: 128 }, (_, c) => ((c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) ? 1 : 0));
const isWordChar = (c: number) => (c < 128 && ALNUM[c] === 1) || c === 95;

/** Whether a tracking-label stem occurs anywhere in text[from, to). */
function hasLabel(text: string, from: number, to: number): boolean {
  for (let p = from; p + 2 < to; p++) {
    const a = text.charCodeAt(p);
    if (a >= 128 || LABEL_FIRST[a] === 0) continue;
    const b = text.charCodeAt(p + 1);
    const c = text.charCodeAt(p + 2);
    if (a >= 128 || b >= 128 || c >= 128) continue;
    if (bucketHas(text, p, to, trigram(LOWER_ASCII[a]!, LOWER_ASCII[b]!, LOWER_ASCII[c]!), LABEL)) return true;
  }
  return false;
}

/**
 * Whether a carrier keyword may start in text[from, to): at a word start (the keyword regexes'
 * lookbehind; the window's start counts as one), or any non-ASCII character when a keyword has one.
 * Only word starts are hashed, so a window costs little more than reading it.
 */
function hasKeyword(text: string, from: number, to: number): boolean {
  if (keywordTooShort) return to > from;
  let prevAlnum = false;
  for (let p = from; p < to; p++) {
    const a = text.charCodeAt(p);
    if (a >= 128) {
      if (keywordNonAscii) return true;
      prevAlnum = false;
      continue;
    }
    const alnum = ALNUM[a] === 1;
    if (!prevAlnum && p + 2 < to && KEYWORD_FIRST[a] === 1) {
      const b = text.charCodeAt(p + 1);
      const c = text.charCodeAt(p + 2);
      if (b < 128 && c < 128 && bucketHas(text, p, to, trigram(LOWER_ASCII[a]!, LOWER_ASCII[b]!, LOWER_ASCII[c]!), KEYWORD)) return true;
    }
    prevAlnum = alnum;
  }
  return false;
}

/** Whether a literal of `fam` in bucket `h` starts at text[p] and ends before `to`. */
function bucketHas(text: string, p: number, to: number, h: number, fam: number): boolean {
  const first = head[h]!;
  if (first === 0) return false;
  for (let e = first - 1, last = first - 1 + count[h]!; e < last; e++) {
    if (family[e] !== fam) continue;
    const lit = literals[e]!;
    if (p + lit.length > to) continue;
    let m = 0;
    while (m < lit.length && lowerAscii(text.charCodeAt(p + m)) === lit.charCodeAt(m)) m++;
    if (m === lit.length) return true;
  }
  return false;
}

/**
 * `OTHER_LABEL.test(text.slice(from, to))`, exactly, trying the regex only where it can match: a
 * match starts at a word start (`\b`; the slice's start counts) with one of OTHER_STEMS, and ends
 * at most three words later (the stem's word, `#`/`no`/`nr`/`number`/`num`+`ro`/`id`), so only the
 * last three words' starts are tried, each with the sticky twin of the regex: one attempt
 * instead of one per character of the window.
 */
function otherLabelIn(text: string, from: number, to: number): boolean {
  let p = to;
  let tail: string | null = null;
  for (let words = 0; words < 3; words++) {
    while (p > from && !isWordChar(text.charCodeAt(p - 1))) p--;
    if (p === from) return false;
    const wordEnd = p;
    while (p > from && isWordChar(text.charCodeAt(p - 1))) p--;
    if (!startsWithStem(text, p, wordEnd)) continue;
    tail ??= text.slice(from, to);
    OTHER_LABEL_AT.lastIndex = p - from;
    if (OTHER_LABEL_AT.test(tail)) return true;
  }
  return false;
}

/** OTHER_LABEL without its `\b` (the caller stands on a word start), anchored where it is tried. */
const OTHER_LABEL_AT = new RegExp(OTHER_LABEL.source.replace(/^\\b/, ''), 'iy');

/** Whether the word text[p, wordEnd) starts with one of OTHER_STEMS (case-insensitive). */
function startsWithStem(text: string, p: number, wordEnd: number): boolean {
  const stems = STEMS_BY_FIRST[lowerAscii(text.charCodeAt(p)) & 127];
  if (stems === undefined) return false;
  for (const stem of stems) {
    if (wordEnd - p < stem.length) continue;
    let k = 0;
    while (k < stem.length && lowerAscii(text.charCodeAt(p + k)) === stem.charCodeAt(k)) k++;
    if (k === stem.length) return true;
  }
  return false;
}

function namedIn(part: string): string[] {
  const named = new Set<string>();
  for (const re of KEYWORD_RES) {
    re.lastIndex = 0;
    for (let m = re.exec(part); m; m = re.exec(part)) {
      for (const id of KEYWORD_CARRIERS.get(m[1]!.toLowerCase()) ?? []) named.add(id);
    }
  }
  return [...named];
}

function lastDigitIndex(s: string): number {
  for (let i = s.length - 1; i >= 0; i--) {
    const c = s.charCodeAt(i);
    if (c >= 48 && c <= 57) return i;
  }
  return -1;
}

function lastLines(s: string, count: number): string {
  let idx = s.length;
  for (let i = 0; i < count; i++) {
    const nl = s.lastIndexOf('\n', idx - 1);
    if (nl < 0) return s;
    idx = nl;
  }
  return s.slice(idx + 1);
}
