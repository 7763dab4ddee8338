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
  /track|sendungs|paketnummer|suivi|colis|tracciam|spedizion|seguimiento|rastreo|env[ií]o|przesy[lł]k|paczk|numer nadania|numerze|waybill|\bawb\b|consignment|pakket|zending|parcel (?:number|no|id)|shipment (?:number|no|id)|delivery number|n[uú]mero de (?:seguimiento|env[ií]o)/i;

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
  /(?:track(?:ing)?|sendungs(?:nummer|nr)?|paketnummer|suivi|tracciamento|seguimiento|rastreo|przesy[lł]k[aię]?|paczk[aię]? o numerze|numer nadania|waybill|awb|consignment|parcel|shipment)\W{0,3}(?:number|no|nr|num[eé]ro|n[uú]mero|id|code|#)?\.?\W{0,3}$/i;

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

/** What the text after a number says (depends only on where it ends). */
export interface AfterContext {
  labelled: boolean;
  named: string[];
}

export function readAfter(text: string, end: number): AfterContext {
  const after = text.slice(end, Math.min(text.length, end + AFTER_WINDOW));
  return { labelled: false, named: namedIn(after) };
}

/** Reads the context of `text[start, end)`. */
export function readContext(text: string, start: number, end: number): TextContext {
  const b = readBefore(text, start);
  const a = readAfter(text, end);
  const labelled = b.labelled || a.labelled;
  return {
    labelled,
    labelAdjacent: b.labelAdjacent,
    otherLabel: b.otherLabel && !a.labelled,
    named: [...new Set([...b.named, ...a.named])],
  };
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
