import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CARRIERS, formatMaskTable, matchFormats, normaliseNumber } from '../../../lib/carriers/registry';
import { ALPHABET_SIZE, alphabetIndex, positionSets } from '../../../lib/scan/pattern-shape';

interface CorpusEntry {
  number: string;
}
const corpus = JSON.parse(readFileSync('tests/fixtures/tracking-numbers/corpus.json', 'utf8')) as CorpusEntry[];

/** Every format of the registry whose pattern matches, by running every pattern: what the dispatch index must equal. */
function bruteForce(n: string): string[] {
  const out: string[] = [];
  for (const c of CARRIERS) for (const f of c.formats) if (f.lengths.includes(n.length) && f.pattern.test(n)) out.push(`${c.id}:${f.id}`);
  return out;
}

/** A number's mask as the scanner reads it from formatMaskTable: the format slots its characters leave. */
function maskOf(n: string): number {
  const table = formatMaskTable(n.length);
  if (!table) return 0;
  let mask = table.all;
  for (let p = 0; p < n.length && mask !== 0; p++) mask &= table.masks[p * ALPHABET_SIZE + alphabetIndex(n.charCodeAt(p))]!;
  return mask;
}

/** Deterministic variants of a number: each position replaced by a digit and by a letter. */
function variants(n: string): string[] {
  const out = [n];
  for (let i = 0; i < n.length; i++) out.push(`${n.slice(0, i)}7${n.slice(i + 1)}`, `${n.slice(0, i)}Q${n.slice(i + 1)}`);
  return out;
}

describe('format dispatch index (per-position masks derived from the patterns)', () => {
  const numbers = [
    ...new Set([
      ...corpus.map((e) => normaliseNumber(e.number)),
      ...CARRIERS.flatMap((c) => c.formats.flatMap((f) => [...f.examples.valid, ...f.examples.invalid].map(normaliseNumber))),
    ]),
  ];

  it('matchFormats finds exactly the formats that running every pattern finds', () => {
    let checked = 0;
    let matched = 0;
    for (const n of numbers) {
      for (const v of variants(n)) {
        const got = matchFormats(v).map((m) => `${m.carrier.id}:${m.format.id}`);
        expect(got, v).toEqual(bruteForce(v));
        // The scanner's table never rules out a number some format takes.
        if (got.length > 0) expect(maskOf(v), v).not.toBe(0);
        checked++;
        if (got.length > 0) matched++;
      }
    }
    // Hundreds of numbers with their one-character variants; many of them still match a format.
    expect(checked).toBeGreaterThan(8_000);
    expect(matched).toBeGreaterThan(1_000);
  });

  it('every example and corpus number is allowed by its formats position by position', () => {
    for (const c of CARRIERS) {
      for (const f of c.formats) {
        for (const ex of f.examples.valid) {
          const n = normaliseNumber(ex);
          const sets = positionSets(f.pattern, n.length);
          for (let p = 0; p < n.length; p++) expect(sets[p]![alphabetIndex(n.charCodeAt(p))], `${f.id} ${n} @${p}`).toBe(true);
        }
      }
    }
  });

  it('formatMaskTable gives mask 0 for numbers no format can take and non-zero for one that matches', () => {
    expect(maskOf('1Z879E930346834440')).not.toBe(0);
    // 17 digits: no format has 17 digits only.
    expect(maskOf('12345678901234567')).toBe(0);
    // 9 characters: shorter than every format, so there is no table at all.
    expect(formatMaskTable(9)).toBeNull();
  });

  it('S10 operators share one pattern run but keep their own rules', () => {
    expect(matchFormats('RB123456785GB').filter((m) => m.verified).map((m) => m.carrier.id)).toEqual(['royal_mail']);
    expect(matchFormats('RB123456785GB').map((m) => m.groups)).toContainEqual({ svc: 'RB', serial: '12345678', check: '5', country: 'GB' });
  });
});
