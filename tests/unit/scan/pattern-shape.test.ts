import { describe, expect, it } from 'vitest';
import { ALPHABET_SIZE, alphabetIndex, positionSets } from '../../../lib/scan/pattern-shape';

/** The characters a position allows, as a string (digits, then letters). */
const chars = (set: boolean[]) =>
  set
    .map((ok, k) => (ok ? '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ'[k] : ''))
    .join('');

describe('alphabetIndex', () => {
  it('maps digits, upper and lower case letters, and nothing else', () => {
    expect([alphabetIndex(48), alphabetIndex(57), alphabetIndex(65), alphabetIndex(90), alphabetIndex(122)]).toEqual([0, 9, 10, 35, 35]);
    expect([alphabetIndex(45), alphabetIndex(32), alphabetIndex(0xe9)]).toEqual([-1, -1, -1]);
    expect(ALPHABET_SIZE).toBe(36);
  });
});

describe('positionSets', () => {
  it('reads literals, classes, quantifiers and named groups position by position', () => {
    const sets = positionSets(/^1Z(?<serial>[A-C0-1]{2})(?<check>\d)$/, 5);
    expect(sets.map(chars)).toEqual(['1', 'Z', '01ABC', '01ABC', '0123456789']);
  });
  it('depends on the length: optional prefixes and alternatives of other lengths are left out', () => {
    const re = /^(?:420(?<zip>\d{5}))?(?<serial>9[2-5](?:\d{2}|\d{4}))(?<check>\d)$/;
    expect(positionSets(re, 5).map(chars)).toEqual(['9', '2345', '0123456789', '0123456789', '0123456789']);
    expect(positionSets(re, 13).map(chars).slice(0, 4)).toEqual(['4', '2', '0', '0123456789']);
    // 6 characters: no way through the pattern, so nothing is allowed anywhere.
    expect(positionSets(re, 6).every((s) => chars(s) === '')).toBe(true);
  });
  it('reads a lookahead as always true, a negated class against the alphabet, and folds case with i', () => {
    expect(positionSets(/^GM(?=[0-9A-Z]*\d)[0-9A-Z]{2}$/, 4).map(chars)).toEqual(['G', 'M', '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ', '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ']);
    expect(chars(positionSets(/^[^0-9]$/, 1)[0]!)).toBe('ABCDEFGHIJKLMNOPQRSTUVWXYZ');
    expect(chars(positionSets(/^ab$/i, 2)[0]!)).toBe('A');
    // Lower-case literals never match a normalised (upper-case) number without the i flag.
    expect(chars(positionSets(/^ab$/, 2)[0]!)).toBe('');
  });
  it('allows everything where it does not understand the pattern (a superset, never a guess)', () => {
    const full = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ';
    for (const re of [/^(a)\1$/, /1Z\d$/, /^\p{L}\d$/u, /^(?<a>A)\k<a>$/]) {
      const sets = positionSets(re, 2);
      expect(sets.map(chars), String(re)).toEqual([full, full]);
    }
  });
});
