import type { Page } from 'puppeteer-core';
import { AXE_SOURCE, runAxe, violationLines, WCAG_TAGS } from './axe';
import { waitFor } from './browser';
import { EXTENSION_ORIGIN, type FirefoxExtension } from './firefox';

/**
 * axe in real Firefox (issue #13 §1) on the popup's list, one package's view (opened and closed by
 * keyboard) and the options page with every "How to" open. `popup` shows at least one package.
 * Returns what ran and one line per failing node.
 */
export async function axeOnPopupAndOptions(ff: FirefoxExtension, popup: Page, scheme: 'light' | 'dark'): Promise<{ audited: string[]; lines: string[] }> {
  const audited: string[] = [];
  const lines: string[] = [];
  const audit = async (page: Page, view: string) => {
    if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(AXE_SOURCE);
    lines.push(...violationLines(`${view} (${scheme})`, await page.evaluate(runAxe, WCAG_TAGS)));
    audited.push(`${view} (${scheme})`);
  };
  await audit(popup, 'popup list');
  // Keyboard, as a shopper would: focus the first row's button, Enter opens, Escape closes.
  await popup.evaluate(() => document.querySelector<HTMLElement>('[data-package-id] .pkg__open')!.focus());
  await popup.keyboard.press('Enter');
  await waitFor(() => popup.evaluate(() => document.activeElement?.id === 'view-title'), 10_000, 'the package view');
  await audit(popup, 'package view');
  await popup.keyboard.press('Escape');
  await waitFor(() => popup.evaluate(() => Boolean(document.activeElement?.closest('[data-package-id]'))), 10_000, 'the list again');
  const options = await ff.openTab(`${EXTENSION_ORIGIN}/options.html`);
  try {
    await waitFor(() => options.evaluate(() => document.querySelectorAll('main > section[id]').length > 3), 15_000, 'the options sections');
    // Every "How to" open (details elements), so their steps are checked too.
    await options.evaluate(() => document.querySelectorAll('details').forEach((d) => void (d.open = true)));
    await audit(options, 'options');
  } finally {
    await options.close();
  }
  return { audited, lines };
}
