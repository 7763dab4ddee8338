/**
 * The one carrier registry (issue #3): every carrier definition, number classification and the
 * carriers' own tracking URLs. Pure: no browser API.
 */
import { verifyCheckDigit } from '../check-digits/verify-check-digit';
import { ALPHABET_SIZE, alphabetIndex, positionSets } from '../scan/pattern-shape';
import { amazon } from './amazon';
import { anPost } from './an-post';
import { australiaPost } from './australia-post';
import { bpost } from './bpost';
import { canadaPost } from './canada-post';
import { canpar } from './canpar';
import { chinaPost } from './china-post';
import { correos } from './correos';
import type { CarrierDefinition, FormatDefinition, FormatGroups } from './definition';
import { DEMO_CARRIERS } from './demo/registration';
import { deutschePost } from './deutsche-post';
import { dhl } from './dhl';
import { dpd } from './dpd';
import { dpdUk } from './dpd-uk';
import { evri } from './evri';
import { fedex } from './fedex';
import { gls } from './gls';
import { gofo } from './gofo';
import { hongkongPost } from './hongkong-post';
import { japanPost } from './japan-post';
import { koreaPost } from './korea-post';
import { landmark } from './landmark';
import { laPoste } from './la-poste';
import { lasership } from './lasership';
import { oldDominion } from './old-dominion';
import { ontrac } from './ontrac';
import { pocztaPolska } from './poczta-polska';
import { posteItaliane } from './poste-italiane';
import { postnl } from './postnl';
import { postnord } from './postnord';
import { purolator } from './purolator';
import { royalMail } from './royal-mail';
import { sda } from './sda';
import { speedee } from './speedee';
import { swissPost } from './swiss-post';
import { ups } from './ups';
import { upu } from './upu';
import { usps } from './usps';
import { yodel } from './yodel';
import { yunexpress } from './yunexpress';

export type { CarrierDefinition, FormatDefinition } from './definition';

/**
 * Every carrier, in priority order (earlier wins a tie in confidence). `upu` stays last: it is the S10
 * catch-all. The demo carrier is first in the builds that have it (demo, end to end, tests) and absent
 * from production builds (lib/carriers/demo/registration.ts).
 */
export const CARRIERS: readonly CarrierDefinition[] = [
  ...DEMO_CARRIERS,
  ups,
  usps,
  fedex,
  dhl,
  amazon,
  ontrac,
  lasership,
  royalMail,
  canadaPost,
  purolator,
  canpar,
  dpd,
  dpdUk,
  evri,
  yodel,
  landmark,
  gofo,
  yunexpress,
  speedee,
  oldDominion,
  chinaPost,
  deutschePost,
  laPoste,
  posteItaliane,
  correos,
  postnl,
  australiaPost,
  japanPost,
  pocztaPolska,
  postnord,
  swissPost,
  bpost,
  anPost,
  koreaPost,
  hongkongPost,
  gls,
  sda,
  upu,
];

/**
 * Default confidence threshold: numbers below it are not offered automatically. Weak formats
 * (a bare 12-digit mod-11 number) score ~0.3 without context and need a nearby "tracking" or carrier word.
 */
export const DEFAULT_CONFIDENCE_THRESHOLD = 0.5;

/**
 * Threshold for text the user selected and asked to track ("Track …"): they pointed at it, so
 * weaker formats count too (a bare 12-digit FedEx number, ~0.3 without context).
 */
export const SELECTION_CONFIDENCE_THRESHOLD = 0.25;

/** Longest and shortest normalised number any format accepts. */
export const MIN_NUMBER_LENGTH = 10;
export const MAX_NUMBER_LENGTH = 41;

const BY_ID = new Map(CARRIERS.map((c) => [c.id, c]));

interface IndexedFormat {
  carrier: CarrierDefinition;
  format: FormatDefinition;
  /** Position in the registry, for stable tie-breaks. */
  order: number;
}

/**
 * Dispatch index for one number length: the formats that accept it (registry order), their
 * patterns de-duplicated (the seventeen S10 operators share one), and per position and character
 * a bit mask of the patterns that allow that character there (from {@link positionSets}).
 * ANDing the masks over a candidate's characters leaves only the patterns worth running.
 */
interface LengthIndex {
  entries: IndexedFormat[];
  /** Pattern slot of each entry. */
  slotOf: Int32Array;
  /** One regex per distinct pattern. */
  slots: RegExp[];
  /** `masks[p * ALPHABET_SIZE + k]`: slots whose pattern allows character k at position p. */
  masks: Int32Array;
  /** Every slot bit set. */
  all: number;
  /** Highest strength among the formats of each slot mask bit (for the scanner's confidence bound). */
  strengthOfSlot: Float64Array;
  /** Slots with a format that rewrites the number (`canonical`): never pruned by the scanner. */
  canonicalSlots: number;
}

