/**
 * The options page's "Carrier tracking pages" section, pure (issue #14): one switch per carrier
 * site, with the hosts it asks for when turned on. The sites and hosts come from
 * lib/carrier-pages/registry.ts, which the manifest's optional permissions are built from.
 */
import { CARRIER_PAGE_SITES } from '../carrier-pages/registry';

export interface CarrierPageSiteInfo {
  id: string;
  name: string;
  hostPatterns: readonly string[];
  description: string;
}

const hostsOf = (patterns: readonly string[]) => patterns.map((p) => new URL(p.replace('/*', '/')).host);

export const CARRIER_PAGE_SITE_INFO: readonly CarrierPageSiteInfo[] = CARRIER_PAGE_SITES.map((s) => ({
  id: s.site,
  name: s.name,
  hostPatterns: s.matchPatterns,
  description: `Reads ${s.name} tracking pages you open yourself (${hostsOf(s.matchPatterns).join(', ')}); Porchlight never opens them for you.`,
}));

/** The message shown when the browser refuses the permission (the switch stays off). */
export function carrierPageRefusedMessage(site: CarrierPageSiteInfo): string {
  return `${site.name} pages stay unread: the browser did not grant access to ${hostsOf(site.hostPatterns).join(', ')}.`;
}
