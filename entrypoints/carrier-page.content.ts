// Reads a carrier's own tracking page the shopper opened (issue #14) and hands what it found to the
// background. Registered at run time by the background, only on the carrier sites the shopper turned
// on and granted (lib/platform/carrier-pages.ts); the reader (lib/carrier-pages) is pure.
import { readCarrierPage } from '@/lib/carrier-pages/read-carrier-page';
import { sendMessage } from '@/lib/platform/messaging';

export default defineContentScript({
  // No `matches` on purpose: WXT would copy them into the required host permissions (issue #10).
  registration: 'runtime',
  main(ctx) {
    let lastSent = '';
    const read = () => {
      const reading = readCarrierPage(document, new URL(location.href), Date.now());
      if (!reading) return;
      // Same content as last time (a re-render): nothing to send.
      const fingerprint = JSON.stringify([reading.result, reading.diagnostics.map((d) => d.code)]);
      if (fingerprint === lastSent) return;
      lastSent = fingerprint;
      sendMessage('carrierPageReading', reading).catch((err: unknown) => console.debug('Porchlight: could not send the carrier page', err));
    };
    read();
    // Today's tracking pages render their timeline after load: read again when the page changes,
    // debounced, and stop watching after a minute so a long-open tab costs nothing.
    let timer: ReturnType<typeof setTimeout> | undefined;
    const observer = new MutationObserver(() => {
      clearTimeout(timer);
      timer = setTimeout(read, 500);
    });
    observer.observe(document.body, { childList: true, subtree: true, characterData: true });
    ctx.setTimeout(() => observer.disconnect(), 60_000);
    ctx.onInvalidated(() => observer.disconnect());
  },
});
