/**
 * Issue #3 "Bad input" (empty, huge, binary, malicious markup, millions of digits: a result or a
 * clear error, never a hang or a throw) and the exactness of the scanner's shortcuts: skipping runs
 * that cannot reach the threshold never changes what is reported, nor where. "Never a hang" is
 * checked by operation counts (the scanner's `stats`), not by a clock: the machine is shared.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { MAX_NUMBER_LENGTH } from '../../../lib/carriers/registry';
import { findTrackingNumbers, type ScanStats, scanText } from '../../../lib/scan/find-tracking-numbers';
import { newScanStats } from '../../support/scan-stats';
import { BEFORE_WINDOW, readAfter, readBefore } from '../../../lib/scan/context';
import { noise, pageText } from '../../bench/support/tracking-text';

const MB = 1024 * 1024;

/** Every corpus number (valid and not) after a label, a carrier name or none, grouped now and then. */
function labelledCorpusText(): string {
  const before = ['Tracking number:', 'UPS', 'FedEx tracking', 'Order #', 'Call', 'Sendungsnummer', 'DHL', 'see', '\n', 'Royal Mail', 'parcel', 'SKU'];
  const corpus = JSON.parse(readFileSync('tests/fixtures/tracking-numbers/corpus.json', 'utf8')) as { number: string }[];
  return corpus
    .map((e, i) => `${before[i % before.length]} ${i % 3 === 0 ? e.number.replace(/(.{4})/g, '$1 ').trim() : e.number} and ${before[(i * 7) % before.length]}`)
    .join('\n');
}

/**
 * Work of a scan in steps of bounded cost (see ScanStats): characters the scanner read, searches,
 * tokens and runs tried, each at one step; lookups and format matches at the longest number's
 * length (the characters they read at most), context windows at their size.
 */
function work(s: ScanStats): number {
  return s.examined + s.searches + s.tokens + s.runs + MAX_NUMBER_LENGTH * (s.lookups + s.patternRuns) + BEFORE_WINDOW * s.contextReads;
}

/**
 * Work per character no input below needs more than: single spaced digits and labelled numbers
 * everywhere need the most (every digit starts up to 41 runs; a context window and a lookup per
 * token: 22 to 24 steps per character), the others 1 to 15. A scan whose work grows faster than
 * its text exceeds it at these sizes (a hundred thousand to fifty million characters), whatever
 * the machine's speed.
 */
const WORK_PER_CHARACTER = 32;

type Scan<T> = (text: string, stats: ScanStats) => T;
const find: Scan<ReturnType<typeof findTrackingNumbers>> = (text, stats) => findTrackingNumbers(text, { stats });
/** Nothing skipped (no threshold): every run is matched and scored, the most work the scanner does. */
const findAll: Scan<unknown> = (text, stats) => findTrackingNumbers(text, { stats, minConfidence: 0 });

/**
 * Scans the same kind of input at two sizes, `make(2)` about twice `make(1)`, and checks that the
 * work is linear in operation counts, not in time (the machine is shared): every count of the
 * larger scan is at most 2.2 times that of the smaller, and its total work is within
 * WORK_PER_CHARACTER per character. Returns the larger scan's result and counts.
 */
function expectLinear<T>(make: (scale: 1 | 2) => string, scan: Scan<T>): { value: T; stats: ScanStats } {
  const small = newScanStats();
  scan(make(1), small);
  const large = newScanStats();
  const value = scan(make(2), large);
  expect(large.characters).toBeGreaterThanOrEqual(1.9 * small.characters);
  // The counts see the whole text: each character is passed over by the search or tokenized.
  expect(large.examined).toBeGreaterThanOrEqual(large.characters);
  for (const key of Object.keys(large) as (keyof ScanStats)[]) expect(large[key], key).toBeLessThanOrEqual(2.2 * small[key]);
  expect(work(large)).toBeLessThanOrEqual(WORK_PER_CHARACTER * large.characters);
  return { value, stats: large };
}

