/**
 * Issue #13 in real Chromium: axe-core (WCAG 2.0, 2.1 and 2.2, A and AA) on every view of the built
 * extension, in light and in dark, with 0 violations: the empty popup, the box offering numbers to
 * track, the list with packages (one delayed, one ready for pickup, one nobody can refresh), History,
 * an opened package, and the options page with every section and every "How to" opened. Keyboard
 * alone: Tab from the box reaches a row, Enter opens it, Tab walks the package view and Escape brings
 * the focus back to the row; every control of the options page is reached by Tab, each with a visible
 * focus ring. One browser, one popup page and one options page. Screenshots of each view in each theme
 * go to tests/e2e/artifacts/a11y-*.png for a person to look at.
 *
 * axe is injected with page.evaluate (a DevTools Runtime.evaluate, which the extension pages' CSP
 * `script-src 'self'` does not govern): an inline <script> is refused (the first test checks both).
 *
 * Measured on main (d3040f7) before the fixes: axe's one violation was the options page's "Yes,
 * delete everything" in dark, white on #f87171, 2.76:1 (now dark ink, 6.41:1). Boundaries axe does
 * not check (1.4.11, 3:1): the box's edge 1.24:1 light and 1.72:1 dark on the page, fields and an off
 * switch 1.42:1 on the options cards (now 4.13 / 4.76 / 3.94–4.49:1). The pairs issue #13 names were
 * already fixed on main: dark "Needs attention" 9.35:1, dark warning text on its banner 9.10:1, light
 * group headings 5.87:1 at 12 px. The progress had no progressbar role (now named "Progress of
 * <title>" with its step in words).
 */
import { mkdirSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { amazonPagesRoute } from '../support/amazon-pages-route';
import { AXE_SOURCE, runAxe, type Violation, violationLines, WCAG_TAGS } from '../support/axe';
import { type ExtensionBrowser, launchWithExtension, openPopup, quietHoursOff, readStore, waitFor } from '../support/browser';
import { demoProvider } from '../support/carrier-server/providers/demo';
import { PROVIDERS } from '../support/carrier-server/providers';
import { type CarrierServer, startCarrierServer } from '../support/carrier-server/server';
import { DEMO_SHIPMENTS } from '../support/demo/catalog';
import { loopbackTls } from '../support/tls';

const ARTIFACTS = 'tests/e2e/artifacts';
const UPS = '1Z999AA10123456784';
// Long steps: real time passing during the run never crosses a step by itself.
const STEP_MS = 600_000;
const [, DELAYED, PICKUP] = DEMO_SHIPMENTS.map((s) => s.number) as [string, string, string];

/** Every view and theme axe ran on, so a view skipped by an earlier failure cannot pass unseen. */
const audited: string[] = [];

/** Runs axe on the page as it is now, in each theme; returns one line per failing node, empty when clean. */
async function audit(page: Page, view: string): Promise<string[]> {
  const lines: string[] = [];
  for (const colorScheme of ['light', 'dark'] as const) {
    audited.push(`${view} ${colorScheme}`);
    // Reduced motion: the switches' colour transition must not be caught half way.
    await page.emulateMedia({ colorScheme, reducedMotion: 'reduce' });
    if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(AXE_SOURCE);
    const violations: Violation[] = await page.evaluate(runAxe, WCAG_TAGS);
    lines.push(...violationLines(`${view} (${colorScheme})`, violations));
    await page.screenshot({ path: `${ARTIFACTS}/a11y-${view}-${colorScheme}.png`, fullPage: true });
    // A long page is also saved a section at a time, small enough to read.
    for (const part of await page.locator('main > section[id]').all()) {
      await part.screenshot({ path: `${ARTIFACTS}/a11y-${view}-${await part.getAttribute('id')}-${colorScheme}.png` });
    }
  }
  await page.emulateMedia({ colorScheme: 'light', reducedMotion: 'reduce' });
  return lines;
}

/**
 * Contrast of a component's boundary against what is behind it (WCAG 1.4.11 asks 3:1; axe checks
 * text only), from computed colours, in each theme: `[selector, property, selector behind it]`.
 */
async function boundaries(page: Page, pairs: [string, string, string][]): Promise<string[]> {
  const out: string[] = [];
  for (const colorScheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme, reducedMotion: 'reduce' });
    const ratios = await page.evaluate((list) => {
      // rgb(…) as computed, or #rrggbb as a custom property is written.
      const rgb = (c: string) => {
        const h = /#([0-9a-f]{6})/i.exec(c)?.[1];
        return h ? [0, 2, 4].map((i) => parseInt(h.slice(i, i + 2), 16)) : (c.match(/\d+(\.\d+)?/g) ?? []).slice(0, 3).map(Number);
      };
      const lum = (c: string) => {
        const [r, g, b] = rgb(c).map((v) => (v / 255 <= 0.04045 ? v / 255 / 12.92 : ((v / 255 + 0.055) / 1.055) ** 2.4));
        return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
      };
      return list.map(([sel, prop, behind]) => {
        const a = getComputedStyle(document.querySelector(sel)!).getPropertyValue(prop);
        const b = getComputedStyle(document.querySelector(behind)!).backgroundColor;
        const [hi, lo] = [lum(a), lum(b)].sort((x, y) => y - x);
        return `${sel} ${prop} on ${behind}: ${((hi! + 0.05) / (lo! + 0.05)).toFixed(2)}`;
      });
    }, pairs);
    out.push(...ratios.map((r) => `${colorScheme} ${r}`));
  }
  await page.emulateMedia({ colorScheme: 'light', reducedMotion: 'reduce' });
  return out;
}
const below3 = (lines: string[]) => lines.filter((l) => Number(l.slice(l.lastIndexOf(' ') + 1)) < 3);

