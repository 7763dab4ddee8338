/**
 * Every carrier site whose tracking pages the reader knows (issue #14), from the carriers' folders.
 * Pure data: the manifest's optional hosts (lib/hosts.ts) and the options page switches come from here.
 */
import { dhlExpressPage, dhlPaketPage } from '../carriers/dhl/page';
import { fedexPage } from '../carriers/fedex/page';
import { glsPage } from '../carriers/gls/page';
import { upsPage } from '../carriers/ups/page';
import { uspsPage } from '../carriers/usps/page';
import type { CarrierPageHints } from './hints';

export const CARRIER_PAGE_SITES: readonly CarrierPageHints[] = [upsPage, uspsPage, fedexPage, dhlPaketPage, dhlExpressPage, glsPage];

/** The site `url` belongs to (https and an exact host), or null. */
export function carrierPageSiteFor(url: URL): CarrierPageHints | null {
  if (url.protocol !== 'https:') return null;
  const host = url.hostname.toLowerCase();
  return CARRIER_PAGE_SITES.find((s) => s.hosts.includes(host)) ?? null;
}
