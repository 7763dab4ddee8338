/**
 * Finds tracking numbers in text (page text nodes, link URLs, e-mail bodies) in one linear pass.
 *
 * Algorithm (why it is linear): the text is read left to right into tokens (runs of ASCII letters
 * and digits), but only around digits that could start a number: the regex engine skips the rest
 * (CHAIN_FINDER; its look-ahead reads at most up to the third digit after the one it stands on, so
 * every character is read a bounded number of times). Tokens separated only by a few spaces or one hyphen form a chain
 * (numbers are printed as `1Z 879E 9303 4683 4440` or `7112-3456-…`). A candidate is a run of whole
 * tokens of a chain, so no number is ever cut out of a longer token; for each token we look back
 * only over runs of at most MAX_NUMBER_LENGTH characters, i.e. at most that many tokens, and
 * classify each run with a constant-time table lookup plus the few patterns of that length.
 * Context scoring reads fixed-size windows. Work per character is therefore bounded by a constant
 * (about MAX_NUMBER_LENGTH² pattern characters in the worst case of single-character tokens), and
 * `stats` lets a test count it (see {@link ScanStats}: the tests bound work by these counts, never
 * by a clock). The only super-linear step is sorting each chain's candidates, O(k log k) in their
 * number k ≤ text length.
 *
 * Why it is fast (issue #3 throughput target): prose and short numbers (prices, dates) are skipped
 * by the regex engine, chains are tokenized with a class table and no allocation; a run is looked up by (length, characters) in per-position masks derived from
 * the formats' patterns, so a regex runs only when some format can match; a run whose best
 * possible confidence (every boost assumed, then with its actual context) stays below the
 * threshold is neither matched nor scored; context windows are pre-checked for the literals the
 * context regexes need. A number's position is that of its first occurrence that reaches the
 * threshold, and its reading the best one; skipped runs are all below the threshold, so they
 * change neither, and no part of the text is ever read twice: results are exactly those of an
 * unpruned scan (see {@link Scanner.finish}).
 */
import {
  type Candidate,
  candidatesFrom,
  confidenceBound,
  DEFAULT_CONFIDENCE_THRESHOLD,
  type FormatMatch,
  formatMaskTable,
  HINT_BOOST,
  MAX_NUMBER_LENGTH,
  MIN_NUMBER_LENGTH,
  matchFormatsMasked,
} from '../carriers/registry';
import {
  AFTER_WINDOW,
  type AfterContext,
  BEFORE_WINDOW,
  type BeforeContext,
  LABEL_BOOST,
  mayNameCarrier,
  OTHER_PENALTY,
  readAfter,
  readBefore,
  readLabelFlags,
  type TextContext,
} from './context';
import { ALPHABET_SIZE, alphabetIndex } from './pattern-shape';

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
  /**
   * Incremented with operation counts (see {@link ScanStats}), so tests can
   * bound the work by counts instead of by a clock. The counts are kept whether or not this is
   * given (a few integer additions per chain, lookup and context window, none per character or
   * run: no cost measurable on page text), so asking for them changes neither the results nor
   * the path taken.
   */
  stats?: ScanStats;
  /**
   * Read every run, skipping none that cannot reach the threshold (slower). Results are the same
   * either way; tests use this as the oracle for the fast path.
   */
  exhaustive?: boolean;
}

/**
 * How much work a scan did. Each count is of steps of bounded cost, so together they bound the
 * scan's time: a test that proves every count linear in the text's length proves the scan linear.
 * Steps of a bounded size are counted, not their characters (counting those cost a few per cent):
 * a lookup reads at most MAX_NUMBER_LENGTH characters, a context window at most
 * {@link BEFORE_WINDOW}. What no count sees is inside the regex engine: the chain finder's
 * look-ahead (bounded, see {@link CHAIN_FINDER}), the context regexes (on those windows) and the
 * format patterns (on at most MAX_NUMBER_LENGTH characters, at most one per distinct pattern per
 * lookup).
 */
