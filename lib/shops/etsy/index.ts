/**
 * Porchlight's Etsy reader (issue #15): `etsyReader`, for the purchases list and a receipt (./page.ts), which
 * the evidence supports only thinly: the carriers' links on a receipt, and a diagnostic.
 */
import { SHOP_HOSTS } from '../../hosts';
import { hostAllowed } from '../../url-policy';
import type { ShopReader } from '../types';
import { etsyPageKind, readEtsyPage } from './page';

export const etsyReader: ShopReader = {
  id: 'etsy',
  shop: 'etsy',
  matches(url: URL): boolean {
    return url.protocol === 'https:' && hostAllowed(url.hostname, SHOP_HOSTS.etsy ?? []) && etsyPageKind(url) !== null;
  },
  extract(doc, url, now) {
    return readEtsyPage(doc, url, now);
  },
  examples: {
    matches: ['https://www.etsy.com/your/purchases', 'https://www.etsy.com/your/purchases/2718281828', 'https://www.etsy.com/your/purchases/2718281828?ref=yr_purchases'],
    rejects: [
      'https://www.etsy.com/',
      'https://www.etsy.com/listing/1234567890/enamel-porch-light',
      'https://www.etsy.com/your/purchases/not-a-receipt',
      'https://www.etsy.com/your/account',
      'https://etsy.com.evil.test/your/purchases',
      'https://www.bestbuy.com/profile/ss/orders',
      'https://www.amazon.com/gp/css/order-history',
    ],
  },
};
