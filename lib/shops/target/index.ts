/**
 * Porchlight's Target reader (issue #15): `targetReader`, the ShopReader the shop registry uses for Target's order
 * list and details pages (../shared/docs/other-shops.md §3). The content script runs on the whole host once the
 * shopper turns Target on, so `matches` is true only on the order pages.
 */
import { SHOP_HOSTS } from '../../hosts';
import { hostAllowed } from '../../url-policy';
import type { ShopReader } from '../types';
import { readTargetPage, targetPageKind } from './page';

export const targetReader: ShopReader = {
  id: 'target',
  shop: 'target',
  matches(url: URL): boolean {
    return url.protocol === 'https:' && hostAllowed(url.hostname.replace(/\.$/, ''), SHOP_HOSTS['target'] ?? []) && targetPageKind(url) !== null;
  },
  extract(doc: Document, url: URL, now: Date) {
    return readTargetPage(doc, url, now);
  },
  examples: {
    matches: [
      'https://www.target.com/orders',
      'https://www.target.com/orders/',
      'https://www.target.com/account/orders',
      'https://www.target.com/orders/102002330130026',
      'https://www.target.com/orders?lnk=acct_nav_my_account',
    ],
    rejects: [
      'https://www.target.com/',
      'https://www.target.com/p/porch-light/-/A-54191097',
      'https://www.target.com/s?searchTerm=orders',
      'https://www.target.com/orders/store-receipts/abc',
      'http://www.target.com/orders',
      'https://target.com.example.org/orders',
      'https://www.mytarget.com/orders',
      'https://www.walmart.com/orders',
      'https://www.amazon.com/gp/css/order-history',
      'https://www.amazon.com/your-orders/orders',
      'https://porchgoods.example/61234567890/orders/9e107d9d372bb6826bd81d3542a419d6',
    ],
  },
};
