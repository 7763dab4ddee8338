import { describe, expect, it } from 'vitest';
import { readyForPickup } from '../../../../lib/alerts/rules/ready-for-pickup';
import { pickupCode } from '../../../../lib/engine/pickup-text';
import type { TrackingEvent } from '../../../../lib/model/types';
import { ctx, ev, ID } from '../context';

const NOW = '2024-03-07T15:00:00Z';
const transit = ev('2024-03-05T08:00:00Z', 'in_transit', 'Departed');
// [case, events, statusText, expected {location, code}]
const TABLE: Array<[string, TrackingEvent[], string | null, { pickupLocation: string | null; pickupCode: string | null }]> = [
  ['locker and code in the text', [transit, ev('2024-03-06T10:00:00Z', 'available_for_pickup', 'Ready for pickup at Amazon Hub Locker - Maple. Pickup code: 482913')], null, { pickupLocation: 'Amazon Hub Locker - Maple', pickupCode: '482913' }],
  ['location field wins, PIN form', [transit, ev('2024-03-06T10:00:00Z', 'available_for_pickup', 'Available for pickup, PIN 4821', '16', 'MAIN ST POST OFFICE, SPRINGFIELD, IL')], null, { pickupLocation: 'MAIN ST POST OFFICE, SPRINGFIELD, IL', pickupCode: '4821' }],
  ['code only in the shop wording', [transit, ev('2024-03-06T10:00:00Z', 'available_for_pickup', 'Held at UPS Access Point')], 'Your access code is AB12CD', { pickupLocation: 'UPS Access Point', pickupCode: 'AB12CD' }],
  ['neither known', [transit, ev('2024-03-06T10:00:00Z', 'available_for_pickup', 'Ready for pickup')], null, { pickupLocation: null, pickupCode: null }],
];

describe('ready-for-pickup', () => {
  it.each(TABLE)('%s', (_n, events, statusText, details) => {
    const d = readyForPickup(ctx(NOW, { status: 'available_for_pickup', statusText }, events));
    expect(d?.details).toEqual(details);
    expect(d?.key).toBe(`${ID}|ready_for_pickup|event:${events[1]!.key}`);
  });
  it('writes place and code into the message, and is silent in other states', () => {
    const events = TABLE[0]![1];
    expect(readyForPickup(ctx(NOW, { status: 'available_for_pickup', label: 'Lamp' }, events))).toMatchObject({
      severity: 'good',
      title: 'Lamp is ready for pickup',
      message: 'At Amazon Hub Locker - Maple. Pickup code: 482913.',
    });
    expect(readyForPickup(ctx(NOW, { status: 'delivered' }, events))).toBeNull();
  });
  it('does not take ordinary words for codes', () => {
    expect(pickupCode(['Pickup code will be sent by email'])).toBeNull();
    expect(pickupCode(['locker PIN: 77331'])).toBe('77331');
  });
});
