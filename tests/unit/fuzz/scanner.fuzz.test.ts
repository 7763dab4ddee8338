/**
 * Issue #17 point 3: the number scanner, the popup's number parsing and the link reader on generated
 * text and mutated real text (e-mails, the text cases of other trackers' suites, the number corpus).
 * Never a throw; every reported number is one its carrier's formats accept; the scan's work stays
 * linear in its text by operation counts (the scanner's stats), with a hang detector besides.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MAX_NUMBER_LENGTH, matchFormats } from '../../../lib/carriers/registry';
import { BEFORE_WINDOW } from '../../../lib/scan/context';
import { findTrackingNumbers, type ScanStats, scanText } from '../../../lib/scan/find-tracking-numbers';
import { numbersFromUrl } from '../../../lib/scan/numbers-from-url';
import { parseTrackingInput } from '../../../lib/scan/parse-input';
import { newScanStats } from '../../support/scan-stats';
import { countRuns, HOSTILE, mutated, withinHangLimit } from './fuzz-support';

const FIX = join(__dirname, '../../fixtures');
const emails = readdirSync(join(FIX, 'emails'))
  .filter((f) => f.endsWith('.eml'))
  .map((f) => readFileSync(join(FIX, 'emails', f), 'utf8').slice(0, 6000));
const textCases = (JSON.parse(readFileSync(join(FIX, 'tracking-numbers/tracking_text_cases.json'), 'utf8')) as { text: string }[]).map((c) => c.text);
const corpus = (JSON.parse(readFileSync(join(FIX, 'tracking-numbers/corpus.json'), 'utf8')) as { number: string }[]).map((c) => c.number);
const corpusLines = Array.from({ length: 40 }, (_, i) => corpus.slice(i * 25, i * 25 + 25).join(i % 2 ? '\n' : ' , '));
const BASES = [...emails, ...textCases, ...corpusLines, ...HOSTILE];

/** Work in steps of bounded cost, as tests/unit/scan/scan-robustness.test.ts counts it. */
function work(s: ScanStats): number {
  return s.examined + s.searches + s.tokens + s.runs + MAX_NUMBER_LENGTH * (s.lookups + s.patternRuns) + BEFORE_WINDOW * s.contextReads;
}
/**
 * Steps per character no generated input may exceed. scan-robustness bounds its inputs at 32; the
 * fuzzer found denser ones: single spaced letters and digits among JJD and YT numbers take 40 steps per
 * character, 45 with a carrier hint, the same at 139 and at 4,541 characters (linear, only a larger
 * constant). 64 leaves room; a scan that grows faster than its text passes it within a few hundred characters.
 */
const WORK_PER_CHARACTER = 64;
const FIXED_WORK = 4 * BEFORE_WINDOW + 4 * MAX_NUMBER_LENGTH;

const text = fc.oneof(
  { weight: 3, arbitrary: mutated(BASES) },
  { weight: 1, arbitrary: fc.string({ maxLength: 300, unit: 'binary' }) },
  { weight: 1, arbitrary: fc.string({ maxLength: 300, unit: fc.constantFrom(...'0123456789 -ZzAaBbTtUuSs\n') }) },
);

function expectFoundValid(found: ReturnType<typeof findTrackingNumbers>, input: string): void {
  for (const f of found) {
    expect(f.confidence).toBeGreaterThanOrEqual(0);
    expect(f.confidence).toBeLessThanOrEqual(1);
    expect(f.start).toBeGreaterThanOrEqual(0);
    expect(f.end).toBeLessThanOrEqual(input.length);
    expect(f.start).toBeLessThan(f.end);
    // The carrier's own formats accept what is reported under its name.
    expect(matchFormats(f.number).some((m) => m.carrier.id === f.carrier), `${f.number} as ${f.carrier}`).toBe(true);
  }
}

describe('fuzz: number scanner (issue #17)', () => {
  it('scanText: 30,000 inputs, never a throw, every number valid for its carrier, linear work', () => {
    const runs = 30_000;
    fc.assert(
      fc.property(text, fc.constantFrom([], ['ups'], ['usps', 'fedex'], ['dhl']), (input, hints) => {
        const stats = newScanStats();
        const r = withinHangLimit('scanText', () => scanText(input, { stats, carrierHints: hints }));
        expect(r.truncated).toBe(false);
        expectFoundValid(r.found, input);
        expect(work(stats)).toBeLessThanOrEqual(WORK_PER_CHARACTER * input.length + FIXED_WORK);
      }),
      { numRuns: runs, seed: 1701 },
    );
    countRuns('scanner', runs);
  }, 300_000);

  it('findTrackingNumbers with no threshold: 10,000 inputs, never a throw', () => {
    const runs = 10_000;
    fc.assert(
      fc.property(text, (input) => {
        expectFoundValid(withinHangLimit('findTrackingNumbers', () => findTrackingNumbers(input, { minConfidence: 0 })), input);
      }),
      { numRuns: runs, seed: 1702 },
    );
    countRuns('scanner-all', runs);
  }, 300_000);

  it('parseTrackingInput (the popup box, the context menu, the number import): 20,000 inputs, reading its output back gives the same numbers', () => {
    const runs = 20_000;
    fc.assert(
      fc.property(text, (input) => {
        const r = withinHangLimit('parseTrackingInput', () => parseTrackingInput(input));
        for (const n of r.numbers) expect(n.candidates.length).toBeGreaterThan(0);
        const again = parseTrackingInput(r.numbers.map((n) => n.number).join('\n'));
        expect(again.numbers.map((n) => n.number)).toEqual(r.numbers.map((n) => n.number));
      }),
      { numRuns: runs, seed: 1703 },
    );
    countRuns('parse-input', runs);
  }, 300_000);

  it('numbersFromUrl: 5,000 generated and mutated links, never a throw', () => {
    const runs = 5_000;
    const links = [
      'https://www.ups.com/track?tracknum=1Z879E930346834440',
      'https://tools.usps.com/go/TrackConfirmAction?tLabels=9400111899223100000000',
      'https://www.fedex.com/fedextrack/?trknbr=123456789012',
      'https://www.amazon.com/progress-tracker/package?itemId=x&orderId=113-1234567-1234567&shipmentId=Abc',
      'https://click.example.com/ls/click?upn=' + encodeURIComponent('https://www.dhl.de/de/privatkunden.html?piececode=00340434161094027318'),
    ];
    fc.assert(
      fc.property(fc.oneof(mutated(links), fc.webUrl({ withQueryParameters: true, withFragments: true }), fc.string({ maxLength: 200 })), (href) => {
        for (const ln of withinHangLimit('numbersFromUrl', () => numbersFromUrl(href))) expect(ln.candidates.length).toBeGreaterThan(0);
      }),
      { numRuns: runs, seed: 1704 },
    );
    countRuns('numbers-from-url', runs);
  }, 300_000);
});
