/**
 * Merging what a carrier (or a shop page) says into a stored package. Pure: the stored package, the
 * events already stored for it and `now` come in; the updated package and the events to add go out.
 * Issue #6 §3: idempotent (merging the same result twice adds nothing and changes nothing but the
 * check time), ordered (events are placed by their instant, local times read in their zone), status
 * never downgrades on an ambiguous event, and every ETA the package has had is kept.
 *
 * How the status is derived (see also {@link advanceStatus}):
 * A. All events (stored + new) are sorted oldest → newest by instant; events at the same instant are
 *    ordered by status rank, so "out for delivery" and "delivered" stamped in the same minute end on
 *    "delivered". Events whose time cannot be read are kept but never drive the status.
 * B. The statuses of those events are folded through `advanceStatus` (null-status events are skipped).
 *    This is the *event status*, and the instant of the event that last changed it is remembered.
 * C. The result's own summary status (`result.status`) fills in when no event has a status, and may
 *    move the event status *forward* (DHL says `delivered` before the delivery scan is listed). It never
 *    moves it sideways or back: the events are more specific than a coarse summary (DHL `transit` while
 *    the newest event reads "with delivery courier").
 * D. The candidate is then compared with the package's stored status, which may have come from a shop
 *    page or an earlier summary. Plain progress ({@link isForward}) is always taken. A sideways or
 *    backward move (OFD → attempt failed, exception → in transit, OFD → in transit) is taken only when
 *    the carrier event behind it is *newer* than the moment the stored status was established: the
 *    newest stored event with that status, or, when no event carries it (it came from a page or a
 *    summary), `pkg.lastChangeAt`. So a carrier that lags behind an Amazon page ("Out for delivery")
 *    cannot drag the package back with yesterday's "Arrived at facility", while a fresh "Delivery
 *    attempted" can. Local-only event times without a `timeZone` are placed at UTC for this
 *    comparison (time.ts `eventEpoch`), which can be off by the zone's offset.
 */
import { type Status, statusRank } from '../model/status';
import { eventEpoch } from '../model/time';
import type { TrackError, TrackResult } from '../carriers/client';
import { eventKey, packageIdFor } from '../model/keys';
import type { Eta, EtaRecord, Package, TrackingEvent } from '../model/types';
import { advanceStatus, isForward } from './advance-status';

export interface MergeOutcome {
  pkg: Package;
  /** Events not stored before (by key), oldest first. The caller stores them with the package, atomically. */
  newEvents: TrackingEvent[];
  statusChanged: boolean;
  previousStatus: Status;
  etaChanged: boolean;
}

function normNumber(n: string): string {
  return n.replace(/\s+/g, '').toUpperCase();
}

function sameEta(a: Eta | null, b: Eta | null): boolean {
  if (a === null || b === null) return a === b;
  return a.from === b.from && a.to === b.to;
}

/** Appends `eta` to the history when it differs from the current one; keeps the first ETA too. */
export function withEta(
  pkg: Pick<Package, 'eta' | 'etaHistory' | 'firstSeenAt'>,
  eta: Eta | null,
  source: string,
  now: number,
): { eta: Eta | null; etaHistory: EtaRecord[]; changed: boolean } {
  if (eta === null || sameEta(pkg.eta, eta)) return { eta: pkg.eta, etaHistory: pkg.etaHistory, changed: false };
  const history = [...pkg.etaHistory];
  // A package created with an ETA but no history (older records, hand-made packages): keep that ETA too.
  if (pkg.eta && !history.some((r) => sameEta(r.eta, pkg.eta))) {
    history.push({ eta: pkg.eta, seenAt: pkg.firstSeenAt, source: 'unknown' });
  }
  history.push({ eta: { from: eta.from, to: eta.to }, seenAt: now, source });
  return { eta: { from: eta.from, to: eta.to }, etaHistory: history, changed: true };
}

interface Placed {
  event: TrackingEvent;
  at: number;
  order: number;
}

