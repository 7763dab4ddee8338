import { browser } from 'wxt/browser';

/**
 * The toolbar button's badge and tooltip. Chrome's MV3 build calls it `action`; Firefox's MV2 build
 * (what `wxt build -b firefox` makes) has only `browserAction`, where `browser.action` is undefined
 * and every badge update threw, which also stopped the next refresh alarm from being armed (found by
 * the real-Firefox tier, issue #16). The one place that picks between them.
 */
function button() {
  const api = browser.action ?? browser.browserAction;
  if (!api) throw new Error('This browser has no toolbar button API (action or browserAction)');
  return api;
}

export async function setBadge(text: string, color?: string): Promise<void> {
  const api = button();
  await api.setBadgeText({ text });
  if (color) await api.setBadgeBackgroundColor({ color });
}

export async function setButtonTitle(title: string): Promise<void> {
  await button().setTitle({ title });
}
