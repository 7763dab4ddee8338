/** Deterministic generators of page text and noise for the tracking benchmarks (seeded, no network). */
export function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const WORDS = (
  'your order has shipped and will arrive on tuesday the package was handed to the carrier see details below ' +
  'items quantity price subtotal shipping tax total free returns within days customer service help account ' +
  'recommended for you based on your browsing history add to cart buy it again view order invoice delivery address'
).split(' ');

/** Shop-page-like text: prose, prices, dates, order numbers, phone numbers and a few real tracking numbers. */
export function pageText(bytes: number, seed = 1): string {
  const r = rng(seed);
  const out: string[] = [];
  let size = 0;
  const samples = ['1Z879E930346834440', '9400111202555842332669', 'TBA123456789012', 'RB123456785GB', '986578788855'];
  while (size < bytes) {
    const x = r();
    let piece: string;
    if (x < 0.8) piece = WORDS[Math.floor(r() * WORDS.length)]!;
    else if (x < 0.86) piece = `$${Math.floor(r() * 500)}.${String(Math.floor(r() * 100)).padStart(2, '0')}`;
    else if (x < 0.9) piece = `2024-${String(1 + Math.floor(r() * 12)).padStart(2, '0')}-${String(1 + Math.floor(r() * 28)).padStart(2, '0')}`;
    else if (x < 0.93) piece = `Order #${Math.floor(r() * 1e3)}-${Math.floor(r() * 1e7)}-${Math.floor(r() * 1e7)}`;
    else if (x < 0.95) piece = `Call 1-800-${Math.floor(100 + r() * 900)}-${Math.floor(1000 + r() * 9000)}`;
    else if (x < 0.951) piece = `Tracking number: ${samples[Math.floor(r() * samples.length)]}`;
    else piece = r() < 0.5 ? '\n' : String(Math.floor(r() * 100));
    out.push(piece);
    size += piece.length + 1;
  }
  return out.join(' ');
}

/** Random noise: tokens of 1–24 characters from `alphabet`, separated by single spaces (and a newline now and then). */
export function noise(bytes: number, alphabet: string, seed = 7): string {
  const r = rng(seed);
  const parts: string[] = [];
  let size = 0;
  while (size < bytes) {
    const len = 1 + Math.floor(r() * 24);
    let tok = '';
    for (let i = 0; i < len; i++) tok += alphabet[Math.floor(r() * alphabet.length)];
    parts.push(tok);
    size += len + 1;
    if (r() < 0.05) {
      parts.push('\n');
      size++;
    }
  }
  return parts.join(' ');
}

export function time<T>(fn: () => T): { ms: number; value: T } {
  const t0 = performance.now();
  const value = fn();
  return { ms: performance.now() - t0, value };
}
