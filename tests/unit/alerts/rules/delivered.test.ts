import { describe, expect, it } from 'vitest';
import { delivered } from '../../../../lib/alerts/rules/delivered';
import type { Status } from '../../../../lib/model/status';
import type { TrackingEvent } from '../../../../lib/model/types';
import { ctx, ev, ID } from '../context';

const NOW = '2024-03-07T15:00:00Z';
const dl = ev('2024-03-06T16:00:00Z', 'delivered', 'Delivered, front door', 'DL', 'SPRINGFIELD, IL');

// [case, status, events, expected key or null]
const TABLE: Array<[string, Status, TrackingEvent[], string | null]> = [
  ['delivered by the carrier', 'delivered', [dl], `${ID}|delivered|delivered`],
  ['delivered per the shop page', 'delivered', [], `${ID}|delivered|delivered`],
  ['returned after delivery', 'returned', [dl], null],
  ['not yet', 'out_for_delivery', [], null],
];

describe('delivered', () => {
  it.each(TABLE)('%s', (_n, status, events, key) => {
    expect(delivered(ctx(NOW, { status }, events))?.key ?? null).toBe(key);
  });
  it('says where', () => {
    expect(delivered(ctx(NOW, { status: 'delivered', label: 'Lamp' }, [dl]))).toMatchObject({
      severity: 'good',
      title: 'Lamp was delivered',
      message: 'Delivered, front door (SPRINGFIELD, IL).',
      since: Date.parse('2024-03-06T16:00:00Z'),
    });
  });
});
