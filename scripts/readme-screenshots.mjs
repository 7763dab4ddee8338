// Copies the README's screenshots from the last E2E run (tests/e2e/artifacts/, written by
// tests/e2e/accessibility.e2e.ts and popup.e2e.ts at 400 × 600) into tests/e2e/screenshots/, which
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
let missing = 0;
for (const name of Object.keys(pictures)) {
  for (const theme of ['light', 'dark']) {
    const from = `tests/e2e/artifacts/a11y-${name}-${theme}.png`;
    if (!existsSync(from)) {
      console.error(`missing ${from}: run the E2E suite first`);
      missing++;
      continue;
    }
    copyFileSync(from, `tests/e2e/screenshots/${name}-${theme}.png`);
  }
}
process.exit(missing ? 1 : 0);
