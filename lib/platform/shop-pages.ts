import { browser } from 'wxt/browser';
import { AMAZON_MATCH_PATTERNS, ANY_SITE_PAGE_PATTERNS, ANY_SITE_SCRIPT_MATCHES, SHOP_PAGE_HOSTS } from '../hosts';
import type { Settings } from '../settings';
import { grantedHosts } from './permissions';

/**
 * Shops' order pages beyond Amazon (issue #15 §2): the shop-page content script is registered at run
 * time, like the carrier pages' (lib/platform/carrier-pages.ts), on the whole site of each shop the
 * shopper turned on and granted (shops move between their pages without a load), and, once "order
 * pages on any site" is on and granted, on any HTTPS page whose address is an order status page's
 * (ANY_SITE_SCRIPT_MATCHES); unregistered when both go away. Nothing runs on a shop until its switch is on. Amazon's pages are left to
 * Amazon's own script, so no page is read twice.
 */
export const SHOP_PAGE_SCRIPT_ID = 'porchlight-shop-pages';

/** Patterns that grant every HTTPS host (Chrome lists the one granted; `<all_urls>` and `*://*` cover it). */
const EVERY_HTTPS_HOST = new Set([...ANY_SITE_PAGE_PATTERNS, '*://*/*', '<all_urls>']);

export interface ShopPagePlan {
  matches: string[];
  excludeMatches: string[];
}

/** Where the script should run, given settings and granted origins (pure). */
export function shopPagePlan(settings: Pick<Settings, 'anySitePages' | 'shopPages'>, granted: readonly string[]): ShopPagePlan {
  const everySite = granted.some((p) => EVERY_HTTPS_HOST.has(p));
  // A shop asked for while every site was granted is covered by that grant, not listed on its own.
  const have = (p: string) => everySite || granted.includes(p);
  const matches = [
    ...(settings.anySitePages && everySite ? ANY_SITE_SCRIPT_MATCHES : []),
    ...Object.entries(SHOP_PAGE_HOSTS)
      .filter(([id]) => settings.shopPages[id] === true)
      .flatMap(([, patterns]) => patterns.filter(have)),
  ];
  return { matches, excludeMatches: matches.length ? [...AMAZON_MATCH_PATTERNS] : [] };
}

export async function syncShopPageScripts(settings: Settings): Promise<ShopPagePlan> {
  const scripting = browser.scripting;
  if (!scripting?.registerContentScripts) return { matches: [], excludeMatches: [] };
  const plan = shopPagePlan(settings, await grantedHosts());
  const existing = await scripting.getRegisteredContentScripts({ ids: [SHOP_PAGE_SCRIPT_ID] });
  if (existing.length) await scripting.unregisterContentScripts({ ids: [SHOP_PAGE_SCRIPT_ID] });
  if (plan.matches.length) {
    await scripting.registerContentScripts([
      {
        id: SHOP_PAGE_SCRIPT_ID,
        matches: plan.matches,
        excludeMatches: plan.excludeMatches,
        js: ['content-scripts/shop-page.js'],
        runAt: 'document_idle',
        persistAcrossSessions: true,
      },
    ]);
  }
  return plan;
}