/** What has the focus: its tag, role, name and whether its focus indicator is drawn. */
const focused = (page: Page) =>
  page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    if (!el || el === document.body) return null;
    // The switch draws its ring on the track beside the (invisible) checkbox.
    const ring = el.matches('.switch input') ? el.nextElementSibling! : el;
    const s = getComputedStyle(ring);
    return {
      key: el.id || el.getAttribute('data-a11y-key') || '',
      text: (el.getAttribute('aria-label') ?? el.textContent ?? '').trim().slice(0, 60),
      ring: s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) >= 2,
      row: el.closest('[data-package-id]')?.getAttribute('data-package-id') ?? null,
    };
  });

describe('accessible popup and options, checked by axe in real Chromium (issue #13)', () => {
  let server: CarrierServer;
  let browser: ExtensionBrowser;
  let popup: Page;
  const found: string[] = [];
  const route = amazonPagesRoute({ '/gp/css/order-history': 'tests/fixtures/amazon/order-history-2024-0.html' });
  const rows = () => popup.locator('[data-package-id]');

  beforeAll(async () => {
    mkdirSync(ARTIFACTS, { recursive: true });
    // The demo carrier's steps moved by hand (as in engine.e2e.ts): in transit (step 2) when first asked.
    server = await startCarrierServer({ tls: await loopbackTls(), extraRoutes: [route], providers: [demoProvider(STEP_MS), ...PROVIDERS.filter((p) => p.id !== 'demo')], quiet: true });
    server.advance(2 * STEP_MS + 1000);
    browser = await launchWithExtension({ port: server.port });
    await quietHoursOff(browser);
    popup = await openPopup(browser);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('axe runs inside the extension page despite its CSP', async () => {
    await popup.locator('.welcome').waitFor({ timeout: 10_000 });
    // The page's CSP refuses an inline script, as it would a <script> tag with axe's source.
    await popup.addScriptTag({ content: 'window.__inlineRan = true;' }).catch(() => null);
    expect(await popup.evaluate(() => '__inlineRan' in window)).toBe(false);
    await popup.evaluate(AXE_SOURCE);
    expect(await popup.evaluate(() => typeof (window as unknown as { axe?: { version: string } }).axe?.version)).toBe('string');
  });

  it('the empty popup; its live regions are in the page while empty, a failure is an alert', async () => {
    // display: none takes a region out of the accessibility tree, and text appearing in it is often not announced.
    for (const region of ['.popup__status', '.popup__alert', '#box-status']) expect(await popup.locator(region).evaluate((e) => getComputedStyle(e).display)).not.toBe('none');
    // The empty state as a new shopper first sees it, in both themes (the README's screenshots: scripts/readme-screenshots.mjs).
    for (const colorScheme of ['light', 'dark'] as const) {
      await popup.emulateMedia({ colorScheme, reducedMotion: 'reduce' });
      await popup.screenshot({ path: `${ARTIFACTS}/a11y-popup-first-${colorScheme}.png` });
    }
    await popup.emulateMedia({ colorScheme: 'light', reducedMotion: 'reduce' });
    // A failure is an alert: "Scan page" on the popup's own tab (an extension page) cannot scan it.
    await popup.getByRole('button', { name: 'Scan page' }).click();
    await popup.locator('.popup__alert').filter({ hasText: 'cannot be scanned' }).waitFor({ timeout: 5_000 });
    found.push(...(await audit(popup, 'popup-empty')));
  });

  it('the box offering numbers to track', async () => {
    await popup.getByRole('searchbox', { name: /Search your packages/ }).fill(`${DELAYED}\n${PICKUP}\n${UPS}\n1Z999AA10123456785`);
    await popup.locator(`[data-offer="${UPS}"]`).waitFor({ timeout: 5_000 });
    await popup.locator('.box__reason').waitFor({ timeout: 5_000 });
    found.push(...(await audit(popup, 'popup-add')));
    // The box is a field: its edge must show (main had 1.24:1 light, 1.72:1 dark); and the focus ring.
    const edges = await boundaries(popup, [
      ['.box__input', 'border-top-color', 'body'],
      ['.box__input', 'border-top-color', '.box__input'],
      [':root', '--focus', 'body'],
    ]);
    expect(below3(edges), edges.join('\n')).toEqual([]);
  });

  it('the list with packages, its result said in a live region', async () => {
    await popup.getByRole('button', { name: 'Track 3 numbers' }).click();
    await popup.getByRole('status').filter({ hasText: 'Now tracking 3 new packages' }).waitFor({ timeout: 10_000 });
    await waitFor(async () => (await readStore(popup, 'packages')).length === 3, 10_000, 'three packages');
    await popup.getByRole('button', { name: 'Refresh', exact: true }).click();
    await popup.getByRole('status').filter({ hasText: /Checked 2 packages/ }).waitFor({ timeout: 10_000 });
    // Step 6: the delayed parcel's ETA has slipped since the first reading, the pickup parcel waits at its locker.
    await popup.locator(`[data-package-id="demo:${DELAYED}"]`).filter({ hasText: 'On the way' }).waitFor({ timeout: 20_000 });
    server.advance(4 * STEP_MS);
    await popup.getByRole('button', { name: 'Refresh', exact: true }).click();
    await popup.locator('[data-group="attention"]').waitFor({ timeout: 20_000 });
    await popup.locator('[data-group="pickup"]').waitFor({ timeout: 20_000 });
    await popup.getByRole('status').filter({ hasText: /Checked 2 packages/ }).waitFor({ timeout: 10_000 });
    found.push(...(await audit(popup, 'popup-list')));
  });

  it('History, filled from a real Amazon order history page', async () => {
    const page = await browser.context.newPage();
    await page.goto('https://www.amazon.com/gp/css/order-history', { waitUntil: 'domcontentloaded' });
    await waitFor(async () => (await readStore(popup, 'orders')).length >= 10, 30_000, 'the orders of the page');
    await page.close();
    await popup.bringToFront();
    const history = popup.getByRole('button', { name: /^History/ });
    await waitFor(async () => !/History 0/.test((await history.textContent()) ?? ''), 10_000, 'History to fill');
    await history.click();
    await waitFor(async () => (await rows().count()) > 5, 5_000, 'the History list');
    found.push(...(await audit(popup, 'popup-history')));
    await popup.getByRole('button', { name: /^Current/ }).click();
    await popup.locator('[data-group="attention"]').waitFor({ timeout: 5_000 });
  });

  it('keyboard alone: Tab from the box to a row, Enter opens it, Tab walks the view, Escape returns to the row', async () => {
    await popup.locator('#box').focus();
    let row: string | null = null;
    for (let i = 0; i < 12 && !row; i++) {
      await popup.keyboard.press('Tab');
      const f = await focused(popup);
      expect(f?.ring, `focus ring on ${f?.text}`).toBe(true);
      row = f?.row ?? null;
    }
    expect(row).toBe(`demo:${DELAYED}`);
    await popup.keyboard.press('Enter');
    await popup.locator(`[data-view-package="${row}"]`).waitFor({ timeout: 5_000 });
    await waitFor(async () => (await focused(popup))?.key === 'view-title', 5_000, 'focus on the view\'s heading');
    // The view's heading has the focus; Shift+Tab twice is Back, then Tab walks every control of the
    // view in order, each with its ring.
    await popup.keyboard.press('Shift+Tab');
    await popup.keyboard.press('Shift+Tab');
    expect((await focused(popup))?.text).toBe('Back to the list');
    const controls = await popup.evaluate(() =>
      [...document.querySelectorAll('[data-view-package] button')].map((el, i) => {
        el.setAttribute('data-a11y-key', `b${i}`);
        return `b${i}`;
      }),
    );
    expect(controls.length).toBeGreaterThan(8);
    const reached = ['b0'];
    for (let i = 1; i < controls.length; i++) {
      await popup.keyboard.press('Tab');
      const f = await focused(popup);
      expect(f?.ring, `focus ring on ${f?.text}`).toBe(true);
      reached.push(f?.key ?? '');
    }
    expect(reached).toEqual(controls);
    await popup.keyboard.press('Escape');
    await waitFor(async () => (await focused(popup))?.row === row, 5_000, 'focus back on the row');
  });

  it('an opened package: delayed, with its alert, progress and timeline', async () => {
    await popup.keyboard.press('Enter');
    const view = popup.locator(`[data-view-package="demo:${DELAYED}"]`);
    await view.waitFor({ timeout: 5_000 });
    await view.locator('.event').first().waitFor({ timeout: 5_000 });
    const bar = view.getByRole('progressbar');
    expect(await bar.getAttribute('aria-valuenow')).toBe('3');
    expect(await bar.getAttribute('aria-valuetext')).toContain('In transit');
    found.push(...(await audit(popup, 'popup-package')));
    await popup.keyboard.press('Escape');
    await popup.locator(`[data-package-id="demo:${PICKUP}"] .pkg__open`).click();
    await popup.locator(`[data-view-package="demo:${PICKUP}"] [aria-labelledby="pickup-h"]`).waitFor({ timeout: 5_000 });
    found.push(...(await audit(popup, 'popup-pickup')));
    await popup.keyboard.press('Escape');
  });

  it('the options page, every section, every "How to" open; Tab reaches every control with a visible ring', async () => {
    const options = await browser.context.newPage();
    await options.setViewportSize({ width: 1000, height: 900 });
    await options.goto(`chrome-extension://${browser.extensionId}/options.html`);
    await options.locator('#diagnostics').waitFor({ timeout: 10_000 });
    await options.evaluate(() => document.querySelectorAll('details').forEach((d) => (d.open = true)));
    // States with their own colours: a card's error (a test with empty fields asks for nothing) and
    // the delete confirmation (its red button; not pressed).
    await options.locator('[data-provider]').first().getByRole('button', { name: 'Test connection' }).click();
    await options.getByRole('alert').filter({ hasText: 'Not tested' }).waitFor({ timeout: 5_000 });
    await options.getByRole('button', { name: 'Delete all data…' }).click();
    await options.getByRole('button', { name: 'Yes, delete everything' }).waitFor({ timeout: 5_000 });
    found.push(...(await audit(options, 'options')));
    // A switch that is off, a text field and the focus ring against the card they sit on.
    const edges = await boundaries(options, [
      ['#notify-quiet + .switch__track', 'background-color', '#notifications'],
      ['#notifications input[type="number"]', 'border-top-color', '#notifications'],
      [':root', '--focus', '#notifications'],
      [':root', '--focus', 'body'],
    ]);
    expect(below3(edges), edges.join('\n')).toEqual([]);

    // Tab from the top: every focusable control in document order, each with its ring.
    const all = await options.evaluate(() => {
      const list = [...document.querySelectorAll<HTMLElement>('a[href], button, input, select, textarea, summary, [tabindex]')].filter(
        (el) => !(el as HTMLButtonElement).disabled && el.tabIndex >= 0 && el.getClientRects().length > 0,
      );
      list.forEach((el, i) => el.setAttribute('data-a11y-key', el.id || `c${i}`));
      return list.map((el) => el.getAttribute('data-a11y-key')!);
    });
    expect(all.length).toBeGreaterThan(40);
    // A click on the page's empty top corner puts the start of Tab navigation at the top.
    await options.evaluate(() => window.scrollTo(0, 0));
    await options.mouse.click(2, 2);
    const reached: string[] = [];
    const noRing: string[] = [];
    for (let i = 0; i < all.length; i++) {
      await options.keyboard.press('Tab');
      const f = await focused(options);
      if (!f) continue;
      reached.push(f.key);
      if (!f.ring) noRing.push(`${f.key} ${f.text}`);
    }
    expect(reached).toEqual(all);
    expect(noRing).toEqual([]);
    await options.close();
  });

  it('0 axe violations on every view in both themes', () => {
    const views = ['popup-empty', 'popup-add', 'popup-list', 'popup-history', 'popup-package', 'popup-pickup', 'options'];
    expect(audited).toEqual(views.flatMap((v) => [`${v} light`, `${v} dark`]));
    expect(found, `axe found:\n${found.join('\n')}`).toEqual([]);
  });
});
