/** Issue #14: the carrier-page script runs only on the sites the shopper turned on and granted. */
import { describe, expect, it } from 'vitest';
import { CARRIER_PAGE_SITES, carrierPageSiteFor } from '../../../lib/carrier-pages/registry';
import { carrierPageMatches } from '../../../lib/platform/carrier-pages';
import { parseSettings } from '../../../lib/settings';

describe('carrier page registration', () => {
  const on = (sites: Record<string, boolean>) => ({ carrierPages: sites });
  it('needs both the switch and the granted host', () => {
    expect(carrierPageMatches(on({ ups: true }), ['https://www.ups.com/*', 'https://wwwapps.ups.com/*'])).toEqual(['https://www.ups.com/*', 'https://wwwapps.ups.com/*']);
    expect(carrierPageMatches(on({ ups: true }), [])).toEqual([]);
    expect(carrierPageMatches(on({ ups: false, gls: true }), ['https://www.ups.com/*', 'https://gls-group.eu/*'])).toEqual(['https://gls-group.eu/*']);
    expect(carrierPageMatches(on({}), ['https://www.ups.com/*'])).toEqual([]);
  });

  it('is off for every site by default, and a corrupt stored value stays off', () => {
    expect(parseSettings(undefined).carrierPages).toEqual({});
    expect(parseSettings({ carrierPages: 'yes' }).carrierPages).toEqual({});
    expect(parseSettings({ carrierPages: { ups: 'yes', gls: true } }).carrierPages).toEqual({ ups: false, gls: true });
  });

  it("every site's match patterns cover exactly its hosts, over https", () => {
    for (const s of CARRIER_PAGE_SITES) {
      expect(s.matchPatterns).toEqual(s.hosts.map((h) => `https://${h}/*`));
      for (const h of s.hosts) expect(carrierPageSiteFor(new URL(`https://${h}/track`))?.site).toBe(s.site);
    }
    expect(new Set(CARRIER_PAGE_SITES.map((s) => s.site)).size).toBe(CARRIER_PAGE_SITES.length);
  });
});
