import { defineConfig } from 'vitest/config';

// End-to-end tier: real Chromium with the built extension, one file at a time (2-core machines).
export default defineConfig({
  // The suite's own helpers share lib/ with the E2E build, which has the demo carrier.
  define: { __PORCHLIGHT_DEMO__: 'true' },
  test: {
    environment: 'node',
    include: ['tests/e2e/**/*.e2e.ts'],
    fileParallelism: false,
    testTimeout: 90_000,
    hookTimeout: 90_000,
  },
});
