/**
 * The one merge (issue #19 §2, §3, §8, §15): an observation from any source (carrier answer, shop
 * page, Amazon's tracker, an e-mail) into a stored package. Pure: the package, its stored events, the
 * observation and the world (`now`, the shopper's zone) in; the package and the event rows to write
 * out. The caller writes both in one transaction.
 *
 * 1. The observation becomes its source's latest claim (an older observation from the same source
 *    changes nothing: it is history the claim already superseded).
 * 2. Its events join the timeline: local-only times are placed in the zone of the place where they
 *    happened (event-zone.ts); scans that several sources report are one row (event-merge.ts).
 * 3. Other numbers in the answer (a hand-off to the last-mile carrier, a return label) become numbers
 *    of this package, so the second number is never a second parcel.
 * 4. Every derived field (status, ETA, delivery time, pickup, timeline digest) is recomputed from all
 *    claims and events by derive.ts. Because 1–4 only take maxima and unions, the result does not
 *    depend on how observations were batched or in which order they came.
 * 5. The ETA history records a real change of the derived ETA, never a source echoing an old one.
 */
import type { TrackError } from '../carriers/client';
import { eventKey, packageIdFor } from '../model/keys';
import type { Status } from '../model/status';
import { type Eta, type EtaRecord, type Package, type PackageNumber, type SourceClaim, STATUS_LOG_CAP, type StatusObservation, type TrackingEvent } from '../model/types';
import { derive, timelineDigest } from './derive';
import { mergeEvents } from './event-merge';
import { zoneForLocalEvent } from './event-zone';
import type { Observation } from './observation';

export interface MergeOutcome {
  pkg: Package;
  /** Event rows to write (new, or rebuilt because another source joined them). */
  put: TrackingEvent[];
  /** Event rows folded into another row. */
  remove: string[];
  /** Rows that carry something no source had told before (for alerting). */
  newEvents: TrackingEvent[];
  statusChanged: boolean;
  previousStatus: Status;
  etaChanged: boolean;
  /** Anything a shopper could see changed (status, ETA, timeline, delivery, pickup, numbers). */
  changed: boolean;
}

export interface MergeWorld {
  now: number;
  /** The shopper's zone: the last resort for local times, and the calendar of "today". */
  shopperZone: string;
}

export function normNumber(n: string): string {
  return n.replace(/[\s-]+/g, '').toUpperCase();
}

export function sameEta(a: Eta | null, b: Eta | null): boolean {
  if (a === null || b === null) return a === b;
  return a.from === b.from && a.to === b.to;
}

/** The numbers that name this parcel (pieces of the same shipment are other parcels). */
export function numberKeysOf(numbers: readonly PackageNumber[]): string[] {
  return [...new Set(numbers.filter((n) => n.relation !== 'piece').map((n) => normNumber(n.number)))];
}

/** Adds numbers not known yet; the first number stays primary. */
export function withNumbers(pkg: Pick<Package, 'numbers'>, add: readonly Omit<PackageNumber, 'addedAt'>[], now: number): PackageNumber[] {
  const list = [...pkg.numbers];
  for (const n of add) {
    const key = normNumber(n.number);
    if (!key || list.some((x) => normNumber(x.number) === key)) continue;
    list.push({ ...n, number: key, addedAt: now });
  }
  return list;
}

/** A claim replaces its source's previous one only when it is at least as recent (ties: a fixed order). */
function newerClaim(a: SourceClaim, b: SourceClaim | undefined): boolean {
  if (!b) return true;
  if (a.observedAt !== b.observedAt) return a.observedAt > b.observedAt;
  return JSON.stringify(a) >= JSON.stringify(b);
}

/**
 * Stored events from an observation's events, with their zone and key. The same scan twice in one
 * answer stays twice here: mergeEvents joins the tellings field by field, whichever comes first.
 */
export function observedEvents(pkg: Pick<Package, 'id' | 'carrier'>, obs: Observation, shopperZone: string): TrackingEvent[] {
  const out: TrackingEvent[] = [];
  for (const e of obs.events) {
    if (typeof e.time !== 'string' || typeof e.description !== 'string') continue;
    const key = eventKey({ packageId: pkg.id, time: e.time, code: e.code, description: e.description });
    const local = e.timeIsLocal && !/(Z|[+-]\d\d:?\d\d)$/i.test(e.time);
    out.push({
      key,
      packageId: pkg.id,
      time: e.time,
      timeIsLocal: e.timeIsLocal,
      timeZone: local ? zoneForLocalEvent(e, { carrier: pkg.carrier, shopperZone }) : null,
      status: e.status,
      code: e.code,
      description: e.description,
      location: e.location,
      source: obs.source,
      sources: [obs.source],
    });
  }
  return out;
}

