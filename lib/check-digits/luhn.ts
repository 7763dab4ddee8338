/**
 * Luhn check digit (ISO/IEC 7812): from the digit next to the check digit leftwards, every other
 * digit is doubled (minus 9 above 9). Used by Purolator and Old Dominion.
 */
export function luhnCheckDigit(serial: string): number | null {
  let total = 0;
  let double = true;
  for (let i = serial.length - 1; i >= 0; i--) {
    let d = serial.charCodeAt(i) - 48;
    if (d < 0 || d > 9) return null;
    if (double) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    total += d;
    double = !double;
  }
  return (10 - (total % 10)) % 10;
}
