/**
 * What the shopper tells us about a parcel is stored as an event with `source: 'user'` and a null
 * status, so it lives in the same history, never changes the carrier-derived status (merge.ts ignores
 * null-status events) and survives refreshes.
 */
import { eventKey } from '../model/keys';
import type { TrackingEvent } from '../model/types';

export const NOT_RECEIVED_CODE = 'not_received';

/** The event to store when the shopper marks a "delivered" package as not received. */
export function notReceivedEvent(packageId: string, now: number): TrackingEvent {
  const time = new Date(now).toISOString();
  const description = 'You marked this package as not received';
  return {
    key: eventKey({ packageId, time, code: NOT_RECEIVED_CODE, description }),
    packageId,
    time,
    timeIsLocal: false,
    status: null,
    code: NOT_RECEIVED_CODE,
    description,
    location: null,
    source: 'user',
  };
}
