import { describe, expect, it } from 'vitest';
import { DEFAULT_CONFIDENCE_THRESHOLD } from '../../../lib/carriers/registry';
import { findTrackingNumbers, type ScanStats, scanText } from '../../../lib/scan/find-tracking-numbers';
import { newScanStats } from '../../support/scan-stats';
import cases from '../../fixtures/tracking-numbers/tracking_text_cases.json';

interface TextCase {
  text: string;
  expected_count: number;
  expected_numbers?: string[];
  expected_carriers?: string[];
  note?: string;
}

describe('text cases (tracking_text_cases.json)', () => {
  // These cases test finding and de-duplication of *valid* numbers, including bare weak ones
  // (a lone 12-digit FedEx number), so they run with no threshold; thresholds are tested below.
  for (const c of cases as TextCase[]) {
    it(c.note ?? c.text.slice(0, 60), () => {
      const found = findTrackingNumbers(c.text, { minConfidence: 0 });
      expect(found).toHaveLength(c.expected_count);
      if (c.expected_numbers) expect(found.map((f) => f.number)).toEqual(c.expected_numbers);
      if (c.expected_carriers) expect(found.map((f) => f.carrier)).toEqual(c.expected_carriers);
      for (const f of found) expect(c.text.slice(f.start, f.end).replace(/[\s-]/g, '').toUpperCase()).toBe(f.number);
    });
  }
});

describe('findTrackingNumbers', () => {
  it('reports offsets, normalises spaced and lower-case numbers', () => {
    const text = 'Your parcel: 1z 879e 9303 4683 4440 is on its way';
    expect(findTrackingNumbers(text)).toEqual([
      expect.objectContaining({ number: '1Z879E930346834440', carrier: 'ups', format: 'ups_1z', start: 13, end: 35, verified: true }),
    ]);
  });
  it('never cuts a number out of a longer token', () => {
    expect(findTrackingNumbers('ref X1Z879E930346834440 and 1Z879E9303468344401', { minConfidence: 0 })).toEqual([]);
    expect(findTrackingNumbers('ID9400111202555842332669', { minConfidence: 0 })).toEqual([]);
  });
  it('keeps weak formats in plain prose below the threshold, and takes them with a tracking label', () => {
    expect(findTrackingNumbers('Call us about item 986578788855 today')).toEqual([]);
    const labelled = findTrackingNumbers('FedEx tracking number: 986578788855');
    expect(labelled.map((f) => [f.number, f.carrier])).toEqual([['986578788855', 'fedex']]);
    expect(labelled[0]!.confidence).toBeGreaterThanOrEqual(DEFAULT_CONFIDENCE_THRESHOLD);
  });
  it('an order-number label lowers a weak match even after a valid check digit', () => {
    expect(findTrackingNumbers('Order number: 986578788855', { minConfidence: 0.2 })).toEqual([]);
  });
  it('takes a failed check digit only when labelled as the named carrier’s tracking number', () => {
    expect(findTrackingNumbers('see 1Z2345YY0678901234 here', { minConfidence: 0 })).toEqual([]);
    const found = findTrackingNumbers('UPS Tracking Number:\u00a01Z2345YY0678901234');
    expect(found).toEqual([expect.objectContaining({ number: '1Z2345YY0678901234', carrier: 'ups', verified: false, confidence: 0.55 })]);
  });
  it('takes a failed check digit in the carrier’s own text (carrier hint)', () => {
    expect(findTrackingNumbers('Your shipment was delivered 885814254426', { carrierHints: ['fedex'] })).toEqual([
      expect.objectContaining({ number: '885814254426', carrier: 'fedex', verified: false }),
    ]);
  });
  it('finds S10, Amazon, DPD and demo numbers', () => {
    const text = 'Royal Mail MA038506556GB; Amazon TBA123456789012; DPD 09 9800 0002 0033 F; demo PLDEMO12345670.';
    expect(findTrackingNumbers(text).map((f) => [f.number, f.carrier])).toEqual([
      ['MA038506556GB', 'royal_mail'],
      ['TBA123456789012', 'amazon'],
      ['09980000020033F', 'dpd'],
      ['PLDEMO12345670', 'demo'],
    ]);
  });
  it('does not join across line breaks', () => {
    expect(findTrackingNumbers('1Z879E930\n346834440', { minConfidence: 0 })).toEqual([]);
  });
  it('bad input: empty, binary, millions of digits, huge', () => {
    expect(findTrackingNumbers('')).toEqual([]);
    expect(findTrackingNumbers(null as unknown as string)).toEqual([]);
    const binary = String.fromCharCode(...Array.from({ length: 5000 }, (_, i) => (i * 7919) % 65536));
    expect(Array.isArray(findTrackingNumbers(binary))).toBe(true);
    expect(findTrackingNumbers('7'.repeat(3_000_000))).toEqual([]);
    const r = scanText('abc 1Z879E930346834440', { maxLength: 5 });
    expect(r).toEqual({ found: [], truncated: true });
  });
});

describe('linear time (operation counts, not wall-clock)', () => {
  function counts(text: string): ScanStats {
    const stats = newScanStats();
    findTrackingNumbers(text, { stats, minConfidence: 0 });
    return stats;
  }
  // Worst cases for a token-joining scanner: single digits separated by single spaces (every run
  // of up to 41 tokens is a candidate), and digit groups.
  const worst = (n: number) => Array.from({ length: n }, (_, i) => String((i * 7) % 10)).join(' ');
  const groups = (n: number) => Array.from({ length: n }, (_, i) => String((i * 7919) % 10000).padStart(4, '0')).join(' ');

  for (const [name, make] of [
    ['single spaced digits', worst],
    ['spaced 4-digit groups', groups],
    ['short lines of digit groups', (n: number) => groups(n).replace(/(\d{4} \d{4} \d{4} \d{4}) /g, '$1\n')],
  ] as const) {
    it(`${name}: work per character is bounded by a constant, whatever the size`, () => {
      const small = counts(make(2_000));
      const large = counts(make(32_000));
      const perCharSmall = small.lookups / small.characters;
      const perCharLarge = large.lookups / large.characters;
      // 16× the text → no more work per character (within 5%), and never more than ~41 lookups per token.
      expect(perCharLarge).toBeLessThanOrEqual(perCharSmall * 1.05);
      expect(large.lookups).toBeGreaterThan(0);
      expect(large.lookups).toBeLessThanOrEqual(large.tokens * 41);
      expect(large.patternRuns).toBeLessThanOrEqual(large.lookups * 8);
    });
  }
});
