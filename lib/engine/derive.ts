/**
 * A package's fields from all its evidence, by one rule (issue #19 §2, §8). Pure and order-free: the
 * input is a set (every source's latest claim, every timeline event), so however observations were
 * split into batches and in whatever order they came, the status, ETA, delivery time and pickup are
 * the same.
 *
 * Status. Every status-bearing event (at its own instant) and every status a source stated in a
 * summary (a shop page's "Shipped", a carrier's summary status; the package's status log, at the
 * instant the source observed it) are put in time order and folded:
 * - an event moves the status by {@link advanceStatus} (a newer carrier scan may move a parcel
 *   sideways or back: out for delivery → attempt failed);
 * - a stated status moves it forward ({@link isForward}) over what an event set: summaries are coarse
 *   and often lag, so "Shipped" read at noon cannot undo an attempt made at ten; over what another
 *   statement set it moves as an event would (a page's "Delivery attempted" after its own "Out for
 *   delivery"), so a later page that says less ("Label created" after "Shipped") is an echo and
 *   changes nothing. A shop's "Cancelled" is forward from anything not yet delivered.
 * The fold compares each piece of evidence with the moment the current status was set by evidence,
 * never with when Porchlight happened to look (the defect of §2: an old scan fetched at 10:05 hid an
 * attempt made at 10:00), and a status re-stated later keeps the moment it was first stated.
 *
 * ETA, delivery time, pickup: the value stated by the most authoritative source (lib/model/sources.ts)
 * in its latest claim; among equally authoritative sources the newest observation. A weaker source
 * never overrides a stronger one (an old shop page cannot move a carrier's new date back).
 */
import { advanceStatus, isForward } from './advance-status';
import { eventInstant } from './event-merge';
import { pickupCode, pickupPlace } from './pickup-text';
import { type Status, statusRank } from '../model/status';
import { sourceRank } from '../model/sources';
import { toZonedIso } from '../model/time';
import {
  EPISODE_CAP,
  type Eta,
  type EventDigest,
  type FieldSource,
  type Pickup,
  type SourceClaim,
  type StatusObservation,
  type TimelineDigest,
  type TrackingEvent,
} from '../model/types';
import { NOT_RECEIVED_CODE } from './user-report';

export interface Derived {
  status: Status;
  statusText: string | null;
  statusSince: number | null;
  eta: Eta | null;
  etaWindowLocal: { from: string; to: string } | null;
  deliveredAt: string | null;
  pickup: Pickup | null;
  provenance: { status: FieldSource | null; eta: FieldSource | null; deliveredAt: FieldSource | null; pickup: FieldSource | null };
  lastEvent: TrackingEvent | null;
  timeline: TimelineDigest;
}

export interface DeriveInput {
  claims: Readonly<Record<string, SourceClaim>>;
  statusLog: readonly StatusObservation[];
  events: readonly TrackingEvent[];
  carrier: string | null;
  /** The shopper's zone: the last resort for local times with no zone of their own. */
  fallbackZone: string | null;
}

interface Evidence {
  at: number;
  status: Status;
  kind: 0 | 1; // 0 event, 1 statement: at the same instant an event comes first (a statement summarises it)
  tie: string;
  event: TrackingEvent | null;
  said: StatusObservation | null;
}

const cmpStr = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** Events oldest → newest by instant (ties: status rank, then key), each with its instant. */
export function placeEvents(events: readonly TrackingEvent[], fallbackZone: string | null): Array<{ event: TrackingEvent; at: number }> {
  return events
    .map((event) => ({ event, at: eventInstant(event, fallbackZone) }))
    .map((p) => ({ ...p, at: Number.isFinite(p.at) ? p.at : Number.NEGATIVE_INFINITY }))
    .sort((a, b) => {
      if (a.at !== b.at) return a.at < b.at ? -1 : 1;
      const ra = a.event.status ? statusRank(a.event.status) : -1;
      const rb = b.event.status ? statusRank(b.event.status) : -1;
      return ra - rb || cmpStr(a.event.key, b.event.key);
    });
}

/** Sorts events oldest → newest (see {@link placeEvents}). */
export function sortEvents(events: readonly TrackingEvent[], fallbackZone: string | null): TrackingEvent[] {
  return placeEvents(events, fallbackZone).map((p) => p.event);
}

function digest(e: TrackingEvent, at: number): EventDigest {
  return {
    key: e.key,
    ...(e.parts && e.parts.length > 1 ? { partKeys: [...new Set(e.parts.map((p) => p.key))].sort() } : {}),
    at: Number.isFinite(at) ? at : null,
    status: e.status,
    code: e.code,
    description: e.description,
    location: e.location,
    source: e.source,
  };
}

