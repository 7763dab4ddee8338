// Reads the order pages of shops beyond Amazon (issue #15): Shopify stores on any site, Walmart,
// Target and the rest, and hands what it found to the background on the same path as Amazon's pages.
// Registered at run time by the background, only where the shopper turned it on and granted
// (lib/platform/shop-pages.ts); the readers (lib/shops) are pure.
import { sendMessage } from '@/lib/platform/messaging';
import { userTimeZone } from '@/lib/platform/user-time-zone';
import { readerForPage } from '@/lib/shops/registry';

export default defineContentScript({
  // No `matches` on purpose: WXT would copy them into the required host permissions (issue #10).
  registration: 'runtime',
  main(ctx) {
    let lastSent = '';
    let observer: MutationObserver | null = null;

    /** True when the page is one a reader knows (and it was read). */
    const read = (): boolean => {
      const url = new URL(location.href);
      // Cheap on a page no reader knows: URL checks, then a few selectors (Shopify's signs); nothing else runs.
      const reader = readerForPage(document, url);
      if (!reader) return false;
      const reading = reader.extract(document, url, new Date(), { timeZone: userTimeZone() });
      // Same content as last time (a re-render): nothing to send.
      const fingerprint = JSON.stringify([reading.url, reading.kind, reading.orders, reading.diagnostics.map((d) => d.code)]);
      if (fingerprint !== lastSent) {
        lastSent = fingerprint;
        sendMessage('pageReading', reading).catch((err: unknown) => console.debug('Porchlight: could not send the shop page', err));
      }
      return true;
    };

    // Shops' order pages render cards after load (Walmart's list, Target's history): read again when the
    // page changes, debounced; stop watching after a minute so a long-open tab costs nothing.
    const watch = () => {
      if (observer) return;
      let timer: ReturnType<typeof setTimeout> | undefined;
      observer = new MutationObserver(() => {
        clearTimeout(timer);
        timer = setTimeout(read, 500);
      });
      observer.observe(document.body, { childList: true, subtree: true });
      ctx.setTimeout(() => {
        observer?.disconnect();
        observer = null;
      }, 60_000);
    };

    if (read()) watch();
    // Single-page shops move between their pages without a load: the new page may be an order page.
    ctx.addEventListener(window, 'wxt:locationchange', () => {
      if (read()) watch();
    });
    ctx.onInvalidated(() => observer?.disconnect());
  },
});
