/** Issue #15 §2: the shop-page script runs only where the shopper turned it on and the browser granted it. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { AMAZON_MATCH_PATTERNS, ANY_SITE_SCRIPT_MATCHES, SHOP_PAGE_HOSTS, SHOP_SITES } from '../../../lib/hosts';
import { shopPagePlan } from '../../../lib/platform/shop-pages';
import { parseSettings } from '../../../lib/settings';

/** Chrome's match-pattern rule for `https://<host or *>/<path glob>` (https://developer.chrome.com/docs/extensions/develop/concepts/match-patterns). */
function matchPattern(pattern: string, url: URL): boolean {
  const m = /^https:\/\/([^/]+)(\/.*)$/.exec(pattern);
  if (!m || url.protocol !== 'https:') return false;
  const [, host, path] = m;
  if (host !== '*' && host !== url.hostname) return false;
  const glob = new RegExp(`^${path!.split('*').map((part) => part.replace(/[.+?^${}()|[\]\\]/g, '\\$&')).join('.*')}$`);
  return glob.test(url.pathname + url.search);
}

const WALMART = ['https://*.walmart.com/*', 'https://*.walmart.ca/*'];

describe('shop page plan', () => {
  const settings = (anySitePages: boolean, shopPages: Record<string, boolean> = {}) => ({ anySitePages, shopPages });

  it('is off by default, and a corrupt stored value stays off', () => {
    const s = parseSettings(undefined);
    expect([s.anySitePages, s.shopPages]).toEqual([false, {}]);
    expect(parseSettings({ anySitePages: 'yes', shopPages: { walmart: 1, target: true } })).toMatchObject({ anySitePages: false, shopPages: { walmart: false, target: true } });
    expect(shopPagePlan(s, ['https://*/*', ...WALMART])).toEqual({ matches: [], excludeMatches: [] });
  });

  it('needs both the switch and the granted hosts', () => {
    expect(shopPagePlan(settings(false, { walmart: true }), WALMART).matches).toEqual(WALMART);
    expect(shopPagePlan(settings(false, { walmart: true }), []).matches).toEqual([]);
    expect(shopPagePlan(settings(false, { walmart: true }), ['https://*.walmart.com/*']).matches).toEqual(['https://*.walmart.com/*']);
    expect(shopPagePlan(settings(true), []).matches).toEqual([]);
    expect(shopPagePlan(settings(false), ['https://*/*']).matches).toEqual([]);
  });

  it('any site on and granted: the addresses of order status pages on any HTTPS site, plus the shops turned on, never Amazon (its own script reads it)', () => {
    expect(shopPagePlan(settings(true), ['https://*/*'])).toEqual({ matches: [...ANY_SITE_SCRIPT_MATCHES], excludeMatches: [...AMAZON_MATCH_PATTERNS] });
    expect(shopPagePlan(settings(true, { walmart: true }), ['https://*/*']).matches).toEqual([...ANY_SITE_SCRIPT_MATCHES, ...WALMART]);
  });

  it('the any-site addresses: every Shopify example URL the reader knows, and not a product page or a blog', () => {
    const covered = (u: string) => ANY_SITE_SCRIPT_MATCHES.some((p) => matchPattern(p, new URL(u)));
    for (const u of [
      'https://porchgoods.example/61234567890/orders/9e107d9d372bb6826bd81d3542a419d6',
      'https://jsmith.myshopify.com/548380009/orders/b1946ac92492d2347c6235b4d2611184/authenticate?key=0cc175b9c0f1b6a831c399e269772661',
      'https://a-store.example/checkouts/c/Z2NwLXVzLWNlbnRyYWwx/thank-you',
      'https://accounts.a-store.example/orders/5512345678901',
      'https://a-store.example/account/orders/5512345678901',
    ])
      expect(covered(u), u).toBe(true);
    for (const u of ['https://a-store.example/products/garden-gloves', 'https://blog.example/parcels', 'https://a-store.example/']) expect(covered(u), u).toBe(false);
  });

  it('a shop asked for while every site was granted counts as granted (the browser lists only the broader grant)', () => {
    expect(shopPagePlan(settings(false, { target: true }), ['https://*/*']).matches).toEqual(['https://*.target.com/*']);
  });

  it('every shop switch covers exactly its hosts and their subdomains, over https', () => {
    for (const s of SHOP_SITES) expect(SHOP_PAGE_HOSTS[s.id]).toEqual(s.hosts.map((h) => `https://*.${h}/*`));
    expect(new Set(SHOP_SITES.map((s) => s.id)).size).toBe(SHOP_SITES.length);
  });

  it('property: the plan never runs beyond what is both switched on and granted, and always leaves Amazon alone', () => {
    const ids = SHOP_SITES.map((s) => s.id);
    const grantable = ['https://*/*', ...Object.values(SHOP_PAGE_HOSTS).flat(), 'https://mail.google.com/*'];
    fc.assert(
      fc.property(fc.boolean(), fc.dictionary(fc.constantFrom(...ids, 'amazon', 'any-site'), fc.boolean()), fc.subarray(grantable), (any, shops, granted) => {
        const plan = shopPagePlan(settings(any, shops), granted);
        const everySite = granted.includes('https://*/*');
        for (const m of plan.matches) {
          expect(m.startsWith('https://')).toBe(true);
          if (ANY_SITE_SCRIPT_MATCHES.includes(m)) expect(any && everySite).toBe(true);
          else {
            const owner = ids.find((id) => SHOP_PAGE_HOSTS[id]!.includes(m));
            expect(owner && shops[owner] === true).toBe(true);
            expect(everySite || granted.includes(m)).toBe(true);
          }
        }
        expect(plan.excludeMatches).toEqual(plan.matches.length ? [...AMAZON_MATCH_PATTERNS] : []);
      }),
      { numRuns: 300 },
    );
  });
});
