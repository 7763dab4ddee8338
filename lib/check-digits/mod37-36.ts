/**
 * ISO 7064 hybrid MOD 37,36 check character (DPD parcel numbers), as in the DPD Parcel Label
 * Specification 2.4.1 (https://esolutions.dpd.com/dokumente/DPD_Parcel_Label_Specification_2.4.1_EN.pdf).
 * Digits count 0–9, letters A–Z count 10–35; the check is a digit or a letter.
 */
const ALPHABET = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ';

export function mod37_36CheckCharacter(serial: string): string | null {
  const mod = 36;
  let cd = mod;
  for (let i = 0; i < serial.length; i++) {
    const val = ALPHABET.indexOf(serial[i]!.toUpperCase());
    if (val < 0) return null;
    cd += val;
    if (cd > mod) cd -= mod;
    cd *= 2;
    if (cd > mod) cd -= mod + 1;
  }
  cd = mod + 1 - cd;
  if (cd === mod) cd = 0;
  return ALPHABET[cd] ?? null;
}
