import { amazonReader } from './amazon/index';
import { shopifyReader } from './shopify/index';
import { targetReader } from './target/index';
// Issue #15, the shops with thinner evidence (shops-b):
import { aliexpressReader } from './aliexpress/index';
import { bestbuyReader } from './bestbuy/index';
import { ebayReader } from './ebay/index';
import { etsyReader } from './etsy/index';
import type { ShopReader } from './types';
import { walmartReader } from './walmart/index';

/** Every shop reader. A test checks each one against its own examples and no other's (tests/unit/shops/registry.test.ts). */
export const SHOP_READERS: readonly ShopReader[] = [
  amazonReader,
  shopifyReader,
  walmartReader,
  targetReader,
  bestbuyReader,
  ebayReader,
  aliexpressReader,
  etsyReader,
];

export function readerFor(url: URL): ShopReader | null {
  return SHOP_READERS.find((r) => r.matches(url)) ?? null;
}

/**
 * The reader for a page in hand: the one its URL names (Amazon) first, else one that recognises the
 * document itself (a Shopify store on its own domain, issue #15), else null.
 */
export function readerForPage(doc: Document, url: URL): ShopReader | null {
  return readerFor(url) ?? SHOP_READERS.find((r) => r.recognises?.(doc, url) === true) ?? null;
}
