import { browser } from 'wxt/browser';

/**
 * Opens the popup's page in a popup-sized window (a notification click, issue #11 §6): the popup is laid
 * out for 400 px, so a full-width tab would stretch it. With a package id it opens that package's view.
 * Falls back to a tab where windows cannot be created (Firefox on Android).
 */
export async function openPopupWindow(packageId: string | null): Promise<void> {
  const url = browser.runtime.getURL(`/popup.html${packageId ? `#package=${encodeURIComponent(packageId)}` : ''}`);
  try {
    await browser.windows.create({ url, type: 'popup', width: 420, height: 640, focused: true });
  } catch {
    await browser.tabs.create({ url });
  }
}

/** First install: the options page with the three ways in (issue #11 §5). */
export async function openWelcome(): Promise<void> {
  await browser.tabs.create({ url: browser.runtime.getURL('/options.html#welcome') });
}
