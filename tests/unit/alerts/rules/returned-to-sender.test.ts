import { describe, expect, it } from 'vitest';
import { returnedToSender } from '../../../../lib/alerts/rules/returned-to-sender';
import type { Status } from '../../../../lib/model/status';
import type { TrackingEvent } from '../../../../lib/model/types';
import { ctx, ev, ID } from '../context';

const NOW = '2024-03-07T15:00:00Z';
const rts = ev('2024-03-06T10:00:00Z', 'returned', 'Return to sender: insufficient address', '21');

// [case, status, events, expected key or null]
const TABLE: Array<[string, Status, TrackingEvent[], string | null]> = [
  ['returned by the carrier', 'returned', [rts], `${ID}|returned|returned`],
  ['returned from a page, no event', 'returned', [], `${ID}|returned|returned`],
  ['still in transit', 'in_transit', [], null],
];

describe('returned-to-sender', () => {
  it.each(TABLE)('%s', (_n, status, events, key) => {
    expect(returnedToSender(ctx(NOW, { status }, events))?.key ?? null).toBe(key);
  });
  it('quotes the reason', () => {
    expect(returnedToSender(ctx(NOW, { status: 'returned' }, [rts]))).toMatchObject({ message: 'Return to sender: insufficient address', since: Date.parse('2024-03-06T10:00:00Z') });
  });
});
