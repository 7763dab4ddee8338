import { describe, expect, it } from 'vitest';
import { etaMovedLater } from '../../../../lib/alerts/rules/eta-moved-later';
import type { Status } from '../../../../lib/model/status';
import type { EtaRecord } from '../../../../lib/model/types';
import { ctx, ID } from '../context';

const rec = (to: string, seenAt: string, from = to): EtaRecord => ({ eta: { from, to }, seenAt: Date.parse(seenAt), source: 'carrier:ups' });
const NOW = '2024-03-06T15:00:00Z';
// [case, status, history, expected key or null]
const TABLE: Array<[string, Status, EtaRecord[], string | null]> = [
  ['moved a day later', 'in_transit', [rec('2024-03-07', '2024-03-04T10:00:00Z'), rec('2024-03-08', '2024-03-06T10:00:00Z')], `${ID}|eta_moved|to:2024-03-08`],
  ['moved earlier: good news, no alert', 'in_transit', [rec('2024-03-08', '2024-03-04T10:00:00Z'), rec('2024-03-07', '2024-03-06T10:00:00Z')], null],
  ['window widened at the end', 'in_transit', [rec('2024-03-07', '2024-03-04T10:00:00Z', '2024-03-06'), rec('2024-03-09', '2024-03-06T10:00:00Z', '2024-03-06')], `${ID}|eta_moved|to:2024-03-09`],
  ['only one ETA ever', 'in_transit', [rec('2024-03-07', '2024-03-04T10:00:00Z')], null],
  ['delivered: no longer matters', 'delivered', [rec('2024-03-07', '2024-03-04T10:00:00Z'), rec('2024-03-08', '2024-03-06T10:00:00Z')], null],
  ['back and forth: compares the last two', 'in_transit', [rec('2024-03-07', '2024-03-03T10:00:00Z'), rec('2024-03-09', '2024-03-04T10:00:00Z'), rec('2024-03-08', '2024-03-06T10:00:00Z')], null],
];

describe('eta-moved-later', () => {
  it.each(TABLE)('%s', (_n, status, etaHistory, key) => {
    const last = etaHistory[etaHistory.length - 1]!;
    expect(etaMovedLater(ctx(NOW, { status, etaHistory, eta: last.eta }))?.key ?? null).toBe(key);
  });
  it('names both dates', () => {
    const h = [rec('2024-03-07', '2024-03-04T10:00:00Z'), rec('2024-03-08', '2024-03-06T10:00:00Z')];
    const d = etaMovedLater(ctx(NOW, { etaHistory: h, eta: h[1]!.eta, label: 'Lamp' }));
    expect(d).toMatchObject({ title: 'Lamp will arrive later', message: 'Now expected Mar 8 (was Mar 7).', since: Date.parse('2024-03-06T10:00:00Z'), severity: 'info' });
  });
});
