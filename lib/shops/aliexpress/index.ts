/**
 * Porchlight's AliExpress reader (issue #15): `aliexpressReader`, for the order list, an order's details and its
 * logistics page (./page.ts). The content script runs on AliExpress's hosts once the shopper turns it on, so
 * `matches` takes those three pages only.
 */
import { SHOP_HOSTS } from '../../hosts';
import { hostAllowed } from '../../url-policy';
import type { ShopReader } from '../types';
import { aliexpressPageKind, readAliexpressPage } from './page';

export const aliexpressReader: ShopReader = {
  id: 'aliexpress',
  shop: 'aliexpress',
  matches(url: URL): boolean {
    return url.protocol === 'https:' && hostAllowed(url.hostname, SHOP_HOSTS.aliexpress ?? []) && aliexpressPageKind(url) !== null;
  },
  extract(doc, url, now, options) {
    return readAliexpressPage(doc, url, now, options);
  },
  examples: {
    matches: [
      'https://www.aliexpress.com/p/order/index.html',
      'https://www.aliexpress.us/p/order/index.html?spm=a2g0o.home.0.0',
      'https://www.aliexpress.com/p/order/detail.html?orderId=8194475532016841',
      'https://track.aliexpress.com/logisticsdetail.htm?tradeId=8194475532016841',
    ],
    rejects: [
      'https://www.aliexpress.com/',
      'https://www.aliexpress.com/item/1005006123456789.html',
      'https://www.aliexpress.com/store/1102345678',
      'https://aliexpress.com.evil.test/p/order/index.html',
      'https://www.aliexpress.ru/p/order/index.html',
      'https://www.ebay.com/mye/myebay/purchase',
      'https://www.amazon.com/progress-tracker/package?orderId=113-1234567-1234567',
    ],
  },
};
