/**
 * The options page's "Shop order pages" section, pure (issue #15 §2): one switch for order pages on any
 * site (Shopify stores, on their own domains) and one per shop with its own hosts. Sites and hosts come
 * from lib/hosts.ts, which the manifest's optional permissions are built from.
 */
import { ANY_SITE_PAGE_PATTERNS, SHOP_PAGE_HOSTS, SHOP_SITES } from '../hosts';
import type { Translate } from '../i18n/translate';

export interface ShopPageSiteInfo {
  id: string;
  name: string;
  hostPatterns: readonly string[];
  description: string;
}

export const ANY_SITE_ID = 'any-site';

/** The switch for order pages on any site, in the shopper's language (issue #13 §2). */
export function anySiteInfo(t: Translate): ShopPageSiteInfo {
  return { id: ANY_SITE_ID, name: t('optionsShopPagesAnySiteName'), hostPatterns: ANY_SITE_PAGE_PATTERNS, description: t('optionsShopPagesAnySiteHint') };
}

/** One switch per shop; shop names stay as they are. */
export function shopPageSiteInfo(t: Translate): ShopPageSiteInfo[] {
  return SHOP_SITES.map((s) => ({
    id: s.id,
    name: s.label,
    hostPatterns: SHOP_PAGE_HOSTS[s.id] ?? [],
    description: t('optionsShopPagesHint', s.label, s.hosts.join(', ')),
  }));
}

/** The message shown when the browser refuses the permission (the switch stays off). */
export function shopPageRefusedMessage(site: ShopPageSiteInfo, t: Translate): string {
  if (site.id === ANY_SITE_ID) return t('optionsShopPagesAnySiteRefused');
  const hosts = SHOP_SITES.find((s) => s.id === site.id)?.hosts ?? [];
  return t('optionsShopPagesRefused', site.name, hosts.join(', '));
}
