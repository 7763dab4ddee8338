/**
 * Sum of digit × weight, then `% modulo1 % modulo2` (FedEx Express: weights 3 1 7 …, mod 11 then 10).
 * Serial and weights are paired from the left; the shorter one decides how many pairs count.
 */
export function sumProductCheckDigit(
  serial: string,
  weights: readonly number[],
  modulo1: number,
  modulo2: number,
): number | null {
  let total = 0;
  const n = Math.min(serial.length, weights.length);
  for (let i = 0; i < n; i++) {
    const d = serial.charCodeAt(i) - 48;
    if (d < 0 || d > 9) return null;
    total += d * weights[i]!;
  }
  return (total % modulo1) % modulo2;
}
