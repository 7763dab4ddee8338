import preact from '@preact/preset-vite';
import { defineConfig } from 'wxt';
import { DEMO_HOST_PATTERNS } from './lib/carriers/demo/host';
import {
  AMAZON_MATCH_PATTERNS,
  ANY_SITE_PAGE_PATTERNS,
  CARRIER_API_HOST_PATTERNS,
  CARRIER_PAGE_HOST_PATTERNS,
  OPTIONAL_HOST_PATTERNS,
  SHOP_PAGE_HOST_PATTERNS,
} from './lib/hosts';

/**
 * Build variants (PORCHLIGHT_VARIANT), each in its own output folder so one never overwrites another:
 *
 * - `production` (default, `.output/`): what ships. Required hosts are Amazon's marketplaces only;
 *   carrier APIs and webmail are optional permissions, asked for when the shopper turns the feature
 *   on (lib/hosts.ts). No demo carrier: no code, host or number format (issue #19 §12).
 * - `demo` (`.output-demo/`, what `npm start` builds and loads): production plus the simulated demo
 *   carrier, whose host is required so the demo runs without a prompt.
 * - `e2e` (`.output-e2e/`, the end-to-end suite): the demo plus the carrier API hosts and the carrier
 *   tracking page hosts (issue #14) granted at install, because a test cannot click Chrome's permission prompt;
 *   its Chrome build also the shops' hosts and "order pages on any site" (issue #15), which its Firefox build
 *   keeps optional, because the Firefox tier checks that webmail hosts stay optional. Its Firefox build also lists the
 *   popup and options pages as web-accessible: WebDriver BiDi refuses to navigate a tab to
 *   moz-extension://, so the real-Firefox tier opens them from a link on a page (issue #16).
 *
 * `PORCHLIGHT_E2E=1` is the older spelling of `PORCHLIGHT_VARIANT=e2e` and still works.
 * tests/build/manifest.build.test.ts reads the built manifests and fails on any drift from this.
 */
const VARIANTS = {
  production: { outDir: '.output', demo: false, carrierApisAtInstall: false, pagesForTests: false },
  demo: { outDir: '.output-demo', demo: true, carrierApisAtInstall: false, pagesForTests: false },
  e2e: { outDir: '.output-e2e', demo: true, carrierApisAtInstall: true, pagesForTests: true },
} as const;
type Variant = keyof typeof VARIANTS;

function variantFromEnv(env: NodeJS.ProcessEnv): Variant {
  const name = env.PORCHLIGHT_VARIANT ?? (env.PORCHLIGHT_E2E === '1' ? 'e2e' : 'production');
  if (!(name in VARIANTS)) throw new Error(`PORCHLIGHT_VARIANT=${name}: expected one of ${Object.keys(VARIANTS).join(', ')}`);
  return name as Variant;
}

const variant = VARIANTS[variantFromEnv(process.env)];

/**
 * No remote code and no eval, in every page and the background (Chrome's MV3 minimum is
 * `script-src 'self'`; object-src and base-uri are closed too). Firefox MV2 takes the same policy as
 * a string. https://developer.chrome.com/docs/extensions/reference/manifest/content-security-policy
 */
const CSP = "script-src 'self'; object-src 'none'; base-uri 'none'";

function requiredHostsFor(browser: string): string[] {
  return [
    ...AMAZON_MATCH_PATTERNS,
    ...(variant.demo ? DEMO_HOST_PATTERNS : []),
    ...(variant.carrierApisAtInstall ? [...CARRIER_API_HOST_PATTERNS, ...CARRIER_PAGE_HOST_PATTERNS] : []),
    // The shop hosts and the any-site wildcard only in the E2E build (its test pages; pagesForTests is
    // never set for a build a shopper installs, and tests/unit/manifest checks that production asks for neither).
    ...(variant.pagesForTests && browser !== 'firefox' ? [...SHOP_PAGE_HOST_PATTERNS, ...ANY_SITE_PAGE_PATTERNS] : []),
  ];
}

export default defineConfig({
  outDir: variant.outDir,
  modules: ['@wxt-dev/webextension-polyfill'],
  vite: () => ({
    plugins: [preact()],
    // lib/build-flags.d.ts: the demo carrier is compiled in only where this is true.
    define: { __PORCHLIGHT_DEMO__: JSON.stringify(variant.demo) },
  }),
  manifest: ({ browser, manifestVersion }) => {
    const requiredHosts = requiredHostsFor(browser);
    const optionalHosts = OPTIONAL_HOST_PATTERNS.filter((p) => !requiredHosts.includes(p));
    return {
      name: 'Porchlight',
      description: 'Every parcel you are waiting for, from every shop and carrier, until it is on the porch.',
      // The popup's words are in public/_locales (issue #13 §2: English and German); English where a language has none.
      default_locale: 'en',
      permissions: [
        'storage',
        'alarms',
        'notifications',
        'unlimitedStorage',
        // "Track …" on a selection and "Scan this page": activeTab + scripting read only the tab the user
        // points at, when they click; no standing access to any site.
        'contextMenus',
        'activeTab',
        'scripting',
        // Chrome's service worker has no DOMParser: fetched shop pages are read in an offscreen document.
        ...(browser === 'firefox' ? [] : ['offscreen']),
      ],
      // Amazon: the content script reads its order pages (its own matches keep it to order and track
      // paths; host permissions cannot carry paths) and the background fetches its track-package pages
      // in the shopper's session.
      host_permissions: requiredHosts,
      optional_host_permissions: optionalHosts,
      // Manifest V2 (Firefox's default) has no optional_host_permissions: optional hosts are optional_permissions.
      ...(manifestVersion === 2 && { optional_permissions: optionalHosts }),
      content_security_policy: manifestVersion === 2 ? CSP : { extension_pages: CSP },
      action: { default_title: 'Porchlight' },
      // Test builds only (see VARIANTS); the build check fails on this key anywhere else.
      ...(variant.pagesForTests && browser === 'firefox' && manifestVersion === 2 && { web_accessible_resources: ['popup.html', 'options.html'] }),
      ...(browser === 'firefox' && {
        browser_specific_settings: {
          gecko: { id: 'porchlight@porchlight.dev', data_collection_permissions: { required: ['none'] } },
        },
      }),
    };
  },
  zip: { excludeSources: ['tests/**', 'scripts/**', '.ci/**', '*.log', '.cache/**'] },
});
