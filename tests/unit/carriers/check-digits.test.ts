import { describe, expect, it } from 'vitest';
import { type CheckDigitSpec, verifyCheckDigit } from '../../../lib/check-digits/verify-check-digit';
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

// Each algorithm through verifyCheckDigit, the one function the registry calls with a format's spec.
const CHARACTERS = [...'0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ'];
/** The one check character `spec` accepts for `serial` (null when none does). */
const checkOf = (spec: CheckDigitSpec, serial: string) => {
  const fits = CHARACTERS.filter((c) => verifyCheckDigit(spec, serial, c));
  expect(fits.length, `${spec.algorithm} ${serial}: ${fits.join(',')}`).toBeLessThanOrEqual(1);
  return fits[0] ?? null;
};

describe('each algorithm', () => {
  it('mod10 with UPS letter values', () => {
    const ups = { algorithm: 'mod10', evens: 1, odds: 2 } as const;
    expect(checkOf(ups, '30AA33019867867')).toBe('8');
    expect(checkOf(ups, '987654321GG')).toBe('1');
  });
  it('mod10 reversed is GS1 (weight 3 next to the check digit)', () => {
    expect(checkOf({ algorithm: 'mod10', evens: 3, odds: 1, reverse: true }, '940011120620640762874')).toBe('6');
  });
  it('mod7 over long serials without losing precision', () => {
    const mod7 = { algorithm: 'mod7' } as const;
    expect(checkOf(mod7, '331881002')).toBe('5');
    expect(checkOf(mod7, '99999999999999999999999')).toBe(String(BigInt('99999999999999999999999') % 7n));
    expect(checkOf(mod7, '12A')).toBeNull();
  });
  it('s10 remainders 0 and 1 map to 5 and 0', () => {
    const s10 = { algorithm: 's10' } as const;
    expect(checkOf(s10, '12345678')).toBe('5');
    expect(checkOf(s10, '00000015')).toBe('5');
    expect(checkOf(s10, '00000008')).toBe('0');
    expect(checkOf(s10, '00007')).toBe('1');
    expect(checkOf(s10, 'ABC')).toBeNull();
  });
  it('luhn', () => {
    expect(checkOf({ algorithm: 'luhn' }, '7992739871')).toBe('3');
    expect(checkOf({ algorithm: 'luhn' }, '1789372997')).toBe('4');
  });
  it('sum-product (FedEx Express)', () => {
    const spec = { algorithm: 'sum_product', weights: [3, 1, 7, 3, 1, 7, 3, 1, 7, 3, 1], modulo1: 11, modulo2: 10 } as const;
    expect(checkOf(spec, '98657878885')).toBe('5');
  });
  it('mod 37,36 (DPD), a check letter in either case', () => {
    const dpd = { algorithm: 'mod37_36' } as const;
    expect(checkOf(dpd, '123AB')).toBe('X');
    expect(verifyCheckDigit(dpd, '123AB', 'x')).toBe(true);
    expect(checkOf(dpd, '008182709980000020033350276')).toBe('C');
    expect(checkOf(dpd, '12$')).toBeNull();
  });
  it('unreadable input fits no check character instead of throwing', () => {
    expect(checkOf({ algorithm: 'luhn' }, 'ABC')).toBeNull();
    expect(verifyCheckDigit({ algorithm: 'luhn' }, 'ABC', '0')).toBe(false);
  });
});
