// `npm test`: every tier, in order: typecheck, lint, the dead-code check (knip), unit + integration
// (Vitest, happy-dom, fake browser, fake-indexeddb), the Chrome and Firefox builds with web-ext lint
// on Firefox's, the E2E and demo variants, the checks on what was built (manifests, CSP, no demo in
// production), then end to end in real Chromium (Vitest driving playwright-core) and in real Firefox
// (puppeteer-core over WebDriver BiDi). Stops at the first red step. The E2E tiers are not optional:
// without a Chromium or a Firefox they fail.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync } from 'node:fs';

const started = Date.now();
const counts = { passed: 0, failed: 0, skipped: 0 };

function step(name, cmd, args, env = {}) {
  const t0 = Date.now();
  console.log(`\n▶ ${name}: ${cmd} ${args.join(' ')}`);
  const r = spawnSync(cmd, args, { stdio: 'inherit', env: { ...process.env, ...env } });
  const secs = ((Date.now() - t0) / 1000).toFixed(1);
  if (r.status !== 0) {
    console.error(`✖ ${name} failed after ${secs}s (exit ${r.status ?? r.signal})`);
    summary();
    process.exit(1);
  }
  console.log(`✔ ${name} (${secs}s)`);
}

function addCounts(file) {
  if (!existsSync(file)) return;
  const report = JSON.parse(readFileSync(file, 'utf8'));
  counts.passed += report.numPassedTests ?? 0;
  counts.failed += report.numFailedTests ?? 0;
  counts.skipped += (report.numPendingTests ?? 0) + (report.numTodoTests ?? 0);
}

function summary() {
  const secs = ((Date.now() - started) / 1000).toFixed(0);
  console.log(`\nnpm test took ${secs}s`);
  console.log(`${counts.passed} passed, ${counts.failed} failed, ${counts.skipped} skipped`);
}

function fuzzTotal() {
  const dir = '.cache/fuzz';
  const bySuite = {};
  if (existsSync(dir)) {
    for (const f of readdirSync(dir).filter((n) => n.endsWith('.json'))) {
      Object.assign(bySuite, JSON.parse(readFileSync(`${dir}/${f}`, 'utf8')));
    }
  }
  const total = Object.values(bySuite).reduce((a, b) => a + b, 0);
  const parts = Object.entries(bySuite).map(([k, v]) => `${k} ${v.toLocaleString('en-US')}`);
  console.log(`fuzz: ${total.toLocaleString('en-US')} generated inputs (${parts.join(', ')})`);
  if (total < 100_000) {
    console.error('✖ fuzz: fewer than 100,000 generated inputs (issue #17 point 3)');
    summary();
    process.exit(1);
  }
}

/** Sums the E2E sessions' request audits (tests/support/request-audit.ts); each session already failed on its own. */
function requestAudit() {
  const dir = '.cache/request-audit';
  const files = existsSync(dir) ? readdirSync(dir).filter((n) => n.endsWith('.json')) : [];
  const byHost = {};
  let total = 0;
  let outside = 0;
  for (const f of files) {
    const a = JSON.parse(readFileSync(`${dir}/${f}`, 'utf8'));
    total += a.extension;
    outside += a.outside.length;
    for (const [h, n] of Object.entries(a.byHost)) byHost[h] = (byHost[h] ?? 0) + n;
  }
  const hosts = Object.entries(byHost).sort((a, b) => b[1] - a[1]).map(([h, n]) => `${h.replace('https://', '')} ${n}`);
  console.log(`request audit: ${total} requests by the extension in ${files.length} Chromium sessions, ${outside} to a host that is neither a carrier nor a shop (${hosts.join(', ')})`);
  if (files.length === 0 || outside > 0) {
    console.error('✖ request audit: no sessions audited, or requests beyond carriers and shops (issue #17 point 5)');
    summary();
    process.exit(1);
  }
}

