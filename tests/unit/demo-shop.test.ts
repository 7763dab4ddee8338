import { describe, expect, it } from 'vitest';
import { classify } from '../../lib/carriers/registry';
import { amazonReader } from '../../lib/shops/amazon/index';
import { DEMO_SHIPMENTS } from '../support/demo/catalog';
import { orderHistoryPage, trackPackagePage } from '../support/demo/shop';

/** The demo (npm start) only works if the Amazon reader understands the demo shop's generated pages. */
const parse = (html: string) => new DOMParser().parseFromString(html, 'text/html');
const START = Date.parse('2026-11-23T16:00:00Z');

describe('demo shop pages', () => {
  it('the order history lists every demo order with its shipment and track link', () => {
    const url = new URL('https://www.amazon.com/gp/css/order-history');
    const r = amazonReader.extract(parse(orderHistoryPage(START, START)), url, new Date(START));
    expect(r.kind).toBe('order-history');
    expect(r.orders.map((o) => [o.orderId, o.shipments[0]?.shipmentId, o.shipments[0]?.status])).toEqual(
      DEMO_SHIPMENTS.map((s) => [s.orderId, s.shipmentId, 'in_transit']),
    );
    expect(r.orders.every((o) => o.shipments[0]?.trackUrl?.includes('/gp/your-account/ship-track'))).toBe(true);
  });

  it('each track-package page names a valid demo-carrier number', () => {
    for (const s of DEMO_SHIPMENTS) {
      const url = new URL(`https://www.amazon.com/gp/your-account/ship-track?orderId=${s.orderId}&shipmentId=${s.shipmentId}`);
      const r = amazonReader.extract(parse(trackPackagePage(s, START + 90_000, START, 30_000)), url, new Date(START + 90_000));
      expect(r.kind).toBe('track-package');
      expect(r.orders[0]?.shipments[0]?.trackingNumber).toBe(s.number);
      expect(classify(s.number)[0]?.carrier).toBe('demo');
    }
  });
});
