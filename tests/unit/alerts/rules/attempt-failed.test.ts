import { describe, expect, it } from 'vitest';
import { attemptFailed } from '../../../../lib/alerts/rules/attempt-failed';
import type { Status } from '../../../../lib/model/status';
import type { TrackingEvent } from '../../../../lib/model/types';
import { ctx, ev, ID } from '../context';

const NOW = '2024-03-07T15:00:00Z';
const ofd1 = ev('2024-03-05T08:00:00-05:00', 'out_for_delivery', 'Out for delivery');
const att1 = ev('2024-03-05T14:00:00-05:00', 'attempt_failed', 'No access to delivery location', '30');
const ofd2 = ev('2024-03-06T08:00:00-05:00', 'out_for_delivery', 'Out for delivery');
const att2 = ev('2024-03-06T14:00:00-05:00', 'attempt_failed', 'Customer not available', '02');

// [case, status, events, expected key or null]
const TABLE: Array<[string, Status, TrackingEvent[], string | null]> = [
  ['first attempt', 'attempt_failed', [ofd1, att1], `${ID}|attempt_failed|event:${att1.key}`],
  ['second attempt on another day is a new alert', 'attempt_failed', [ofd1, att1, ofd2, att2], `${ID}|attempt_failed|event:${att2.key}`],
  ['back on the van: no attempt alert', 'out_for_delivery', [ofd1, att1, ofd2], null],
];

describe('attempt-failed', () => {
  it.each(TABLE)('%s', (_n, status, events, key) => {
    expect(attemptFailed(ctx(NOW, { status }, events))?.key ?? null).toBe(key);
  });
  it('quotes the carrier', () => {
    expect(attemptFailed(ctx(NOW, { status: 'attempt_failed', label: 'Shoes' }, [ofd1, att1]))).toMatchObject({
      title: 'Delivery attempt failed: Shoes',
      message: 'No access to delivery location',
      since: Date.parse('2024-03-05T19:00:00Z'),
    });
  });
});
