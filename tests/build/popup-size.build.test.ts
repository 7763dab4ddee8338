/**
 * Issue #13 §3: everything the production popup.html loads before its first paint (the page, its
 * script, stylesheet and modulepreload tags, and every module those import statically) is at most
 * 35 KB gzip. Run after `npx wxt build` (scripts/test-all.mjs, build checks); prints each file.
 */
import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { formatFirstLoad, POPUP_FIRST_LOAD_LIMIT, popupFirstLoad } from '../support/popup-size';

describe('the popup first load (issue #13 §3)', () => {
  for (const dist of ['.output/chrome-mv3', '.output/firefox-mv2']) {
    it(`${dist}/popup.html loads at most 35 KB gzip before it paints`, () => {
      expect(existsSync(`${dist}/popup.html`), `${dist} is built`).toBe(true);
      const load = popupFirstLoad(dist);
      console.log(`${dist}/popup.html first load:\n${formatFirstLoad(load)}`);
      // The page's own script and stylesheet are among what was counted: the reading follows the tags.
      expect(load.files.some((f) => f.file.endsWith('.js'))).toBe(true);
      expect(load.files.some((f) => f.file.endsWith('.css'))).toBe(true);
      expect(load.total).toBeLessThanOrEqual(POPUP_FIRST_LOAD_LIMIT);
    });
  }
});