export interface ScanStats {
  /** Characters of the text scanned (its length, or `maxLength`). */
  characters: number;
  /**
   * Characters the scanner read outside lookups and context windows: passed over by the search
   * for the next chain, walked back to a chain's start, tokenized, checked for overlaps.
   */
  examined: number;
  /** Searches for the next digit that may start a chain (CHAIN_FINDER executions). */
  searches: number;
  tokens: number;
  /** Runs of whole tokens tried as candidates (at most MAX_NUMBER_LENGTH per token). */
  runs: number;
  /** Runs looked up in the format table: each reads at most MAX_NUMBER_LENGTH characters through the masks and into its number. */
  lookups: number;
  /** Format matches found by the patterns of looked-up runs (scored). */
  patternRuns: number;
  /** Context windows read, each at most BEFORE_WINDOW characters: labels before a run, carrier names before or after it, full context. */
  contextReads: number;
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

/*
 * Imported values used per token, bound once. Under a CommonJS loader (tsx, which runs the
 * benchmarks) every use of an imported binding is a property read through a getter, which costs
 * more than the work it guards in these loops; a bundler's ESM output does not need this.
 */
const MAX_LEN = MAX_NUMBER_LENGTH;
const MIN_LEN = MIN_NUMBER_LENGTH;
const SIZE = ALPHABET_SIZE;
const HINT = HINT_BOOST;
const LABEL = LABEL_BOOST;
const OTHER_LABEL = OTHER_PENALTY;
const maskTableOf = formatMaskTable;
const boundOf = confidenceBound;
const matchMasked = matchFormatsMasked;
const contextBefore = readBefore;
const contextAfter = readAfter;
const rank = candidatesFrom;
const readLabelsOnce = readLabelFlags;
const mayName = mayNameCarrier;

/** Flags of a token's staged context (see Scanner.contextOf). */
const LABELS_READ = 1;
const LABELLED = 2;
const OTHER_LABELLED = 4;
const KEYWORD_READ = 8;
const KEYWORD_NEAR = 16;

/** Character classes of ASCII codes: 0 other, 1 digit, 2 upper-case letter, 3 lower-case letter. */
const OTHER = 0;
const DIGIT = 1;
const LOWER = 3;
const CLASS = new Uint8Array(128);
for (let c = 48; c <= 57; c++) CLASS[c] = DIGIT;
for (let c = 65; c <= 90; c++) CLASS[c] = 2;
for (let c = 97; c <= 122; c++) CLASS[c] = LOWER;
/** Alphabet index ({@link alphabetIndex}) of each ASCII letter and digit: tokens hold no other characters. */
const CODE = Uint8Array.from({ length: 128 }, (_, c) => Math.max(0, alphabetIndex(c)));

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
  const minConfidence = options.minConfidence ?? DEFAULT_CONFIDENCE_THRESHOLD;
  const scanner = new Scanner(src, options, options.exhaustive ? Number.NEGATIVE_INFINITY : minConfidence);
  scanner.run(0, src.length);
  if (options.stats) scanner.addCountsTo(options.stats);
  return { found: scanner.finish(minConfidence), truncated };
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

/**
 * One pass over the text. Runs whose best possible confidence is below `pruneBelow` are counted
 * but neither matched nor scored. Each chain's selected runs are logged in text order and the
 * de-duplication into results happens in {@link finish}.
 */
class Scanner {
  private readonly text: string;
  private readonly options: FindOptions;
  // Operation counts (see ScanStats), kept in the scanner's own fields whether asked for or not
  // and added to the caller's `stats` at the end: one code path, so counting changes nothing.
  private characters = 0;
  private examined = 0;
  private searches = 0;
  private runs = 0;
  private lookups = 0;
  private patternRuns = 0;
  private contextReads = 0;
  private readonly pruneBelow: number;
  /** Carrier hints of the options (a hint boost is possible for every run when there are any). */
  private readonly optionHints: boolean;
  // Ring buffer of the current chain's last tokens.
  private readonly tStart = new Int32Array(RING);
  private readonly tEnd = new Int32Array(RING);
  private readonly tDigit = new Uint8Array(RING);
  /** Number of digits in each token. */
  private readonly tDigits = new Int32Array(RING);
  /** Context before each token, read lazily once per token (not once per run). */
  private readonly tBefore: (BeforeContext | null)[] = new Array(RING).fill(null);
  /** Staged context flags of each token (LABELS_READ, LABELLED, …). */
  private readonly tState = new Uint8Array(RING);
  private afterOfLast: AfterContext | null = null;
  /** Whether a carrier keyword follows the current last token: -1 not read yet, 0 no, 1 maybe. */
  private afterKeyword = -1;
  private tokenCount = 0;
  /** Global index of the chain's first token. */
  private chainFirst = 0;
  private chainSpans: Span[] = [];
  /** Selected runs of every chain, in text order. */
  private readonly log: Span[] = [];

