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

export interface TrackingEvent {
  /** Stable key: the same event read twice gets the same key (see {@link eventKey}). */
  key: string;
  packageId: string;
  /** ISO 8601. With an offset (or `Z`) when the source gives one; without one when `timeIsLocal`. */
  time: string;
  /** True when the source gave only a local wall-clock time (UPS, Amazon pages): never read as UTC. */
  timeIsLocal: boolean;
  /** Normalised status of this event, or null when the event says nothing about status. */
  status: Status | null;
  /** The carrier's own code, kept verbatim (`OFD`, `IT`, `I`, `03`, `transit`…). */
  code: string | null;
  description: string;
  location: string | null;
  /** Where we learned it: `carrier:ups`, `page:amazon`, `aggregator:17track`, `demo`, `user`. */
  source: string;
}

/** A snapshot of an ETA the package had, so a slipped ETA stays visible. */
export interface EtaRecord {
  eta: Eta;
  seenAt: number;
  source: string;
}

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
  /** Link to the order (`Order.key`), when known. */
  orderKey: string | null;
  shop: ShopId | null;
  orderId: string | null;
  /** A short human label: the first item's title or the shop's wording. */
  label: string | null;
  status: Status;
  /** The source's own wording for the current status ("Arriving tomorrow", "Departed FedEx hub"). */
  statusText: string | null;
  eta: Eta | null;
  etaHistory: EtaRecord[];
  /** ISO time of delivery, when delivered. */
  deliveredAt: string | null;
  lastEvent: TrackingEvent | null;
  /** Epoch ms of the last change of status or new event (for stalled detection). */
  lastChangeAt: number;
  /** Epoch ms when the engine should refresh next; null = never (terminal, archived, no source). */
  nextCheckAt: number | null;
  /** Epoch ms of the last refresh attempt and its outcome. */
  lastCheckAt: number | null;
  lastError: { kind: string; message: string; at: number } | null;
  /** Consecutive refresh failures, for backoff. */
  failures: number;
  /** The shop's tracking page for this shipment (Amazon track-package link). */
  trackUrl: string | null;
  archived: boolean;
  muted: boolean;
  firstSeenAt: number;
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
