/**
 * Issue #3 "Bad input" (empty, huge, binary, malicious markup, millions of digits: a result or a
 * clear error, never a hang or a throw) and the exactness of the scanner's shortcuts: skipping runs
 * that cannot reach the threshold never changes what is reported, nor where.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { findTrackingNumbers, type ScanStats, scanText } from '../../../lib/scan/find-tracking-numbers';
import { readAfter, readBefore } from '../../../lib/scan/context';
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

/** Runs `fn` and returns its value with the time it took (the tests keep each case well under 2 s). */
function timed<T>(fn: () => T): { value: T; ms: number } {
  const t0 = performance.now();
  const value = fn();
  return { value, ms: performance.now() - t0 };
}

describe('bad input never hangs and never throws', () => {
  it('empty and non-string input', () => {
    expect(scanText('')).toEqual({ found: [], truncated: false });
    expect(scanText(undefined as unknown as string)).toEqual({ found: [], truncated: false });
    expect(scanText(42 as unknown as string)).toEqual({ found: [], truncated: false });
    expect(findTrackingNumbers('   \n\t ')).toEqual([]);
  });

  it('50 MB of text: scanned whole, the number at its very end found', () => {
    const line = 'your order has shipped and will arrive on tuesday, see details below. ';
    const text = `${line.repeat(Math.ceil((50 * MB) / line.length))}UPS tracking: 1Z879E930346834440`;
    expect(text.length).toBeGreaterThan(50 * MB);
    const { value, ms } = timed(() => scanText(text));
    expect(value.truncated).toBe(false);
    expect(value.found.map((f) => [f.number, f.carrier, f.start])).toEqual([['1Z879E930346834440', 'ups', text.length - 18]]);
    expect(ms).toBeLessThan(2000);
  });

  it('text longer than maxLength is cut, and says so', () => {
    const text = `${'x'.repeat(1000)} 1Z879E930346834440`;
    expect(scanText(text, { maxLength: 1000 })).toEqual({ found: [], truncated: true });
    expect(scanText(text, { maxLength: 2000 }).found.map((f) => f.number)).toEqual(['1Z879E930346834440']);
  });

  it('binary: every UTF-16 code unit, lone surrogates and NULs included', () => {
    const codes = Array.from({ length: 200_000 }, (_, i) => (i * 7919 + (i >> 3)) % 65536);
    let binary = '';
    for (let i = 0; i < codes.length; i += 10_000) binary += String.fromCharCode(...codes.slice(i, i + 10_000));
    const withNumber = `${binary}\u0000 Tracking number: 1Z879E930346834440 \ud800`;
    const { value, ms } = timed(() => findTrackingNumbers(withNumber));
    expect(value.map((f) => f.number)).toContain('1Z879E930346834440');
    expect(ms).toBeLessThan(2000);
  });

  it('millions of digits: one long run, single spaced digits, hyphenated groups', () => {
    const cases = [
      '7'.repeat(5_000_000),
      Array.from({ length: 1_000_000 }, (_, i) => String((i * 7) % 10)).join(' '),
      Array.from({ length: 400_000 }, (_, i) => String((i * 7919) % 10000).padStart(4, '0')).join('-'),
      // Digits among capitals: the chain finder's look-ahead must not backtrack badly.
      `7 ${'A '.repeat(1_000_000)}7`,
      '7 AB C '.repeat(300_000),
    ];
    for (const text of cases) {
      const { value, ms } = timed(() => findTrackingNumbers(text));
      // Numbers cut out of a longer digit sequence stay below the threshold.
      expect(value).toEqual([]);
      expect(ms).toBeLessThan(2000);
    }
  });

  it('deeply nested or malicious markup is only text: no hang, numbers inside still found', () => {
    const nested = `${'<div>'.repeat(200_000)}Tracking number: 1Z879E930346834440${'</div>'.repeat(200_000)}`;
    const evil = `<script>${'<!--'.repeat(100_000)}</script><a href="javascript:alert(1)">RB123456785GB</a>`;
    const { value, ms } = timed(() => [findTrackingNumbers(nested), findTrackingNumbers(evil)]);
    expect(value[0]!.map((f) => f.number)).toEqual(['1Z879E930346834440']);
    expect(value[1]!.map((f) => f.number)).toEqual(['RB123456785GB']);
    expect(ms).toBeLessThan(2000);
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
    const stats: ScanStats = { characters: 0, tokens: 0, lookups: 0, patternRuns: 0 };
    findTrackingNumbers('Call 1-800-223-1998 or 1-800-555-0199', { stats });
    expect(stats).toEqual({ characters: 37, tokens: 8, lookups: 4, patternRuns: 0 });
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
