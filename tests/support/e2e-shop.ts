import { readFileSync } from 'node:fs';
import type { ProviderRoutes } from './carrier-server/types';

/**
 * The shop side of the E2E suite on the mapped www.amazon.com: real saved Amazon pages from
 * tests/fixtures/amazon/ at their real paths, and track-package pages (written: no real one exists,
 * see docs/amazon-pages.md §3) that name a carrier and tracking number per shipment.
 */
export interface TrackAssignment {
  carrierName: string;
  number: string;
}

export function trackPackageHtml(
  orderId: string,
  shipmentId: string,
  t: TrackAssignment | null,
  opts: { promise?: string; shortStatus?: string; timeZone?: string } = {},
): string {
  const promise = opts.promise ?? 'Arriving tomorrow';
  const state = {
    orderId,
    shipmentId,
    packageIndex: 0,
    shortStatus: opts.shortStatus ?? 'IN_TRANSIT',
    trackingId: t?.number ?? null,
    ...(t ? { carrierName: t.carrierName } : {}),
    ...(opts.timeZone ? { timezone: opts.timeZone } : {}),
    promise: { promiseMessage: promise },
  };
  const esc = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
  return `<!DOCTYPE html>
<!-- Written for the E2E suite and the demo shop: an Amazon track-package page (page-state JSON + delivery card), per docs/amazon-pages.md §3. -->
<html lang="en-us"><head><meta charset="utf-8"><title>Track Package</title></head><body>
<script type="a-state" data-a-state="{&quot;key&quot;:&quot;page-state&quot;}">${JSON.stringify(state)}</script>
<div class="pt-delivery-card-wrapper"><h1 class="pt-status-main-status">${esc(promise)}</h1>
${t ? `<h3>Shipped with ${esc(t.carrierName)}</h3><div class="pt-delivery-card-trackingId">Tracking ID: ${esc(t.number)}</div>` : '<h3>Delivery by Amazon</h3>'}
</div></body></html>`;
}

export function e2eShop(options: {
  /** Path → saved fixture file served there (query strings ignored). */
  pages: Record<string, string>;
  /** shipmentId → carrier and number its track-package page shows. */
  tracking?: Record<string, TrackAssignment>;
}): ProviderRoutes & { pageHits: string[] } {
  const pageHits: string[] = [];
  return {
    id: 'e2e-shop',
    hosts: ['www.amazon.com'],
    pageHits,
    owns: (req) => req.host === 'www.amazon.com',
    // Amazon's own block pages (real captures in tests/fixtures/amazon/), served instead of the page asked for.
    faultBody(mode) {
      if (mode === 'robot_check') return readFileSync('tests/fixtures/amazon/robot-check.html', 'utf8');
      if (mode === 'sign_in') return readFileSync('tests/fixtures/amazon/sign-in.html', 'utf8');
      return undefined;
    },
    handle(req) {
      const html = (body: string) => ({ status: 200, headers: { 'content-type': 'text/html; charset=utf-8' }, body });
      const file = options.pages[req.path];
      if (file) {
        pageHits.push(req.path);
        return html(readFileSync(file, 'utf8'));
      }
      if (req.path === '/gp/your-account/ship-track' || req.path.startsWith('/progress-tracker/package')) {
        const shipmentId = req.query.get('shipmentId') ?? '';
        pageHits.push(`${req.path}?shipmentId=${shipmentId}`);
        return html(trackPackageHtml(req.query.get('orderId') ?? '', shipmentId, options.tracking?.[shipmentId] ?? null));
      }
      return null;
    },
  };
}
