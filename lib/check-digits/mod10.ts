/**
 * Weighted mod-10 check digit (GS1 / UPS / USPS / FedEx Ground style).
 * Characters are read left to right (or right to left with `reverse`); position i (0-based) is
 * multiplied by `odds` when i is odd and by `evens` when i is even. Letters count as
 * (charCode - 3) % 10, the UPS convention (A=2, B=3, …). check = (10 - sum % 10) % 10.
 * Spec: tracking_number_data CHECKSUM_ALGORITHMS.md `validates_mod10?`.
 */
export function mod10CheckDigit(serial: string, evens = 1, odds = 1, reverse = false): number {
  let total = 0;
  const n = serial.length;
  for (let k = 0; k < n; k++) {
    const c = serial.charCodeAt(reverse ? n - 1 - k : k);
    let x = c >= 48 && c <= 57 ? c - 48 : (c - 3) % 10;
    x *= k % 2 === 1 ? odds : evens;
    total += x;
  }
  return (10 - (total % 10)) % 10;
}
