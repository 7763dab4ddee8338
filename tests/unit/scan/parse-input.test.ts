import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CARRIERS, classify, DEFAULT_CONFIDENCE_THRESHOLD, normaliseNumber } from '@/lib/carriers/registry';
import { parseTrackingInput } from '@/lib/scan/parse-input';
import { rejectText } from '@/lib/view/track-offers';
import { EN } from '../../support/i18n';

// Every carrier example that stands on its own (no context needed) as a strong number: a shopper who
// types it alone gets exactly it back.
const STRONG = [
  ...new Set(
    CARRIERS.flatMap((c) => c.formats.flatMap((f) => f.examples.valid))
      .map(normaliseNumber)
      .filter((n) => (classify(n)[0]?.confidence ?? 0) >= DEFAULT_CONFIDENCE_THRESHOLD),
  ),
];

const numbersOf = (text: string) => parseTrackingInput(text).numbers.map((n) => n.number);

describe('parseTrackingInput (issue #11 §1, §8)', () => {
  it.each([
    ['a grouped UPS number is one number', '1Z 879E 9303 4683 4440', ['1Z879E930346834440'], []],
    ['two numbers side by side stay two', '1Z8V92A70367203024 1Z879E930346834440', ['1Z8V92A70367203024', '1Z879E930346834440'], []],
    ['a sentence around a number', 'Your UPS tracking number is 1Z879E930346834440.', ['1Z879E930346834440'], []],
    ['lines, commas, semicolons and tabs', '1Z8V92A70367203024\n1Z879E930346834440;\tTBA123456789012,', ['1Z8V92A70367203024', '1Z879E930346834440', 'TBA123456789012'], []],
    ['the same number twice is one', '1Z879E930346834440\n1z 879e 9303 4683 4440', ['1Z879E930346834440'], []],
    ['a typo in the check digit', '1Z879E930346834441', [], ['check_digit']],
    ['a grouped number with a typo is one rejected entry, not weak pieces', '9400 1000 0000 0000 0000 00', [], ['check_digit']],
    ['an Amazon order number', '113-4567890-1234567', [], ['order_number']],
    ['one digit repeated', '0000000000000000000', [], ['repeated']],
    ['too short', '12345678', [], ['too_short']],
    ['a letter prefix printed apart, in lower case (GOFO, issue #18)', 'cr 1234 5678 9012', ['CR123456789012'], []],
    ['a spaced S10 number with its letters apart', 'RR 123 456 785 DE', ['RR123456785DE'], []],
    ['a word before a number stays a word', 'track 1Z 879E 9303 4683 4440 please', ['1Z879E930346834440'], []],
    ['words only', 'blue socks', [], []],
    ['a quantity or a year is a word', 'socks 2 2024', [], []],
  ])('%s', (_name, text, numbers, reasons) => {
    const r = parseTrackingInput(text);
    expect(r.numbers.map((n) => n.number)).toEqual(numbers);
    expect(r.rejected.map((x) => x.reason)).toEqual(reasons);
    for (const x of r.rejected) expect(rejectText(x, EN.t)).toContain(x.text);
  });

  it('keeps the words for searching', () => {
    expect(parseTrackingInput('Blue socks 1Z879E930346834440').words).toEqual(['blue', 'socks']);
  });

  it('offers a generic format (GLS, 11 digits) as a choice below any standalone reading', () => {
    const gls = CARRIERS.find((c) => c.id === 'gls')!.formats.find((f) => f.contextOnly)!.examples.valid[0]!;
    const r = parseTrackingInput(gls);
    expect(r.numbers).toHaveLength(1);
    expect(r.numbers[0]!.candidates.some((c) => c.carrier === 'gls')).toBe(true);
  });

  it('a list of strong numbers in any separators gives exactly those numbers, in order (1,000 cases)', () => {
    expect(STRONG.length).toBeGreaterThan(30);
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.constantFrom(...STRONG), { minLength: 1, maxLength: 12 }),
        fc.array(fc.constantFrom(' ', '  ', '\n', '\r\n', ', ', ';', '\t', ' | '), { minLength: 12, maxLength: 12 }),
        (list, seps) => {
          const text = list.map((n, i) => (i === 0 ? '' : seps[i]!) + n).join('');
          expect(numbersOf(text)).toEqual(list);
        },
      ),
      { numRuns: 1000 },
    );
  });

  it('a strong number with its letter prefix printed apart, in either case, is still read whole (1,000 cases)', () => {
    const prefixed = STRONG.filter((n) => /^[A-Z]{1,6}\d/.test(n));
    expect(prefixed.length).toBeGreaterThan(5);
    fc.assert(
      fc.property(fc.constantFrom(...prefixed), fc.boolean(), fc.constantFrom(' ', '  ', '-'), (n, lower, sep) => {
        const letters = /^[A-Z]+/.exec(n)![0];
        const text = `${lower ? letters.toLowerCase() : letters}${sep}${n.slice(letters.length)}`;
        expect(numbersOf(text)).toEqual([n]);
      }),
      { numRuns: 1000 },
    );
  });

  it('never throws, and everything it returns is a valid reading or a reason (1,000 cases)', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string({ maxLength: 200 }), fc.stringMatching(/^[0-9A-Z \n,-]{0,80}$/)), (text) => {
        const r = parseTrackingInput(text);
        for (const n of r.numbers) {
          expect(n.candidates.length).toBeGreaterThan(0);
          expect(n.number).toBe(normaliseNumber(n.text));
        }
        for (const x of r.rejected) expect(rejectText(x, EN.t).length).toBeGreaterThan(0);
        // Reading what it returned, one per line, gives the same numbers back.
        expect(numbersOf(r.numbers.map((n) => n.number).join('\n'))).toEqual(r.numbers.map((n) => n.number));
      }),
      { numRuns: 1000 },
    );
  });

  it('reads at most MAX_INPUT_CHARS of a huge paste', () => {
    const r = parseTrackingInput(`${'1Z879E930346834440 '.repeat(20_000)}`);
    expect(r.numbers).toHaveLength(1);
  });
});