  constructor(text: string, options: FindOptions, pruneBelow: number) {
    this.text = text;
    this.options = options;
    this.pruneBelow = pruneBelow > 0 ? pruneBelow : Number.NEGATIVE_INFINITY;
    this.optionHints = (options.carrierHints?.length ?? 0) > 0;
  }

  /**
   * Scans text[from, to); `from` must be a chain start (0, or where a logged chain starts).
   * Prose is skipped by the regex engine: {@link CHAIN_FINDER} finds the next digit that has three
   * more letters or digits after it within printed-number gaps (every run that is looked up has
   * at least four digits, 40% of ten characters), and only the chain around it is tokenized here.
   */
  run(from: number, to: number): void {
    const text = this.text;
    const finder = CHAIN_FINDER;
    // Counted in locals, added once at the end.
    let searches = 0;
    let examined = 0;
    let pos = from;
    while (pos < to) {
      finder.lastIndex = pos;
      searches++;
      if (!finder.test(text)) {
        examined += to - pos;
        break;
      }
      const digit = finder.lastIndex - 1;
      examined += finder.lastIndex - pos;
      if (digit >= to) break;
      let start = digit;
      while (start > pos && isAlnum(text.charCodeAt(start - 1))) start--;
      examined += digit - start;
      // Earlier tokens of the same chain (joined by a printed-number gap, no word in between).
      for (let prev = this.previousChainToken(start, pos); prev >= 0; prev = this.previousChainToken(start, pos)) start = prev;
      // Resume after the chain's last token (always past the digit found).
      pos = Math.max(this.scanChain(start, to), digit + 1);
    }
    this.searches += searches;
    this.examined += examined;
    this.characters += to - from;
  }

  addCountsTo(stats: ScanStats): void {
    stats.characters += this.characters;
    stats.examined += this.examined;
    stats.searches += this.searches;
    stats.tokens += this.tokenCount;
    stats.runs += this.runs;
    stats.lookups += this.lookups;
    stats.patternRuns += this.patternRuns;
    stats.contextReads += this.contextReads;
  }

  /** Start of the token before the one at `start` when both belong to one chain, else -1 (never before `floor`). */
  private previousChainToken(start: number, floor: number): number {
    const text = this.text;
    let gap = start;
    while (gap > floor && start - gap < 4 && isGap(text.charCodeAt(gap - 1))) gap--;
    if (gap === start || gap <= floor || !isAlnum(text.charCodeAt(gap - 1)) || !joinable(text, gap, start)) {
      this.examined += start - gap + 1;
      return -1;
    }
    let t = gap;
    let digits = 0;
    let lower = false;
    while (t > floor && isAlnum(text.charCodeAt(t - 1))) {
      const c = text.charCodeAt(--t);
      if (c <= 57) digits++;
      else if (c >= 97) lower = true;
    }
    this.examined += start - t;
    if (t === floor && floor > 0 && isAlnum(text.charCodeAt(floor - 1))) return -1;
    return digits === 0 && (lower || gap - t > MAX_PREFIX_WORD) ? -1 : t;
  }

  /** Tokenizes the chain starting at `i` (a token start) up to its end; returns where its last token ends. */
  private scanChain(i: number, to: number): number {
    const text = this.text;
    const first = i;
    let runs = 0;
    let prevEnd = -1;
    while (i < to) {
      let c = text.charCodeAt(i);
      if (c >= 128 || CLASS[c] === OTHER) {
        // No gap inside a printed number is longer than 3 characters.
        if (prevEnd >= 0 && i - prevEnd >= 3) break;
        i++;
        continue;
      }
      const start = i;
      let digits = 0;
      let lower = false;
      while (i < to) {
        c = text.charCodeAt(i);
        if (c >= 128) break;
        const cls = CLASS[c]!;
        if (cls === DIGIT) digits++;
        else if (cls === LOWER) lower = true;
        else if (cls === OTHER) break;
        i++;
      }
      const digit = digits > 0;
      // A word (lower-case letters, or more than 6 capitals) can be no part of a printed number:
      // it ends the chain. So does a gap no printed number has.
      if (!digit && (lower || i - start > MAX_PREFIX_WORD)) break;
      if (prevEnd >= 0) {
        if (!joinable(text, prevEnd, start)) break;
        runs += this.flushPending(digit);
      }
      this.addToken(start, i, digits);
      prevEnd = i;
    }
    runs += this.flushPending(false);
    // Counted once per chain, not per character or run (these loops are the scanner's hottest).
    this.examined += i - first;
    this.runs += runs;
    this.endChain();
    return prevEnd;
  }

