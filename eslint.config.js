// Lint: ESLint's and typescript-eslint's recommended rules (syntax-aware, no type information, so it
// stays fast on 2 cores). Biome was tried first, but its optional per-platform binaries are not all on
// the registry mirror CI uses, which breaks `npm ci`.
import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['.output/**', '.output-e2e/**', '.output-demo/**', '.wxt/**', 'node_modules/**', '.cache/**', 'tests/fixtures/**', 'tests/e2e/artifacts/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.browser, ...globals.node, ...globals.webextensions } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-control-regex': 'off',
    },
  },
  {
    // WXT auto-imports these in entrypoints.
    files: ['entrypoints/**'],
    languageOptions: { globals: { defineBackground: 'readonly', defineContentScript: 'readonly', defineUnlistedScript: 'readonly' } },
  },
);
