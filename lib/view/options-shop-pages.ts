/**
 * The options page's "Shop order pages" section, pure (issue #15 §2): one switch for order pages on any
 * site (Shopify stores, on their own domains) and one per shop with its own hosts. Sites and hosts come
 * from lib/hosts.ts, which the manifest's optional permissions are built from.
 */
import { ANY_SITE_PAGE_PATTERNS, SHOP_PAGE_HOSTS, SHOP_SITES } from '../hosts';

export interface ShopPageSiteInfo {
  id: string;
  name: string;
  hostPatterns: readonly string[];
  description: string;
}

export const ANY_SITE_INFO: ShopPageSiteInfo = {
  id: 'any-site',
  name: 'Order pages on any site',
  hostPatterns: ANY_SITE_PAGE_PATTERNS,
  description:
    'For shops on their own web addresses, such as Shopify stores: when you open a page whose address has /orders/ or /checkouts/ in it, Porchlight reads it if it is a shop’s order status page. Your browser will ask to let Porchlight read all websites; no other page is read.',
};

export const SHOP_PAGE_SITE_INFO: readonly ShopPageSiteInfo[] = SHOP_SITES.map((s) => ({
  id: s.id,
  name: s.label,
  hostPatterns: SHOP_PAGE_HOSTS[s.id] ?? [],
  description: `Reads your ${s.label} orders and tracking when you open them (${s.hosts.join(', ')}); nothing else on the site.`,
}));

/** The message shown when the browser refuses the permission (the switch stays off). */
export function shopPageRefusedMessage(site: ShopPageSiteInfo): string {
  if (site.id === ANY_SITE_INFO.id) return 'Shops on other sites stay unread: the browser did not grant access to all websites.';
  const hosts = SHOP_SITES.find((s) => s.id === site.id)?.hosts ?? [];
  return `${site.name} pages stay unread: the browser did not grant access to ${hosts.join(', ')}.`;
}