  /** Token whose runs are examined once the next token is known (its digits make a run a piece). */
  private pending = -1;

  /** Examines the pending token's runs; returns how many were tried. */
  private flushPending(nextIsDigit: boolean): number {
    if (this.pending < 0) return 0;
    const runs = this.candidatesEndingAt(this.pending, nextIsDigit);
    this.pending = -1;
    return runs;
  }

  private addToken(start: number, end: number, digits: number): void {
    const k = this.tokenCount % RING;
    this.tStart[k] = start;
    this.tEnd[k] = end;
    this.tDigit[k] = digits > 0 ? 1 : 0;
    this.tDigits[k] = digits;
    this.tBefore[k] = null;
    this.tState[k] = 0;
    this.pending = this.tokenCount;
    this.tokenCount++;
  }

  /**
   * Runs of whole tokens that end with token `j`. A run with digit tokens of its chain on both
   * sides is a piece of a longer digit sequence and is not considered; this also keeps long
   * chains of digit groups (noise, tables) at O(1) lookups per token. Returns how many runs it
   * tried (tokens j down to i when the loop ends).
   */
  private candidatesEndingAt(j: number, nextIsDigit: boolean): number {
    const kj = j % RING;
    const lastLen = this.tEnd[kj]! - this.tStart[kj]!;
    if (lastLen > MAX_LEN) return 0;
    // A number ends in a digit-bearing token or a short letter suffix (S10 country, DPD check letter).
    if (!this.tDigit[kj] && lastLen > 2) return 0;
    this.afterOfLast = null;
    this.afterKeyword = -1;
    let length = 0;
    let digits = 0;
    const end = this.tEnd[kj]!;
    let i = j;
    for (; i >= this.chainFirst && j - i < RING; i--) {
      const ki = i % RING;
      const pieceLen = this.tEnd[ki]! - this.tStart[ki]!;
      length += pieceLen;
      if (length > MAX_LEN || end - this.tStart[ki]! > MAX_SPAN) break;
      digits += this.tDigits[ki]!;
      // Letters-only tokens longer than 2 (TBA, JJD, GFUS, PLDEMO) can only start a number.
      const prefixOnly = this.tDigits[ki] === 0 && pieceLen > 2;
      if (i !== j && prefixOnly && length - pieceLen > 0) {
        this.evaluate(i, j, length, digits, nextIsDigit);
        i--;
        break;
      }
      this.evaluate(i, j, length, digits, nextIsDigit);
    }
    return j - i;
  }

  /** Looks up the run of tokens i..j (length characters, `digits` of them digits). */
  private evaluate(i: number, j: number, length: number, digits: number, nextIsDigit: boolean): void {
    // Every format is at least 40% digits (1LSCX… is the least); words and codes are not looked up.
    if (length < MIN_LEN || digits * 5 < length * 2) return;
    const leftClean = i === this.chainFirst || !this.tDigit[(i - 1) % RING];
    if (nextIsDigit && !leftClean) return;
    this.lookups++;
    // Dispatch on (length, characters): per-position masks leave only the patterns that can match.
    // Read straight from the text (tokens hold only ASCII letters and digits), stopping as soon as
    // no pattern is left: most runs fail within their first characters.
    const table = maskTableOf(length);
    if (table === null) return;
    const masks = table.masks;
    const text = this.text;
    let mask = table.all;
    let row = 0;
    for (let t = i; t <= j && mask !== 0; t++) {
      const k = t % RING;
      const e = this.tEnd[k]!;
      for (let x = this.tStart[k]!; x < e && mask !== 0; x++) {
        mask &= masks[row + CODE[text.charCodeAt(x)]!]!;
        row += SIZE;
      }
    }
    if (mask === 0) return;
    const piece = !leftClean || nextIsDigit;
    const piecePenalty = piece ? PIECE_PENALTY : 0;
    // Best case first (a label and a carrier name nearby), then with the actual context: a run that
    // cannot reach the threshold either way is not matched, and its context is not scored.
    if (boundOf(length, mask, HINT + LABEL - piecePenalty) < this.pruneBelow) return;
    const ctx = this.contextOf(i, j, length, mask, piecePenalty);
    if (ctx === null) return;
    let number = '';
    for (let t = i; t <= j; t++) number += this.text.slice(this.tStart[t % RING]!, this.tEnd[t % RING]!);
    number = number.toUpperCase();
    const matches = matchMasked(number, mask);
    if (matches.length === 0) return;
    this.patternRuns += matches.length;
    this.score(number, matches, i, j, piece, ctx);
  }

