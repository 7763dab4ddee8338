/**
 * Issue #17 point 3: fuzzing support. Every fuzz suite records how many generated inputs it ran
 * (`.cache/fuzz/<suite>.json`); scripts/test-all.mjs prints the total after the unit tier (≥ 100,000).
 *
 * Inputs are arbitrary strings and values, and mutated real fixtures: a real page, response or e-mail
 * with slices deleted, duplicated or truncated, digits changed, and hostile or junk text inserted.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';

const OUT = join(__dirname, '../../../.cache/fuzz');
const runs = new Map<string, number>();

/** Counts `n` generated inputs for `suite`; the file is rewritten so a re-run never double-counts. */
export function countRuns(suite: string, n: number): void {
  runs.set(suite, (runs.get(suite) ?? 0) + n);
  mkdirSync(OUT, { recursive: true });
  writeFileSync(join(OUT, `${suite}.json`), JSON.stringify({ [suite]: runs.get(suite) }));
}

/**
 * Hang detector (not a speed limit): one input of a pure parser taking longer than this means a loop
 * that does not end or backtracking that explodes. Generous, so a slow shared machine never trips it.
 */
export const HANG_MS = 10_000;

export function withinHangLimit<T>(label: string, fn: () => T): T {
  const t0 = performance.now();
  const out = fn();
  const ms = performance.now() - t0;
  if (ms > HANG_MS) throw new Error(`hang detector: ${label} took ${ms.toFixed(0)} ms on one input`);
  return out;
}

/** Text a page, carrier or e-mail may plant: markup, script, entities, controls, odd Unicode. */
export const HOSTILE = [
  '<script>alert(1)</script>',
  '"><img src=x onerror=alert(1)>',
  'javascript:alert(1)',
  '&lt;b&gt;&amp;&#0;&#x110000;',
  '\u0000\u0007\u001b[31m',
  '\u202e\u200f\u2066',
  '\ud800',
  '\uFEFF',
  '𝟙𝟚𝟛',
  '1Z999AA10123456784',
  '9400111899223100000000',
  '113-1234567-1234567',
  ' '.repeat(50),
  '9'.repeat(40),
  'Delivered',
  'Zugestellt am 3. Dezember',
  '{"a":',
  ']]>',
  '<!--',
];

type Edit =
  | { op: 'delete'; at: number; len: number }
  | { op: 'duplicate'; at: number; len: number }
  | { op: 'insert'; at: number; text: string }
  | { op: 'digits'; at: number; len: number; digit: string }
  | { op: 'truncate'; at: number };

const fraction = fc.double({ min: 0, max: 1, noNaN: true });
const edit: fc.Arbitrary<Edit> = fc.oneof(
  fc.record({ op: fc.constant('delete' as const), at: fraction, len: fc.integer({ min: 1, max: 400 }) }),
  fc.record({ op: fc.constant('duplicate' as const), at: fraction, len: fc.integer({ min: 1, max: 400 }) }),
  fc.record({ op: fc.constant('insert' as const), at: fraction, text: fc.oneof(fc.constantFrom(...HOSTILE), fc.string({ maxLength: 30, unit: 'binary' })) }),
  fc.record({ op: fc.constant('digits' as const), at: fraction, len: fc.integer({ min: 1, max: 60 }), digit: fc.constantFrom(...'0123456789') }),
  fc.record({ op: fc.constant('truncate' as const), at: fraction }),
);

function apply(base: string, edits: readonly Edit[]): string {
  let s = base;
  for (const e of edits) {
    const at = Math.floor(e.at * s.length);
    switch (e.op) {
      case 'delete':
        s = s.slice(0, at) + s.slice(at + e.len);
        break;
      case 'duplicate':
        s = s.slice(0, at + e.len) + s.slice(at, at + e.len) + s.slice(at + e.len);
        break;
      case 'insert':
        s = s.slice(0, at) + e.text + s.slice(at);
        break;
      case 'digits':
        s = s.slice(0, at) + s.slice(at, at + e.len).replace(/\d/g, e.digit) + s.slice(at + e.len);
        break;
      case 'truncate':
        s = s.slice(0, at);
        break;
    }
  }
  return s;
}

/** A real text with 1–6 random edits (or none: the fixture itself is among the inputs). */
export function mutated(bases: readonly string[]): fc.Arbitrary<string> {
  return fc.tuple(fc.constantFrom(...bases), fc.array(edit, { maxLength: 6 })).map(([b, edits]) => apply(b, edits));
}

/** A JSON value with random structural edits: keys dropped, values swapped for junk, arrays emptied. */
export function mutatedJson(bases: readonly unknown[]): fc.Arbitrary<{ base: number; value: unknown }> {
  const junk = fc.oneof(fc.jsonValue({ maxDepth: 2 }), fc.constantFrom(...HOSTILE), fc.constant(null), fc.constant(undefined));
  return fc
    .tuple(fc.nat({ max: bases.length - 1 }), fc.array(fc.tuple(fraction, fc.integer({ min: 0, max: 3 }), junk), { maxLength: 8 }))
    .map(([base, edits]) => {
      const copy = structuredClone(bases[base]);
      for (const [at, op, value] of edits) {
        const slots = containers(copy);
        if (slots.length === 0) break;
        const [holder, key] = slots[Math.min(slots.length - 1, Math.floor(at * slots.length))]!;
        if (op === 0) delete (holder as Record<string, unknown>)[key];
        else if (op === 1) (holder as Record<string, unknown>)[key] = value;
        else if (op === 2) (holder as Record<string, unknown>)[key] = Array.isArray((holder as Record<string, unknown>)[key]) ? [] : [value];
        else (holder as Record<string, unknown>)[key] = typeof (holder as Record<string, unknown>)[key] === 'string' ? `${String((holder as Record<string, unknown>)[key])}${String(value)}` : String(value);
      }
      return { base, value: copy };
    });
}

function containers(v: unknown, out: [object, string][] = [], depth = 0): [object, string][] {
  if (depth > 12 || v === null || typeof v !== 'object') return out;
  for (const k of Object.keys(v)) {
    out.push([v, k]);
    containers((v as Record<string, unknown>)[k], out, depth + 1);
  }
  return out;
}
