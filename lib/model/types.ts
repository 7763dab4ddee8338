import type { Status } from './status';

/** Lower snake case carrier id (`ups`, `usps`, `fedex`, `dhl`, `amazon`, `royal_mail`, …, `demo`). */
export type CarrierId = string;
/** Shop id (`amazon`, `demo`, …). */
export type ShopId = string;

/**
 * An expected delivery window. `from`/`to` are ISO dates (`2024-03-27`, day precision, in the
 * shop's or carrier's own local calendar) or ISO date-times with an offset (`2024-03-27T20:00:00-04:00`).
 * A single day has `from === to`.
 */
export interface Eta {
  from: string;
  to: string;
}

/** What an order is, as far as shipping goes. Only `physical` orders get packages. */
export type OrderKind = 'physical' | 'digital' | 'gift_card' | 'in_store' | 'unknown';

/** Order-level status. A cancelled order has no package left waiting. */
export type OrderStatus = 'open' | 'delivered' | 'cancelled' | 'returned' | 'completed' | 'unknown';

export interface OrderItem {
  title: string;
  quantity: number | null;
  seller: string | null;
  url: string | null;
  /** The price as the shop prints it, currency included (`$16.99`, `24,99 €`), when the page shows it (issue #18: printable summaries; the claim kit needs it). */
  price?: string | null;
}

export interface Order {
  /** `${shop}:${orderId}` */
  key: string;
  shop: ShopId;
  orderId: string;
  /** ISO date as the shop shows it (`2024-11-01`), or null when the page does not say. */
  placedAt: string | null;
  items: OrderItem[];
  /** Total as displayed, currency included (`$24.37`, `24,99 €`). */
  total: string | null;
  status: OrderStatus;
  kind: OrderKind;
  /** Where the order was last read. */
  pageUrl: string;
  /** Link to the shop's own order page. */
  orderUrl: string | null;
  firstSeenAt: number;
  updatedAt: number;
}

/** One part of a timeline event: what one source said about that moment (see {@link TrackingEvent.parts}). */
export interface EventPart {
  key: string;
  source: string;
  status: Status | null;
  time: string;
  timeIsLocal: boolean;
  timeZone: string | null;
  code: string | null;
  description: string;
  location: string | null;
}

export interface TrackingEvent {
  /** Stable key: the same event read twice gets the same key (see {@link eventKey}). */
  key: string;
  packageId: string;
  /** ISO 8601. With an offset (or `Z`) when the source gives one; without one when `timeIsLocal`. */
  time: string;
  /** True when the source gave only a local wall-clock time (UPS, Amazon pages): never read as UTC. */
  timeIsLocal: boolean;
  /**
   * For a local-only time: the IANA zone of the place where it happened (the page's own zone key, the
   * event's location, the carrier's country), or null when none could be told (then the shopper's zone
   * is the last resort when it is read). Issue #19 §4. Null for times with an offset.
   */
  timeZone?: string | null;
  /** Normalised status of this event, or null when the event says nothing about status. */
  status: Status | null;
  /** The carrier's own code, kept verbatim (`OFD`, `IT`, `I`, `03`, `transit`…). */
  code: string | null;
  description: string;
  location: string | null;
  /** The main source (`carrier:ups`, `page:amazon`, `aggregator:17track`, `user`). */
  source: string;
  /**
   * Every source that reported this moment, sorted (issue #19 §3: the same scan seen on Amazon's track
   * page and from the carrier API is one event that remembers both). Absent on older rows = `[source]`.
   */
  sources?: string[];
  /** When several sources reported it: each one's own reading, so the merged row can be rebuilt from them. */
  parts?: EventPart[];
}

/** A snapshot of an ETA the package had, so a slipped ETA stays visible. */
export interface EtaRecord {
  eta: Eta;
  seenAt: number;
  source: string;
}

/** Where a parcel waits to be collected, from the carrier or the shop. */
export interface Pickup {
  location: string | null;
  code: string | null;
  /** Last day to collect (ISO date), when known. */
  until: string | null;
}

/**
 * What one source said about a package when it last looked (issue #19 §8): its own summary status,
 * ETA, delivery time and pickup point, and when it observed them. Only the latest claim per source is
 * kept; the package's fields are derived from all claims and events by one rule (lib/engine/derive.ts).
 */
