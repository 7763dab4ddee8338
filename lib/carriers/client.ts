import type { MessageKey } from '../i18n/translate';
import type { Status } from '../model/status';
import type { Eta } from '../model/types';

/** Kinds of failure a carrier client reports (the inspect `carrier` contract). */
export type TrackErrorKind =
  | 'auth'
  | 'not_found'
  | 'invalid_number'
  | 'rate_limited'
  | 'server'
  | 'malformed'
  | 'timeout'
  | 'network'
  | 'quota';

export interface TrackError {
  kind: TrackErrorKind;
  message: string;
  /** For `rate_limited`: how long the provider asked us to wait (from `Retry-After`). */
  retryAfterMs?: number;
  /** HTTP status, when there was one. */
  httpStatus?: number;
  /** A request Porchlight's own budget refused (lib/carriers/budgets.ts): the limit, so the popup can say it in the shopper's words. */
  budget?: BudgetRefusal;
}

/** Which limit refused a request, as used/max (issue #13 §2: shown as `budgetUsedUp`). */
export interface BudgetRefusal {
  limit: MessageKey;
  used: number;
  max: number;
}

export interface ParsedEvent {
  time: string;
  timeIsLocal: boolean;
  status: Status | null;
  code: string | null;
  description: string;
  location: string | null;
  /**
   * Every code the carrier attached to the event, verbatim, when it has more than one level
   * (UPS `{type: "X", code: "SR", statusCode: "084"}`, FedEx `{eventType: "OD", derivedStatusCode: "IT"}`).
   * `code` holds the main one.
   */
  carrierCodes?: Record<string, string>;
}

/** One tracking number's result from a provider. */
export interface TrackResult {
  trackingNumber: string;
  status: Status | null;
  eta: Eta | null;
  /** Newest first or any order: the engine sorts. */
  events: ParsedEvent[];
  deliveredAt?: string | null;
  /** The carrier's name for its current status. */
  statusText?: string | null;
  /** A per-number failure inside a successful batch (e.g. UPS "not found" as a warning in a 200). */
  error?: TrackError | null;
  /**
   * A delivery window in the destination's wall-clock time, when the carrier gives times without a
   * zone (UPS `deliveryTime` EDW/CDW/IDW/CMT: `2024-03-27T12:00:00`..`2024-03-27T16:00:00`). `eta` then
   * holds the day; this holds the hours. Never read as UTC.
   */
  etaWindowLocal?: { from: string; to: string } | null;
  /** Proof of delivery, where the carrier gives it. */
  proof?: DeliveryProof | null;
  /** The pickup point (locker, access point, post office) holding the parcel, where the carrier says. */
  pickupPoint?: PickupPoint | null;
  /**
   * Other numbers the response gives for this parcel. `trackingNumber` is always the number the
   * carrier answered for (UPS `shipment.inquiryNumber`, FedEx `completeTrackResults[].trackingNumber`,
   * the number DHL was asked): a package field holding a placeholder or another piece's number never
   * renames the parcel; such numbers land here instead (issue #10 §5).
   */
  relatedNumbers?: RelatedNumber[];
}

/** A number related to a tracked parcel, as the carrier's response states it. */
export interface RelatedNumber {
  /** Normalised (upper case, no spaces). */
  number: string;
  /** Carrier id of the number (`usps` for a SurePost handoff), or null when the response does not say. */
  carrier: string | null;
  /**
   * `handoff`: the same parcel continues under another carrier's number (UPS SurePost / Mail
   * Innovations → USPS, FedEx Ground Economy / SmartPost → USPS, DHL eCommerce → a local carrier).
   * `piece`: another package of the same multi-piece shipment. `alternate`: another number for the
   * same package with the same carrier. `return`: a return label for it.
   */
  relation: 'handoff' | 'piece' | 'alternate' | 'return';
}

export interface DeliveryProof {
  /** Who signed or received it ("FRONT DOOR" is a `location`, not a person). */
  receivedBy: string | null;
  /** Where it was left ("Front Door", "Parcel Locker"). */
  location: string | null;
  /** The carrier has a signature, photo or POD document for it. */
  hasSignature?: boolean;
  hasPhoto?: boolean;
  /** Link to the carrier's own proof-of-delivery document (DHL `documentUrl`); data, never fetched by us. */
  documentUrl?: string | null;
}

export interface PickupPoint {
  name: string | null;
  address: string | null;
  /** Last day to collect (ISO date), when given (UPS `accessPointInformation.pickupByDate`). */
  pickupBy: string | null;
}

export type TrackOutcome = { ok: true; results: TrackResult[] } | { ok: false; error: TrackError };

/** What a client gets from the world: no browser API, everything injected. */
export interface ClientContext {
  fetch: typeof fetch;
  now: () => number;
  /** Base URL override (tests, demo); defaults to the provider's production host. */
  baseUrl?: string;
  signal?: AbortSignal;
  /** Cached tokens, shared across calls (OAuth providers). */
  tokens?: TokenCache;
}

export interface TokenCache {
  get(provider: string): { token: string; expiresAt: number } | undefined;
  set(provider: string, value: { token: string; expiresAt: number }): void;
  delete(provider: string): void;
}

export type Credentials = Record<string, string>;

/** One interface for every provider that answers "where is this parcel?". */
export interface CarrierClient {
  /** Provider id (`demo`, `ups`, `usps`, `fedex`, `dhl`, `17track`, `ship24`). */
  id: string;
  /** Carriers whose numbers it can track (`*` for aggregators). */
  carriers: readonly string[];
  /** Most numbers per request. */
  batchSize: number;
  /** Hosts credentials may be sent to (never anywhere else). */
  hosts: readonly string[];
  /** Whether it needs user credentials. */
  needsCredentials: boolean;
  /**
   * A simulated carrier whose parcels live minutes: refresh every active package at this interval
   * (demo only). Real carriers leave it unset and follow the engine's schedule.
   */
  refreshIntervalMs?: number;
  track(numbers: string[], credentials: Credentials, ctx: ClientContext): Promise<TrackOutcome>;
}