/** The fault matrix (tests/support/fault-table.ts): every row 0 lost, 0 duplicated, 0 uncaught. */
function faultTable() {
  const dir = '.cache/fault-matrix';
  const rows = existsSync(dir) ? readdirSync(dir).filter((n) => n.endsWith('.json')).sort().flatMap((f) => JSON.parse(readFileSync(`${dir}/${f}`, 'utf8'))) : [];
  const w = Math.max(5, ...rows.map((r) => r.fault.length));
  console.log(`\nfault matrix (${rows.length} rows)`);
  console.log(`${'fault'.padEnd(w)}  ${'tier'.padEnd(11)}  lost  duplicated  uncaught  what the shopper sees`);
  for (const r of rows) {
    const seen = r.seen.length > 140 ? `${r.seen.slice(0, 139)}…` : r.seen;
    console.log(`${r.fault.padEnd(w)}  ${r.tier.padEnd(11)}  ${String(r.lost).padStart(4)}  ${String(r.duplicated).padStart(10)}  ${String(r.uncaught).padStart(8)}  ${seen}`);
  }
  const bad = rows.filter((r) => r.lost || r.duplicated || r.uncaught);
  if (rows.length < 17 || bad.length > 0) {
    console.error(`✖ fault matrix: ${rows.length} rows (17 expected), ${bad.length} with loss, duplicates or uncaught errors`);
    summary();
    process.exit(1);
  }
}

mkdirSync('.cache', { recursive: true });
const npx = 'npx';
step('typecheck', npx, ['tsc', '--noEmit']);
step('lint', npx, ['eslint', '.']);
// Issue #19 point 1: code nothing in entrypoints/ (or the manifest in wxt.config.ts) reaches is
// deleted, not kept for a test. Fails on unused files and exports (knip.jsonc).
step('dead code (knip)', npx, ['knip', '--production', '--no-progress']);
// Issue #17 point 3: each fuzz suite writes how many generated inputs it ran to .cache/fuzz/; cleared
// first so the total printed is this run's.
rmSync('.cache/fuzz', { recursive: true, force: true });
// Issue #17 point 1: the fault matrix's rows (integration tier and real Chromium), printed after the E2E tier.
rmSync('.cache/fault-matrix', { recursive: true, force: true });
step('unit + integration', npx, [
  'vitest', 'run', '--reporter=default', '--reporter=json', '--outputFile.json=.cache/unit.json',
]);
addCounts('.cache/unit.json');
fuzzTotal();
// Production builds are made with the variant switch cleared, whatever the caller's environment says.
const production = { PORCHLIGHT_VARIANT: 'production', PORCHLIGHT_E2E: '' };
step('build chrome', npx, ['wxt', 'build'], production);
step('build firefox', npx, ['wxt', 'build', '-b', 'firefox'], production);
step('lint firefox (web-ext)', 'node', ['scripts/lint-firefox.mjs', '.output/firefox-mv2']);
step('zip chrome', npx, ['wxt', 'zip'], production);
step('zip firefox', npx, ['wxt', 'zip', '-b', 'firefox'], production);
step('build for end to end', npx, ['wxt', 'build'], { PORCHLIGHT_VARIANT: 'e2e' });
step('build firefox for end to end', npx, ['wxt', 'build', '-b', 'firefox'], { PORCHLIGHT_VARIANT: 'e2e' });
step('build the demo', npx, ['wxt', 'build'], { PORCHLIGHT_VARIANT: 'demo' });
// Reads the manifests and bundles just built: hosts, permissions, CSP, no demo in production, and
// the popup's first load at most 35 KB gzip (tests/build/popup-size.build.test.ts, issue #13 §3).
step('built manifests and bundles', npx, [
  'vitest', 'run', '--config', 'vitest.build.config.ts', '--reporter=default', '--reporter=json',
  '--outputFile.json=.cache/build.json',
]);
addCounts('.cache/build.json');
const chromium = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
if (!existsSync(chromium)) {
  console.error(`✖ end to end: no Chromium at ${chromium} (install Debian's chromium, or set CHROMIUM_PATH)`);
  summary();
  process.exit(1);
}
// Issue #17 point 5: every Chromium session writes its request audit to .cache/request-audit/.
rmSync('.cache/request-audit', { recursive: true, force: true });
step('end to end (real Chromium)', npx, [
  'vitest', 'run', '--config', 'vitest.e2e.config.ts', '--reporter=default', '--reporter=json',
  '--outputFile.json=.cache/e2e.json',
]);
addCounts('.cache/e2e.json');
requestAudit();
faultTable();
// Issue #16: the Firefox build in real Firefox (Debian's firefox-esr, puppeteer-core over WebDriver
// BiDi). Not optional either: without a Firefox it fails.
const firefox = process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr';
if (!existsSync(firefox)) {
  console.error(`✖ end to end in Firefox: no Firefox at ${firefox} (install Debian's firefox-esr, or set FIREFOX_PATH)`);
  summary();
  process.exit(1);
}
step('end to end (real Firefox)', npx, [
  'vitest', 'run', '--config', 'vitest.firefox.config.ts', '--reporter=default', '--reporter=json',
  '--outputFile.json=.cache/firefox.json',
]);
addCounts('.cache/firefox.json');
summary();
