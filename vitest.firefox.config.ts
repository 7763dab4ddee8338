import { defineConfig } from 'vitest/config';

// Real-Firefox tier (issue #16): Debian's firefox-esr with the E2E variant's Firefox build
// (`PORCHLIGHT_VARIANT=e2e wxt build -b firefox`), one file at a time (2-core machines).
export default defineConfig({
  // The suite's helpers share lib/ with the E2E build, which has the demo carrier.
  define: { __PORCHLIGHT_DEMO__: 'true' },
  test: {
    environment: 'node',
    include: ['tests/firefox/**/*.firefox.ts'],
    fileParallelism: false,
    testTimeout: 90_000,
    hookTimeout: 90_000,
  },
});