export interface SourceClaim {
  source: string;
  /** When the source observed it: a page's read time, a carrier's answer time. */
  observedAt: number;
  status: Status | null;
  statusText: string | null;
  eta: Eta | null;
  /** Delivery window hours in the destination's wall clock (UPS `deliveryTime`), never read as UTC. */
  etaWindowLocal?: { from: string; to: string } | null;
  deliveredAt: string | null;
  pickup: Pickup | null;
}

/**
 * One source saying a status at one moment (a shop page read, a carrier's summary). The package keeps
 * the set of them (bounded, see {@link STATUS_LOG_CAP}) so the status fold sees every source's history,
 * not only its latest word: a track page that says less than the list page a minute earlier cannot
 * move the parcel back, and a status re-read an hour later is the same status since the first read.
 */
export interface StatusObservation {
  source: string;
  at: number;
  status: Status;
  text: string | null;
}

export const STATUS_LOG_CAP = 64;

/** Which source set a field and when it observed it (issue #19 §8). */
export interface FieldSource {
  source: string;
  observedAt: number;
}

/** A number a package is known by besides its primary one (issue #19 §15, issue #10 §5). */
export interface PackageNumber {
  number: string;
  carrier: CarrierId | null;
  /** `primary`: the package's own; `handoff`: the same parcel under the next carrier's number; others: see RelatedNumber. */
  relation: 'primary' | 'handoff' | 'piece' | 'alternate' | 'return';
  source: string;
  addedAt: number;
}

/** A compact event for the situation rules: what they need of the timeline without reading it. */
export interface EventDigest {
  key: string;
  /** Keys of every source's part of the row, when several sources reported it (the row's key is one of them). */
  partKeys?: string[];
  /** Instant (epoch ms), or null when the time cannot be read. */
  at: number | null;
  status: Status | null;
  code: string | null;
  description: string;
  location: string | null;
  source: string;
}

/**
 * What the timeline says, digested at merge time so the situation rules and the scheduler never
 * re-read events (issue #19 §16: a round's cost is bounded by what changed).
 */
export interface TimelineDigest {
  /** Newest carrier or page event (user reports left out). */
  last: EventDigest | null;
  /** The events of the current status episode, oldest first (at most {@link EPISODE_CAP}). */
  episode: EventDigest[];
  /** The event that set the current status, when an event did (not a summary or a page line). */
  statusEvent: EventDigest | null;
  /** Any event mentions customs/import/export, or locations name two countries. */
  international: boolean;
  /** The newest event is about customs and does not say released. */
  inCustoms: boolean;
  /** The shopper said "I did not receive this" (epoch ms of the first report), while delivered. */
  notReceivedAt: number | null;
}

export const EPISODE_CAP = 20;