/** Appends the derived ETA to the history when it really changed. */
function etaHistoryAfter(pkg: Package, eta: Eta | null, source: string, seenAt: number): { history: EtaRecord[]; changed: boolean } {
  if (eta === null || sameEta(pkg.eta, eta)) return { history: pkg.etaHistory, changed: false };
  const last = pkg.etaHistory[pkg.etaHistory.length - 1];
  const history = [...pkg.etaHistory];
  if (pkg.eta && (!last || !sameEta(last.eta, pkg.eta))) history.push({ eta: pkg.eta, seenAt: pkg.firstSeenAt, source: 'unknown' });
  history.push({ eta: { from: eta.from, to: eta.to }, seenAt, source });
  return { history, changed: true };
}

/**
 * The status log with one more statement: a set (same source, instant and status is the same
 * statement), oldest dropped beyond the cap, so it does not depend on the order statements came in.
 */
export function withStatement(log: readonly StatusObservation[], o: StatusObservation): StatusObservation[] {
  if (log.some((x) => x.source === o.source && x.at === o.at && x.status === o.status)) return [...log];
  const next = [...log, o].sort((a, b) => a.at - b.at || (a.source < b.source ? -1 : a.source > b.source ? 1 : a.status < b.status ? -1 : 1));
  return next.length > STATUS_LOG_CAP ? next.slice(next.length - STATUS_LOG_CAP) : next;
}

/** Applies everything derive() says to the package. */
export function rederive(
  pkg: Package,
  claims: Record<string, SourceClaim>,
  events: readonly TrackingEvent[],
  world: MergeWorld,
  statusLog: readonly StatusObservation[] = pkg.statusLog,
): { pkg: Package; statusChanged: boolean; etaChanged: boolean; changed: boolean } {
  const d = derive({ claims, statusLog, events, carrier: pkg.carrier, fallbackZone: world.shopperZone });
  const eta = etaHistoryAfter(pkg, d.eta, d.provenance.eta?.source ?? 'unknown', d.provenance.eta?.observedAt ?? world.now);
  const next: Package = {
    ...pkg,
    claims,
    statusLog: [...statusLog],
    status: d.status,
    statusText: d.statusText,
    statusSince: d.statusSince,
    eta: d.eta,
    etaWindowLocal: d.etaWindowLocal,
    etaHistory: eta.history,
    deliveredAt: d.deliveredAt,
    pickup: d.pickup,
    provenance: d.provenance,
    lastEvent: d.lastEvent,
    timeline: d.timeline,
  };
  const statusChanged = next.status !== pkg.status;
  const changed =
    statusChanged ||
    eta.changed ||
    next.deliveredAt !== pkg.deliveredAt ||
    next.statusText !== pkg.statusText ||
    JSON.stringify(next.pickup) !== JSON.stringify(pkg.pickup) ||
    next.timeline.last?.key !== pkg.timeline.last?.key ||
    JSON.stringify(next.timeline) !== JSON.stringify(pkg.timeline);
  return { pkg: changed ? { ...next, lastChangeAt: world.now } : next, statusChanged, etaChanged: eta.changed, changed };
}

/**
 * Merges one observation into a package. An answer for a number this package is not known by, or one
 * carrying only a per-number error, is a failed check instead (see {@link recordFailure}); nothing throws.
 */
