/**
 * Scanner throughput: ours vs ts-tracking-number (findTracking), measured in the same run, and our
 * time at 64 KB / 512 KB / 5 MB to show linear growth (issue #3).
 *
 * Headline: 5 MB of page text built from the real saved shop pages (see realPageText), both
 * scanners with their default settings (ours: the shopper's, minConfidence 0.5): that is what the
 * scanner meets. Two synthetic mixes follow as stress cases, with digits spread evenly through
 * the prose (every few words a price, date or number), which costs us more per byte and the
 * reference less; they are reported, not the target.
 *
 * Measurement, on equal terms (issue #19): this machine's speed drifts by up to 2× within seconds,
 * and of two runs taken back to back the second is often the faster (by about 20 %, timing one
 * scanner twice in a row), so every figure comes from pairs taken back to back in which both
 * sides get the same treatment: the same untimed warm-up on the same text, the same number of
 * timed runs (a side's time in a pair is the median of its runs), and the side that goes first
 * alternating from pair to pair, so drift and order favour neither. No collection is forced
 * between runs: right after a forced gc() our scanner ran 3 to 8× slower (512 KB: 2.6 ms → 8 to
 * 27 ms, measured), which would time the collector's aftermath, not the scanner. Printed per
 * size: the median of each side's pair times, and the median of the pairs' ratios (reference /
 * ours), with the number of pairs.
 *
 * Duration: 5 to 7 minutes on this shared 2-core machine while others' builds and tests ran
 * (5 min 10 s, 5 min 43 s, 5 min 50 s and 6 min 48 s measured, load average 3.5 to 4.7), nearly
 * all of it the reference's three runs on 5 MB (90 to 126 s each); the rest takes about half a
 * minute. The three 5 MB pairs are the least a median of paired ratios needs, so the duration
 * follows the machine's load, not the bench's plan.
 */
import { findTracking } from 'ts-tracking-number';
import { DEFAULT_CONFIDENCE_THRESHOLD } from '../../lib/carriers/registry';
import { findTrackingNumbers } from '../../lib/scan/find-tracking-numbers';
import { type PageMix, pageText, realPageText, textStats, time } from './support/tracking-text';

const KB = 1024;
const MB = 1024 * KB;
const TARGET = 50;
/**
 * Untimed runs of each side before the first pair, on the first WARM_UP_TEXT characters of the
 * text: our scanner keeps getting faster for about 20 runs of 64 KB (1.0 ms → 0.45 ms) while the
 * JIT optimizes it; the reference gets the same.
 */
const WARM_UPS = 20;
const WARM_UP_TEXT = 64 * KB;

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

interface Side {
  /** Scans the text; returns how many numbers it reported. */
  scan: (text: string) => number;
}

const OURS: Side = { scan: (text) => findTrackingNumbers(text).length };
const REFERENCE: Side = { scan: (text) => findTracking(text).length };

/**
 * Median time (ms) of `runs` timed runs of `side` on `text`, and its count. The median, not the
 * mean: a run of a millisecond or two that the shared machine preempts takes ten times as long.
 */
function timeSide(side: Side, text: string, runs: number): { ms: number; found: number } {
  const ms: number[] = [];
  let found = 0;
  for (let i = 0; i < runs; i++) {
    const r = time(() => side.scan(text));
    ms.push(r.ms);
    found = r.value;
  }
  return { ms: median(ms), found };
}

interface Paired {
  pairs: number;
  runs: number;
  /** Median of each side's pair times (ms). */
  ours: number;
  ref: number;
  /** Each pair's ratio, reference / ours, in run order, and their median. */
  ratios: number[];
  ratio: number;
  found: number;
  matches: number;
}

/**
 * `pairs` back-to-back pairs on `text`, `runs` timed runs per side in each, the first side
 * alternating; before them both sides get the same untimed warm-up.
 */
function paired(text: string, pairs: number, runs: number): Paired {
  const warm = text.slice(0, WARM_UP_TEXT);
  for (let i = 0; i < WARM_UPS; i++) for (const side of i % 2 ? [REFERENCE, OURS] : [OURS, REFERENCE]) side.scan(warm);
  const ours: number[] = [];
  const refs: number[] = [];
  const ratios: number[] = [];
  let found = 0;
  let matches = 0;
  for (let p = 0; p < pairs; p++) {
    let o: { ms: number; found: number };
    let r: { ms: number; found: number };
    if (p % 2 === 0) {
      o = timeSide(OURS, text, runs);
      r = timeSide(REFERENCE, text, runs);
    } else {
      r = timeSide(REFERENCE, text, runs);
      o = timeSide(OURS, text, runs);
    }
    ours.push(o.ms);
    refs.push(r.ms);
    ratios.push(r.ms / o.ms);
    found = o.found;
    matches = r.found;
  }
  return { pairs, runs, ours: median(ours), ref: median(refs), ratios, ratio: median(ratios), found, matches };
}

const mbs = (bytes: number, ms: number) => {
  const v = bytes / MB / (ms / 1000);
  return v.toFixed(v < 1 ? 3 : 1).padStart(7);
};
const how = (r: Paired) => `median of ${r.pairs} paired ratios${r.runs > 1 ? `, each side the median of ${r.runs} runs per pair` : ', 1 run per side per pair'}: ${r.ratios.map((x) => x.toFixed(1)).join(', ')}`;

