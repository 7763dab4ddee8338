import type { PorchlightDb } from '../db/database';
import { loadHolds, type ProviderHold } from '../db/holds';
import { alerts as alertsRepo, events as eventsRepo, orders as ordersRepo, packages as packagesRepo } from '../db/repositories';
import { trackingUrl } from '../carriers/registry';
import type { UiText } from '../i18n/translate';
import type { Alert, Order, Package } from '../model/types';
import { parseTrackingInput } from '../scan/parse-input';
import { carrierLink, trackLink } from '../url-policy';
import { ordersLinks } from '../view/orders-links';
import { buildPackageDetails, type PackageDetailsView } from '../view/package-details';
import { buildPopupModel, type GroupId, type PackageView, type PopupModel, type PopupView, type SourceStatus } from '../view/popup-model';
import { type TrackOffer, trackOffers } from '../view/track-offers';

/**
 * The popup's view, built where the database is (issue #13 §3): the popup sends what the shopper
 * set (list, box text, carrier choices, pages shown) and gets the compact, already-built list, so
 * its first load carries neither Dexie nor the carrier registry. The model itself stays the pure
 * buildPopupModel; this only reads the database for it.
 */
export interface PopupViewRequest {
  view: PopupView;
  /** The box, as typed: searched, and numbers in it offered to track. */
  query: string;
  /** The carrier the shopper picked per number, when formats overlap. */
  choices: Record<string, string>;
  /** Pages of rows shown per group (1 when absent): "Show more" (issue #13 §4). */
  pages: Partial<Record<GroupId, number>>;
  /** The popup's languages (navigator.languages): "Your orders" links to the shopper's marketplace. */
  locales: readonly string[];
}

export interface PopupViewReply {
  model: PopupModel;
  offers: TrackOffer[];
  reasons: string[];
  /** "Your orders on Amazon…" for the empty popup. */
  ordersLinks: { label: string; url: string }[];
}

/** One package's own view: its row as the list shows it, and its details (events, order, steps). */
export interface PackageViewReply {
  row: PackageView;
  details: PackageDetailsView;
}

/** A link the popup wants opened: a URL it shows (checked against the package's shop and carrier), or a package's own page. */
export type OpenLinkRequest = { url: string; packageId?: string | null } | { packageId: string; target: 'tracking' | 'shop' };

export interface PopupViewDeps {
  db: PorchlightDb;
  now: () => number;
  timeZone: () => string;
  /** The popup's words and locale (issue #13 §2): the background builds the popup's text. */
  ui: () => UiText;
  historyAfterDays: () => Promise<number>;
  sources: () => Promise<SourceStatus | null>;
}

interface Snapshot {
  packages: Package[];
  orders: Order[];
  alerts: Alert[];
  holds: Record<string, ProviderHold>;
  /** Every number a package is known by → its id (the box offers to open a tracked one). */
  known: Map<string, string>;
}

export function createPopupViews(deps: PopupViewDeps) {
  const { db } = deps;
  // The last snapshot read, kept while nothing was written (invalidate()): typing in the box asks
  // for a new view on every key, and re-reading 1,000 packages each time is the slow part.
  let cached: Promise<Snapshot> | null = null;
  let caching = false;
  let generation = 0;

  async function read(): Promise<Snapshot> {
    const [packages, orders, alerts, holds] = await db.transaction('r', [db.packages, db.orders, db.alerts, db.kv], () =>
      Promise.all([packagesRepo.all(db), ordersRepo.all(db), alertsRepo.all(db), loadHolds(db)]),
    );
    const known = new Map<string, string>();
    for (const p of packages) for (const n of p.numbers) known.set(n.number, p.id);
    return { packages, orders, alerts, holds, known };
  }

  function snapshot(): Promise<Snapshot> {
    if (!caching) return read();
    if (cached) return cached;
    const at = generation;
    const p = read();
    cached = p;
    // A write while it was read makes it stale at once; a failed read is not kept.
    p.then(
      () => void (at !== generation && cached === p && (cached = null)),
      () => void (cached === p && (cached = null)),
    );
    return p;
  }

  return {
    /** Keep the snapshot between requests; only while something calls invalidate() on every write (registerListeners). */
    cache(on: boolean): void {
      caching = on;
      cached = null;
    },
    /** The database changed: the next request reads it again. */
    invalidate(): void {
      generation++;
      cached = null;
    },

    async list(req: PopupViewRequest): Promise<PopupViewReply> {
      const [snap, historyAfterDays, sources] = await Promise.all([snapshot(), deps.historyAfterDays(), deps.sources()]);
      const query = req.query.slice(0, 10_000);
      const ui = deps.ui();
      const box = trackOffers(parseTrackingInput(query), snap.known, req.choices, ui.t);
      const model = buildPopupModel({
        ...snap,
        now: deps.now(),
        timeZone: deps.timeZone(),
        ui,
        view: req.view,
        query: query.trim() ? box.query : null,
        historyAfterDays,
        sources,
        pages: req.pages,
      });
      return { model, offers: box.offers, reasons: box.reasons, ordersLinks: ordersLinks(req.locales, ui.t) };
    },

    /** The package's view, or null when it is no longer stored. */
    async pkg(id: string): Promise<PackageViewReply | null> {
      const pkg = await packagesRepo.get(db, id);
      if (!pkg) return null;
      const [events, alerts, order, holds, historyAfterDays, sources] = await Promise.all([
        eventsRepo.forPackage(db, id),
        alertsRepo.forPackage(db, id),
        pkg.orderKey ? ordersRepo.get(db, pkg.orderKey) : undefined,
        loadHolds(db),
        deps.historyAfterDays(),
        deps.sources(),
      ]);
      const now = deps.now();
      const timeZone = deps.timeZone();
      const ui = deps.ui();
      const orders = order ? [order] : [];
      // The row as the list shows it, whatever list it lives in (search-wide model for this one package).
      const row = buildPopupModel({ packages: [pkg], orders, alerts, holds, now, timeZone, ui, everywhere: true, historyAfterDays, sources }).groups[0]?.packages[0];
      if (!row) return null;
      return { row, details: buildPackageDetails({ pkg, events, alerts, order: order ?? null, now, timeZone, ui }) };
    },

    /**
     * The URL to open for a popup link, checked when it is clicked (issue #10 §3: stored data may be
     * older than the policy), or null when the policy refuses it or there is none.
     */
    async link(req: OpenLinkRequest): Promise<string | null> {
      const pkg = req.packageId ? await packagesRepo.get(db, req.packageId) : undefined;
      if ('url' in req) {
        const ok = trackLink(req.url, { shop: pkg?.shop ?? 'amazon', carrier: pkg?.carrier ?? null });
        return ok.ok ? ok.url : null;
      }
      if (!pkg) return null;
      if (req.target === 'tracking') {
        const url = pkg.carrier && pkg.trackingNumber ? trackingUrl(pkg.carrier, pkg.trackingNumber) : null;
        const ok = url ? carrierLink(url, pkg.carrier) : null;
        return ok?.ok ? ok.url : null;
      }
      const order = pkg.orderKey ? await ordersRepo.get(db, pkg.orderKey) : undefined;
      const url = pkg.trackUrl ?? order?.orderUrl ?? (pkg.shop === 'amazon' && pkg.orderId ? `https://www.amazon.com/gp/your-account/order-details?orderID=${encodeURIComponent(pkg.orderId)}` : null);
      if (!url) return null;
      const ok = trackLink(url, { shop: pkg.shop ?? 'amazon', carrier: pkg.carrier });
      return ok.ok ? ok.url : null;
    },
  };
}
