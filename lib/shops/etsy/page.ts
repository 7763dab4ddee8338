/**
 * Reads Etsy's purchases pages (issue #15). The evidence about them is weak (../shared/docs/other-shops.md §7:
 * the URLs `/your/purchases[/<receipt id>]`, nothing of their markup), so the reader recognises the page by its
 * URL, reads only the carriers' tracking links it gives (§8.2; verified numbers only) under the receipt the URL
 * names, and always says, in a diagnostic, that nothing else was read. Pure: document, URL and `now` are parameters.
 */
import { carrierLinks, guarded } from '../tracking-from-page';
import type { Diagnostic, PageKind, PageReading, ShipmentReading } from '../types';

const SHOP = 'etsy';
const PATH = /^\/your\/purchases(?:\/(\d{6,14}))?$/i;

/** Which Etsy page a URL is (`matches` in ./index.ts uses it too). */
export function etsyPageKind(url: URL): PageKind | null {
  const m = PATH.exec(url.pathname.replace(/\/+$/, ''));
  return m ? (m[1] ? 'order-details' : 'order-history') : null;
}

export function readEtsyPage(doc: Document, url: URL, now: Date): PageReading {
  const kind = etsyPageKind(url) ?? 'unknown';
  return guarded('Etsy', SHOP, kind, url, now, () => {
    const diagnostics: Diagnostic[] = [];
    const reading = { kind, shop: SHOP, url: url.href, readAt: now.getTime(), diagnostics };
    const receipt = PATH.exec(url.pathname.replace(/\/+$/, ''))?.[1] ?? null;
    if (kind === 'unknown') {
      diagnostics.push({ code: 'unknown-page', message: 'Not an Etsy purchases page', pageKind: 'unknown' });
      return { ...reading, orders: [] };
    }
    if (!receipt) {
      // A link on the list cannot be told to belong to one receipt rather than another.
      diagnostics.push({ code: 'thin-structure', message: "Etsy's purchases list: its structure is not known, so nothing is read (open a receipt)", pageKind: kind });
      return { ...reading, orders: [] };
    }
    const links = carrierLinks(doc, url);
    diagnostics.push({
      code: 'thin-structure',
      message: links.length > 0 ? "An Etsy receipt: its structure is not known, so only the carriers' tracking links were read" : 'An Etsy receipt without carrier tracking links: nothing read',
      pageKind: kind,
      found: links.length,
    });
    if (links.length === 0) return { ...reading, orders: [] };
    const shipments: ShipmentReading[] = links.map((l, i) => ({ shipmentId: links.length > 1 ? `link-${i + 1}` : null, ...l, statusText: null, status: null, eta: null, deliveredAt: null, items: [] }));
    return { ...reading, orders: [{ orderId: receipt, placedAt: null, total: null, status: 'unknown', kind: 'physical', orderUrl: url.href, items: [], shipments }] };
  });
}
