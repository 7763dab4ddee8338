/**
 * Porchlight's Best Buy reader (issue #15): `bestbuyReader`, for the order list and an order's details page
 * (./page.ts). The content script runs on Best Buy's hosts once the shopper turns it on, so `matches` takes
 * those pages only.
 */
import { SHOP_HOSTS } from '../../hosts';
import { hostAllowed } from '../../url-policy';
import type { ShopReader } from '../types';
import { bestbuyPageKind, readBestbuyPage } from './page';

export const bestbuyReader: ShopReader = {
  id: 'bestbuy',
  shop: 'bestbuy',
  matches(url: URL): boolean {
    return url.protocol === 'https:' && hostAllowed(url.hostname, SHOP_HOSTS.bestbuy ?? []) && bestbuyPageKind(url) !== null;
  },
  extract(doc, url, now) {
    return readBestbuyPage(doc, url, now);
  },
  examples: {
    matches: [
      'https://www.bestbuy.com/profile/ss/orders',
      'https://www.bestbuy.com/profile/ss/orders/list',
      'https://www.bestbuy.com/purchasehistory/purchases',
      'https://www.bestbuy.com/profile/ss/orders/order-details/BBY01-806512345678/view',
    ],
    rejects: [
      'https://www.bestbuy.com/',
      'https://www.bestbuy.com/site/searchpage.jsp?st=orders',
      'https://www.bestbuy.com/profile/ss/api/v1/orders/BBY01-806512345678',
      'https://www.bestbuy.com/profile/ss/orders/order-details/BBY01-806512345678/print',
      'https://www.bestbuy.ca/profile/ss/orders',
      'https://www.bestbuy.com.evil.test/profile/ss/orders',
      'https://www.amazon.com/your-orders/orders',
      'https://www.aliexpress.com/p/order/index.html',
    ],
  },
};