/** Bound once: under a CommonJS loader (tsx) each use of an imported binding is a getter call. */
const SIZE = ALPHABET_SIZE;
const codeOf = alphabetIndex;

/** Slots beyond this share the last mask bit (always run); no length has nearly as many patterns. */
const MASK_BITS = 31;

/** Formats by the lengths they accept: classification runs only the patterns that can match. */
const FORMATS_BY_LENGTH: IndexedFormat[][] = (() => {
  const lists: IndexedFormat[][] = [];
  let order = 0;
  for (const carrier of CARRIERS) {
    for (const format of carrier.formats) {
      for (const len of format.lengths) {
        const bucket = lists[len] ?? [];
        bucket.push({ carrier, format, order });
        lists[len] = bucket;
      }
      order++;
    }
  }
  return lists;
})();

/** Dispatch index per length, built on first use (the pattern analysis costs a few ms per length). */
const BY_LENGTH: (LengthIndex | null | undefined)[] = [];

function indexFor(length: number): LengthIndex | null {
  const built = BY_LENGTH[length];
  if (built !== undefined) return built;
  const entries = length >= 0 && length < FORMATS_BY_LENGTH.length ? FORMATS_BY_LENGTH[length] : undefined;
  const index = entries ? buildLengthIndex(entries, length) : null;
  if (length >= 0 && length <= MAX_NUMBER_LENGTH) BY_LENGTH[length] = index;
  return index;
}

function buildLengthIndex(entries: IndexedFormat[], length: number): LengthIndex {
  const slots: RegExp[] = [];
  const key = (re: RegExp) => `${re.flags}/${re.source}`;
  const slotOf = new Int32Array(entries.length);
  entries.forEach((e, n) => {
    let slot = slots.findIndex((re) => key(re) === key(e.format.pattern));
    if (slot < 0) {
      slots.push(e.format.pattern);
      slot = slots.length - 1;
    }
    slotOf[n] = slot;
  });
  const bit = (slot: number) => 1 << Math.min(slot, MASK_BITS - 1);
  const masks = new Int32Array(length * ALPHABET_SIZE);
  slots.forEach((re, slot) => {
    const sets = positionSets(re, length);
    for (let p = 0; p < length; p++) for (let k = 0; k < ALPHABET_SIZE; k++) if (sets[p]![k] || slot >= MASK_BITS - 1) masks[p * ALPHABET_SIZE + k]! |= bit(slot);
  });
  const strengthOfSlot = new Float64Array(MASK_BITS);
  let canonicalSlots = 0;
  let all = 0;
  entries.forEach((e, n) => {
    const b = Math.min(slotOf[n]!, MASK_BITS - 1);
    all |= 1 << b;
    strengthOfSlot[b] = Math.max(strengthOfSlot[b]!, e.format.strength);
    if (e.format.canonical) canonicalSlots |= 1 << b;
  });
  return { entries, slotOf, slots, masks, all, strengthOfSlot, canonicalSlots };
}

export function getCarrier(id: string): CarrierDefinition | undefined {
  return BY_ID.get(id);
}

/** The carrier's own tracking page for `number`, or null for an unknown carrier. */
export function trackingUrl(carrierId: string, number: string): string | null {
  const carrier = BY_ID.get(carrierId);
  return carrier ? carrier.trackingUrl(normaliseNumber(number)) : null;
}

/** Upper case, without spaces, hyphens and other separators printed inside numbers. */
export function normaliseNumber(raw: string): string {
  return raw.replace(/[\s\u00a0\u2007\u202f\-\u2010-\u2015.]+/g, '').toUpperCase();
}

/** One way of reading a number: a carrier's format that matches it. */
export interface Candidate {
  carrier: string;
  service: string;
  format: string;
  /** 0..1. */
  confidence: number;
  /** False when the pattern matches but the check digit does not (taken only with explicit context). */
  verified: boolean;
  /** The number the carrier tracks (normalised; without USPS `420` + ZIP routing). */
  trackingNumber: string;
}

/** What is known around the number when it is classified. */
export interface ClassifyContext {
  /**
   * Carriers the context names explicitly (the sender of the carrier's own e-mail, a link to its
   * tracking page, a "UPS tracking number:" label). Their formats get a boost, their context-only
   * formats apply, and with {@link allowUnverified} a failed check digit is accepted.
   */
  carrierHints?: readonly string[];
  /** Accept numbers of hinted carriers whose check digit fails (edited or sanitised e-mails), unverified. */
  allowUnverified?: boolean;
  /** Confidence added to every candidate (e.g. a "tracking number" label nearby). */
  boost?: number;
}

