/**
 * matchFormats on a length it has not indexed yet (issue #15): the first calls run the length's patterns
 * directly, later ones use the dispatch index (lib/carriers/registry.ts). Both must give the same matches,
 * the same as running every pattern, in this file's fresh module where no length is indexed yet.
 */
import { describe, expect, it } from 'vitest';
import { CARRIERS, matchFormats } from '../../../lib/carriers/registry';

function bruteForce(n: string): string[] {
  const out: string[] = [];
  for (const c of CARRIERS) for (const f of c.formats) if (f.lengths.includes(n.length) && f.pattern.test(n)) out.push(`${c.id}:${f.id}`);
  return out;
}

describe('matchFormats before and after its index is built', () => {
  it('gives the same matches on the direct path (first calls of a length) and the indexed one', () => {
    for (const n of ['9361289878700317633795', '1Z879E930346834440', 'LX123456785CN', '123456789012']) {
      const variants = [n, ...Array.from({ length: n.length }, (_, i) => [`${n.slice(0, i)}7${n.slice(i + 1)}`, `${n.slice(0, i)}Q${n.slice(i + 1)}`]).flat()];
      // Enough calls for this length to pass from the direct path to the index, then the same numbers again.
      const first = variants.map((v) => matchFormats(v));
      const again = variants.map((v) => matchFormats(v));
      expect(variants.length).toBeGreaterThan(16);
      for (let i = 0; i < variants.length; i++) {
        expect(first[i]!.map((m) => `${m.carrier.id}:${m.format.id}`), variants[i]).toEqual(bruteForce(variants[i]!));
        expect(again[i], variants[i]).toEqual(first[i]);
      }
      expect(first[0]!.length).toBeGreaterThan(0);
    }
  });
});
