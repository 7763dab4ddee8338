// Copies the README's screenshots from the last E2E run (tests/e2e/artifacts/, written by
// tests/e2e/accessibility.e2e.ts, popup.e2e.ts and popup-german.e2e.ts at 400 × 600) into tests/e2e/screenshots/, which
// the README shows (issue #13 §5). Run after `npm run test:e2e`; look at every picture before committing.
import { copyFileSync, existsSync } from 'node:fs';

const pictures = {
  'popup-first': 'the empty popup',
  'popup-list': 'the list',
  'popup-package': 'a package',
  'popup-add': 'pasted numbers',
  'popup-history': 'History',
  'options-data': 'options: Data',
};
// The popup in German (issue #13 §2), from tests/e2e/popup-german.e2e.ts.
const german = { 'popup-de-list': 'the list in German', 'popup-de-package': 'a package in German' };
let missing = 0;
for (const name of [...Object.keys(pictures), ...Object.keys(german)]) {
  for (const theme of ['light', 'dark']) {
    const from = name in german ? `tests/e2e/artifacts/${name}-${theme}.png` : `tests/e2e/artifacts/a11y-${name}-${theme}.png`;
    if (!existsSync(from)) {
      console.error(`missing ${from}: run the E2E suite first`);
      missing++;
      continue;
    }
    copyFileSync(from, `tests/e2e/screenshots/${name}-${theme}.png`);
  }
}
process.exit(missing ? 1 : 0);
