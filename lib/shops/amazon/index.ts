/**
 * Porchlight's Amazon reader (issue #4): `amazonReader`, the ShopReader the content script and the
 * shop registry use. The other pieces are imported from their own modules (the content script's
 * CSD wait from ./csd.ts, the Amazon tracker's diagnostic codes from ./page.ts).
 */
import type { ExtractOptions, ShopReader } from '../types';
import { readAmazonPage } from './page';
import { pageKindFromUrl } from './urls';

export const amazonReader: ShopReader = {
  id: 'amazon',
  shop: 'amazon',
  matches(url: URL): boolean {
    return pageKindFromUrl(url) !== 'unknown';
  },
  extract(doc: Document, url: URL, now: Date, options?: ExtractOptions) {
    return readAmazonPage(doc, url, now, options);
  },
  examples: {
    matches: [
      'https://www.amazon.com/gp/css/order-history?ref_=nav_orders_first',
      'https://www.amazon.com/your-orders/orders?timeFilter=year-2024&startIndex=10',
      'https://www.amazon.com/your-orders/orders?orderFilter=open',
      'https://www.amazon.com/your-orders/search?opt=ab&search=lamp',
      'https://www.amazon.com/gp/your-account/order-details?orderID=112-5939971-8962610',
      'https://www.amazon.com/gp/css/order-details?orderID=112-5939971-8962610&ref=ppx_yo2ov_dt_b_fed_order_details',
      'https://www.amazon.com/your-orders/order-details?orderID=112-5939971-8962610',
      'https://www.amazon.com/progress-tracker/package/ref=ppx_yo_dt_b_track_package?_encoding=UTF8&itemId=rgnlmumplirnsn&orderId=112-0069846-3887437&packageIndex=0&shipmentId=XtcLSwR9K',
      'https://www.amazon.com/gp/your-account/ship-track?itemId=jhmjovklllrovop&packageIndex=0&orderId=112-5939971-8962610&shipmentId=QHsqp5CyV',
      'https://www.amazon.com/gp/css/shiptrack/view.html?ie=UTF8&orderID=112-1234567-1234567&orderingShipmentId=37682082708301&packageId=1',
      'https://www.amazon.co.uk/gp/css/order-history',
      'https://www.amazon.de/your-orders/orders',
      'https://www.amazon.fr/gp/your-account/order-details?orderID=171-1234567-1234567',
      'https://www.amazon.it/progress-tracker/package/?orderId=405-1234567-1234567&shipmentId=ABC123def',
      'https://amazon.es/gp/css/order-history',
      'https://www.amazon.ca/gp/css/order-history',
      'https://www.amazon.com/gp/css/summary/print.html?orderID=112-5939971-8962610',
      'https://www.amazon.com/gp/css/summary/print.html/ref=ppx_yo_dt_b_invoice_o00?ie=UTF8&orderID=112-0069846-3887437',
      'https://www.amazon.de/gp/css/summary/print.html?orderID=302-1234567-1234567',
      'https://www.amazon.com/gp/digital/your-account/order-summary.html?orderID=D01-8711688-7680252',
    ],
    rejects: [
      'https://www.amazon.com/',
      'https://www.amazon.com/dp/B0BPH5G7MY',
      'https://www.amazon.com/s?k=order+history',
      'https://www.amazon.com/gp/cart/view.html',
      'https://www.amazon.com/ap/signin',
      'https://www.amazon.com/gp/css/summary/edit.html?orderID=112-5939971-8962610',
      'https://www.example.com/gp/css/order-history',
      'https://amazon.com.evil.example/gp/css/order-history',
      'https://www.ebay.com/mye/myebay/purchase',
    ],
  },
};