  /**
   * Context of the run of tokens i..j, read in stages from cheap to dear, or null as soon as the
   * run cannot reach the threshold: first the labels before it (most runs on a page are decided
   * there: an order or phone label), then whether any carrier keyword is near at all, and only
   * then the full context. Each stage is read once per token, not once per run.
   */
  private contextOf(i: number, j: number, length: number, mask: number, piecePenalty: number): TextContext | null {
    const kf = i % RING;
    const kl = j % RING;
    let state = this.tState[kf]!;
    if ((state & LABELS_READ) === 0) {
      const full = this.tBefore[kf];
      const flags = full
        ? (full.labelled ? 1 : 0) | (full.otherLabel ? 2 : 0)
        : this.afterDigitToken(i)
          ? 0
          : this.readLabels(this.tStart[kf]!);
      state |= LABELS_READ | (flags & 1 ? LABELLED : 0) | (flags & 2 ? OTHER_LABELLED : 0);
    }
    const labelled = (state & LABELLED) !== 0;
    const otherLabel = (state & OTHER_LABELLED) !== 0;
    const labelBoost = (labelled ? LABEL : 0) - (otherLabel ? OTHER_LABEL : 0) - piecePenalty;
    if (boundOf(length, mask, HINT + labelBoost) < this.pruneBelow) {
      this.tState[kf] = state;
      return null;
    }
    if ((state & KEYWORD_READ) === 0) {
      const s0 = this.tStart[kf]!;
      state |= KEYWORD_READ | (this.mayNameIn(Math.max(0, s0 - BEFORE_WINDOW), s0) ? KEYWORD_NEAR : 0);
    }
    this.tState[kf] = state;
    if (this.afterKeyword < 0) {
      const e0 = this.tEnd[kl]!;
      this.afterKeyword = this.mayNameIn(e0, Math.min(this.text.length, e0 + AFTER_WINDOW)) ? 1 : 0;
    }
    if ((state & KEYWORD_NEAR) === 0 && this.afterKeyword === 0) {
      // No carrier can be named: the full context is the labels alone (`labelAdjacent` only
      // matters together with a named carrier, so it is left false).
      if (boundOf(length, mask, (this.optionHints ? HINT : 0) + labelBoost) < this.pruneBelow) return null;
      return { labelled, labelAdjacent: false, otherLabel, named: [] };
    }
    const b = this.tBefore[kf] ?? this.before(this.tStart[kf]!);
    this.tBefore[kf] = b;
    const a = this.afterOfLast ?? this.after(this.tEnd[kl]!);
    this.afterOfLast = a;
    return {
      labelled: b.labelled || a.labelled,
      labelAdjacent: b.labelAdjacent,
      otherLabel: b.otherLabel && !a.labelled,
      named: a.named.length === 0 ? b.named : [...b.named, ...a.named],
    };
  }

  // The context readers, counted: each reads a window of at most BEFORE_WINDOW characters (so the
  // count bounds their characters; adding each window's length cost 3 to 5 % on number-dense text).
  private readLabels(start: number): number {
    this.contextReads++;
    return readLabelsOnce(this.text, start);
  }

  private mayNameIn(from: number, to: number): boolean {
    this.contextReads++;
    return mayName(this.text, from, to);
  }

  private before(start: number): BeforeContext {
    this.contextReads++;
    return contextBefore(this.text, start);
  }

  private after(end: number): AfterContext {
    this.contextReads++;
    return contextAfter(this.text, end);
  }

