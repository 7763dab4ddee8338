/**
 * The shared real amazon.com pages, their ground truth (tests/fixtures/amazon/ground-truth.json, from the
 * amazon-orders project, MIT) and when each was captured: one copy for every test that reads them
 * (ground-truth.test.ts at the capture time, order-dates.test.ts at later read times too).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Status } from '../../../lib/model/status';
import { FIXTURES } from './load-fixture';

export interface GtShipment {
  layout: string;
  primary: string | null;
  secondary?: string | null;
  shipmentIds: string[];
}
export interface GtOrder {
  order_id: string;
  placed: string;
  total: string | null;
  tracking_links: { shipmentId: string }[];
  shipments: GtShipment[];
  items: string[];
}
export interface GtPage {
  page_type: string;
  orders?: GtOrder[];
  order_ids?: string[];
  placed?: string;
  grand_total?: string | null;
  shipment_status_sequence?: string[];
  status_texts?: string[];
  tracking_links?: { shipmentId: string }[];
  sold_by?: string[];
  items?: string[];
}

export const GT = JSON.parse(readFileSync(join(FIXTURES, 'ground-truth.json'), 'utf8')) as Record<string, GtPage>;

/** When each page was captured (approximately; after its newest order), so relative dates resolve as they did. */
export const CAPTURED: Record<string, string> = {
  'order-history-2010-0.html': '2024-01-10T17:00:00Z',
  'order-history-2010-10.html': '2024-01-10T17:00:00Z',
  'order-history-2020-40.html': '2024-01-10T17:00:00Z',
  'order-history-2023-10.html': '2024-01-10T17:00:00Z',
  'order-history-2023-zero-orders.html': '2024-01-10T17:00:00Z',
  'orders@1b0ffe9.html': '2024-01-10T17:00:00Z',
  'orders-pagination-1@f49effe.html': '2024-01-10T17:00:00Z',
  'order-details@eae23eb.html': '2023-11-15T17:00:00Z',
  'order-details-112-2961628-4757846.html': '2024-01-10T17:00:00Z',
  'order-details-112-9685975-5907428.html': '2024-01-10T17:00:00Z',
  'order-details-114-9460922-7737063.html': '2024-01-10T17:00:00Z',
  'order-currency-stripped-snippet.html': '2024-01-10T17:00:00Z',
  'order-missing-grand-total-snippet.html': '2024-01-10T17:00:00Z',
  'order-history-2024-0.html': '2024-11-10T17:00:00Z',
  'order-history-egift.html': '2024-11-10T17:00:00Z',
  'order-details-112-5939971-8962610.html': '2024-11-10T17:00:00Z',
  'order-details-112-9087159-1657009.html': '2024-11-10T17:00:00Z',
  'order-details-111-6778632-7354601.html': '2024-09-20T17:00:00Z',
  'order-details-coupon-savings.html': '2024-11-10T17:00:00Z',
  'order-history-wholefoods.html': '2024-12-21T17:00:00Z',
  // Sunday 6 April 2025, evening in New York: "Arriving tomorrow" = Monday 7 April.
  'order-history-amazon-store.html': '2025-04-06T23:00:00Z',
  'order-history-canceled-order.html': '2025-07-20T17:00:00Z',
  'order-amazon-discount-snippet.html': '2025-05-20T17:00:00Z',
  'order-gift-card-snippet.html': '2025-04-01T17:00:00Z',
  'order-promotion-applied-snippet.html': '2025-02-05T17:00:00Z',
};

export const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
/** "November 1, 2024" (optionally with a note in brackets) → 2024-11-01: the test's own tiny oracle. */
export function gtDate(s: string): string {
  const m = /^(\w+) (\d{1,2}), (\d{4})/.exec(s)!;
  return `${m[3]}-${String(MONTHS.indexOf(m[1]!) + 1).padStart(2, '0')}-${m[2]!.padStart(2, '0')}`;
}

/** What a status line means, written out independently of the reader's vocabulary. */
export function gtStatus(primary: string | null | undefined, secondary?: string | null): Status | null {
  if (!primary) return null;
  if (primary.startsWith('Delivered')) return 'delivered';
  if (primary.startsWith('Return complete') || primary.startsWith('Refunded')) return 'returned';
  if (primary === 'Cancelled') return 'cancelled';
  if (primary.startsWith('Arriving')) return secondary === 'Shipped' ? 'in_transit' : 'pending';
  throw new Error(`ground truth status not covered: ${primary}`);
}

export const NON_SHIPPING = /^(Purchased at|Whole Foods Market)/;

export function urlFor(name: string, gt: GtPage): string {
  if (gt.page_type.startsWith('order details')) return 'https://www.amazon.com/gp/your-account/order-details?orderID=x';
  if (name.startsWith('order-details')) return 'https://www.amazon.com/gp/your-account/order-history?search=D01-8711688-7680252';
  return 'https://www.amazon.com/your-orders/orders?timeFilter=year-2024&startIndex=0';
}
