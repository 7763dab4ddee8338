/**
 * UPU S10 check digit (international postal items, e.g. RB123456785US).
 * Weights 8 6 4 2 3 5 9 7 over the eight serial digits; remainder r of the sum mod 11 gives
 * 11 - r, except r = 1 gives 0 and r = 0 gives 5. Shorter serials use the leading weights.
 * Spec: UPU S10 standard, tracking_number_data `validates_s10?`.
 */
const WEIGHTS = [8, 6, 4, 2, 3, 5, 9, 7] as const;

export function s10CheckDigit(serial: string): number | null {
  let total = 0;
  const n = Math.min(serial.length, WEIGHTS.length);
  for (let i = 0; i < n; i++) {
    const d = serial.charCodeAt(i) - 48;
    if (d < 0 || d > 9) return null;
    total += d * WEIGHTS[i]!;
  }
  const r = total % 11;
  return r === 1 ? 0 : r === 0 ? 5 : 11 - r;
}