describe('bad input never hangs and never throws', () => {
  it('empty and non-string input', () => {
    expect(scanText('')).toEqual({ found: [], truncated: false });
    expect(scanText(undefined as unknown as string)).toEqual({ found: [], truncated: false });
    expect(scanText(42 as unknown as string)).toEqual({ found: [], truncated: false });
    expect(findTrackingNumbers('   \n\t ')).toEqual([]);
  });

  it('50 MB of text: scanned whole in linear work, the number at its very end found', () => {
    const line = 'your order has shipped and will arrive on tuesday, see details below. ';
    const make = (scale: number) => `${line.repeat(Math.ceil((scale * 25 * MB) / line.length))}UPS tracking: 1Z879E930346834440`;
    const text = make(2);
    expect(text.length).toBeGreaterThan(50 * MB);
    const { value } = expectLinear(make, (t, stats) => scanText(t, { stats }));
    expect(value.truncated).toBe(false);
    expect(value.found.map((f) => [f.number, f.carrier, f.start])).toEqual([['1Z879E930346834440', 'ups', text.length - 18]]);
    expectLinear(make, findAll);
  });

  it('text longer than maxLength is cut, and says so', () => {
    const text = `${'x'.repeat(1000)} 1Z879E930346834440`;
    expect(scanText(text, { maxLength: 1000 })).toEqual({ found: [], truncated: true });
    expect(scanText(text, { maxLength: 2000 }).found.map((f) => f.number)).toEqual(['1Z879E930346834440']);
  });

  it('binary: every UTF-16 code unit, lone surrogates and NULs included, in linear work', () => {
    const make = (scale: number) => {
      const codes = Array.from({ length: scale * 100_000 }, (_, i) => (i * 7919 + (i >> 3)) % 65536);
      let binary = '';
      for (let i = 0; i < codes.length; i += 10_000) binary += String.fromCharCode(...codes.slice(i, i + 10_000));
      return `${binary}\u0000 Tracking number: 1Z879E930346834440 \ud800`;
    };
    expect(expectLinear(make, find).value.map((f) => f.number)).toContain('1Z879E930346834440');
    expectLinear(make, findAll);
  });

  it('millions of digits: one long run, single spaced digits, hyphenated groups, in linear work', () => {
    const cases: ((scale: number) => string)[] = [
      (scale) => '7'.repeat(scale * 2_500_000),
      (scale) => Array.from({ length: scale * 500_000 }, (_, i) => String((i * 7) % 10)).join(' '),
      (scale) => Array.from({ length: scale * 200_000 }, (_, i) => String((i * 7919) % 10000).padStart(4, '0')).join('-'),
      // Digits among capitals: the chain finder's look-ahead must not backtrack badly.
      (scale) => `7 ${'A '.repeat(scale * 500_000)}7`,
      (scale) => '7 AB C '.repeat(scale * 150_000),
    ];
    for (const make of cases) {
      // Numbers cut out of a longer digit sequence stay below the threshold.
      expect(expectLinear(make, find).value).toEqual([]);
      expectLinear(make, findAll);
    }
  });

  it('deeply nested or malicious markup is only text: linear work, numbers inside still found', () => {
    const nested = (scale: number) => `${'<div>'.repeat(scale * 100_000)}Tracking number: 1Z879E930346834440${'</div>'.repeat(scale * 100_000)}`;
    const evil = (scale: number) => `<script>${'<!--'.repeat(scale * 50_000)}</script><a href="javascript:alert(1)">RB123456785GB</a>`;
    expect(expectLinear(nested, find).value.map((f) => f.number)).toEqual(['1Z879E930346834440']);
    expect(expectLinear(evil, find).value.map((f) => f.number)).toEqual(['RB123456785GB']);
    expectLinear(nested, findAll);
    expectLinear(evil, findAll);
  });

  it('every corpus number labelled, over and over: linear work where every run is read in context and matched', () => {
    const once = labelledCorpusText();
    const make = (scale: number) => Array.from({ length: 8 * scale }, () => once).join('\n');
    const { value, stats } = expectLinear(make, find);
    // Not vacuous: numbers are found, and contexts and patterns were read for every copy.
    expect(value.length).toBeGreaterThan(50);
    expect(stats.contextReads).toBeGreaterThan(8 * 2 * value.length);
    expect(stats.patternRuns).toBeGreaterThan(8 * 2 * value.length);
    expectLinear(make, findAll);
  });
});

