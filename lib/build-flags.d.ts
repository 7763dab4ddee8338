/**
 * Build-time switches, replaced by the bundler (`define` in wxt.config.ts and the Vitest configs) so
 * code behind a false switch is dropped from the bundle, not merely skipped at run time.
 *
 * `__PORCHLIGHT_DEMO__`: the built-in simulated carrier (lib/carriers/demo: its `PLDEMO…` number
 * format, its API client and its host) exists only in the demo and end-to-end builds (issue #19 §12).
 * Code run without the bundler (tsx scripts such as `npm run inspect`) has no such global and
 * behaves like production: hence the `typeof` guard, which the bundler folds away like the rest.
 *
 * A declaration file because it holds only a type: nothing imports it (tsconfig's include picks it
 * up), and the dead-code check (knip) does not count a .d.ts as an unused file.
 */
declare global {
  var __PORCHLIGHT_DEMO__: boolean | undefined;
}

export {};
