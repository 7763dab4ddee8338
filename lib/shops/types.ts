import type { Status } from '../model/status';
import type { Eta, OrderItem, OrderKind, OrderStatus } from '../model/types';

/** Kind of page a shop reader recognised. */
/** `email`: an e-mail read as its shop's page would be (issue #18); `order-summary`: the printable summary / invoice. */
export type PageKind = 'order-history' | 'order-details' | 'track-package' | 'order-summary' | 'email' | 'unknown';

/** One shipment as read from a page (the inspect `page` contract; absent values are `null`). */
export interface ShipmentReading {
  shipmentId: string | null;
  statusText: string | null;
  status: Status | null;
  eta: Eta | null;
  /** ISO date or date-time of delivery, when the page says it was delivered. */
  deliveredAt: string | null;
  trackingNumber: string | null;
  carrier: string | null;
  trackUrl: string | null;
  items: OrderItem[];
  /** Timeline, on track-package pages. */
  events?: ShipmentEventReading[];
}

export interface ShipmentEventReading {
  /** ISO 8601: with an offset when the page gives one, a wall-clock time (or a bare date) when `timeIsLocal`. */
  time: string;
  timeIsLocal: boolean;
  /**
   * The IANA zone a local `time` belongs to, when the page says it (Amazon's tracker: its page-state
   * `timezone` key); null when the page shows local times without naming their zone; absent from readers
   * that never know. Issue #19 point 4: without it a local time can only be placed at UTC.
   */
  timeZone?: string | null;
  status: Status | null;
  description: string;
  location: string | null;
}

export interface OrderReading {
  orderId: string;
  placedAt: string | null;
  total: string | null;
  status: OrderStatus;
  kind: OrderKind;
  orderUrl: string | null;
  items: OrderItem[];
  shipments: ShipmentReading[];
}

/** Something the reader noticed that a developer should know (no personal data). */
export interface Diagnostic {
  code: string;
  message: string;
  pageKind: PageKind;
  /** Short fingerprint of the layout (which known anchors were present). */
  layout?: string;
  expected?: number;
  found?: number;
}

export interface PageReading {
  kind: PageKind;
  shop: string;
  url: string;
  /** Capture time (epoch ms), the `now` the reader resolved relative dates against. */
  readAt: number;
  orders: OrderReading[];
  diagnostics: Diagnostic[];
}

export interface ExtractOptions {
  timeZone?: string;
}

/** A shop detector: pure, given the world as parameters (github-url-detection style, examples beside it). */
export interface ShopReader {
  id: string;
  shop: string;
  /** True when this reader knows pages at `url` (cheap: URL only, no DOM). */
  matches(url: URL): boolean;
  /**
   * For shops whose pages no URL gives away (Shopify stores on their own domains, issue #15): true when the
   * document itself is one of this reader's pages. Asked only when no reader `matches` the URL; cheap.
   */
  recognises?(doc: Document, url: URL): boolean;
  /**
   * `options.timeZone` is the shopper's own zone (the browser's): relative dates ("Arriving
   * tomorrow") are days of the delivery address's calendar, and the shopper is the best guess for
   * where that is. Without it a reader counts them in the shop's main zone.
   */
  extract(doc: Document, url: URL, now: Date, options?: ExtractOptions): PageReading;
  /**
   * URLs this reader must match, and URLs it must not; for a reader that `recognises` documents, small
   * documents (HTML) it must recognise and documents it must not.
   */
  examples: { matches: string[]; rejects: string[]; documents?: { matches: string[]; rejects: string[] } };
}
