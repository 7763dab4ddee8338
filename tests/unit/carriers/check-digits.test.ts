import { describe, expect, it } from 'vitest';
import {
  type CheckDigitSpec,
  computeCheckDigit,
  luhnCheckDigit,
  mod7CheckDigit,
  mod10CheckDigit,
  mod37_36CheckCharacter,
  s10CheckDigit,
  sumProductCheckDigit,
  verifyCheckDigit,
} from '../../../lib/check-digits';
import vectors from '../../fixtures/tracking-numbers/checksum_vectors.json';

interface Vector {
  algorithm: string;
  params: { evens_multiplier?: number; odds_multiplier?: number; weightings?: number[]; modulo1?: number; modulo2?: number };
  serial: string;
  check: string;
  expect: boolean;
  label?: string;
  implementation_specific?: boolean;
}

function specOf(v: Vector): CheckDigitSpec {
  switch (v.algorithm) {
    case 'mod10':
      return { algorithm: 'mod10', evens: v.params.evens_multiplier ?? 1, odds: v.params.odds_multiplier ?? 1 };
    case 'mod7':
      return { algorithm: 'mod7' };
    case 's10':
      return { algorithm: 's10' };
    case 'luhn':
      return { algorithm: 'luhn' };
    case 'mod_37_36':
      return { algorithm: 'mod37_36' };
    case 'sum_product_with_weightings_and_modulo':
      return {
        algorithm: 'sum_product',
        weights: v.params.weightings ?? [],
        modulo1: v.params.modulo1 ?? 10,
        modulo2: v.params.modulo2 ?? 10,
      };
    default:
      throw new Error(`unknown algorithm ${v.algorithm}`);
  }
}

describe('check-digit vectors (checksum_vectors.json)', () => {
  // Two vectors describe behaviour specific to one Go library (mod 7 over letters; a 33-character
  // FedEx 34 serial with right-aligned weights); their standard forms are tested below instead.
  const portable = (vectors as Vector[]).filter((v) => !v.implementation_specific);
  it('keeps 31 portable vectors', () => expect(portable).toHaveLength(31));
  for (const v of portable) {
    it(`${v.algorithm} ${v.serial} → ${v.check} is ${v.expect}`, () => {
      expect(verifyCheckDigit(specOf(v), v.serial, v.check)).toBe(v.expect);
    });
  }
  it('FedEx 34 with the SerialNumber group as the serial (standard form of the Go vector)', () => {
    const spec = specOf((vectors as Vector[]).find((v) => v.label?.startsWith('Fedex Express (34)'))!);
    expect(verifyCheckDigit(spec, '0077901797269', '7')).toBe(true);
    expect(verifyCheckDigit(spec, '0077901797269', '8')).toBe(false);
  });
});

describe('each algorithm', () => {
  it('mod10 with UPS letter values', () => {
    expect(mod10CheckDigit('30AA33019867867', 1, 2)).toBe(8);
    expect(mod10CheckDigit('987654321GG', 1, 2)).toBe(1);
  });
  it('mod10 reversed is GS1 (weight 3 next to the check digit)', () => {
    expect(mod10CheckDigit('940011120620640762874', 3, 1, true)).toBe(6);
  });
  it('mod7 over long serials without losing precision', () => {
    expect(mod7CheckDigit('331881002')).toBe(5);
    expect(mod7CheckDigit('99999999999999999999999')).toBe(Number(BigInt('99999999999999999999999') % 7n));
    expect(mod7CheckDigit('12A')).toBeNull();
  });
  it('s10 remainders 0 and 1 map to 5 and 0', () => {
    expect(s10CheckDigit('12345678')).toBe(5);
    expect(s10CheckDigit('00007')).toBe(1);
    expect(s10CheckDigit('ABC')).toBeNull();
  });
  it('luhn', () => {
    expect(luhnCheckDigit('7992739871')).toBe(3);
    expect(luhnCheckDigit('1789372997')).toBe(4);
  });
  it('sum-product (FedEx Express)', () => {
    expect(sumProductCheckDigit('98657878885', [3, 1, 7, 3, 1, 7, 3, 1, 7, 3, 1], 11, 10)).toBe(5);
  });
  it('mod 37,36 (DPD)', () => {
    expect(mod37_36CheckCharacter('123AB')).toBe('X');
    expect(mod37_36CheckCharacter('008182709980000020033350276')).toBe('C');
    expect(mod37_36CheckCharacter('12$')).toBeNull();
  });
  it('computeCheckDigit returns null instead of throwing on unreadable input', () => {
    expect(computeCheckDigit({ algorithm: 'luhn' }, 'ABC')).toBeNull();
    expect(verifyCheckDigit({ algorithm: 'luhn' }, 'ABC', '0')).toBe(false);
  });
});
