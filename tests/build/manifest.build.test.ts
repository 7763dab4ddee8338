/**
 * The built extension, as `wxt build` wrote it (issue #10 "Build" 1, issue #19 §12): run by
 * `npm test` after every variant is built (scripts/test-all.mjs; alone: `npx vitest run --config
 * vitest.build.config.ts` after `npx wxt build`, `npx wxt build -b firefox`,
 * `PORCHLIGHT_VARIANT=e2e npx wxt build`, `PORCHLIGHT_VARIANT=e2e npx wxt build -b firefox` and `PORCHLIGHT_VARIANT=demo npx wxt build`).
 *
 * The expected lists are spelled out here, not taken from wxt.config.ts: a host or permission added
 * to the manifest fails this file until it, the README and the reviewer agree.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  AMAZON_HOSTS,
  AMAZON_MATCH_PATTERNS,
  ANY_SITE_PAGE_PATTERNS,
  CARRIER_API_HOST_PATTERNS,
  CARRIER_PAGE_HOST_PATTERNS,
  OPTIONAL_HOST_PATTERNS,
  SHOP_PAGE_HOST_PATTERNS,
  WEBMAIL_HOST_PATTERNS,
} from '../../lib/hosts';
import { type BuiltManifest, filesContaining, type ManifestPolicy, manifestProblems, permissionsOf, readmeHosts } from '../support/manifest-policy';

const DEMO_HOST = 'https://api.demo-carrier.test/*';
const API_PERMISSIONS = ['storage', 'alarms', 'notifications', 'unlimitedStorage', 'contextMenus', 'activeTab', 'scripting'];
const CHROME_API = [...API_PERMISSIONS, 'offscreen'];

/** Strings only the demo carrier's code, host and number format contain. */
const DEMO_NEEDLES = ['PLDEMO', 'demo-carrier'];

const BUILDS: { dir: string; policy: ManifestPolicy; demo: boolean }[] = [
  {
    dir: '.output/chrome-mv3',
    demo: false,
    policy: { requiredHosts: AMAZON_MATCH_PATTERNS, optionalHosts: OPTIONAL_HOST_PATTERNS, apiPermissions: CHROME_API, contentScriptHosts: AMAZON_HOSTS },
  },
  {
    dir: '.output/firefox-mv2',
    demo: false,
    policy: { requiredHosts: AMAZON_MATCH_PATTERNS, optionalHosts: OPTIONAL_HOST_PATTERNS, apiPermissions: API_PERMISSIONS, contentScriptHosts: AMAZON_HOSTS },
  },
  {
    dir: '.output-demo/chrome-mv3',
    demo: true,
    policy: {
      requiredHosts: [...AMAZON_MATCH_PATTERNS, DEMO_HOST],
      optionalHosts: OPTIONAL_HOST_PATTERNS,
      apiPermissions: CHROME_API,
      contentScriptHosts: AMAZON_HOSTS,
      allowTestHosts: true,
    },
  },
  {
    // Issue #15: the shops and "any site" too, since a test cannot click Chrome's prompt.
    dir: '.output-e2e/chrome-mv3',
    demo: true,
    policy: {
      requiredHosts: [...AMAZON_MATCH_PATTERNS, DEMO_HOST, ...CARRIER_API_HOST_PATTERNS, ...CARRIER_PAGE_HOST_PATTERNS, ...SHOP_PAGE_HOST_PATTERNS, ...ANY_SITE_PAGE_PATTERNS],
      optionalHosts: WEBMAIL_HOST_PATTERNS,
      apiPermissions: CHROME_API,
      contentScriptHosts: AMAZON_HOSTS,
      allowTestHosts: true,
      wildcardHostsForTests: [...SHOP_PAGE_HOST_PATTERNS, ...ANY_SITE_PAGE_PATTERNS],
    },
  },
  {
    // The real-Firefox tier's build (issue #16): the E2E hosts, plus the two pages it opens from a link.
    dir: '.output-e2e/firefox-mv2',
    demo: true,
    policy: {
      requiredHosts: [...AMAZON_MATCH_PATTERNS, DEMO_HOST, ...CARRIER_API_HOST_PATTERNS, ...CARRIER_PAGE_HOST_PATTERNS],
      // The shops stay optional here: this tier checks that webmail hosts are not granted, and "any site" would grant them.
      optionalHosts: [...WEBMAIL_HOST_PATTERNS, ...SHOP_PAGE_HOST_PATTERNS, ...ANY_SITE_PAGE_PATTERNS],
      apiPermissions: API_PERMISSIONS,
      contentScriptHosts: AMAZON_HOSTS,
      allowTestHosts: true,
      webAccessibleForTests: ['popup.html', 'options.html'],
    },
  },
];

function load(dir: string): BuiltManifest {
  const file = join(dir, 'manifest.json');
  if (!existsSync(file)) throw new Error(`${file} is missing: build every variant first (see this file's header)`);
  return JSON.parse(readFileSync(file, 'utf8')) as BuiltManifest;
}

describe.each(BUILDS)('$dir', ({ dir, policy, demo }) => {
  it('asks for exactly its hosts and permissions, with a strict CSP and content scripts on order and track paths only', () => {
    expect(manifestProblems(load(dir), policy)).toEqual([]);
  });

  it(demo ? 'has the demo carrier' : 'has no demo code, host or number format', () => {
    load(dir);
    const found = filesContaining(dir, DEMO_NEEDLES);
    if (demo) expect(found.map((f) => f.needle)).toEqual(expect.arrayContaining(DEMO_NEEDLES));
    else expect(found).toEqual([]);
  });

  it('loads no remote code', () => {
    load(dir);
    // Pages load scripts and styles only from the package; the CSP above forbids the rest anyway.
    expect(filesContaining(dir, ['src="http', "src='http", 'href="http', '<script src="//'], ['.html'])).toEqual([]);
  });
});

describe('README "Privacy and permissions"', () => {
  it.each(['.output/chrome-mv3', '.output/firefox-mv2'])('lists the hosts %s asks for, word for word', (dir) => {
    const readme = readmeHosts(readFileSync('README.md', 'utf8'));
    const built = permissionsOf(load(dir));
    expect(readme.required).toEqual(built.requiredHosts);
    expect(readme.optional).toEqual(built.optionalHosts);
  });
});
