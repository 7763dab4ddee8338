/**
 * Porchlight's Walmart reader (issue #15): `walmartReader`, the ShopReader the shop registry uses for Walmart's
 * order list and details pages on walmart.com and walmart.ca (../shared/docs/other-shops.md §2). The content
 * script runs on the whole host once the shopper turns Walmart on, so `matches` is true only on the order pages.
 */
import { SHOP_HOSTS } from '../../hosts';
import { hostAllowed } from '../../url-policy';
import type { ExtractOptions, ShopReader } from '../types';
import { readWalmartPage, walmartPageKind } from './page';

export const walmartReader: ShopReader = {
  id: 'walmart',
  shop: 'walmart',
  matches(url: URL): boolean {
    return url.protocol === 'https:' && hostAllowed(url.hostname.replace(/\.$/, ''), SHOP_HOSTS['walmart'] ?? []) && walmartPageKind(url) !== null;
  },
  extract(doc: Document, url: URL, now: Date, options?: ExtractOptions) {
    return readWalmartPage(doc, url, now, options);
  },
  examples: {
    matches: [
      'https://www.walmart.com/orders',
      'https://www.walmart.com/orders/',
      'https://www.walmart.com/account/orders',
      'https://www.walmart.com/purchase-history',
      'https://www.walmart.com/purchase-history?filter=in-progress',
      'https://www.walmart.com/orders/200014653079776',
      'https://www.walmart.com/orders/2000146-53079776',
      'https://www.walmart.ca/orders',
      'https://www.walmart.ca/orders/200031822046615',
    ],
    rejects: [
      'https://www.walmart.com/',
      'https://www.walmart.com/ip/Great-Value-Milk/10450114',
      'https://www.walmart.com/search?q=orders',
      'https://www.walmart.com/orders/200014653079776/track/771402836190',
      'https://www.walmart.com/cart',
      'http://www.walmart.com/orders',
      'https://walmart.com.example.net/orders',
      'https://www.notwalmart.com/orders',
      'https://www.target.com/orders',
      'https://www.amazon.com/gp/css/order-history',
      'https://www.amazon.com/your-orders/orders',
      'https://www.bestbuy.com/profile/ss/orders',
    ],
  },
};
