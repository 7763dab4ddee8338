/**
 * `npm start`: the built-in demo. Builds the extension's demo variant, starts the local demo shop (an
 * amazon.com-shaped "Your Orders" page) and the simulated carrier on loopback over HTTPS, and opens
 * Chromium (or Chrome) with the extension loaded in a fresh profile, www.amazon.com and the carrier's
 * host mapped to the local server. Packages appear at once and move over a few minutes:
 * label created → in transit → out for delivery → delivered, one delayed, one ready for pickup.
 *
 * Headed when a display exists; otherwise headless, printing the packages as they change and saving
 * popup screenshots to .cache/demo/. Ctrl+C stops everything.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, rmSync } from 'node:fs';
import { launchWithExtension, readStore } from '../tests/support/browser';
import { startCarrierServer } from '../tests/support/carrier-server/server';
import { demoShop } from '../tests/support/demo/shop';
import { loopbackTls } from '../tests/support/tls';

function findBrowser(): string | undefined {
  const candidates = [
    process.env.CHROMIUM_PATH,
    '/usr/bin/chromium',
    '/usr/bin/chromium-browser',
    '/usr/bin/google-chrome',
    '/usr/bin/google-chrome-stable',
    '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
    '/Applications/Chromium.app/Contents/MacOS/Chromium',
    'C:\\Program Files\\Google\\Chrome\\Application\\chrome.exe',
  ];
  return candidates.find((c) => c && existsSync(c));
}

const browserPath = findBrowser();
if (!browserPath) {
  console.error('No Chromium or Chrome found. Install one (Debian: apt-get install chromium) or set CHROMIUM_PATH.');
  process.exit(1);
}
const headed = process.platform !== 'linux' || Boolean(process.env.DISPLAY || process.env.WAYLAND_DISPLAY);
const stepMs = Number(process.env.DEMO_STEP_MS ?? 30_000);
process.env.DEMO_STEP_MS = String(stepMs);

// The demo variant (wxt.config.ts): production plus the simulated carrier, built into .output-demo/ so
// it never overwrites the production build in .output/ (which has no demo code, host or number format).
console.log('Building the demo variant of the extension (PORCHLIGHT_VARIANT=demo wxt build → .output-demo/)…');
const build = spawnSync('npx', ['wxt', 'build'], {
  stdio: 'inherit',
  shell: process.platform === 'win32',
  env: { ...process.env, PORCHLIGHT_VARIANT: 'demo' },
});
if (build.status !== 0) process.exit(build.status ?? 1);

const server = await startCarrierServer({ tls: await loopbackTls(), extraRoutes: [demoShop(stepMs)], quiet: true });
const profile = '.cache/demo/profile';
rmSync(profile, { recursive: true, force: true });
mkdirSync('.cache/demo', { recursive: true });
const browser = await launchWithExtension({
  dist: '.output-demo/chrome-mv3',
  port: server.port,
  executablePath: browserPath,
  headless: !headed,
  userDataDir: profile,
  viewport: headed ? null : undefined,
});

const shopPage = await browser.context.newPage();
await shopPage.goto('https://www.amazon.com/gp/css/order-history');
const popupUrl = `chrome-extension://${browser.extensionId}/popup.html`;
const popup = await browser.context.newPage();
await popup.setViewportSize({ width: 420, height: 640 });
await popup.goto(popupUrl);

console.log(`
Porchlight demo is running (${headed ? 'headed' : 'headless: no display found'}).
  Demo shop:       https://www.amazon.com/gp/css/order-history  (served locally on 127.0.0.1:${server.port})
  Demo carrier:    https://api.demo-carrier.test  (simulated; one step every ${stepMs / 1000}s)
  Extension popup: ${popupUrl}
Packages move over about ${Math.round((6 * stepMs) / 60000)} minutes. Ctrl+C to stop.
`);

let last = '';
const timer = setInterval(async () => {
  try {
    const pkgs = await readStore<{ id: string; label: string | null; status: string; eta: { to: string } | null }>(popup, 'packages');
    const line = pkgs.map((p) => `${(p.label ?? p.id).slice(0, 34).padEnd(34)} ${p.status.padEnd(20)} ${p.eta?.to ?? ''}`).join('\n');
    if (line !== last) {
      last = line;
      console.log(`\n[${new Date().toLocaleTimeString()}] packages:\n${line}`);
      if (!headed) {
        await popup.reload();
        await popup.screenshot({ path: '.cache/demo/popup.png' });
      }
    }
  } catch {
    // The popup page may be mid-reload.
  }
}, 5000);

const stop = async () => {
  clearInterval(timer);
  await browser.close().catch(() => undefined);
  await server.close();
  process.exit(0);
};
process.on('SIGINT', () => void stop());
process.on('SIGTERM', () => void stop());
browser.context.on('close', () => void stop());
if (process.env.DEMO_EXIT_AFTER_MS) setTimeout(() => void stop(), Number(process.env.DEMO_EXIT_AFTER_MS));
