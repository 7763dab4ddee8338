/**
 * Finds tracking numbers in text (page text nodes, link URLs, e-mail bodies) in one linear pass.
 *
 * Algorithm (why it is linear): the text is read once, character by character, into tokens (runs
 * of ASCII letters and digits). Tokens separated only by a few spaces or one hyphen form a chain
 * (numbers are printed as `1Z 879E 9303 4683 4440` or `7112-3456-…`). A candidate is a run of whole
 * tokens of a chain, so no number is ever cut out of a longer token; for each token we look back
 * only over runs of at most MAX_NUMBER_LENGTH characters, i.e. at most that many tokens, and
 * classify each run with a constant-time table lookup plus the few patterns of that length.
 * Context scoring reads fixed-size windows. Work per character is therefore bounded by a constant
 * (about MAX_NUMBER_LENGTH² pattern characters in the worst case of single-character tokens), and
 * `stats` lets a test count it. The only super-linear step is sorting each chain's candidates,
 * O(k log k) in their number k ≤ text length.
 */
import {
  type Candidate,
  candidatesFrom,
  DEFAULT_CONFIDENCE_THRESHOLD,
  MAX_NUMBER_LENGTH,
  MIN_NUMBER_LENGTH,
  matchFormats,
} from '../carriers/registry';
import { type AfterContext, type BeforeContext, LABEL_BOOST, OTHER_PENALTY, readAfter, readBefore } from './context';

export interface FoundNumber {
  /** Normalised as printed: upper case, no spaces or hyphens. */
  number: string;
  /** The number the carrier tracks (differs only for USPS `420` + ZIP routing prefixes). */
  trackingNumber: string;
  carrier: string;
  service: string;
  format: string;
  /** 0..1, best occurrence. */
  confidence: number;
  /** False when taken despite a failed check digit because the context names the carrier. */
  verified: boolean;
  /** Offsets of the first occurrence in the text (UTF-16 code units, end exclusive). */
  start: number;
  end: number;
  /** Every reading of the number, best first. */
  candidates: Candidate[];
}

export interface FindOptions {
  /** Numbers below this confidence are left out (default {@link DEFAULT_CONFIDENCE_THRESHOLD}). */
  minConfidence?: number;
  /**
   * Carriers the whole text is known to come from (the sender of the carrier's own e-mail, the
   * carrier's own page): their formats get a boost and a failed check digit is accepted, unverified.
   */
  carrierHints?: readonly string[];
  /** Accept failed check digits when labelled as the named carrier's tracking number (default true). */
  allowUnverified?: boolean;
  /** Texts longer than this are scanned only up to it (default 64 Mi characters). */
  maxLength?: number;
  /** Filled with operation counts, for the linearity test. */
  stats?: ScanStats;
}

export interface ScanStats {
  characters: number;
  tokens: number;
  /** Runs of tokens looked up in the format table. */
  lookups: number;
  /** Pattern executions. */
  patternRuns: number;
}

export interface ScanResult {
  found: FoundNumber[];
  /** True when the text was longer than `maxLength` and only its beginning was scanned. */
  truncated: boolean;
}

const DEFAULT_MAX_LENGTH = 64 * 1024 * 1024;
/** Longest run of printed characters (tokens and separators) a number may span. */
const MAX_SPAN = MAX_NUMBER_LENGTH * 4;
/** Letters-only tokens longer than this cannot start a number (prefixes are TBA, JJD, GFUS, PLDEMO…). */
const MAX_PREFIX_WORD = 6;
/** Penalty for a run whose chain continues with more digits: likely a piece of a longer number. */
const PIECE_PENALTY = 0.4;
const RING = 64;

/** Tracking numbers in `text`, best reading each, de-duplicated, in order of first appearance. */
export function findTrackingNumbers(text: string, options: FindOptions = {}): FoundNumber[] {
  return scanText(text, options).found;
}

/** Like {@link findTrackingNumbers}, and says whether the text was truncated. Never throws on bad input. */
export function scanText(text: string, options: FindOptions = {}): ScanResult {
  if (typeof text !== 'string' || text.length === 0) return { found: [], truncated: false };
  const maxLength = options.maxLength ?? DEFAULT_MAX_LENGTH;
  const truncated = text.length > maxLength;
  const src = truncated ? text.slice(0, maxLength) : text;
  const scanner = new Scanner(src, options);
  scanner.run();
  return { found: scanner.result(options.minConfidence ?? DEFAULT_CONFIDENCE_THRESHOLD), truncated };
}

interface Span {
  start: number;
  end: number;
  number: string;
  candidates: Candidate[];
  /** Index of the first and last token (global token counter). */
  firstToken: number;
  lastToken: number;
}

