import {
  type Candidate,
  candidatesFrom,
  getCarrier,
  matchFormats,
  MAX_NUMBER_LENGTH,
  DEFAULT_CONFIDENCE_THRESHOLD,
  MIN_NUMBER_LENGTH,
  normaliseNumber,
  SELECTION_CONFIDENCE_THRESHOLD,
} from '../carriers/registry';

/**
 * What a shopper typed, pasted or selected, read as tracking numbers (issue #11 §1, §8): the popup's
 * box, the context menu's "Track …" and the import of tracking numbers all call this one function.
 *
 * Input is a list in any shape: one per line, separated by commas, semicolons, tabs or spaces, or a
 * sentence around a number ("UPS 1Z 879E 9303 4683 4440, thanks"). Carriers print numbers in groups
 * (`1Z 879E 9303 4683 4440`, `9400 1000 …`), so spaces are both a separator and part of a number;
 * within a line, the tokens are covered by a dynamic programme that takes the reading with the most
 * valid numbers, then the fewest digit groups left over (two numbers side by side stay two, a grouped
 * number stays one). A token group with digits that is no valid number gets a reason the shopper can act
 * on (a check digit that does not match is a typo; an Amazon order number is not a tracking number).
 */
export interface ParsedNumber {
  /** As the shopper wrote it (spaces kept), for showing back. */
  text: string;
  /** Normalised: upper case, no spaces or hyphens. */
  number: string;
  /** Every reading, best first; more than one carrier means the shopper may choose. */
  candidates: Candidate[];
  /** True when the readings name more than one carrier (formats overlap). */
  ambiguous: boolean;
}

export type RejectReason = 'check_digit' | 'order_number' | 'too_short' | 'too_long' | 'repeated' | 'unknown_format';

export interface RejectedInput {
  text: string;
  /** Why, as a code: the shopper reads it in their language from it and the facts below (lib/view/track-offers.ts rejectText, issue #13 §2). */
  reason: RejectReason;
  /** The carrier whose format it nearly matches (check_digit). */
  carrier?: string;
  /** Its length without separators (too_short). */
  length?: number;
  /** The shortest a tracking number is (too_short). */
  shortest?: number;
}

export interface ParsedInput {
  numbers: ParsedNumber[];
  rejected: RejectedInput[];
  /** The words that are no number (search terms), lower case, in order. */
  words: string[];
}

/** The most a single paste is read for (a whole spreadsheet column is fine; a book is cut here). */
export const MAX_INPUT_CHARS = 100_000;
/** A number is printed in at most this many groups (`1Z 879E 9303 4683 4440` is five). */
const MAX_GROUPS = 8;

