/**
 * `npm run -s inspect -- page FILE.html --url URL [--now ISO] [--tz ZONE]`: runs the shop page reader on a saved
 * page and prints the foundation contract's `page` shape (issue #2): kind, shop, orders with their shipments
 * (absent values are null), diagnostics. Scripts in the file are never run.
 *
 * A URL on a carrier's tracking site runs the carrier-page reader instead (issue #14) and prints kind
 * `carrier-tracking` with the package and its events. A JSON file is read as the browser shows a
 * JSON address (its text in a `<pre>`), the same path a JSON page takes in the extension.
 */
import { readFileSync, statSync } from 'node:fs';
import { Window } from 'happy-dom';
import { readCarrierPage } from '../../lib/carrier-pages/read-carrier-page';
import { readAmazonPage } from '../../lib/shops/amazon/page';
import { readerForPage } from '../../lib/shops/registry';
import type { PageReading } from '../../lib/shops/types';
import { parseArgs } from './args';

function contractShape(r: PageReading) {
  return {
    kind: r.kind,
    shop: r.shop,
    url: r.url,
    readAt: new Date(r.readAt).toISOString(),
    orders: r.orders.map((o) => ({
      orderId: o.orderId,
      placedAt: o.placedAt ?? null,
      total: o.total ?? null,
      status: o.status,
      kind: o.kind,
      orderUrl: o.orderUrl ?? null,
      items: o.items,
      shipments: o.shipments.map((s) => ({ ...s })),
    })),
    diagnostics: r.diagnostics,
  };
}

function carrierShape(r: NonNullable<ReturnType<typeof readCarrierPage>>) {
  const p = r.result;
  return {
    kind: r.kind,
    site: r.site,
    carrier: r.carrier,
    url: r.url,
    readAt: new Date(r.readAt).toISOString(),
    package: p
      ? {
          trackingNumber: p.trackingNumber,
          status: p.status,
          statusText: p.statusText ?? null,
          events: p.events.map((e) => ({ time: e.time, timeIsLocal: e.timeIsLocal, status: e.status, code: e.code, description: e.description, location: e.location })),
        }
      : null,
    undatedRows: r.undatedRows,
    diagnostics: r.diagnostics,
  };
}

export async function run(args: string[]): Promise<unknown> {
  const { positional, flags } = parseArgs(args);
  const file = positional[0];
  if (!file) throw new Error('usage: inspect page FILE.html --url URL [--now ISO] [--tz ZONE]');
  if (!flags.url) throw new Error('page: --url is required (the address the page was saved from)');
  let url: URL;
  try {
    url = new URL(flags.url);
  } catch {
    throw new Error(`page: not a URL: ${flags.url}`);
  }
  const now = flags.now ? new Date(flags.now) : new Date();
  if (Number.isNaN(now.getTime())) throw new Error(`page: --now is not an ISO time: ${flags.now}`);
  let html: string;
  try {
    if (!statSync(file).isFile()) throw new Error('not a file');
    html = readFileSync(file, 'utf8');
  } catch (err) {
    throw new Error(`page: cannot read ${file}: ${err instanceof Error ? err.message : String(err)}`);
  }
  const window = new Window({
    url: url.href,
    settings: {
      disableJavaScriptEvaluation: true,
      disableJavaScriptFileLoading: true,
      disableCSSFileLoading: true,
      disableIframePageLoading: true,
      navigation: { disableMainFrameNavigation: true, disableChildFrameNavigation: true, disableChildPageNavigation: true },
    },
  });
  try {
    const parser = new window.DOMParser();
    const isJson = /^\s*[[{]/.test(html);
    const doc = (isJson ? parser.parseFromString('<html><body><pre></pre></body></html>', 'text/html') : parser.parseFromString(html, 'text/html')) as unknown as Document;
    if (isJson) doc.querySelector('pre')!.textContent = html;
    const carrierPage = readCarrierPage(doc, url, now.getTime());
    if (carrierPage) return carrierShape(carrierPage);
    // The reader the extension would choose (by URL, else by the document: a Shopify store, issue #15); Amazon's
    // otherwise, for its "not an Amazon page" diagnostic.
    const options = flags.tz ? { timeZone: flags.tz } : {};
    const reader = readerForPage(doc, url);
    const reading = reader ? reader.extract(doc, url, now, options) : readAmazonPage(doc, url, now, options);
    return contractShape(reading);
  } finally {
    await window.happyDOM.close();
  }
}