class Scanner {
  private readonly text: string;
  private readonly options: FindOptions;
  private readonly stats: ScanStats;
  // Ring buffer of the current chain's last tokens.
  private readonly tStart = new Int32Array(RING);
  private readonly tEnd = new Int32Array(RING);
  private readonly tDigit = new Uint8Array(RING);
  /** Number of digits in each token. */
  private readonly tDigits = new Int32Array(RING);
  /** Context before each token, read lazily once per token (not once per run). */
  private readonly tBefore: (BeforeContext | null)[] = new Array(RING).fill(null);
  private afterOfLast: AfterContext | null = null;
  private tokenCount = 0;
  /** Global index of the chain's first token. */
  private chainFirst = 0;
  private chainSpans: Span[] = [];
  private readonly byNumber = new Map<string, FoundNumber>();

  constructor(text: string, options: FindOptions) {
    this.text = text;
    this.options = options;
    this.stats = options.stats ?? { characters: 0, tokens: 0, lookups: 0, patternRuns: 0 };
  }

  run(): void {
    const text = this.text;
    const n = text.length;
    let i = 0;
    let prevEnd = -1;
    while (i < n) {
      let c = text.charCodeAt(i);
      if (!isAlnum(c)) {
        i++;
        continue;
      }
      const start = i;
      let digits = 0;
      let lower = false;
      while (i < n) {
        c = text.charCodeAt(i);
        if (c >= 48 && c <= 57) digits++;
        else if (c >= 97 && c <= 122) lower = true;
        else if (c < 65 || c > 90) break;
        i++;
      }
      const digit = digits > 0;
      // A word (lower-case letters, or more than 6 capitals) can be no part of a printed number:
      // it ends the chain and costs nothing more. Prose is therefore skipped at tokenizer speed.
      if (!digit && (lower || i - start > MAX_PREFIX_WORD)) {
        this.flushPending(false);
        this.endChain();
        prevEnd = -1;
        continue;
      }
      if (prevEnd >= 0 && joinable(text, prevEnd, start)) {
        this.flushPending(digit);
      } else {
        this.flushPending(false);
        this.endChain();
      }
      this.addToken(start, i, digits);
      prevEnd = i;
    }
    this.flushPending(false);
    this.endChain();
    this.stats.characters += n;
  }

  /** Token whose runs are examined once the next token is known (its digits make a run a piece). */
  private pending = -1;

  private flushPending(nextIsDigit: boolean): void {
    if (this.pending < 0) return;
    this.candidatesEndingAt(this.pending, nextIsDigit);
    this.pending = -1;
  }

  private addToken(start: number, end: number, digits: number): void {
    const k = this.tokenCount % RING;
    this.tStart[k] = start;
    this.tEnd[k] = end;
    this.tDigit[k] = digits > 0 ? 1 : 0;
    this.tDigits[k] = digits;
    this.tBefore[k] = null;
    this.pending = this.tokenCount;
    this.tokenCount++;
    this.stats.tokens++;
  }

  /**
   * Runs of whole tokens that end with token `j`. A run with digit tokens of its chain on both
   * sides is a piece of a longer digit sequence and is not considered; this also keeps long
   * chains of digit groups (noise, tables) at O(1) lookups per token.
   */
  private candidatesEndingAt(j: number, nextIsDigit: boolean): void {
    const kj = j % RING;
    const lastLen = this.tEnd[kj]! - this.tStart[kj]!;
    if (lastLen > MAX_NUMBER_LENGTH) return;
    // A number ends in a digit-bearing token or a short letter suffix (S10 country, DPD check letter).
    if (!this.tDigit[kj] && lastLen > 2) return;
    this.afterOfLast = null;
    let length = 0;
    let digits = 0;
    const end = this.tEnd[kj]!;
    for (let i = j; i >= this.chainFirst && j - i < RING; i--) {
      const ki = i % RING;
      const pieceLen = this.tEnd[ki]! - this.tStart[ki]!;
      length += pieceLen;
      if (length > MAX_NUMBER_LENGTH || end - this.tStart[ki]! > MAX_SPAN) break;
      digits += this.tDigits[ki]!;
      // Letters-only tokens longer than 2 (TBA, JJD, GFUS, PLDEMO) can only start a number.
      const prefixOnly = this.tDigits[ki] === 0 && pieceLen > 2;
      if (i !== j && prefixOnly && length - pieceLen > 0) {
        this.evaluate(i, j, length, digits, nextIsDigit);
        break;
      }
      this.evaluate(i, j, length, digits, nextIsDigit);
    }
  }

  /** Looks up the run of tokens i..j (length characters, `digits` of them digits). */
  private evaluate(i: number, j: number, length: number, digits: number, nextIsDigit: boolean): void {
    // Every format is at least 40% digits (1LSCX… is the least); words and codes are not looked up.
    if (length < MIN_NUMBER_LENGTH || digits * 5 < length * 2) return;
    const leftClean = i === this.chainFirst || !this.tDigit[(i - 1) % RING];
    if (nextIsDigit && !leftClean) return;
    this.stats.lookups++;
    let number = '';
    for (let t = i; t <= j; t++) number += this.text.slice(this.tStart[t % RING]!, this.tEnd[t % RING]!);
    number = number.toUpperCase();
    const matches = matchFormats(number);
    if (matches.length === 0) return;
    this.stats.patternRuns += matches.length;
    this.score(number, matches, i, j, !leftClean || nextIsDigit);
  }

