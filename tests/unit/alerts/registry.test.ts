import { existsSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { evaluateAlerts } from '../../../lib/alerts/evaluate';
import { RULES } from '../../../lib/alerts/registry';
import { ctx, ev, ID } from './context';

const here = dirname(fileURLToPath(import.meta.url));
const rulesDir = join(here, '../../../lib/alerts/rules');

describe('registry', () => {
  it('lists every rule file once, and every rule has a table test', () => {
    const files = readdirSync(rulesDir).filter((f) => f.endsWith('.ts')).map((f) => f.replace(/\.ts$/, '')).sort();
    expect(RULES.map((r) => r.id).sort()).toEqual(files);
    for (const id of files) expect(existsSync(join(here, 'rules', `${id}.test.ts`)), id).toBe(true);
  });
  it('covers every alert kind of the issue', () => {
    expect(new Set(RULES.map((r) => r.kind))).toEqual(
      new Set(['delayed', 'eta_moved', 'stalled', 'suspected_lost', 'exception', 'attempt_failed', 'returned', 'cancelled', 'out_for_delivery', 'ready_for_pickup', 'delivered']),
    );
  });
});

describe('evaluateAlerts', () => {
  const events = [ev('2024-03-01T10:00:00Z', 'in_transit', 'Departed facility', 'DP')];
  const c = ctx('2024-03-09T12:00:00Z', { status: 'in_transit', eta: { from: '2024-03-04', to: '2024-03-04' } }, events);

  it('returns every situation that holds, in registry order, a superseded one left out', () => {
    const { current, errors } = evaluateAlerts(c);
    expect(errors).toEqual([]);
    // Quiet for 8 days: suspected lost, which supersedes "stalled"; and late.
    expect(current.map((a) => a.key)).toEqual([`${ID}|suspected_lost|after:${events[0]!.key}`, `${ID}|delayed|eta:2024-03-04`]);
  });
  it('says nothing about archived packages', () => {
    expect(evaluateAlerts({ ...c, pkg: { ...c.pkg, archived: true } }).current).toEqual([]);
  });
  it('evaluating twice gives the same keys (one cause, one situation)', () => {
    expect(evaluateAlerts(c).current.map((a) => a.key)).toEqual(evaluateAlerts({ ...c, now: c.now + 3_600_000 }).current.map((a) => a.key));
  });
  it('every superseded kind is a kind some rule raises', () => {
    const kinds = new Set(RULES.map((r) => r.kind));
    for (const r of RULES) for (const k of r.supersedes ?? []) expect(kinds.has(k), `${r.id} supersedes ${k}`).toBe(true);
  });
});
