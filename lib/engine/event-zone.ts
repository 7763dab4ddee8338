/**
 * The zone a local-only event time belongs to (issue #19 §4): the zone of the place where it
 * happened, not the shopper's. Precedence (lib/model/local-zone.ts): the source's own zone (a track
 * page's zone key), the event's location, the carrier's home country when it has one zone; the
 * shopper's zone only as the last resort, applied when the time is read, so it is never stored as if
 * it were known.
 */
import { carrierHomeCountry, resolveLocalZone } from '../model/local-zone';

export interface EventZoneContext {
  carrier: string | null;
  shopperZone: string;
}

/** The zone to store on a local-only event, or null when only the shopper's zone is left. */
export function zoneForLocalEvent(
  event: { location: string | null; timeZone?: string | null },
  ctx: EventZoneContext,
): string | null {
  const r = resolveLocalZone(
    { location: event.location },
    { explicitZone: event.timeZone ?? null, carrierCountry: carrierHomeCountry(ctx.carrier), shopperZone: ctx.shopperZone },
  );
  return r.basis === 'shopper' ? null : r.zone;
}
