import { describe, expect, it } from 'vitest';
import { delayedCarrierCode } from '../../../../lib/alerts/rules/delayed-carrier-code';
import type { Status } from '../../../../lib/model/status';
import type { TrackingEvent } from '../../../../lib/model/types';
import { ctx, ev, ID } from '../context';

const NOW = '2024-03-06T15:00:00Z';
const picked = ev('2024-03-04T10:00:00Z', 'in_transit', 'Picked up', 'PU');
// [case, status, events, expected key or null]
const TABLE: Array<[string, Status, TrackingEvent[], string | null]> = [
  ['FedEx DY code', 'in_transit', [picked, ev('2024-03-05T10:00:00Z', 'in_transit', 'Weather delay', 'DY')], `${ID}|delayed|code:DY`],
  ['code matched case-insensitively', 'exception', [picked, ev('2024-03-05T10:00:00Z', 'exception', 'Running late', 'exception_delayed')], `${ID}|delayed|code:EXCEPTION_DELAYED`],
  ['USPS 71 rescheduled', 'in_transit', [picked, ev('2024-03-05T10:00:00Z', null, 'Rescheduled to Next Delivery Day', '71')], `${ID}|delayed|code:71`],
  ['wording without a known code', 'in_transit', [picked, ev('2024-03-05T10:00:00Z', 'in_transit', 'Your delivery has been rescheduled', 'XX')], `${ID}|delayed|code:text`],
  ['no delay at all', 'in_transit', [picked, ev('2024-03-05T10:00:00Z', 'in_transit', 'Departed facility', 'DP')], null],
  ['a delay before the parcel moved on is history', 'out_for_delivery', [picked, ev('2024-03-05T10:00:00Z', 'in_transit', 'Delay', 'DY'), ev('2024-03-06T08:00:00Z', 'out_for_delivery', 'On vehicle', 'OD')], null],
  ['delivered: no alert', 'delivered', [picked, ev('2024-03-05T10:00:00Z', 'delivered', 'Delayed but delivered', 'DY')], null],
];

describe('delayed-carrier-code', () => {
  it.each(TABLE)('%s', (_n, status, events, key) => {
    expect(delayedCarrierCode(ctx(NOW, { status }, events))?.key ?? null).toBe(key);
  });
  it('honours a custom code list and quotes the carrier', () => {
    const events = [picked, ev('2024-03-05T10:00:00Z', 'in_transit', 'Held at hub', 'HH')];
    expect(delayedCarrierCode(ctx(NOW, {}, events))).toBeNull();
    const d = delayedCarrierCode(ctx(NOW, {}, events, { settings: { delayCodes: ['HH'] } }));
    expect(d).toMatchObject({ message: 'The carrier reports: Held at hub', since: Date.parse('2024-03-05T10:00:00Z'), details: { code: 'HH' } });
  });
});
