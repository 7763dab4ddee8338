import { defineConfig } from 'vitest/config';

// The build tier: reads what `wxt build` wrote (.output/, .output-demo/, .output-e2e/), so it runs
// after the builds in scripts/test-all.mjs, not with the unit tier (which runs before them).
export default defineConfig({
  test: {
    environment: 'node',
    include: ['tests/build/**/*.build.test.ts'],
  },
});
