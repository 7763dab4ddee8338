import { addDays, zonedDate } from '../../../lib/model/time';
import type { ProviderRoutes } from '../carrier-server/types';
import { trackPackageHtml } from '../e2e-shop';
import { DEMO_SHIPMENTS, type DemoShipment, SCENARIOS, SHOPPER_ZONE } from './catalog';

/**
 * The demo shop: amazon.com-shaped pages (the 2024+ "Your Orders" layout with `.delivery-box` cards,
 * and a track-package page with Amazon's `page-state` JSON, see docs/amazon-pages.md §1.3 and §3),
 * generated from the demo catalog so the shop and the demo carrier agree. Served by the local carrier
 * server under www.amazon.com, which Chromium maps to loopback.
 */
/** The shop's pages speak the shopper's calendar (see SHOPPER_ZONE). */
const ZONE = SHOPPER_ZONE;

function esc(s: string): string {
  return s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

function trackHref(s: DemoShipment): string {
  return `/gp/your-account/ship-track?itemId=demoitem${s.shipmentId.slice(-3)}&ref=ppx_yo2ov_dt_b_track_package&packageIndex=0&orderId=${s.orderId}&shipmentId=${s.shipmentId}`;
}

function monthDay(date: string): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d)).toLocaleDateString('en-US', { month: 'long', day: 'numeric', timeZone: 'UTC' });
}

function orderCard(s: DemoShipment, placed: string, promised: string, today: string): string {
  const primary = promised === today ? 'Arriving today' : promised === addDays(today, 1) ? 'Arriving tomorrow' : `Arriving ${monthDay(promised)}`;
  return `
<div class="order-card js-order-card">
 <div class="a-box-group">
  <div class="a-box a-color-offset-background order-header"><div class="a-box-inner">
   <ul class="a-unordered-list a-nostyle a-horizontal order-header__header-list">
    <li class="order-header__header-list-item"><div class="a-row a-size-mini"><span class="a-color-secondary a-text-caps">Order placed</span></div><div class="a-row"><span class="a-size-base a-color-secondary">${esc(monthDay(placed))}, ${placed.slice(0, 4)}</span></div></li>
    <li class="order-header__header-list-item"><div class="a-row a-size-mini"><span class="a-color-secondary a-text-caps">Total</span></div><div class="a-row"><span class="a-size-base a-color-secondary">${esc(s.price)}</span></div></li>
    <li class="order-header__header-list-item yohtmlc-order-id"><span class="a-color-secondary a-text-caps">Order #</span> <span class="a-color-secondary" dir="ltr">${s.orderId}</span></li>
    <li class="yohtmlc-order-level-connections"><a class="a-link-normal" href="/gp/css/order-details?orderID=${s.orderId}&ref=ppx_yo2ov_dt_b_fed_order_details">View order details</a></li>
   </ul>
  </div></div>
  <div class="a-box delivery-box"><div class="a-box-inner">
   <div class="yohtmlc-shipment-status-primaryText"><h3 class="a-spacing-small"><span class="a-size-medium a-color-base a-text-bold delivery-box__primary-text">${esc(primary)}</span></h3></div>
   <div class="yohtmlc-shipment-status-secondaryText"><span class="a-size-base a-color-secondary delivery-box__secondary-text">Shipped</span></div>
   <div class="item-box"><div class="yohtmlc-product-title"><a class="a-link-normal" href="/dp/B0DEMO${s.shipmentId.slice(-4)}">${esc(s.item)}</a></div></div>
   <ul class="a-unordered-list a-nostyle a-vertical yohtmlc-shipment-level-connections"><li><span class="a-button track-package-button"><a class="a-button-text" href="${esc(trackHref(s))}">Track package</a></span></li></ul>
  </div></div>
 </div>
</div>`;
}

export function orderHistoryPage(now: number, startedAt: number): string {
  const today = zonedDate(now, ZONE);
  const start = zonedDate(startedAt, ZONE);
  const cards = DEMO_SHIPMENTS.map((s) => orderCard(s, addDays(start, -2), addDays(start, s.promisedInDays), today)).join('\n');
  return `<!DOCTYPE html>
<!-- Porchlight demo shop: an amazon.com "Your Orders" page in the 2024+ layout, generated from
     tests/support/demo/catalog.ts (structure per docs/amazon-pages.md §1.3). Not a real Amazon page. -->
<html lang="en-us"><head><meta charset="utf-8"><title>Your Orders</title>
<style>body{font-family:Arial,sans-serif;max-width:900px;margin:20px auto;color:#0f1111}.order-card{border:1px solid #d5d9d9;border-radius:8px;margin:14px 0}.order-header{background:#f0f2f2;padding:10px 16px}.order-header__header-list{display:flex;gap:30px;list-style:none;margin:0;padding:0}.delivery-box{padding:14px 16px}.delivery-box__primary-text{font-size:18px;font-weight:700}.demo-banner{background:#fff3cd;padding:8px 12px;border-radius:6px}</style></head>
<body><div class="demo-banner">Porchlight demo shop: a local stand-in for amazon.com. Nothing here is real.</div>
<div class="your-orders-content-container js-yo-container"><div class="your-orders-content-container__content js-yo-main-content">
<h1>Your Orders</h1>
<form class="js-time-filter-form"><label class="time-filter__label" for="time-filter"><span class="num-orders">${DEMO_SHIPMENTS.length} orders</span> placed in</label>
<select name="timeFilter" id="time-filter"><option value="months-3" selected>past 3 months</option></select></form>
${cards}
</div></div></body></html>`;
}

export function trackPackagePage(s: DemoShipment, now: number, startedAt: number, stepMs: number): string {
  const steps = SCENARIOS[s.scenario].filter((st) => st.at <= Math.floor((now - startedAt) / stepMs));
  const last = steps[steps.length - 1] ?? SCENARIOS[s.scenario][0]!;
  const promised = addDays(zonedDate(startedAt, ZONE), s.promisedInDays);
  const shortStatus = last.code === 'DL' ? 'DELIVERED' : last.code === 'OFD' ? 'OUT_FOR_DELIVERY' : last.code === 'LC' ? 'ORDER_PLACED' : 'IN_TRANSIT';
  return trackPackageHtml(
    s.orderId,
    s.shipmentId,
    { carrierName: 'Porchlight Demo Carrier', number: s.number },
    { promise: last.code === 'DL' ? 'Delivered' : `Arriving ${monthDay(promised)}`, shortStatus, timeZone: ZONE },
  );
}

function html(body: string) {
  return { status: 200, headers: { 'content-type': 'text/html; charset=utf-8' }, body };
}

export function demoShop(fixedStepMs?: number): ProviderRoutes {
  return {
    id: 'demo-shop',
    hosts: ['www.amazon.com', 'amazon.com'],
    owns: (req) => req.host.endsWith('amazon.com'),
    handle(req, state) {
      if (req.path === '/' || req.path.startsWith('/gp/css/order-history') || req.path.startsWith('/your-orders/orders')) {
        return html(orderHistoryPage(state.now(), state.startedAt));
      }
      if (req.path.startsWith('/gp/your-account/ship-track') || req.path.startsWith('/progress-tracker/package')) {
        const s = DEMO_SHIPMENTS.find((x) => x.shipmentId === req.query.get('shipmentId'));
        if (s) return html(trackPackagePage(s, state.now(), state.startedAt, fixedStepMs ?? Number(process.env.DEMO_STEP_MS ?? 30_000)));
      }
      return null;
    },
  };
}
