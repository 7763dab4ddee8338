/**
 * Porchlight's Shopify reader (issue #15): `shopifyReader`, the ShopReader the shop registry uses for the
 * order status pages of any Shopify store. Stores have their own domains, so it matches no URL: it
 * `recognises` the document (./recognise.ts), and the registry asks it once no URL reader matched.
 */
import type { ExtractOptions, ShopReader } from '../types';
import { readShopifyPage } from './page';
import { recogniseShopifyPage } from './recognise';

/** The classic page's head, as the capture has it (other-shops.md §1.1), reduced to its signs. */
const HEAD = '<html class="page--thank-you"><head><title>Thank you Ann! - A Store - Checkout</title>';
const ORDER_STATUS_SCRIPT = '<script>Shopify.Checkout.isOrderStatusPage = true;</script>';
const ANALYTICS = '<script id="__st">var __st={"a":12345678901,"t":"checkout","pageurl":"example"};</script>';
const ASSETS = '<script src="https://cdn.shopify.com/shopifycloud/shopify/assets/checkout-a1b2.js"></script>';

export const shopifyReader: ShopReader = {
  id: 'shopify',
  shop: 'shopify',
  matches(): boolean {
    return false;
  },
  recognises(doc: Document, url: URL): boolean {
    return recogniseShopifyPage(doc, url) !== null;
  },
  extract(doc: Document, url: URL, now: Date, options?: ExtractOptions) {
    return readShopifyPage(doc, url, now, options);
  },
  examples: {
    // No URL says "Shopify": these are matched by their document, never by the URL alone.
    matches: [],
    rejects: [
      'https://counter-example-records.com/57412845776/orders/3d1a0a91a959db21bcfb37bf337de92d',
      'https://jsmith.myshopify.com/548380009/orders/b1946ac92492d2347c6235b4d2611184/authenticate?key=0cc175b9c0f1b6a831c399e269772661',
      'https://a-store.example/checkouts/c/Z2NwLXVzLWNlbnRyYWwx/thank-you',
      'https://www.amazon.com/gp/css/order-history',
    ],
    documents: {
      matches: [
        `${HEAD}${ORDER_STATUS_SCRIPT}</head><body></body></html>`,
        `<html><head>${ANALYTICS}${ASSETS}</head><body></body></html>`,
        `<html><head></head><body>${ANALYTICS}<div class="step" data-step="thank_you"><span class="os-order-number">Order #1001</span></div></body></html>`,
      ],
      rejects: [
        '<html><head><title>Thank you</title></head><body><p>Thank you for your order #1001.</p></body></html>',
        `${HEAD}</head><body><p>A page that only borrows the class.</p></body></html>`,
        `<html><head>${ASSETS}</head><body><p>A store's product page loads Shopify's assets.</p></body></html>`,
        '<html><head><script>var note = "Shopify.Checkout.isOrderStatusPage = true";</script></head><body><span class="order-number">#1001</span></body></html>',
      ],
    },
  },
};