export interface Package {
  /**
   * Stable id: `${carrier}:${trackingNumber}` when a tracking number is known, otherwise
   * `${shop}:${orderId}:${shipmentId}`. {@link packageIdFor} builds it.
   */
  id: string;
  trackingNumber: string | null;
  /** The shop's own shipment id (Amazon `shipmentId`), when read from a shop page. */
  shipmentId: string | null;
  carrier: CarrierId | null;
  /**
   * Every number the parcel is known by, primary first (a hand-off to the last-mile carrier, other
   * pieces). `numberKeys` indexes them (upper-cased) so any of them finds the package.
   */
  numbers: PackageNumber[];
  numberKeys: string[];
  /** Link to the order (`Order.key`), when known. */
  orderKey: string | null;
  shop: ShopId | null;
  orderId: string | null;
  /** A short human label: the first item's title or the shop's wording. */
  label: string | null;
  status: Status;
  /** The source's own wording for the current status ("Arriving tomorrow", "Departed FedEx hub"). */
  statusText: string | null;
  /** When the current status began: the instant of the event or observation that set it. */
  statusSince: number | null;
  eta: Eta | null;
  etaWindowLocal: { from: string; to: string } | null;
  etaHistory: EtaRecord[];
  /** ISO time of delivery, when delivered. */
  deliveredAt: string | null;
  pickup: Pickup | null;
  /** Which source set each derived field, and when it observed it. */
  provenance: { status: FieldSource | null; eta: FieldSource | null; deliveredAt: FieldSource | null; pickup: FieldSource | null };
  /** The latest claim of each source (keyed by source). */
  claims: Record<string, SourceClaim>;
  /** Every status a source stated and when (the newest {@link STATUS_LOG_CAP}). */
  statusLog: StatusObservation[];
  lastEvent: TrackingEvent | null;
  timeline: TimelineDigest;
  /** Epoch ms when Porchlight last saw the status or the timeline change (bookkeeping, not evidence). */
  lastChangeAt: number;
  /** Epoch ms when the engine should refresh next; null = never (terminal, archived, no source). */
  nextCheckAt: number | null;
  /** Epoch ms of the last refresh attempt and its outcome. */
  lastCheckAt: number | null;
  /** The last failed check; `provider` is who was asked (a carrier's, an aggregator's or a shop tracker's id), so the row names it. */
  lastError: { kind: string; message: string; at: number; provider?: string } | null;
  /** Consecutive refresh failures, for backoff. */
  failures: number;
  /** The shop's tracking page for this shipment (Amazon track-package link). */
  trackUrl: string | null;
  archived: boolean;
  muted: boolean;
  firstSeenAt: number;
  /**
   * When the shopper last set each field that syncs across their browsers (issue #12 §5), epoch ms;
   * `at`: when the parcel was last brought back (an undone delete). Absent: never (the first sighting
   * stands for it).
   */
  userChanges?: { at?: number; label?: number; archived?: number; muted?: number };
  /** When the situation rules first looked at this package (null: never), for "news" (issue #19 §9). */
  evaluatedAt: number | null;
  updatedAt: number;
}

export type AlertKind =
  | 'delayed'
  | 'eta_moved'
  | 'stalled'
  | 'suspected_lost'
  | 'exception'
  | 'attempt_failed'
  | 'returned'
  | 'cancelled'
  | 'out_for_delivery'
  | 'ready_for_pickup'
  | 'delivered';

export type AlertSeverity = 'good' | 'info' | 'warning' | 'critical';

export interface Alert {
  /** Stable key: one alert per package, kind and cause, so the same alert is never raised twice. */
  key: string;
  packageId: string;
  kind: AlertKind;
  severity: AlertSeverity;
  title: string;
  message: string;
  createdAt: number;
  /** Epoch ms when a desktop notification was shown for it, null if not (yet / muted / quiet hours). */
  notifiedAt: number | null;
  /**
   * Epoch ms when the notification policy decided about it without showing it (kind switched off,
   * muted, stale, superseded by a more important alert of the same package), so it is not offered again.
   */
  handledAt?: number | null;
  /** When the situation began (the carrier's event, the end of the ETA window). */
  since?: number;
  /** Facts the rule found (pickup point and code, previous ETA…), for next steps. Data, never HTML. */
  details?: Record<string, unknown>;
  dismissed: boolean;
  /** When the shopper dismissed its attention line. */
  dismissedAt?: number | null;
  /**
   * Alerts are situations with a start and an end (issue #19 §7): `createdAt` is when Porchlight first
   * saw it current; `endedAt` when it stopped being true or a later situation superseded it.
   */
  endedAt?: number | null;
  /**
   * 1 while it holds, 0 once ended: the index a round reads current situations by (IndexedDB does not
   * index nulls, so `endedAt` cannot serve).
   */
  open?: 0 | 1;
  /** Why it ended: `resolved` (no longer true) or `superseded:<kind>`. */
  endReason?: string | null;
  /**
   * The instant that decides whether it is news (issue #19 §9): when it happened by its own evidence,
   * or when it was first observed; null when that cannot be told (then it is never notified).
   */
  newsAt?: number | null;
  /** It was already true at the package's first reading (not news then, nor while it lasts). */
  baseline?: boolean;
  /** The shopper's own report started it: never notified back to them. */
  byUser?: boolean;
}

/** A record of every desktop notification the extension created (for the user's history and for tests). */
export interface NotificationRecord {
  id: string;
  alertKeys: string[];
  packageIds: string[];
  title: string;
  message: string;
  createdAt: number;
}
