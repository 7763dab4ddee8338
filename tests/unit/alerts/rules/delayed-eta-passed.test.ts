import { describe, expect, it } from 'vitest';
import { delayedEtaPassed } from '../../../../lib/alerts/rules/delayed-eta-passed';
import type { Status } from '../../../../lib/model/status';
import type { Eta } from '../../../../lib/model/types';
import { ctx, ID } from '../context';

const MAR7: Eta = { from: '2024-03-07', to: '2024-03-07' };
// [case, now (UTC), status, eta, grace hours, expected key or null]
const TABLE: Array<[string, string, Status, Eta | null, number, string | null]> = [
  ['last minute of the ETA day in New York: not late yet', '2024-03-08T04:59:59Z', 'in_transit', MAR7, 0, null],
  ['just after local midnight: late', '2024-03-08T05:00:00Z', 'in_transit', MAR7, 0, `${ID}|delayed|eta:2024-03-07`],
  ['out for delivery past its day is late too', '2024-03-09T12:00:00Z', 'out_for_delivery', MAR7, 0, `${ID}|delayed|eta:2024-03-07`],
  ['grace hours postpone it', '2024-03-08T06:00:00Z', 'in_transit', MAR7, 2, null],
  ['delivered: never late', '2024-03-10T12:00:00Z', 'delivered', MAR7, 0, null],
  ['waiting at a pickup point: not late', '2024-03-10T12:00:00Z', 'available_for_pickup', MAR7, 0, null],
  ['no ETA: nothing to compare', '2024-03-10T12:00:00Z', 'in_transit', null, 0, null],
  ['unreadable ETA: no alert, no throw', '2024-03-10T12:00:00Z', 'in_transit', { from: 'soon', to: 'soon' }, 0, null],
  ['a window with a time ends at that time', '2024-03-07T21:00:00Z', 'in_transit', { from: '2024-03-07T12:00:00-05:00', to: '2024-03-07T15:59:00-05:00' }, 0, `${ID}|delayed|eta:2024-03-07T15:59:00-05:00`],
];

describe('delayed-eta-passed', () => {
  it.each(TABLE)('%s', (_n, now, status, eta, grace, key) => {
    const draft = delayedEtaPassed(ctx(now, { status, eta }, [], { settings: { etaGraceHours: grace } }));
    expect(draft?.key ?? null).toBe(key);
  });
  it('says how late and when it was expected', () => {
    const draft = delayedEtaPassed(ctx('2024-03-10T12:00:00Z', { status: 'in_transit', eta: MAR7, label: 'Desk lamp' }));
    expect(draft).toMatchObject({
      kind: 'delayed',
      severity: 'warning',
      title: 'Desk lamp is late',
      message: 'It was expected Mar 7 and has not been delivered (2 days late).',
      since: Date.parse('2024-03-08T05:00:00Z'),
    });
  });
});
