/**
 * What one source said about one parcel at one moment: the single input shape of the merge (issue
 * #19: one engine, one truth). A carrier's answer, a shop page the shopper opened, Amazon's tracker
 * page read in the background and a number found in an e-mail all become an Observation, so one rule
 * decides what the package says.
 */
import type { ParsedEvent, RelatedNumber, TrackError, TrackResult } from '../carriers/client';
import type { SourceClaim } from '../model/types';

export interface ObservedEvent extends ParsedEvent {
  /**
   * For a local-only time, the zone the source says it belongs to (a track page's own zone key), when
   * it says; the merge resolves the rest from the place (lib/engine/event-zone.ts).
   */
  timeZone?: string | null;
}

/**
 * What the source claims (its `source` is `carrier:ups`, `aggregator:17track`, `page:amazon`,
 * `email:mail.google.com`, `selection` or `user`), plus what came with the claim.
 */
export interface Observation extends SourceClaim {
  /** The number the source answered for (null for a shop shipment without one). */
  trackingNumber: string | null;
  events: ObservedEvent[];
  relatedNumbers?: RelatedNumber[];
  /** A per-number failure (not found, a warning in a 200): with no status and no events it is a failed check. */
  error?: TrackError | null;
}

/** A carrier's (or aggregator's) answer for one number as an observation made at `observedAt`. */
export function observationFromTrackResult(result: TrackResult, source: string, observedAt: number): Observation {
  const pp = result.pickupPoint;
  return {
    source,
    observedAt,
    trackingNumber: result.trackingNumber,
    status: result.status,
    statusText: result.statusText ?? null,
    eta: result.eta,
    etaWindowLocal: result.etaWindowLocal ?? null,
    deliveredAt: result.deliveredAt ?? null,
    pickup: pp ? { location: pp.name ?? pp.address ?? null, code: null, until: pp.pickupBy ?? null } : null,
    events: Array.isArray(result.events) ? result.events : [],
    relatedNumbers: result.relatedNumbers ?? [],
    error: result.error ?? null,
  };
}