/** Confidence of a hinted number whose check digit fails: trackable, but below a verified one. */
export const UNVERIFIED_CONFIDENCE = 0.55;
/** Added to a candidate whose carrier the context names. */
export const HINT_BOOST = 0.3;

/** A pattern match before any context: whether the check digit and extra rules hold. */
export interface FormatMatch {
  carrier: CarrierDefinition;
  format: FormatDefinition;
  order: number;
  verified: boolean;
  trackingNumber: string;
  groups: FormatGroups;
}

/**
 * Calls of {@link matchFormats} for one length before it builds that length's dispatch index. A page reader
 * that checks a number or two runs the few patterns of its length directly (well under a millisecond) instead
 * of paying the pattern analysis (a few ms per length: most of a Shopify order page's first scan, issue #15);
 * a caller with many numbers of a length (a pasted list) gets the index after these.
 */
const DIRECT_CALLS = 16;
const directCalls = new Int32Array(MAX_NUMBER_LENGTH + 1);

/** Every format whose pattern matches the normalised number, verified or not. */
export function matchFormats(normalised: string): FormatMatch[] {
  const len = normalised.length;
  if (len <= MAX_NUMBER_LENGTH && BY_LENGTH[len] === undefined && ++directCalls[len]! <= DIRECT_CALLS) return matchDirect(normalised);
  const index = indexFor(len);
  if (!index) return [];
  let mask = index.all;
  for (let p = 0; p < normalised.length && mask !== 0; p++) {
    const k = codeOf(normalised.charCodeAt(p));
    // A character outside the alphabet (never in scanned text): let the patterns decide.
    if (k < 0 || normalised.charCodeAt(p) >= 97) {
      mask = index.all;
      break;
    }
    mask &= index.masks[p * SIZE + k]!;
  }
  return mask === 0 ? [] : matchMasked(index, normalised, mask);
}

/**
 * Dispatch table for the scanner: per-position masks for `length` (`masks[p * ALPHABET_SIZE + k]`,
 * `k` the alphabet index of the character at `p`, see {@link alphabetIndex}) and the mask with every
 * slot set, or null when no format has that length. AND-ing the masks of a run's characters gives
 * the pattern slots that may match it, 0 when none can; the scanner computes it straight from the
 * text, with no copy of its characters (issue #3).
 */
export function formatMaskTable(length: number): { readonly masks: Int32Array; readonly all: number } | null {
  return indexFor(length);
}

/**
 * Highest confidence any format of `mask` could reach for a `length`-character number with
 * `boost` added (every hint and label boost assumed), or +Infinity when a format in it rewrites the
 * number (`canonical`). Lets the scanner skip reading the context of runs that cannot reach the threshold.
 */
export function confidenceBound(length: number, mask: number, boost: number): number {
  const index = indexFor(length);
  if (!index) return 0;
  if (mask & index.canonicalSlots) return Number.POSITIVE_INFINITY;
  let best = 0;
  // Only the set bits (usually one to three).
  for (let rest = mask; rest !== 0; rest &= rest - 1) best = Math.max(best, index.strengthOfSlot[31 - Math.clz32(rest & -rest)]!);
  return round(Math.max(0, Math.min(0.99, best + boost)));
}

/** {@link matchFormats} for a number whose mask (from {@link formatMaskTable}) is `mask` (nonzero). */
export function matchFormatsMasked(normalised: string, mask: number): FormatMatch[] {
  const index = indexFor(normalised.length);
  return index ? matchMasked(index, normalised, mask) : [];
}

/**
 * One digit repeated over the whole number (twenty zeros, `1111111111`): a placeholder or a filler, never a
 * parcel, whatever check digit it happens to pass (issue #18: twenty zeros read as Poczta Polska).
 */
function isDegenerate(normalised: string): boolean {
  const c = normalised.charCodeAt(0);
  if (c < 48 || c > 57) return false;
  for (let i = 1; i < normalised.length; i++) if (normalised.charCodeAt(i) !== c) return false;
  return true;
}

/** {@link matchFormats} without the dispatch index: every pattern of the length, each distinct one run once. */
function matchDirect(normalised: string): FormatMatch[] {
  const entries = FORMATS_BY_LENGTH[normalised.length];
  if (!entries) return [];
  const out: FormatMatch[] = [];
  const results = new Map<RegExp, FormatGroups | null>();
  for (const entry of entries) {
    let found = results.get(entry.format.pattern);
    if (found === undefined) {
      const m = entry.format.pattern.exec(normalised);
      found = m ? plainGroups(m.groups) : null;
      results.set(entry.format.pattern, found);
    }
    if (found) out.push(formatMatch(entry, found, normalised));
  }
  return out;
}