  private score(
    number: string,
    matches: ReturnType<typeof matchFormats>,
    firstToken: number,
    lastToken: number,
    piece: boolean,
  ): void {
    const start = this.tStart[firstToken % RING]!;
    const end = this.tEnd[lastToken % RING]!;
    const kf = firstToken % RING;
    const b = this.tBefore[kf] ?? readBefore(this.text, start);
    this.tBefore[kf] = b;
    const a = this.afterOfLast ?? readAfter(this.text, end);
    this.afterOfLast = a;
    const ctx = {
      labelled: b.labelled || a.labelled,
      labelAdjacent: b.labelAdjacent,
      otherLabel: b.otherLabel && !a.labelled,
      named: a.named.length === 0 ? b.named : [...b.named, ...a.named],
    };
    const hints = [...(this.options.carrierHints ?? []), ...ctx.named];
    let boost = 0;
    if (ctx.labelled) boost += LABEL_BOOST;
    if (ctx.otherLabel) boost -= OTHER_PENALTY;
    // A run that leaves digits of its chain on one side is probably a piece of something longer.
    if (piece) boost -= PIECE_PENALTY;
    const explicit = (ctx.labelAdjacent && ctx.named.length > 0) || (this.options.carrierHints?.length ?? 0) > 0;
    const candidates = candidatesFrom(matches, {
      carrierHints: hints,
      boost,
      allowUnverified: (this.options.allowUnverified ?? true) && explicit,
    });
    if (candidates.length === 0) return;
    this.chainSpans.push({ start, end, number, candidates, firstToken, lastToken });
  }

  /** A chain ended: penalise runs followed by more digits, keep the best non-overlapping runs. */
  private endChain(): void {
    const spans = this.chainSpans;
    if (spans.length > 0) {
      spans.sort(
        (a, b) => b.candidates[0]!.confidence - a.candidates[0]!.confidence || b.end - b.start - (a.end - a.start) || a.start - b.start,
      );
      // Greedy best-first; a bitmap over the chain's characters makes each overlap check O(span).
      let lo = Number.POSITIVE_INFINITY;
      let hi = 0;
      for (const s of spans) {
        if (s.start < lo) lo = s.start;
        if (s.end > hi) hi = s.end;
      }
      const used = new Uint8Array(hi - lo);
      const taken: Span[] = [];
      for (const s of spans) {
        let free = true;
        for (let p = s.start - lo; p < s.end - lo; p++) {
          if (used[p]) {
            free = false;
            break;
          }
        }
        if (!free) continue;
        used.fill(1, s.start - lo, s.end - lo);
        taken.push(s);
      }
      taken.sort((a, b) => a.start - b.start);
      for (const s of taken) this.keep(s);
      this.chainSpans = [];
    }
    this.chainFirst = this.tokenCount;
  }

  private keep(s: Span): void {
    const best = s.candidates[0]!;
    const key = best.trackingNumber;
    const seen = this.byNumber.get(key);
    if (!seen) {
      this.byNumber.set(key, {
        number: s.number,
        trackingNumber: best.trackingNumber,
        carrier: best.carrier,
        service: best.service,
        format: best.format,
        confidence: best.confidence,
        verified: best.verified,
        start: s.start,
        end: s.end,
        candidates: s.candidates,
      });
    } else if (best.confidence > seen.confidence) {
      // Same number seen again with better context (a label): keep the first position, better reading.
      Object.assign(seen, {
        carrier: best.carrier,
        service: best.service,
        format: best.format,
        confidence: best.confidence,
        verified: best.verified,
        candidates: s.candidates,
      });
    }
  }

  result(minConfidence: number): FoundNumber[] {
    return [...this.byNumber.values()].filter((f) => f.confidence >= minConfidence).sort((a, b) => a.start - b.start);
  }
}

function isAlnum(c: number): boolean {
  return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
}

/**
 * Whether the gap text[from, to) may sit inside a printed number: 1–3 spaces (incl. no-break and
 * thin spaces) or one hyphen/dash with at most one space on each side. Never a line break.
 */
function joinable(text: string, from: number, to: number): boolean {
  const len = to - from;
  if (len < 1 || len > 3) return false;
  let hyphens = 0;
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c === 32 || c === 9 || c === 0xa0 || c === 0x2007 || c === 0x202f) continue;
    if (c === 45 || c === 0x2010 || c === 0x2011 || c === 0x2013) {
      hyphens++;
      continue;
    }
    return false;
  }
  return hyphens <= 1;
}
