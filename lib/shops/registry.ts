import { amazonReader } from './amazon/index';
import type { ShopReader } from './types';

/** Every shop reader. A test checks each one against its own examples and no other's. */
export const SHOP_READERS: readonly ShopReader[] = [amazonReader];

export function readerFor(url: URL): ShopReader | null {
  return SHOP_READERS.find((r) => r.matches(url)) ?? null;
}