/** Sorts events oldest → newest (ties: lower status rank first, then input order). */
export function sortEvents(events: TrackingEvent[], timeZone?: string | null): TrackingEvent[] {
  return place(events, timeZone).map((p) => p.event);
}

function place(events: TrackingEvent[], timeZone?: string | null): Placed[] {
  const placed = events.map((event, order) => {
    const at = eventEpoch(event.time, event.timeIsLocal, timeZone);
    return { event, at: Number.isFinite(at) ? at : Number.NEGATIVE_INFINITY, order };
  });
  placed.sort((a, b) => {
    if (a.at !== b.at) return a.at < b.at ? -1 : 1;
    const ra = a.event.status ? statusRank(a.event.status) : -1;
    const rb = b.event.status ? statusRank(b.event.status) : -1;
    if (ra !== rb) return ra - rb;
    return a.order - b.order;
  });
  return placed;
}

/** Steps A and B: the status the events alone say, and the instant of the event that set it. */
export function eventStatus(
  placed: Array<{ event: TrackingEvent; at: number }>,
): { status: Status | null; decidedAt: number } {
  let status: Status | null = null;
  let decidedAt = Number.NEGATIVE_INFINITY;
  for (const { event, at } of placed) {
    if (event.status === null || !Number.isFinite(at)) continue;
    const next: Status = status === null ? event.status : advanceStatus(status, event.status);
    if (next !== status) {
      status = next;
      decidedAt = at;
    }
  }
  return { status, decidedAt };
}

/** Turns a carrier result's events into stored events for `packageId`, deduplicated by key. */
export function toTrackingEvents(packageId: string, result: TrackResult, source: string): TrackingEvent[] {
  const seen = new Set<string>();
  const out: TrackingEvent[] = [];
  for (const e of result.events) {
    if (typeof e.time !== 'string' || typeof e.description !== 'string') continue;
    const key = eventKey({ packageId, time: e.time, code: e.code, description: e.description });
    if (seen.has(key)) continue;
    seen.add(key);
    out.push({
      key,
      packageId,
      time: e.time,
      timeIsLocal: e.timeIsLocal,
      status: e.status,
      code: e.code,
      description: e.description,
      location: e.location,
      source,
    });
  }
  return out;
}

/**
 * Merges one carrier result into a package. `known` are the events already stored for it; `source`
 * is stored on each new event (`carrier:ups`, `aggregator:17track`, `demo`). `timeZone` places
 * local-only event times (the carrier's or, failing that, the user's zone).
 *
 * A result that only carries a per-number error (no status, no events), or one for another tracking
 * number, is recorded as a failure instead (see {@link recordFailure}); nothing is thrown.
 */
