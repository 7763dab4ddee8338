import { luhnCheckDigit } from './luhn';
import { mod7CheckDigit } from './mod7';
import { mod10CheckDigit } from './mod10';
import { mod37_36CheckCharacter } from './mod37-36';
import { s10CheckDigit } from './s10';
import { sumProductCheckDigit } from './sum-product';

/** Which algorithm a format's check digit uses, with its parameters (data, not code). */
export type CheckDigitSpec =
  | { algorithm: 'mod10'; evens?: number; odds?: number; reverse?: boolean }
  | { algorithm: 'mod7' }
  | { algorithm: 's10' }
  | { algorithm: 'luhn' }
  | { algorithm: 'sum_product'; weights: readonly number[]; modulo1: number; modulo2: number }
  | { algorithm: 'mod37_36' };

/** The expected check character for `serial`, or null when the serial has characters the algorithm cannot read. */
function computeCheckDigit(spec: CheckDigitSpec, serial: string): string | null {
  switch (spec.algorithm) {
    case 'mod10':
      return String(mod10CheckDigit(serial, spec.evens ?? 1, spec.odds ?? 1, spec.reverse ?? false));
    case 'mod7':
      return nullableString(mod7CheckDigit(serial));
    case 's10':
      return nullableString(s10CheckDigit(serial));
    case 'luhn':
      return nullableString(luhnCheckDigit(serial));
    case 'sum_product':
      return nullableString(sumProductCheckDigit(serial, spec.weights, spec.modulo1, spec.modulo2));
    case 'mod37_36':
      return mod37_36CheckCharacter(serial);
  }
}

/** True when `check` is the right check character for `serial`. */
export function verifyCheckDigit(spec: CheckDigitSpec, serial: string, check: string): boolean {
  const expected = computeCheckDigit(spec, serial);
  return expected !== null && expected === check.toUpperCase();
}

function nullableString(n: number | null): string | null {
  return n === null ? null : String(n);
}