// Lines and list separators never sit inside a printed number; spaces may.
const SEGMENTS = /[\r\n,;|\t]+/;
const EDGE_PUNCTUATION = /^[("'“‘#:[{<]+|[)"'”’.,:;!?\]}>]+$/g;
const AMAZON_ORDER = /^\d{3}-?\d{7}-?\d{7}$/;
const DIGIT = /\d/;
/** The longest letter-only prefix a printed number starts with (TBA, JJD, GFUS, PLDEMO…). */
const PREFIX = /^[A-Za-z]{1,6}$/;

export function parseTrackingInput(input: string): ParsedInput {
  const text = typeof input === 'string' ? input.slice(0, MAX_INPUT_CHARS) : '';
  const numbers: ParsedNumber[] = [];
  const rejected: RejectedInput[] = [];
  const words: string[] = [];
  const seen = new Set<string>();
  for (const segment of text.split(SEGMENTS)) {
    const tokens = segment
      .split(/\s+/)
      .map((t) => t.replace(EDGE_PUNCTUATION, ''))
      .filter(Boolean);
    for (const part of coverTokens(tokens)) {
      if (part.kind === 'word') words.push(part.text.toLowerCase());
      else if (part.kind === 'number') {
        if (seen.has(part.number.number)) continue;
        seen.add(part.number.number);
        numbers.push(part.number);
      } else rejected.push(part.rejected);
    }
  }
  return { numbers, rejected, words };
}

type Part = { kind: 'word'; text: string } | { kind: 'number'; number: ParsedNumber } | { kind: 'rejected'; rejected: RejectedInput };

/** Readings of a normalised number that a shopper's explicit input may take. */
function readingsOf(normalised: string): Candidate[] {
  if (normalised.length < MIN_NUMBER_LENGTH || normalised.length > MAX_NUMBER_LENGTH) return [];
  const matches = matchFormats(normalised);
  if (matches.length === 0) return [];
  const standalone = candidatesFrom(matches);
  // Generic formats (GLS, DPD UK) are taken from text only when the context names the carrier; a
  // number typed on its own is that context's absence, so they are offered as a choice, below any
  // reading that stands on its own and at the format's own strength (no hint boost).
  const contextual = matches.filter((m) => m.format.contextOnly && m.verified);
  const weak = contextual.length
    ? candidatesFrom(contextual, { carrierHints: contextual.map((m) => m.carrier.id) }).map((c) => ({
        ...c,
        confidence: Math.round(Math.max(0.01, c.confidence - 0.3) * 100) / 100,
      }))
    : [];
  return [...standalone, ...weak].filter((c) => c.confidence >= SELECTION_CONFIDENCE_THRESHOLD || weak.includes(c));
}

/**
 * Covers a line's tokens with numbers, words and rejected digit groups: most valid numbers first,
 * then fewest digit tokens left over, then fewest pieces. O(tokens × MAX_GROUPS) classifications.
 */
function coverTokens(tokens: string[]): Part[] {
  const n = tokens.length;
  if (n === 0) return [];
  const hasDigit = tokens.map((t) => DIGIT.test(t));
  // A number may also start with a short letter group printed apart from its digits, in either case
  // ("JJD 0146 …", "RR 123 456 785 DE", GOFO's "cr 1234 5678 9012"; issue #18); it is taken only when
  // the whole is a valid reading, and otherwise stays a search word.
  const prefix = tokens.map((t, i) => !hasDigit[i] && PREFIX.test(t) && i + 1 < n && hasDigit[i + 1]!);
  // A run of digit groups with no word between them. A weak reading (a bare 12-digit number, below the
  // scanner's default threshold) is taken only as a whole run: cutting "9400 1000 0000 0000 0000 00"
  // into two weak numbers would invent parcels out of one mistyped number.
  const runEnd: number[] = new Array(n);
  for (let i = n - 1; i >= 0; i--) runEnd[i] = hasDigit[i] && i + 1 < n && hasDigit[i + 1] ? runEnd[i + 1]! : i + 1;
  const runStart = (i: number) => i === 0 || !hasDigit[i - 1];
  // best[i]: the best cover of tokens[i..]; compared as (numbers desc, leftover asc, pieces asc).
  const score: { numbers: number; leftover: number; pieces: number }[] = new Array(n + 1);
  const choice: number[] = new Array(n + 1);
  const readings = new Map<string, Candidate[]>();
  const read = (from: number, to: number): Candidate[] => {
    const key = `${from}:${to}`;
    let r = readings.get(key);
    if (!r) {
      r = readingsOf(normaliseNumber(tokens.slice(from, to).join('')));
      readings.set(key, r);
    }
    return r;
  };
  score[n] = { numbers: 0, leftover: 0, pieces: 0 };
  for (let i = n - 1; i >= 0; i--) {
    const rest = score[i + 1]!;
    let best = { numbers: rest.numbers, leftover: rest.leftover + (hasDigit[i] ? 1 : 0), pieces: rest.pieces + 1 };
    let take = 0;
    if (hasDigit[i] || prefix[i]) {
      const digitsFrom = hasDigit[i] ? i : i + 1;
      for (let j = digitsFrom + 1; j <= Math.min(n, i + MAX_GROUPS); j++) {
        const r = read(i, j);
        if (r.length === 0) continue;
        if (r[0]!.confidence < DEFAULT_CONFIDENCE_THRESHOLD && !(runStart(digitsFrom) && j === runEnd[digitsFrom])) continue;
        const after = score[j]!;
        const s = { numbers: after.numbers + 1, leftover: after.leftover, pieces: after.pieces + 1 };
        if (better(s, best)) {
          best = s;
          take = j - i;
        }
      }
    }
    score[i] = best;
    choice[i] = take;
  }
  const parts: Part[] = [];
  let leftover: string[] = [];
  // Consecutive digit groups that are no number are one entry ("9400 1000 12"); a short one alone
  // ("2", "#12", "2024": a quantity, a house number, a year) is a search word, never a failed number.
  const flush = () => {
    if (leftover.length === 0) return;
    const joined = leftover.join(' ');
    if (isSmallNumber(joined)) for (const w of leftover) parts.push({ kind: 'word', text: w });
    else parts.push({ kind: 'rejected', rejected: reject(joined) });
    leftover = [];
  };
  for (let i = 0; i < n; ) {
    const take = choice[i]!;
    if (take > 0) {
      flush();
      const candidates = read(i, i + take);
      const text = tokens.slice(i, i + take).join(' ');
      parts.push({
        kind: 'number',
        number: { text, number: normaliseNumber(text), candidates, ambiguous: new Set(candidates.map((c) => c.carrier)).size > 1 },
      });
      i += take;
    } else if (hasDigit[i]) {
      leftover.push(tokens[i]!);
      i++;
    } else {
      flush();
      parts.push({ kind: 'word', text: tokens[i]! });
      i++;
    }
  }
  flush();
  return parts;
}

function better(a: { numbers: number; leftover: number; pieces: number }, b: { numbers: number; leftover: number; pieces: number }): boolean {
  if (a.numbers !== b.numbers) return a.numbers > b.numbers;
  if (a.leftover !== b.leftover) return a.leftover < b.leftover;
  return a.pieces < b.pieces;
}

function isSmallNumber(token: string): boolean {
  return normaliseNumber(token).replace(/[^0-9A-Z]/g, '').length < 6;
}

const CARRIER_NAME = (id: string) => getCarrier(id)?.name ?? id;

function reject(text: string): RejectedInput {
  const normalised = normaliseNumber(text).replace(/[^0-9A-Z]/g, '');
  if (AMAZON_ORDER.test(text.replace(/\s+/g, ''))) {
    return { text, reason: 'order_number' };
  }
  if (/^(\d)\1+$/.test(normalised)) return { text, reason: 'repeated' };
  const broken = normalised.length >= MIN_NUMBER_LENGTH && normalised.length <= MAX_NUMBER_LENGTH ? matchFormats(normalised).find((m) => !m.verified) : undefined;
  if (broken) {
    return { text, reason: 'check_digit', carrier: CARRIER_NAME(broken.carrier.id) };
  }
  if (normalised.length < MIN_NUMBER_LENGTH) {
    return { text, reason: 'too_short', length: normalised.length, shortest: MIN_NUMBER_LENGTH };
  }
  if (normalised.length > MAX_NUMBER_LENGTH) {
    return { text, reason: 'too_long' };
  }
  return { text, reason: 'unknown_format' };
}