const CUSTOMS_RE = /\bcustoms?\b|clearance|douane|\bzoll|aduana|dogana|import(?:ed)?\b|export(?:ed)?\b/i;
const CUSTOMS_DONE_RE = /released|cleared|freigegeben|dédouané|completed/i;
const IN_CUSTOMS_RE = /\bcustoms?\b|clearance|douane|\bzoll|aduana|dogana/i;
const COUNTRY_RE = /,\s*([A-Z]{2})\s*$/;

/**
 * Whether the parcel crosses a border: any event mentions customs/import/export, or event locations
 * end in two different ISO country codes ("SHANGHAI, CN" … "NEW YORK, NY, US"). Heuristic: carriers
 * do not give origin and destination countries in one shape, so without such a hint it is domestic.
 */
function crossesBorder(sorted: readonly TrackingEvent[]): boolean {
  const countries = new Set<string>();
  for (const e of sorted) {
    if (CUSTOMS_RE.test(e.description)) return true;
    const m = e.location ? COUNTRY_RE.exec(e.location) : null;
    if (m) countries.add(m[1]!);
  }
  return countries.size > 1;
}

function claimOrder(a: SourceClaim, b: SourceClaim, carrier: string | null): number {
  return (
    sourceRank(b.source, carrier) - sourceRank(a.source, carrier) || b.observedAt - a.observedAt || cmpStr(a.source, b.source)
  );
}

/** The most authoritative claim that states `pick`, newest among equals. */
function best<T>(
  claims: readonly SourceClaim[],
  carrier: string | null,
  pick: (c: SourceClaim) => T | null | undefined,
): { value: T; claim: SourceClaim } | null {
  const sorted = claims.filter((c) => pick(c) != null).sort((a, b) => claimOrder(a, b, carrier));
  const c = sorted[0];
  return c ? { value: pick(c)!, claim: c } : null;
}

/** 2 an instant with offset, 1 a local date-time, 0 a date. */
function timePrecision(iso: string): number {
  if (iso.length <= 10) return 0;
  return /(Z|[+-]\d\d:?\d\d)$/i.test(iso) ? 2 : 1;
}

/**
 * What the situation rules need of the timeline, for a package whose status is `status`: the newest
 * event, the current status episode (the trailing events whose status is `status` or none), the
 * event that began it, border and customs hints, and the shopper's "not received" report.
 */
export function timelineDigest(events: readonly TrackingEvent[], status: Status, fallbackZone: string | null): TimelineDigest {
  return digestPlaced(placeEvents(events, fallbackZone), status);
}

function digestPlaced(placed: ReadonlyArray<{ event: TrackingEvent; at: number }>, status: Status): TimelineDigest {
  const carrierPlaced = placed.filter((p) => p.event.source !== 'user');
  const sorted = carrierPlaced.map((p) => p.event);
  const lastPlaced = carrierPlaced[carrierPlaced.length - 1] ?? null;
  let i = carrierPlaced.length - 1;
  while (i >= 0 && (carrierPlaced[i]!.event.status === null || carrierPlaced[i]!.event.status === status)) i--;
  const episodePlaced = carrierPlaced.slice(i + 1);
  const statusEventPlaced = episodePlaced.find((p) => p.event.status === status) ?? null;
  const newest = sorted[sorted.length - 1];
  const notReceived = placed
    .filter((p) => p.event.source === 'user' && p.event.code === NOT_RECEIVED_CODE && Number.isFinite(p.at))
    .map((p) => p.at);
  return {
    last: lastPlaced ? digest(lastPlaced.event, lastPlaced.at) : null,
    episode: episodePlaced.slice(-EPISODE_CAP).map((p) => digest(p.event, p.at)),
    statusEvent: statusEventPlaced ? digest(statusEventPlaced.event, statusEventPlaced.at) : null,
    international: crossesBorder(sorted),
    inCustoms: Boolean(newest && IN_CUSTOMS_RE.test(newest.description) && !CUSTOMS_DONE_RE.test(newest.description)),
    notReceivedAt: status === 'delivered' && notReceived.length ? Math.min(...notReceived) : null,
  };
}

