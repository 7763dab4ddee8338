import { describe, expect, it } from 'vitest';
import { stalled } from '../../../../lib/alerts/rules/stalled';
import type { Status } from '../../../../lib/model/status';
import type { TrackingEvent } from '../../../../lib/model/types';
import { ctx, ev, ID } from '../context';

const label = ev('2024-03-01T10:00:00Z', 'info_received', 'Label created', 'MP');
const moving = ev('2024-03-01T10:00:00Z', 'in_transit', 'Departed facility', 'DP', 'Louisville, KY, US');
const abroad = [ev('2024-03-01T10:00:00Z', 'in_transit', 'Departed facility', null, 'SHENZHEN, CN'), ev('2024-03-02T10:00:00Z', 'in_transit', 'Arrived', null, 'LOS ANGELES, CA, US')];
const customs = ev('2024-03-01T10:00:00Z', 'in_transit', 'Held in customs for inspection', null);
const released = ev('2024-03-01T10:00:00Z', 'in_transit', 'Released by customs', null);

// [case, now, status, events, expected: [stage, quietDays] or null]
const TABLE: Array<[string, string, Status, TrackingEvent[], [string, number] | null]> = [
  ['label created 3 days ago: not yet', '2024-03-04T10:00:00Z', 'info_received', [label], null],
  ['label created over 3 days ago', '2024-03-04T10:00:01Z', 'info_received', [label], ['label_created', 3]],
  ['domestic transit 4 days: not yet', '2024-03-05T10:00:00Z', 'in_transit', [moving], null],
  ['domestic transit over 4 days', '2024-03-05T11:00:00Z', 'in_transit', [moving], ['domestic_transit', 4]],
  ['international (two countries) 5 days: not yet', '2024-03-07T10:00:00Z', 'in_transit', abroad, null],
  ['international over 7 days', '2024-03-09T11:00:00Z', 'in_transit', abroad, ['international_transit', 7]],
  ['in customs over 5 days', '2024-03-06T11:00:00Z', 'in_transit', [customs], ['customs', 5]],
  ['released by customs is international transit, 5 days: not yet', '2024-03-06T11:00:00Z', 'in_transit', [released], null],
  ['an exception that went quiet counts as transit', '2024-03-05T11:00:00Z', 'exception', [{ ...moving, status: 'exception' }], ['domestic_transit', 4]],
  ['out for delivery is not a stalling stage', '2024-03-09T11:00:00Z', 'out_for_delivery', [moving], null],
  ['not shipped yet is the shop, not the carrier', '2024-03-09T11:00:00Z', 'pending', [], null],
];

describe('stalled', () => {
  it.each(TABLE)('%s', (_n, now, status, events, expected) => {
    const d = stalled(ctx(now, { status }, events));
    expect(d ? [d.details.stage, d.details.quietDays] : null).toEqual(expected);
  });
  it('keys one alert per quiet spell and uses the package change time without events', () => {
    const d = stalled(ctx('2024-03-06T11:00:00Z', { status: 'in_transit' }, [moving]));
    expect(d?.key).toBe(`${ID}|stalled|after:${moving.key}`);
    expect(d?.since).toBe(Date.parse('2024-03-05T10:00:00Z'));
    expect(d?.message).toBe('No tracking update for 5 days; last: Departed facility.');
    const noEvents = stalled(ctx('2024-03-10T11:00:00Z', { status: 'in_transit', lastChangeAt: Date.parse('2024-03-01T00:00:00Z') }, []));
    expect(noEvents?.key).toBe(`${ID}|stalled|after:${Date.parse('2024-03-01T00:00:00Z')}`);
  });
  it('takes thresholds from settings', () => {
    const settings = { stalledDays: { labelCreated: 3, domesticTransit: 2, internationalTransit: 7, customs: 5 } };
    expect(stalled(ctx('2024-03-03T11:00:00Z', { status: 'in_transit' }, [moving], { settings }))?.details.quietDays).toBe(2);
  });
});
