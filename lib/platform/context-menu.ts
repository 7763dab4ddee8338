import { browser } from 'wxt/browser';
import type { Translate } from '../i18n/translate';

/**
 * Context-menu items (issue #3 §6): "Track …" on a selection, and "Scan this page for parcels".
 * A click grants activeTab for that tab, which is all the page scan needs: no standing access to sites.
 */
export const MENU_TRACK_SELECTION = 'porchlight-track-selection';
export const MENU_SCAN_PAGE = 'porchlight-scan-page';

/** Made in the browser's language (issue #13 §2); `%s` in the title is the browser's: the selected text. */
export async function createMenus(t: Translate): Promise<void> {
  if (!browser.contextMenus) return;
  await browser.contextMenus.removeAll();
  browser.contextMenus.create({ id: MENU_TRACK_SELECTION, title: t('menuTrackSelection'), contexts: ['selection'] });
  browser.contextMenus.create({ id: MENU_SCAN_PAGE, title: t('menuScanPage'), contexts: ['page'] });
}

/** The page's HTML and URL, read in the tab itself (needs activeTab from a user gesture). The error is the shopper's notice. */
export async function readTabHtml(tabId: number, t: Translate): Promise<{ html: string; url: string }> {
  const [res] = await browser.scripting.executeScript({
    target: { tabId },
    func: () => ({ html: document.documentElement.outerHTML, url: location.href }),
  });
  const value = res?.result as { html: string; url: string } | undefined;
  if (!value) throw new Error(t('menuCouldNotReadPage'));
  return value;
}

/** A short notice for a user action that found nothing or failed (never page text as HTML). */
export async function notice(title: string, message: string): Promise<void> {
  await browser.notifications.create(`porchlight:notice:${Date.now()}`, {
    type: 'basic',
    iconUrl: browser.runtime.getURL('/icon/128.png'),
    title,
    message,
  });
}
