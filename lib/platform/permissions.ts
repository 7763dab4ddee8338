import { browser } from 'wxt/browser';

/**
 * Optional host permissions (issue #10): asked for when the shopper turns a feature on, given back
 * when they turn it off. The hosts of each feature are in lib/hosts.ts; the manifest declares them
 * all as optional (wxt.config.ts), and the browser refuses a request for any host it does not list.
 * https://developer.chrome.com/docs/extensions/reference/api/permissions
 */

/**
 * Asks for `patterns`; true when the shopper granted them. Call it straight from the click, before
 * any other await, or the browser refuses it ("must be called during a user gesture").
 */
export function requestHosts(patterns: readonly string[]): Promise<boolean> {
  return browser.permissions.request({ origins: [...patterns] });
}

/** Gives `patterns` back; true when they were removed. */
export function releaseHosts(patterns: readonly string[]): Promise<boolean> {
  return browser.permissions.remove({ origins: [...patterns] });
}

/** Every host pattern granted now, required and optional. */
export async function grantedHosts(): Promise<string[]> {
  return (await browser.permissions.getAll()).origins ?? [];
}
