import { describe, expect, it } from 'vitest';
import { outForDelivery } from '../../../../lib/alerts/rules/out-for-delivery';
import type { Status } from '../../../../lib/model/status';
import type { TrackingEvent } from '../../../../lib/model/types';
import { ctx, ev, ID } from '../context';

const NOW = '2024-03-07T15:00:00Z';
const ofd1 = ev('2024-03-05T08:00:00-05:00', 'out_for_delivery', 'Out for delivery');
const loaded = ev('2024-03-05T08:30:00-05:00', null, 'Loaded on delivery vehicle');
const att = ev('2024-03-05T14:00:00-05:00', 'attempt_failed', 'No access');
const ofd2 = ev('2024-03-06T08:00:00-05:00', 'out_for_delivery', 'Out for delivery');

// [case, status, events, expected key or null]
const TABLE: Array<[string, Status, TrackingEvent[], string | null]> = [
  ['on the van', 'out_for_delivery', [ofd1, loaded], `${ID}|out_for_delivery|event:${ofd1.key}`],
  ['on the van again the next day: new alert', 'out_for_delivery', [ofd1, att, ofd2], `${ID}|out_for_delivery|event:${ofd2.key}`],
  ['from a shop page only', 'out_for_delivery', [], `${ID}|out_for_delivery|since:${Date.parse('2024-03-04T15:00:00Z')}`],
  ['delivered', 'delivered', [ofd1], null],
];

describe('out-for-delivery', () => {
  it.each(TABLE)('%s', (_n, status, events, key) => {
    expect(outForDelivery(ctx(NOW, { status }, events))?.key ?? null).toBe(key);
  });
  it('is good news', () => {
    expect(outForDelivery(ctx(NOW, { status: 'out_for_delivery', label: 'Lamp' }, [ofd1]))).toMatchObject({ severity: 'good', title: 'Lamp arrives today' });
  });
});
