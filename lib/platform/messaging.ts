import { defineExtensionMessaging } from '@webext-core/messaging';
import type { CarrierPageReading } from '../carrier-pages/read-carrier-page';
import type { Alert, Package, TrackingEvent } from '../model/types';
import type { FoundParcel } from '../services/track-numbers';
import type { GenericPageReading } from '../shops/generic/read-generic-page';
import type { PageReading } from '../shops/types';
import type { OpenLinkRequest, PackageViewReply, PopupViewRequest, PopupViewReply } from '../services/popup-view';
import type { SourceStatus } from '../view/popup-model';

/**
 * The one typed message map between contexts (content scripts, popup, options, offscreen, background).
 * Every message a context sends is listed here with its payload and reply type.
 */
export interface ProtocolMap {
  /** A content script read a shop page. Reply: what was stored. */
  pageReading(reading: PageReading): IngestSummary;
  /** A content script read a carrier's own tracking page (issue #14). Reply: what was stored. */
  carrierPageReading(reading: CarrierPageReading): IngestSummary;
  /** Refresh now (popup button, tests). Without ids: everything due or active. */
  refreshNow(req: { packageIds?: string[]; force?: boolean }): RefreshSummary;
  /** Archive / mute / unarchive / rename (label; null: back to the item's name) a package from the popup. */
  updatePackage(req: { id: string; archived?: boolean; muted?: boolean; label?: string | null }): { ok: boolean };
  /** Popup box: numbers the shopper typed or pasted, each with the carrier they chose. Reply: the packages' ids. */
  trackInput(req: { numbers: { number: string; carrier: string | null }[] }): { added: number; known: number; ids: string[] };
  /** Delete packages with their events and situations. Reply: the removed rows, for undo. */
  deletePackages(req: { ids: string[] }): RemovedPackages;
  /** Undo a delete. */
  restorePackages(req: RemovedPackages): { restored: number };
  /**
   * The popup's list, built in the background where the database is (issue #13 §3): the popup loads
   * neither Dexie nor the carrier registry. It asks again when a write is announced on
   * DATA_CHANGED_CHANNEL (lib/db/data-changed.ts) or the settings change.
   */
  popupView(req: PopupViewRequest): PopupViewReply;
  /** One package's view (row and details, events included), when the popup opens it. Null: no longer stored. */
  packageView(req: { id: string }): PackageViewReply | null;
  /** Opens a link from the popup in a new tab, checked by the URL policy first (issue #10 §3). Reply: whether it opened. */
  openLink(req: OpenLinkRequest): { opened: boolean };
  /** The shopper dismisses a card's attention line (the situation stays recorded; the line hides). */
  dismissSituation(req: { key: string }): { ok: boolean };
  /** The shopper says a "delivered" parcel never arrived. */
  markNotReceived(req: { id: string }): { ok: boolean };
  /** Offscreen document (Chrome): parse a fetched shop page without a window. */
  parseHtml(req: { html: string; url: string; now: number }): PageReading | { error: string };
  /** Offscreen document (Chrome): read any page (schema.org, carrier links, numbers in text). */
  parseGeneric(req: { html: string; url: string; now: number }): GenericPageReading | { error: string };
  /** Numbers found outside a shop reader (webmail content script). */
  trackFound(req: { found: FoundParcel[]; source: string }): { added: number; known: number };
  /** Popup: "Scan this page" on the active tab (activeTab grants access for this one click). */
  scanTab(req: { tabId: number }): { added: number; known: number; found: number };
}

export interface IngestSummary {
  orders: number;
  packages: number;
  newPackages: number;
  changed: number;
}

import type { TrackFailure } from '../view/track-error-text';

export interface RefreshSummary {
  checked: number;
  changed: number;
  /** Per failure: the English `message` for the logs, and `text`, the shopper's words (lib/view/track-error-text.ts). */
  errors: (TrackFailure & { provider: string; text?: string })[];
}

export type { SourceStatus };

export interface RemovedPackages {
  packages: Package[];
  events: TrackingEvent[];
  alerts: Alert[];
}

export const messaging = defineExtensionMessaging<ProtocolMap>();
export const { sendMessage, onMessage } = messaging;