export function derive(input: DeriveInput): Derived {
  const { carrier, fallbackZone } = input;
  const claims = Object.values(input.claims);
  const placed = placeEvents(input.events, fallbackZone);
  const carrierPlaced = placed.filter((p) => p.event.source !== 'user');

  // Status: the fold.
  const evidence: Evidence[] = [];
  for (const p of carrierPlaced) {
    if (p.event.status === null || !Number.isFinite(p.at)) continue;
    evidence.push({ at: p.at, status: p.event.status, kind: 0, tie: p.event.key, event: p.event, said: null });
  }
  for (const o of input.statusLog) evidence.push({ at: o.at, status: o.status, kind: 1, tie: o.source, event: null, said: o });
  evidence.sort((a, b) => a.at - b.at || a.kind - b.kind || statusRank(a.status) - statusRank(b.status) || cmpStr(a.tie, b.tie));
  let status: Status | null = null;
  let setter: Evidence | null = null;
  for (const e of evidence) {
    let next: Status;
    if (status === null) next = e.status;
    else if (e.kind === 0 || !setter?.event) next = advanceStatus(status, e.status);
    else next = isForward(status, e.status) ? e.status : status;
    if (next !== status) {
      status = next;
      setter = e;
    }
  }
  const finalStatus: Status = status ?? 'pending';

  let statusText: string | null = null;
  let statusSource: FieldSource | null = null;
  if (setter?.event) {
    const own = claims.find((c) => c.source === setter!.event!.source && c.status === finalStatus && c.statusText);
    statusText = own?.statusText ?? setter.event.description ?? null;
    statusSource = { source: setter.event.source, observedAt: setter.at };
  } else if (setter?.said) {
    // The source's freshest wording for this status, else the words it first said it in.
    const own = input.claims[setter.said.source];
    statusText = own && own.status === finalStatus && own.statusText ? own.statusText : setter.said.text;
    statusSource = { source: setter.said.source, observedAt: setter.said.at };
  } else {
    // No status evidence at all: the wording of the best claim (a number "Added from selection").
    statusText = best(claims, carrier, (c) => c.statusText)?.value ?? null;
  }

  // The timeline digest.
  // The events are placed once, for the fold and the digest alike.
  const timeline = digestPlaced(placed, finalStatus);
  const episodePlaced = carrierPlaced.filter((p) => timeline.episode.some((d) => d.key === p.event.key));
  const statusEventPlaced = timeline.statusEvent ? (carrierPlaced.find((p) => p.event.key === timeline.statusEvent!.key) ?? null) : null;
  const newest = carrierPlaced[carrierPlaced.length - 1]?.event;

  // ETA and its hours come from the same claim.
  const etaBest = best(claims, carrier, (c) => c.eta);
  const eta = etaBest ? { from: etaBest.value.from, to: etaBest.value.to } : null;
  const etaWindowLocal = etaBest?.claim.etaWindowLocal ?? null;

  // Delivery time: the most authoritative statement; among equals, the most precise.
  let deliveredAt: string | null = null;
  let deliveredSource: FieldSource | null = null;
  if (finalStatus === 'delivered') {
    const candidates: Array<{ iso: string; rank: number; src: FieldSource }> = [];
    for (const c of claims) {
      if (c.deliveredAt) candidates.push({ iso: c.deliveredAt, rank: sourceRank(c.source, carrier), src: { source: c.source, observedAt: c.observedAt } });
    }
    if (statusEventPlaced) {
      const e = statusEventPlaced.event;
      const zone = e.timeIsLocal ? (e.timeZone ?? null) : null;
      const iso = e.timeIsLocal && zone && e.time.length > 10 && Number.isFinite(statusEventPlaced.at) ? toZonedIso(statusEventPlaced.at, zone) : e.time;
      candidates.push({ iso, rank: sourceRank(e.source, carrier), src: { source: e.source, observedAt: statusEventPlaced.at } });
    }
    candidates.sort((a, b) => b.rank - a.rank || timePrecision(b.iso) - timePrecision(a.iso) || cmpStr(a.iso, b.iso));
    if (candidates[0]) {
      deliveredAt = candidates[0].iso;
      deliveredSource = candidates[0].src;
    }
  }

  // Pickup: the carrier's pickup point, completed with what the episode's wording says.
  let pickup: Pickup | null = null;
  let pickupSource: FieldSource | null = null;
  if (finalStatus === 'available_for_pickup') {
    const fromClaim = best(claims, carrier, (c) => c.pickup);
    // The code may be in any source's wording for this state (Amazon's page: "Your access code is …").
    const claimTexts = claims.filter((c) => c.status === 'available_for_pickup' && c.statusText).map((c) => c.statusText!);
    const texts = [...[...episodePlaced].reverse().map((p) => p.event.description), ...(statusText ? [statusText] : []), ...claimTexts];
    const place = pickupPlace(episodePlaced.filter((p) => p.event.status === 'available_for_pickup').map((p) => p.event));
    pickup = {
      location: fromClaim?.value.location ?? place,
      code: fromClaim?.value.code ?? pickupCode(texts),
      until: fromClaim?.value.until ?? null,
    };
    pickupSource = fromClaim
      ? { source: fromClaim.claim.source, observedAt: fromClaim.claim.observedAt }
      : statusEventPlaced
        ? { source: statusEventPlaced.event.source, observedAt: statusEventPlaced.at }
        : statusSource;
  }

  return {
    status: finalStatus,
    statusText,
    statusSince: setter ? setter.at : null,
    eta,
    etaWindowLocal,
    deliveredAt,
    pickup,
    provenance: {
      status: statusSource,
      eta: etaBest ? { source: etaBest.claim.source, observedAt: etaBest.claim.observedAt } : null,
      deliveredAt: deliveredSource,
      pickup: pickupSource,
    },
    lastEvent: newest ?? null,
    timeline,
  };
}