export function mergeTrackResult(
  pkg: Package,
  known: TrackingEvent[],
  result: TrackResult,
  source: string,
  now: number,
  timeZone?: string | null,
): MergeOutcome {
  const unchanged = (next: Package): MergeOutcome => ({
    pkg: next,
    newEvents: [],
    statusChanged: false,
    previousStatus: pkg.status,
    etaChanged: false,
  });
  if (pkg.trackingNumber && normNumber(result.trackingNumber) !== normNumber(pkg.trackingNumber)) {
    return unchanged(
      recordFailure(
        pkg,
        { kind: 'malformed', message: `Result for ${result.trackingNumber} given to package ${pkg.id}` },
        now,
      ),
    );
  }
  const events = Array.isArray(result.events) ? result.events : [];
  if (result.error && events.length === 0 && result.status === null) {
    return unchanged(recordFailure(pkg, result.error, now));
  }

  const knownKeys = new Set(known.map((e) => e.key));
  const incoming = toTrackingEvents(pkg.id, { ...result, events }, source);
  const placedNew = place(
    incoming.filter((e) => !knownKeys.has(e.key)),
    timeZone,
  );
  const newEvents = placedNew.map((p) => p.event);
  const all = place([...known, ...newEvents], timeZone);

  // Steps B and C.
  const fromEvents = eventStatus(all);
  let candidate = fromEvents.status;
  const decidedAt = fromEvents.decidedAt;
  let candidateIsSummary = false;
  if (result.status) {
    if (candidate === null) {
      candidate = result.status;
      candidateIsSummary = true;
    } else if (isForward(candidate, result.status)) {
      candidate = result.status;
      candidateIsSummary = true;
    }
  }

  // Step D.
  let status = pkg.status;
  if (candidate !== null && candidate !== pkg.status) {
    if (isForward(pkg.status, candidate)) {
      status = candidate;
    } else if (!candidateIsSummary && advanceStatus(pkg.status, candidate) === candidate) {
      const withStatus = all.filter((p) => p.event.status === pkg.status && Number.isFinite(p.at));
      const establishedAt = withStatus.length > 0 ? withStatus[withStatus.length - 1]!.at : pkg.lastChangeAt;
      if (decidedAt > establishedAt) status = candidate;
    }
  }
  const statusChanged = status !== pkg.status;

  const newest = all.length > 0 ? all[all.length - 1]!.event : null;
  const lastEvent = newest ?? pkg.lastEvent;
  // The carrier's wording only when the carrier's status is the one shown; otherwise (a page is ahead
  // of a lagging carrier) the page's wording stays.
  const carrierText = result.statusText ?? (newest ? newest.description : null);
  const statusText = status === candidate || candidate === null ? (carrierText ?? pkg.statusText) : pkg.statusText;

  let deliveredAt = pkg.deliveredAt;
  if (status === 'delivered') {
    const deliveredEvent = [...all].reverse().find((p) => p.event.status === 'delivered');
    deliveredAt = result.deliveredAt ?? pkg.deliveredAt ?? deliveredEvent?.event.time ?? null;
  }

  const eta = withEta(pkg, result.eta ?? null, source, now);

  const next: Package = {
    ...pkg,
    status,
    statusText,
    lastEvent,
    deliveredAt,
    eta: eta.eta,
    etaHistory: eta.etaHistory,
    lastChangeAt: statusChanged || newEvents.length > 0 ? now : pkg.lastChangeAt,
    failures: 0,
    lastError: null,
    lastCheckAt: now,
    updatedAt: now,
  };
  return { pkg: next, newEvents, statusChanged, previousStatus: pkg.status, etaChanged: eta.changed };
}

/** A failed refresh: history untouched, one more consecutive failure, the error kept for the UI and backoff. */
export function recordFailure(pkg: Package, error: TrackError, now: number): Package {
  return {
    ...pkg,
    failures: pkg.failures + 1,
    lastError: { kind: error.kind, message: error.message, at: now },
    lastCheckAt: now,
    updatedAt: now,
  };
}

/** What a shop page says about one shipment (a subset of `ShipmentReading`). */
export interface ShipmentUpdate {
  status: Status | null;
  statusText: string | null;
  eta: Eta | null;
  deliveredAt: string | null;
  trackingNumber: string | null;
  carrier: string | null;
  trackUrl: string | null;
}

/** A new package with defaults for everything `base` leaves out (due for its first check now). */
export function blankPackage(base: Partial<Package>, now: number): Package {
  return {
    // packageIdFor throws a clear error when there is neither a tracking number nor a shop order.
    id: base.id ?? packageIdFor(base),
    trackingNumber: base.trackingNumber ?? null,
    shipmentId: base.shipmentId ?? null,
    carrier: base.carrier ?? null,
    orderKey: base.orderKey ?? null,
    shop: base.shop ?? null,
    orderId: base.orderId ?? null,
    label: base.label ?? null,
    status: base.status ?? 'pending',
    statusText: base.statusText ?? null,
    eta: base.eta ?? null,
    etaHistory: base.etaHistory ?? [],
    deliveredAt: base.deliveredAt ?? null,
    lastEvent: base.lastEvent ?? null,
    lastChangeAt: base.lastChangeAt ?? now,
    nextCheckAt: base.nextCheckAt ?? now,
    lastCheckAt: base.lastCheckAt ?? null,
    lastError: base.lastError ?? null,
    failures: base.failures ?? 0,
    trackUrl: base.trackUrl ?? null,
    archived: base.archived ?? false,
    muted: base.muted ?? false,
    firstSeenAt: base.firstSeenAt ?? now,
    updatedAt: now,
  };
}

