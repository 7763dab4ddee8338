/**
 * Amazon order-page URLs: which page kind a URL is, what a track-package link carries, and how to build
 * one. Link facts are from real saved pages (../shared/docs/amazon-pages.md §1.2, §1.3, §3): attributes
 * may be absolute or relative, `&amp;`-escaped or raw, so links are parsed with URL/URLSearchParams, never a
 * strict regex.
 */
import type { PageKind } from '../types';
import { marketplaceFor } from './marketplace';

/** Physical `111-1234567-1234567`, digital `D01-1234567-1234567`. */
export const ORDER_ID_RE = /\b(?:\d{3}|D\d{2})-\d{7}-\d{7}\b/;

export function isOrderId(value: string | null | undefined): value is string {
  return !!value && new RegExp(`^${ORDER_ID_RE.source}$`).test(value);
}

const HISTORY_PATHS = [
  /^\/gp\/css\/order-history(\/|$)/,
  /^\/gp\/your-account\/order-history(\/|$)/,
  /^\/your-orders\/(orders|search)(\/|$)/,
  /^\/gp\/legacy\/order-history(\/|$)/,
];
const DETAILS_PATHS = [
  /^\/gp\/your-account\/order-details(\/|$)/,
  /^\/gp\/css\/order-details(\/|$)/,
  /^\/your-orders\/order-details(\/|$)/,
];
const TRACK_PATHS = [
  /^\/progress-tracker\/package(\/|$)/,
  /^\/gp\/your-account\/ship-track(\/|$)/,
  /^\/gp\/css\/shiptrack\/view\.html/,
];

/** Printable order summary / invoice (issue #18), physical and digital. */
const SUMMARY_PATHS = [/^\/gp\/css\/summary\/print\.html/, /^\/gp\/digital\/your-account\/order-summary\.html/];

/** The page kind a URL names, from its path only (cheap; no DOM). */
export function pageKindFromUrl(url: URL): PageKind {
  if (!marketplaceFor(url)) return 'unknown';
  const p = url.pathname;
  if (HISTORY_PATHS.some((re) => re.test(p))) return 'order-history';
  if (DETAILS_PATHS.some((re) => re.test(p))) return 'order-details';
  if (TRACK_PATHS.some((re) => re.test(p))) return 'track-package';
  if (SUMMARY_PATHS.some((re) => re.test(p))) return 'order-summary';
  return 'unknown';
}

interface TrackLink {
  url: string;
  orderId: string | null;
  shipmentId: string | null;
  itemId: string | null;
  packageIndex: number | null;
}

/** A link to Amazon's tracker (list, details page or e-mail variant)? */
export function isTrackHref(href: string): boolean {
  return /\/progress-tracker\/package|\/ship-track\b|\/shiptrack\//.test(href);
}

function param(q: URLSearchParams, ...names: string[]): string | null {
  for (const n of names) {
    const v = q.get(n);
    if (v) return v;
  }
  return null;
}

/** Reads a track-package link (`href` as written in the page; `base` resolves relative links). */
export function parseTrackLink(href: string, base: URL): TrackLink | null {
  let u: URL;
  try {
    u = new URL(href.trim(), base);
  } catch {
    return null;
  }
  if (!isTrackHref(u.pathname)) return null;
  const q = u.searchParams;
  const pkg = param(q, 'packageIndex');
  const pkgId = param(q, 'packageId');
  const orderId = param(q, 'orderId', 'orderID');
  return {
    url: u.href,
    orderId: isOrderId(orderId) ? orderId : null,
    shipmentId: param(q, 'shipmentId', 'orderingShipmentId'),
    itemId: param(q, 'itemId'),
    // The e-mail variant counts packages from 1 (`packageId=1`), the site from 0 (`packageIndex=0`).
    packageIndex: pkg !== null && /^\d+$/.test(pkg) ? Number(pkg) : pkgId && /^\d+$/.test(pkgId) ? Number(pkgId) - 1 : null,
  };
}

/** `shipmentId` of a per-item link (`/your-orders/pop?…&shipmentId=…`) or a gift-receipt link (`/gcx/-/ty/gr/<order>/<shipment>/`). */
export function shipmentIdFromHref(href: string, base: URL): string | null {
  if (href.includes('shipmentId=')) {
    try {
      const v = new URL(href.trim(), base).searchParams.get('shipmentId');
      if (v) return v;
    } catch {
      return null;
    }
  }
  const gr = /\/gcx\/-\/ty\/gr\/[\dD]\d{2}-\d{7}-\d{7}\/([A-Za-z0-9]{6,20})(?:[/?]|$)/.exec(href);
  return gr && gr[1] !== 'shipment' ? gr[1]! : null;
}

/** An order id carried by a link's `orderID`/`orderId`/`search` parameter. */
export function orderIdFromHref(href: string, base: URL): string | null {
  try {
    const q = new URL(href.trim(), base).searchParams;
    for (const n of ['orderID', 'orderId', 'search']) {
      const v = q.get(n);
      if (isOrderId(v)) return v;
    }
  } catch {
    return null;
  }
  return null;
}

interface TrackTarget {
  orderId: string;
  shipmentId?: string | null;
  itemId?: string | null;
  packageIndex?: number | null;
}

/**
 * The track-package URL for a package, on its marketplace host (`amazon.de` or `www.amazon.de`).
 * Uses the `/progress-tracker/package/` form that every marketplace serves; `shipmentId` narrows it to one
 * shipment of a split order. Throws on a host that is not an Amazon marketplace or a malformed order id.
 */
export function trackPackageUrl(host: string, target: TrackTarget): string {
  const m = marketplaceFor(host);
  if (!m) throw new Error(`Not an Amazon marketplace host: ${host}`);
  if (!isOrderId(target.orderId)) throw new Error(`Not an Amazon order id: ${target.orderId}`);
  const q = new URLSearchParams({ _encoding: 'UTF8', orderId: target.orderId });
  if (target.shipmentId) q.set('shipmentId', target.shipmentId);
  if (target.itemId) q.set('itemId', target.itemId);
  q.set('packageIndex', String(target.packageIndex ?? 0));
  return `https://www.${m.host}/progress-tracker/package/?${q.toString()}`;
}