export function mergeObservation(pkg: Package, stored: readonly TrackingEvent[], obs: Observation, world: MergeWorld): MergeOutcome {
  const unchanged = (next: Package): MergeOutcome => ({
    pkg: next,
    put: [],
    remove: [],
    newEvents: [],
    statusChanged: false,
    previousStatus: pkg.status,
    etaChanged: false,
    changed: false,
  });
  if (obs.trackingNumber && pkg.numberKeys.length > 0 && !pkg.numberKeys.includes(normNumber(obs.trackingNumber))) {
    return unchanged(
      recordFailure(pkg, { kind: 'malformed', message: `Result for ${obs.trackingNumber} given to package ${pkg.id}` }, world.now),
    );
  }
  if (obs.error && obs.events.length === 0 && obs.status === null) return unchanged(recordFailure(pkg, obs.error, world.now, askedProvider(obs.source)));

  const { trackingNumber: _n, events: _e, relatedNumbers: _r, error: _x, ...said } = obs;
  const claim: SourceClaim = { ...said, eta: obs.eta ? { from: obs.eta.from, to: obs.eta.to } : null, etaWindowLocal: obs.etaWindowLocal ?? null };
  const claims = newerClaim(claim, pkg.claims[obs.source]) ? { ...pkg.claims, [obs.source]: claim } : pkg.claims;
  const statusLog = obs.status ? withStatement(pkg.statusLog, { source: obs.source, at: obs.observedAt, status: obs.status, text: obs.statusText }) : pkg.statusLog;

  const merged = mergeEvents(stored, observedEvents(pkg, obs, world.shopperZone), world.shopperZone, pkg.carrier);
  const numbers = withNumbers(
    pkg,
    (obs.relatedNumbers ?? []).map((r) => ({ number: r.number, carrier: r.carrier, relation: r.relation, source: obs.source })),
    world.now,
  );
  const base: Package = numbers.length === pkg.numbers.length ? pkg : { ...pkg, numbers, numberKeys: numberKeysOf(numbers) };
  const r = rederive(base, claims, merged.events, world, statusLog);
  const addedKeys = new Set(merged.added.map((p) => p.key));
  const newEvents = merged.put.filter((e) => (e.parts ?? [e]).some((p) => addedKeys.has(p.key)));
  return {
    pkg: { ...r.pkg, updatedAt: world.now },
    put: merged.put,
    remove: merged.remove,
    newEvents,
    statusChanged: r.statusChanged,
    previousStatus: pkg.status,
    etaChanged: r.etaChanged,
    changed: r.changed || merged.put.length > 0 || base !== pkg,
  };
}

/** A check that answered: failures and the error are cleared. */
export function recordCheck(pkg: Package, now: number): Package {
  return { ...pkg, failures: 0, lastError: null, lastCheckAt: now, updatedAt: now };
}

/** A failed refresh: history untouched, one more consecutive failure, the error kept for the UI and backoff. */
export function recordFailure(pkg: Package, error: TrackError, now: number, provider?: string): Package {
  return {
    ...pkg,
    failures: pkg.failures + 1,
    lastError: { kind: error.kind, message: error.message, at: now, ...(provider ? { provider } : {}) },
    lastCheckAt: now,
    updatedAt: now,
  };
}

/** The provider a carrier's or aggregator's observation came from (`carrier:ups` → `ups`); none for other sources. */
function askedProvider(source: string): string | undefined {
  const m = /^(?:carrier|aggregator):(.+)$/.exec(source);
  return m ? m[1] : undefined;
}

/** A new package with defaults for everything `base` leaves out (due for its first check now). */
export function blankPackage(base: Partial<Package>, now: number): Package {
  const trackingNumber = base.trackingNumber ? normNumber(base.trackingNumber) : null;
  const carrier = base.carrier ?? null;
  const numbers: PackageNumber[] =
    base.numbers ?? (trackingNumber ? [{ number: trackingNumber, carrier, relation: 'primary', source: 'unknown', addedAt: now }] : []);
  return {
    // packageIdFor throws a clear error when there is neither a tracking number nor a shop order.
    id: base.id ?? packageIdFor({ ...base, trackingNumber }),
    trackingNumber,
    shipmentId: base.shipmentId ?? null,
    carrier,
    numbers,
    numberKeys: numberKeysOf(numbers),
    orderKey: base.orderKey ?? null,
    shop: base.shop ?? null,
    orderId: base.orderId ?? null,
    label: base.label ?? null,
    status: base.status ?? 'pending',
    statusText: base.statusText ?? null,
    statusSince: base.statusSince ?? null,
    eta: base.eta ?? null,
    etaWindowLocal: base.etaWindowLocal ?? null,
    etaHistory: base.etaHistory ?? [],
    deliveredAt: base.deliveredAt ?? null,
    pickup: base.pickup ?? null,
    provenance: base.provenance ?? { status: null, eta: null, deliveredAt: null, pickup: null },
    claims: base.claims ?? {},
    statusLog: base.statusLog ?? [],
    lastEvent: base.lastEvent ?? null,
    timeline: base.timeline ?? timelineDigest([], base.status ?? 'pending', null),
    lastChangeAt: base.lastChangeAt ?? now,
    // An explicit null (never check) stands; absent means due for its first check now.
    nextCheckAt: base.nextCheckAt === undefined ? now : base.nextCheckAt,
    lastCheckAt: base.lastCheckAt ?? null,
    lastError: base.lastError ?? null,
    failures: base.failures ?? 0,
    trackUrl: base.trackUrl ?? null,
    archived: base.archived ?? false,
    muted: base.muted ?? false,
    firstSeenAt: base.firstSeenAt ?? now,
    evaluatedAt: base.evaluatedAt ?? null,
    updatedAt: now,
  };
}