/**
 * Merges what a shop page says about a shipment. A page's status is coarse ("Shipped" = in transit)
 * and often behind the carrier, so it only moves a package forward ({@link isForward}); the one
 * exception is `cancelled`, which the shop knows best and which wins over anything not yet delivered
 * or returned (a parcel that reached the porch cannot be un-shipped; its refund shows as `returned`).
 *
 * `base` fills fields the package does not have yet (order key, shop, label…). A new package takes
 * `base.id`, or `packageIdFor(base)` (which throws a clear error when there is neither a tracking
 * number nor a shop order id: a programming error, not bad data). Tracking number and carrier are only filled in, never replaced: a package's id is
 * built from them and re-keying is the caller's decision.
 */
export function mergeShipmentReading(
  existing: Package | null,
  reading: ShipmentUpdate,
  base: Partial<Package>,
  now: number,
): { pkg: Package; statusChanged: boolean; previousStatus: Status | null } {
  const source = `page:${base.shop ?? existing?.shop ?? 'shop'}`;
  if (existing === null) {
    const created = blankPackage(
      {
        ...base,
        status: reading.status ?? base.status ?? 'pending',
        statusText: reading.statusText ?? base.statusText ?? null,
        deliveredAt: reading.deliveredAt ?? base.deliveredAt ?? null,
        trackingNumber: base.trackingNumber ?? reading.trackingNumber,
        carrier: base.carrier ?? reading.carrier,
        trackUrl: reading.trackUrl ?? base.trackUrl ?? null,
        eta: null,
        etaHistory: [],
      },
      now,
    );
    const eta = withEta(created, reading.eta, source, now);
    const pkg = { ...created, eta: eta.eta, etaHistory: eta.etaHistory };
    if (pkg.status === 'delivered' || pkg.status === 'returned' || pkg.status === 'cancelled') {
      // Already finished when first seen: the scheduler decides about the grace period from lastChangeAt.
      pkg.nextCheckAt = base.nextCheckAt ?? now;
    }
    return { pkg, statusChanged: true, previousStatus: null };
  }

  let status = existing.status;
  const r = reading.status;
  if (r !== null && r !== existing.status) {
    if (r === 'cancelled') {
      if (existing.status !== 'delivered' && existing.status !== 'returned') status = 'cancelled';
    } else if (isForward(existing.status, r)) {
      status = r;
    }
  }
  const statusChanged = status !== existing.status;
  const statusText = status === r ? (reading.statusText ?? existing.statusText) : existing.statusText;
  const eta = withEta(existing, reading.eta, source, now);
  const fill = <K extends keyof Package>(k: K): Package[K] => (existing[k] ?? base[k] ?? null) as Package[K];
  const pkg: Package = {
    ...existing,
    status,
    statusText,
    eta: eta.eta,
    etaHistory: eta.etaHistory,
    deliveredAt: status === 'delivered' ? (reading.deliveredAt ?? existing.deliveredAt) : existing.deliveredAt,
    trackingNumber: existing.trackingNumber ?? reading.trackingNumber,
    carrier: existing.carrier ?? reading.carrier,
    trackUrl: reading.trackUrl ?? existing.trackUrl,
    orderKey: fill('orderKey'),
    shop: fill('shop'),
    orderId: fill('orderId'),
    shipmentId: fill('shipmentId'),
    label: fill('label'),
    lastChangeAt: statusChanged ? now : existing.lastChangeAt,
    updatedAt: now,
  };
  return { pkg, statusChanged, previousStatus: existing.status };
}
