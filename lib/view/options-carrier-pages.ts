/**
 * The options page's "Carrier tracking pages" section, pure (issue #14): one switch per carrier
 * site, with the hosts it asks for when turned on. The sites and hosts come from
 * lib/carrier-pages/registry.ts, which the manifest's optional permissions are built from.
 */
import { CARRIER_PAGE_SITES } from '../carrier-pages/registry';
import type { Translate } from '../i18n/translate';

export interface CarrierPageSiteInfo {
  id: string;
  name: string;
  hostPatterns: readonly string[];
  description: string;
}

const hostsOf = (patterns: readonly string[]) => patterns.map((p) => new URL(p.replace('/*', '/')).host);

/** The carrier sites, described in the shopper's language (issue #13 §2; carrier names stay as they are). */
export function carrierPageSiteInfo(t: Translate): CarrierPageSiteInfo[] {
  return CARRIER_PAGE_SITES.map((s) => ({
    id: s.site,
    name: s.name,
    hostPatterns: s.matchPatterns,
    description: t('optionsCarrierPagesHint', s.name, hostsOf(s.matchPatterns).join(', ')),
  }));
}

/** The message shown when the browser refuses the permission (the switch stays off). */
export function carrierPageRefusedMessage(site: CarrierPageSiteInfo, t: Translate): string {
  return t('optionsCarrierPagesRefused', site.name, hostsOf(site.hostPatterns).join(', '));
}
