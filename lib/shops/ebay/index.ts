/**
 * Porchlight's eBay reader (issue #15): `ebayReader`, for the purchase history and the order details pages
 * (./page.ts). The content script runs on eBay's hosts once the shopper turns eBay on, so `matches` takes those
 * two pages only and is false everywhere else on the site.
 */
import { SHOP_HOSTS } from '../../hosts';
import { hostAllowed } from '../../url-policy';
import type { ShopReader } from '../types';
import { ebayPageKind, readEbayPage } from './page';

export const ebayReader: ShopReader = {
  id: 'ebay',
  shop: 'ebay',
  matches(url: URL): boolean {
    return url.protocol === 'https:' && hostAllowed(url.hostname, SHOP_HOSTS.ebay ?? []) && ebayPageKind(url) !== null;
  },
  extract(doc, url, now, options) {
    return readEbayPage(doc, url, now, options);
  },
  examples: {
    matches: [
      'https://www.ebay.com/mye/myebay/purchase',
      'https://www.ebay.com/mye/myebay/purchase?filter=year_filter:TWO_YEARS_AGO',
      'https://www.ebay.com/vod/FetchOrderDetails?orderId=27-11834-60215',
      'https://www.ebay.com/vod/FetchOrderDetails?itemid=204512345678&transid=1234567890012&orderId=27-11834-60215',
    ],
    rejects: [
      'https://www.ebay.com/',
      'https://www.ebay.com/itm/204512345678',
      'https://www.ebay.com/mye/myebay/watchlist',
      'https://www.ebay.com.evil.test/mye/myebay/purchase',
      'https://ebay.example/vod/FetchOrderDetails?orderId=27-11834-60215',
      'http://www.ebay.com/mye/myebay/purchase',
      'https://www.amazon.com/gp/css/order-history',
      'https://www.etsy.com/your/purchases',
    ],
  },
};
