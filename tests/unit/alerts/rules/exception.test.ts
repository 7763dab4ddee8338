import { describe, expect, it } from 'vitest';
import { exception } from '../../../../lib/alerts/rules/exception';
import type { Status } from '../../../../lib/model/status';
import type { TrackingEvent } from '../../../../lib/model/types';
import { ctx, ev, ID } from '../context';

const NOW = '2024-03-06T15:00:00Z';
const a = ev('2024-03-04T10:00:00Z', 'in_transit', 'Departed', 'DP');
const x1 = ev('2024-03-05T10:00:00Z', 'exception', 'Address information required', 'SE');
const x2 = ev('2024-03-05T18:00:00Z', 'exception', 'Still waiting for address', 'SE');
const b = ev('2024-03-06T08:00:00Z', 'in_transit', 'Address corrected, in transit', 'IT');
const x3 = ev('2024-03-06T12:00:00Z', 'exception', 'Damaged, being repackaged', 'SE');

// [case, status, events, expected key or null]
const TABLE: Array<[string, Status, TrackingEvent[], string | null]> = [
  ['first exception', 'exception', [a, x1], `${ID}|exception|event:${x1.key}`],
  ['a second exception scan in a row is the same alert', 'exception', [a, x1, x2], `${ID}|exception|event:${x1.key}`],
  ['a new exception after the parcel moved is a new alert', 'exception', [a, x1, x2, b, x3], `${ID}|exception|event:${x3.key}`],
  ['exception from the summary only', 'exception', [a], `${ID}|exception|since:${Date.parse('2024-03-04T15:00:00Z')}`],
  ['resolved: no alert', 'in_transit', [a, x1, b], null],
];

describe('exception', () => {
  it.each(TABLE)('%s', (_n, status, events, key) => {
    expect(exception(ctx(NOW, { status }, events))?.key ?? null).toBe(key);
  });
  it('quotes the newest exception', () => {
    expect(exception(ctx(NOW, { status: 'exception' }, [a, x1, x2]))).toMatchObject({ message: 'Still waiting for address', severity: 'warning', since: Date.parse('2024-03-05T10:00:00Z'), details: { code: 'SE' } });
  });
});
