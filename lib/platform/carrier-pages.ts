import { browser } from 'wxt/browser';
import { CARRIER_PAGE_HOSTS } from '../hosts';
import type { Settings } from '../settings';
import { grantedHosts } from './permissions';

/**
 * Carrier tracking pages (issue #14): the carrier-page content script is registered at run time
 * (`scripting.registerContentScripts`), for the carrier sites the shopper turned on *and* granted,
 * and unregistered when either goes away. A manifest `content_scripts` entry would make WXT list its
 * hosts as required at install (issue #10: least privilege); registering at run time keeps every
 * carrier site an optional permission. The shopper's visit is the only trigger: nothing here fetches
 * a carrier website.
 */
export const CARRIER_PAGE_SCRIPT_ID = 'porchlight-carrier-pages';

/** Which match patterns the script should run on, given settings and granted origins (pure). */
export function carrierPageMatches(settings: Pick<Settings, 'carrierPages'>, granted: readonly string[]): string[] {
  const have = new Set(granted);
  return Object.entries(CARRIER_PAGE_HOSTS)
    .filter(([site]) => settings.carrierPages[site] === true)
    .flatMap(([, patterns]) => patterns.filter((p) => have.has(p)));
}

export async function syncCarrierPageScripts(settings: Settings): Promise<string[]> {
  const scripting = browser.scripting;
  if (!scripting?.registerContentScripts) return [];
  const matches = carrierPageMatches(settings, await grantedHosts());
  const existing = await scripting.getRegisteredContentScripts({ ids: [CARRIER_PAGE_SCRIPT_ID] });
  if (existing.length) await scripting.unregisterContentScripts({ ids: [CARRIER_PAGE_SCRIPT_ID] });
  if (matches.length) {
    await scripting.registerContentScripts([
      { id: CARRIER_PAGE_SCRIPT_ID, matches, js: ['content-scripts/carrier-page.js'], runAt: 'document_idle', persistAcrossSessions: true },
    ]);
  }
  return matches;
}
