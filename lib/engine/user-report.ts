/**
 * What the shopper tells us about a parcel is an observation from the source `user`: an event with a
 * null status, so it lives in the same history, never changes the carrier-derived status (derive.ts
 * leaves `user` events out of the status fold) and survives refreshes. The situation rules read it
 * from the timeline digest (`notReceivedAt`).
 */
import type { Observation } from './observation';

export const NOT_RECEIVED_CODE = 'not_received';

/** The shopper marks a "delivered" package as not received, at `now`. */
export function notReceivedReport(now: number): Observation {
  return {
    source: 'user',
    observedAt: now,
    trackingNumber: null,
    status: null,
    statusText: null,
    eta: null,
    deliveredAt: null,
    pickup: null,
    events: [{ time: new Date(now).toISOString(), timeIsLocal: false, status: null, code: NOT_RECEIVED_CODE, description: 'You marked this package as not received', location: null }],
  };
}