function formatMatch(entry: IndexedFormat, found: FormatGroups, normalised: string): FormatMatch {
  const groups: FormatGroups = { ...found };
  return {
    carrier: entry.carrier,
    format: entry.format,
    order: entry.order,
    verified: formatHolds(entry.format, groups, normalised),
    trackingNumber: entry.format.canonical ? entry.format.canonical(groups, normalised) : normalised,
    groups,
  };
}

function matchMasked(index: LengthIndex, normalised: string, mask: number): FormatMatch[] {
  const out: FormatMatch[] = [];
  // Each distinct pattern runs once per number (S10 operators share one); groups per slot, copied
  // into a plain object once (spreading the regex's null-prototype groups object is slow).
  const results: (FormatGroups | null | undefined)[] = [];
  for (let n = 0; n < index.entries.length; n++) {
    const slot = index.slotOf[n]!;
    if ((mask & (1 << Math.min(slot, MASK_BITS - 1))) === 0) continue;
    let found = results[slot];
    if (found === undefined) {
      const m = index.slots[slot]!.exec(normalised);
      found = m ? plainGroups(m.groups) : null;
      results[slot] = found;
    }
    if (found) out.push(formatMatch(index.entries[n]!, found, normalised));
  }
  return out;
}

function plainGroups(groups: Record<string, string | undefined> | undefined): FormatGroups {
  const out: FormatGroups = {};
  if (groups) for (const name in groups) out[name] = groups[name];
  return out;
}

function formatHolds(format: FormatDefinition, groups: FormatGroups, normalised: string): boolean {
  if (format.accept && !format.accept(groups, normalised)) return false;
  if (!format.checkDigit) return true;
  const serial = groups.serial;
  const check = groups.check;
  if (serial === undefined || check === undefined) return false;
  const prefix = format.serialPrefix ? format.serialPrefix(groups) : '';
  return verifyCheckDigit(format.checkDigit, prefix + serial, check);
}

/**
 * Every carrier format that accepts `number`, best first. Without context, only verified numbers
 * of formats that stand on their own; `[]` when it is no valid tracking number.
 */
export function classify(number: string, context: ClassifyContext = {}): Candidate[] {
  if (typeof number !== 'string') return [];
  const normalised = normaliseNumber(number.length > 200 ? number.slice(0, 200) : number);
  return candidatesFrom(matchFormats(normalised), context);
}

/** Turns pattern matches into ranked candidates under a context (shared with the text scanner). */
export function candidatesFrom(matches: readonly FormatMatch[], context: ClassifyContext = {}): Candidate[] {
  const hints = context.carrierHints ?? [];
  const boost = context.boost ?? 0;
  const ranked: { c: Candidate; order: number }[] = [];
  for (const m of matches) {
    if (isDegenerate(m.trackingNumber)) continue;
    const hinted = hints.includes(m.carrier.id);
    if (m.format.contextOnly && !hinted) continue;
    let confidence: number;
    if (m.verified) confidence = m.format.strength + (hinted ? HINT_BOOST : 0) + boost;
    else if (hinted && context.allowUnverified) confidence = Math.min(UNVERIFIED_CONFIDENCE, m.format.strength + HINT_BOOST + boost);
    else continue;
    ranked.push({
      c: {
        carrier: m.carrier.id,
        service: serviceName(m),
        format: m.format.id,
        confidence: round(Math.max(0, Math.min(0.99, confidence))),
        verified: m.verified,
        trackingNumber: m.trackingNumber,
      },
      order: m.order,
    });
  }
  ranked.sort((a, b) => b.c.confidence - a.c.confidence || a.order - b.order);
  return ranked.map((r) => r.c);
}

function serviceName(m: FormatMatch): string {
  return (m.format.serviceFor ? m.format.serviceFor(m.groups) : null) ?? m.format.service;
}

function round(x: number): number {
  return Math.round(x * 100) / 100;
}

/** Carriers whose tracking hosts include `host` (or a parent domain of it). */
export function carriersForHost(host: string): CarrierDefinition[] {
  const h = host.toLowerCase().replace(/^www\./, '');
  return CARRIERS.filter((c) => c.trackingHosts.some((t) => h === t || h.endsWith(`.${t}`)));
}

/** Carriers whose notification e-mails come from `domain` (or a subdomain of it). */
export function carriersForSenderDomain(domain: string): CarrierDefinition[] {
  const d = domain.toLowerCase();
  return CARRIERS.filter((c) => (c.senderDomains ?? []).some((t) => d === t || d.endsWith(`.${t}`)));
}