  /**
   * Whether token i follows an all-digit token of its chain (`1-800-555-0199`, `87-9437352-…`):
   * then the text before it ends in digits and a printed-number gap, which neither label regex can
   * end with (a tracking label must follow the last digit; an order/phone label's `\w*` would have
   * to start inside the digits, so only a `_` glued to them could change that). Its label flags are
   * 0 without reading them: about half the label reads on a page with phone and order numbers.
   */
  private afterDigitToken(i: number): boolean {
    if (i <= this.chainFirst) return false;
    const k = (i - 1) % RING;
    const start = this.tStart[k]!;
    return this.tDigits[k] === this.tEnd[k]! - start && (start === 0 || this.text.charCodeAt(start - 1) !== 95);
  }

  private score(number: string, matches: FormatMatch[], firstToken: number, lastToken: number, piece: boolean, ctx: TextContext): void {
    const start = this.tStart[firstToken % RING]!;
    const end = this.tEnd[lastToken % RING]!;
    const hints = [...(this.options.carrierHints ?? []), ...ctx.named];
    let boost = 0;
    if (ctx.labelled) boost += LABEL;
    if (ctx.otherLabel) boost -= OTHER_LABEL;
    // A run that leaves digits of its chain on one side is probably a piece of something longer.
    if (piece) boost -= PIECE_PENALTY;
    const explicit = (ctx.labelAdjacent && ctx.named.length > 0) || (this.options.carrierHints?.length ?? 0) > 0;
    const candidates = rank(matches, {
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
      // The bitmap, and each span's characters checked against it.
      let checked = hi - lo;
      for (const s of spans) {
        checked += s.end - s.start;
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
      this.examined += checked;
      taken.sort((a, b) => a.start - b.start);
      this.chainSpans = [];
      for (const t of taken) this.log.push(t);
    }
    this.chainFirst = this.tokenCount;
  }

  /**
   * Results at `minConfidence`, in order of first position. Only runs that reach the threshold
   * count: a number is reported at its first such occurrence, with its best reading. Pruned runs
   * are all below the threshold and, in a chain, every run at or above it is selected before any
   * run below it (best first), so pruning changes nothing here: an unpruned scan gives the same.
   * (Until issue #3's throughput work, a weaker earlier occurrence set the position, which made
   * the scanner read again every pruned chain that might hold a reported number.)
   */
  finish(minConfidence: number): FoundNumber[] {
    const byNumber = new Map<string, FoundNumber>();
    for (const s of this.log) if (s.candidates[0]!.confidence >= minConfidence) keep(byNumber, s);
    return [...byNumber.values()];
  }
}

function keep(byNumber: Map<string, FoundNumber>, s: Span): void {
  const best = s.candidates[0]!;
  const key = best.trackingNumber;
  const seen = byNumber.get(key);
  if (!seen) {
    byNumber.set(key, {
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

function isAlnum(c: number): boolean {
  return c < 128 && CLASS[c] !== OTHER;
}

/** Characters {@link joinable} accepts in a gap. */
function isGap(c: number): boolean {
  return c === 32 || c === 9 || c === 0xa0 || c === 0x2007 || c === 0x202f || c === 45 || c === 0x2010 || c === 0x2011 || c === 0x2013;
}

/**
 * Finds the first digit of a possible run: a digit with no digit before it (a run is made of whole
 * tokens, so its first digit never has one), followed by three more digits of the same run (every
 * run that is looked up has at least four: 40% of ten characters), and with ten characters of the
 * chain from it, or letters before it (a run has at least ten characters, and those before its
 * first digit are letters of its token or capitals of letters-only tokens before a gap). Between
 * two digits of a run there are letters of their tokens and, across a gap {@link joinable} may
 * accept (up to three characters), only tokens of one or two capitals (a longer letters-only token
 * can only begin a run). A superset: it may find digits that no run uses, never miss a run's
 * first digit. Dates, years, prices and ZIP codes are skipped by the regex engine.
 */
/** Regex source of a gap {@link joinable} may accept (one to three of its characters, in any mix). */
const G = '[ \\t\\u00a0\\u2007\\u202f\\-\\u2010\\u2011\\u2013]{1,3}';
const CHAIN_FINDER = new RegExp(
  `(?<![0-9])[0-9](?=(?:[A-Za-z]*(?:${G}(?:[A-Z]{1,2}${G})*[A-Za-z]*)?[0-9]){3})` +
    `(?:(?=(?:[0-9A-Za-z]|${G}[0-9A-Z]){9})|(?<=[A-Za-z].)|(?<=[A-Z]${G}.))`,
  'g',
);

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
