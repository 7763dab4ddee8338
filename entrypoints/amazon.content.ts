// Reads Amazon order pages the shopper visits and hands what it found to the background.
// Thin wiring: the reader (lib/shops/amazon) is pure; this file only schedules reads.
import { AMAZON_HOSTS } from '@/lib/hosts';
import { sendMessage } from '@/lib/platform/messaging';
import { userTimeZone } from '@/lib/platform/user-time-zone';
import { detectEncryptedCards } from '@/lib/shops/amazon/csd';
import { amazonReader } from '@/lib/shops/amazon/index';
import type { PageReading } from '@/lib/shops/types';

/** Only order pages: nothing runs anywhere else on Amazon (issue #4 targets). */
const ORDER_PATHS = [
  '/gp/css/order-history*',
  '/your-orders/*',
  '/gp/your-account/order-history*',
  '/gp/your-account/order-details*',
  '/gp/css/order-details*',
  '/progress-tracker/package*',
  '/gp/your-account/ship-track*',
  '/gp/css/shiptrack/*',
  // Printable order summaries / invoices (issue #18).
  '/gp/css/summary/print.html*',
  '/gp/digital/your-account/order-summary.html*',
];

export default defineContentScript({
  matches: AMAZON_HOSTS.flatMap((h) => ORDER_PATHS.map((p) => `https://*.${h}${p}`)),
  runAt: 'document_idle',
  main(ctx) {
    const url = new URL(location.href);
    if (!amazonReader.matches(url)) return;
    let lastSent = '';

    const read = async (): Promise<PageReading | null> => {
      // Relative dates ("Arriving tomorrow") are in the shopper's calendar: the browser's zone.
      const reading = amazonReader.extract(document, new URL(location.href), new Date(), { timeZone: userTimeZone() });
      // Same content as last time (a re-render): nothing to send.
      const fingerprint = JSON.stringify([reading.kind, reading.orders, reading.diagnostics.map((d) => d.code)]);
      // Nothing worth sending while every card is still encrypted (it would store ids only).
      if (fingerprint === lastSent) return reading;
      lastSent = fingerprint;
      try {
        await sendMessage('pageReading', reading);
      } catch (err) {
        // The background may be restarting; the next mutation or visit sends again.
        console.debug('Porchlight: could not send the page reading', err);
      }
      return reading;
    };

    void read();

    // 2025+ pages decrypt order cards in the page after load (Amazon "Siege" client-side
    // decryption, see docs/amazon-pages.md §1.4): read again when cards change, debounced.
    const encrypted = () => detectEncryptedCards(document).pending;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const observer = new MutationObserver(() => {
      clearTimeout(timer);
      timer = setTimeout(() => void read(), 300);
    });
    const root = document.querySelector('.js-yo-container, #orderDetails, body');
    if (root) observer.observe(root, { childList: true, subtree: true });
    // Stop observing once the page is settled and decrypted, so a long-open tab costs nothing.
    ctx.setTimeout(() => {
      if (!encrypted()) observer.disconnect();
    }, 15_000);
    ctx.onInvalidated(() => observer.disconnect());
  },
});
