import preact from '@preact/preset-vite';
import { defineConfig } from 'wxt';
import { CARRIER_API_HOST_PATTERNS, DEMO_HOST_PATTERNS } from './lib/hosts';

// Manifest and build settings. Host permissions are the least we need: the shops we read by default
// and the demo carrier; carrier APIs that need keys are optional and requested when a user adds a key.
export default defineConfig({
  modules: ['@wxt-dev/webextension-polyfill'],
  vite: () => ({ plugins: [preact()] }),
  manifest: ({ browser }) => ({
    name: 'Porchlight',
    description: 'Every parcel you are waiting for, from every shop and carrier, until it is on the porch.',
    permissions: ['storage', 'alarms', 'notifications', 'unlimitedStorage'],
    host_permissions: [...DEMO_HOST_PATTERNS],
    optional_host_permissions: [...CARRIER_API_HOST_PATTERNS],
    action: { default_title: 'Porchlight' },
    ...(browser === 'firefox' && {
      browser_specific_settings: {
        gecko: { id: 'porchlight@porchlight.dev', data_collection_permissions: { required: ['none'] } },
      },
    }),
  }),
  zip: { excludeSources: ['tests/**', 'scripts/**', '.ci/**', '*.log', '.cache/**'] },
});