/** Ours vs the reference on `text`, printed; returns the median ratio. */
function compare(label: string, text: string, pairs: number, runs = 1): number {
  const stats = textStats(text);
  const r = paired(text, pairs, runs);
  console.log(`  ${label}`);
  console.log(`    text: ${(text.length / KB).toFixed(0)} KB, digits ${(100 * stats.digitShare).toFixed(1)}%, ${stats.groupsPerKB.toFixed(1)} number groups per KB`);
  console.log(`    ours       ${r.ours.toFixed(1).padStart(8)} ms ${mbs(text.length, r.ours)} MB/s  (median; ${r.found} distinct numbers)`);
  console.log(`    reference  ${r.ref.toFixed(1).padStart(8)} ms ${mbs(text.length, r.ref)} MB/s  (median; ${r.matches} matches)`);
  console.log(`    speed-up: ${r.ratio.toFixed(1)}× the reference (${how(r)})`);
  return r.ratio;
}

console.log('Scanner throughput, ours vs ts-tracking-number findTracking (same run, paired, equal runs, alternating order)');
const DEFAULTS = `default settings (ours: minConfidence ${DEFAULT_CONFIDENCE_THRESHOLD}, the shopper's)`;
console.log(`  HEADLINE: 5 MB of page text from the real saved shop pages, ${DEFAULTS}: section 1, last row, repeated at the end`);

// 1. The target: page text built from the real saved shop pages, as a browser renders it. The
// reference is far from linear on it (its time grows about 3× per doubling here), so the ratio
// is printed at every size, not only at 5 MB.
const page = realPageText(5 * MB, 42);
console.log('\n1. Page text from the real saved shop pages (rendered whitespace), ~1 tracking number per 2 KB — the target');
console.log('   times are medians over the pairs; the ratio is the median of the paired ratios (reference / ours)');
const ours: Record<number, number> = {};
const refs: Record<number, number> = {};
const ratioAt: Record<number, number> = {};
/**
 * Pairs and runs per side per pair at each size: several runs where ours takes a few milliseconds
 * (one preempted run would decide a pair), one where the reference takes over a minute (5 MB).
 */
const PLAN: [number, number, number][] = [
  [64 * KB, 9, 5],
  [512 * KB, 5, 3],
  [5 * MB, 3, 1],
];
let headline: Paired | null = null;
for (const [size, pairs, runs] of PLAN) {
  const r = paired(page.slice(0, size), pairs, runs);
  ours[size] = r.ours;
  refs[size] = r.ref;
  ratioAt[size] = r.ratio;
  if (size === 5 * MB) headline = r;
  console.log(
    `  ${(size / KB).toFixed(0).padStart(5)} KB: ours ${r.ours.toFixed(2).padStart(8)} ms ${mbs(size, r.ours)} MB/s (${r.found} numbers) | reference ${r.ref.toFixed(0).padStart(6)} ms ${mbs(size, r.ref)} MB/s (${r.matches} matches) | ${r.ratio.toFixed(1)}× (${how(r)})`,
  );
}
const stats = textStats(page);
console.log(`  text: digits ${(100 * stats.digitShare).toFixed(1)}%, ${stats.groupsPerKB.toFixed(1)} number groups per KB`);
const grow = (t: Record<number, number>) => `512 KB / 64 KB = ${(t[512 * KB]! / t[64 * KB]!).toFixed(1)}× (size 8×), 5 MB / 512 KB = ${(t[5 * MB]! / t[512 * KB]!).toFixed(1)}× (size 10×)`;
console.log(`  growth of the median times, ours:      ${grow(ours)}`);
console.log(`  growth of the median times, reference: ${grow(refs)}`);
const h = headline!;
const headlineText =
  `HEADLINE, 5 MB of real-page text, ${DEFAULTS}: ${h.ratio.toFixed(1)}× the reference (median of ${h.pairs} paired ratios; target ≥ ${TARGET}×: ${h.ratio >= TARGET ? 'met' : 'NOT met'});` +
  ` ours ${h.ours.toFixed(1)} ms, reference ${h.ref.toFixed(0)} ms (medians)`;
console.log(`  => ${headlineText}; smallest ratio at any size ${Math.min(...Object.values(ratioAt)).toFixed(1)}×`);

// 2. The same pages' raw text nodes (markup indentation kept), as the generic reader passes them.
console.log('\n2. The same pages, raw text nodes (markup indentation kept, as the generic reader passes them)');
compare('512 KB', realPageText(512 * KB, 43, 'raw'), 5);

// 3. Stress: synthetic text with digits spread through the prose, where the reference is linear.
console.log('\n3. Stress cases, synthetic text with digits spread through the prose (not the target)');
const mixes: [PageMix, string][] = [
  ['shop-page', 'digit share and number groups per KB of the real pages'],
  ['number-dense', 'three times the number groups, four times the digits'],
];
for (const [mix, what] of mixes) compare(`${mix} mix, 5 MB (${what})`, pageText(5 * MB, 42, mix), 5);

console.log(`\n${headlineText}`);
