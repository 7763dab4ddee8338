/** Mod 7 check digit (DHL Express air waybills): the serial read as an integer, modulo 7. Digits only. */
export function mod7CheckDigit(serial: string): number | null {
  let r = 0;
  for (let i = 0; i < serial.length; i++) {
    const d = serial.charCodeAt(i) - 48;
    if (d < 0 || d > 9) return null;
    // Horner's rule keeps the remainder small, so long serials never lose precision.
    r = (r * 10 + d) % 7;
  }
  return r;
}
