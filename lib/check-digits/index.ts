export { luhnCheckDigit } from './luhn';
export { mod7CheckDigit } from './mod7';
export { gs1CheckDigit, mod10CheckDigit } from './mod10';
export { mod37_36CheckCharacter } from './mod37-36';
export { s10CheckDigit } from './s10';
export { sumProductCheckDigit } from './sum-product';
export { type CheckDigitSpec, computeCheckDigit, verifyCheckDigit } from './verify-check-digit';