describe('skipping hopeless runs is exact', () => {
  it('a number is reported where it first reaches the threshold, with its best reading', () => {
    // At 7 the number is a piece of "986578788855 2" after an order label (below the threshold,
    // skipped by the fast path); the labelled occurrence at 59 is where it is recognised.
    const text = 'Order #986578788855 2 items. Later: FedEx tracking number: 986578788855';
    expect(findTrackingNumbers(text).map((f) => [f.number, f.carrier, f.start, f.end, f.confidence])).toEqual([['986578788855', 'fedex', 59, 71, 0.9]]);
    // With no threshold every occurrence counts: the first one, best reading kept.
    expect(findTrackingNumbers(text, { minConfidence: 0 }).map((f) => [f.number, f.start, f.confidence])).toEqual([['986578788855', 7, 0.9]]);
  });
  it('the same text at threshold 0 (nothing skipped) agrees on every number and position', () => {
    const text = 'Call 1-800-223-1998. Order #112-4567890-1234567. Tracking number: 1Z879E930346834440, GLS 90346692444';
    const all = findTrackingNumbers(text, { minConfidence: 0 });
    const high = findTrackingNumbers(text, { minConfidence: 0.5 });
    expect(high.map((f) => f.number)).toEqual(['1Z879E930346834440']);
    for (const f of high) expect(all.find((g) => g.number === f.number)).toEqual(f);
  });
  it('the fast path gives exactly what reading every run gives, on pages, noise and labelled corpus text', () => {
    const texts = [pageText(96 * 1024, 5, 'number-dense'), pageText(96 * 1024, 6, 'shop-page'), noise(64 * 1024, '0123456789 -', 3), noise(64 * 1024, '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ ', 4), labelledCorpusText()];
    let numbers = 0;
    for (const text of texts) {
      for (const minConfidence of [0.3, 0.5, 0.8]) {
        const fast = findTrackingNumbers(text, { minConfidence });
        expect(fast).toEqual(findTrackingNumbers(text, { minConfidence, exhaustive: true }));
        numbers += fast.length;
      }
    }
    // The texts do hold numbers at every threshold (the comparison is not vacuous).
    expect(numbers).toBeGreaterThan(200);
  });
  it('counts every run looked up even when it is skipped (the linearity test relies on it)', () => {
    const stats = newScanStats();
    findTrackingNumbers('Call 1-800-223-1998 or 1-800-555-0199', { stats });
    expect(stats).toMatchObject({ characters: 37, tokens: 8, lookups: 4, patternRuns: 0 });
  });
});

describe('context pre-checks agree with the full regexes', () => {
  it('windows without labels or carrier names read as empty, others as before', () => {
    const text = 'see details below 123 Order # 4567890123 and UPS Tracking number: 1Z879E930346834440 via FedEx';
    expect(readBefore(text, text.indexOf('4567890123'))).toEqual({ labelled: false, labelAdjacent: false, otherLabel: true, named: [] });
    expect(readBefore(text, text.indexOf('1Z879'))).toEqual({ labelled: true, labelAdjacent: true, otherLabel: false, named: ['ups'] });
    expect(readAfter(text, text.indexOf('1Z879') + 18)).toEqual({ labelled: false, named: ['fedex'] });
    expect(readBefore('plain words only 12345', 17)).toEqual({ labelled: false, labelAdjacent: false, otherLabel: false, named: [] });
  });
});
