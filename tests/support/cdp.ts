import type { ExtensionBrowser } from './browser';

/**
 * Stops the extension's service worker the way Chrome does when it idles it (MV3 lifecycle), through
 * the DevTools protocol: Playwright keeps an attached worker alive, so a test has to stop it itself
 * (docs/toolchain.md §10). Uses the Browser-level `Target.getTargets` to find the extension's
 * `service_worker` target and `Target.closeTarget` to end it. Returns the URL of the worker stopped.
 */
export async function stopExtensionWorker(browser: ExtensionBrowser, timeoutMs = 10_000): Promise<string> {
  const chromium = browser.context.browser();
  if (!chromium) throw new Error('stopExtensionWorker: no Browser behind this context (persistent contexts should have one)');
  const session = await chromium.newBrowserCDPSession();
  try {
    const prefix = `chrome-extension://${browser.extensionId}/`;
    const find = async () => {
      const { targetInfos } = (await session.send('Target.getTargets')) as {
        targetInfos: { targetId: string; type: string; url: string }[];
      };
      return targetInfos.find((t) => t.type === 'service_worker' && t.url.startsWith(prefix)) ?? null;
    };
    const target = await find();
    if (!target) throw new Error(`stopExtensionWorker: no service worker target for ${prefix}`);
    const { success } = (await session.send('Target.closeTarget', { targetId: target.targetId })) as { success?: boolean };
    if (success === false) throw new Error(`stopExtensionWorker: Target.closeTarget refused ${target.url}`);
    // Closing is asynchronous: wait until the target is gone.
    const end = Date.now() + timeoutMs;
    while (Date.now() < end) {
      if (!(await find())) return target.url;
      await new Promise((r) => setTimeout(r, 100));
    }
    throw new Error(`stopExtensionWorker: ${target.url} still running after ${timeoutMs} ms`);
  } finally {
    await session.detach().catch(() => undefined);
  }
}
