import preact from '@preact/preset-vite';
import { defineConfig } from 'wxt';
import { AMAZON_MATCH_PATTERNS, CARRIER_API_HOST_PATTERNS, DEMO_HOST_PATTERNS, WEBMAIL_HOST_PATTERNS } from './lib/hosts';

// Manifest and build settings. Host permissions are the least we need: Amazon (the content script
// reads its order pages anyway; the background fetches its track-package pages in the user's session)
// and the demo carrier. Carrier APIs that need keys are optional, requested when a user adds a key.
/**
 * The end-to-end suite builds a variant (PORCHLIGHT_E2E=1, into .output-e2e/) whose carrier API hosts
 * are granted at install: a test cannot click Chrome's permission prompt. Nothing else differs.
 */
const e2e = process.env.PORCHLIGHT_E2E === '1';

export default defineConfig({
  outDir: e2e ? '.output-e2e' : '.output',
  modules: ['@wxt-dev/webextension-polyfill'],
  vite: () => ({ plugins: [preact()] }),
  manifest: ({ browser, manifestVersion }) => ({
    name: 'Porchlight',
    description: 'Every parcel you are waiting for, from every shop and carrier, until it is on the porch.',
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
    host_permissions: [...AMAZON_MATCH_PATTERNS, ...DEMO_HOST_PATTERNS, ...(e2e ? CARRIER_API_HOST_PATTERNS : [])],
    optional_host_permissions: [...CARRIER_API_HOST_PATTERNS, ...WEBMAIL_HOST_PATTERNS],
    // Manifest V2 (Firefox's default) has no optional_host_permissions: optional hosts are optional_permissions.
    ...(manifestVersion === 2 && { optional_permissions: [...CARRIER_API_HOST_PATTERNS, ...WEBMAIL_HOST_PATTERNS] }),
    action: { default_title: 'Porchlight' },
    ...(browser === 'firefox' && {
      browser_specific_settings: {
        gecko: { id: 'porchlight@porchlight.dev', data_collection_permissions: { required: ['none'] } },
      },
    }),
  }),
  zip: { excludeSources: ['tests/**', 'scripts/**', '.ci/**', '*.log', '.cache/**'] },
});
