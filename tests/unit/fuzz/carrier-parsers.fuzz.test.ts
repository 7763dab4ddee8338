/**
 * Issue #17 point 3: every carrier and aggregator response parser on mutated real-shaped responses
 * (the saved fixtures with keys dropped, values swapped for junk, hostile text, arrays emptied) and on
 * arbitrary JSON, under every HTTP status a client passes on. Never a throw; the outcome is a result or
 * a named error; and what the engine would store from it (the one merge) is valid by the stored schemas.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseSeventeenTrackResponse } from '../../../lib/aggregators/seventeen-track/parse-response';
import { parseShip24Response } from '../../../lib/aggregators/ship24/parse-response';
import { EventSchema, PackageSchema } from '../../../lib/backup/schema';
import type { TrackOutcome } from '../../../lib/carriers/client';
import { parseDhlResponse } from '../../../lib/carriers/dhl/parse-response';
import { parseFedexResponse } from '../../../lib/carriers/fedex/parse-response';
import { parseUpsResponse } from '../../../lib/carriers/ups/parse-response';
import { parseUspsResponse } from '../../../lib/carriers/usps/parse-response';
import { blankPackage, mergeObservation, normNumber } from '../../../lib/engine/merge';
import { observationFromTrackResult } from '../../../lib/engine/observation';
import { countRuns, mutatedJson, withinHangLimit } from './fuzz-support';

const FIX = join(__dirname, '../../fixtures');
const NOW = Date.parse('2024-03-05T12:00:00Z');
const RUNS_EACH = 4_000;

function fixtures(dir: string): unknown[] {
  return readdirSync(join(FIX, dir))
    .filter((f) => f.endsWith('.json') && f !== 'token.json')
    .map((f) => JSON.parse(readFileSync(join(FIX, dir, f), 'utf8')) as unknown);
}

const PARSERS: { id: string; dir: string; parse: (body: unknown, status: number) => TrackOutcome }[] = [
  { id: 'ups', dir: 'ups', parse: parseUpsResponse },
  { id: 'usps', dir: 'usps', parse: parseUspsResponse },
  { id: 'fedex', dir: 'fedex', parse: parseFedexResponse },
  { id: 'dhl', dir: 'dhl', parse: parseDhlResponse },
  { id: '17track', dir: '17track', parse: (body) => parseSeventeenTrackResponse(body) },
  { id: 'ship24', dir: 'ship24', parse: parseShip24Response },
];

const STATUSES = [200, 200, 200, 207, 400, 401, 403, 404, 429, 500, 503];

/**
 * What the refresh would store (lib/services/refresh-round.ts): the result for the number the package was
 * asked about, merged into it by the one merge; results for other numbers are not stored.
 */
function storedFrom(provider: string, asked: string, outcome: TrackOutcome): { pkg: unknown; events: unknown[] } | null {
  if (!outcome.ok) return null;
  const pkg = blankPackage({ id: `${provider}:${asked}`, trackingNumber: asked, carrier: provider === '17track' || provider === 'ship24' ? null : provider, firstSeenAt: NOW - 86_400_000 }, NOW - 86_400_000);
  const result = outcome.results.find((r) => pkg.numberKeys.includes(normNumber(r.trackingNumber)));
  if (!result) return null;
  const m = mergeObservation(pkg, [], observationFromTrackResult(result, `carrier:${provider}`, NOW), { now: NOW, shopperZone: 'America/Chicago' });
  return { pkg: m.pkg, events: m.put };
}

describe('fuzz: carrier response parsers (issue #17)', () => {
  for (const { id, dir, parse } of PARSERS) {
    it(`${id}: ${RUNS_EACH.toLocaleString('en-US')} mutated and arbitrary responses, never a throw, what is stored is valid`, () => {
      const bases = fixtures(dir);
      expect(bases.length).toBeGreaterThan(2);
      // The number each saved response answers (what the package was asked about).
      const asked = bases.map((b) => {
        const o = parse(b, 200);
        return o.ok && o.results[0] ? normNumber(o.results[0].trackingNumber) : 'FUZZ0001';
      });
      let stored = 0;
      fc.assert(
        fc.property(
          fc.oneof({ weight: 4, arbitrary: mutatedJson(bases) }, { weight: 1, arbitrary: fc.jsonValue({ maxDepth: 4 }).map((value) => ({ base: 0, value })) }),
          fc.constantFrom(...STATUSES),
          ({ base, value: body }, status) => {
            const outcome = withinHangLimit(id, () => parse(body, status));
            if (outcome.ok) {
              expect(Array.isArray(outcome.results)).toBe(true);
              for (const r of outcome.results) {
                // The refresh normalises every result's number: a parser hands out strings only.
                expect(typeof r.trackingNumber).toBe('string');
                expect(Array.isArray(r.events)).toBe(true);
              }
            } else {
              expect(typeof outcome.error.kind).toBe('string');
              expect(typeof outcome.error.message).toBe('string');
            }
            const s = storedFrom(id, asked[base]!, outcome);
            if (s) {
              stored++;
              const { pkg, events } = s;
              const p = PackageSchema.safeParse(pkg);
              expect(p.success, p.success ? '' : JSON.stringify(p.error.issues.slice(0, 3))).toBe(true);
              for (const e of events) {
                const r = EventSchema.safeParse(e);
                expect(r.success, r.success ? '' : JSON.stringify(r.error.issues.slice(0, 3))).toBe(true);
              }
            }
          },
        ),
        { numRuns: RUNS_EACH, seed: 1717 },
      );
      // Enough of the mutated answers still reach the merge for the check of what is stored to mean something.
      expect(stored).toBeGreaterThan(RUNS_EACH / 20);
      countRuns(`carrier-${id}`, RUNS_EACH);
    }, 300_000);
  }
});
