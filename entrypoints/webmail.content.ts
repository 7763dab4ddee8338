// Opt-in webmail reader (Gmail, Outlook on the web): registered at run time by the background only
// when the user turned it on and granted the host (lib/platform/webmail.ts, hosts in lib/hosts.ts). Reads the open message
// with the pure e-mail reader and hands found parcels to the background.
import { readEmailParts } from '@/lib/email/read-email';
import { sendMessage } from '@/lib/platform/messaging';

/** Where each service shows the open message (sender, subject, body). */
const SERVICES = [
  { host: 'mail.google.com', body: 'div.a3s', from: 'span.gD[email]', subject: 'h2.hP' },
  { host: 'outlook.', body: 'div[role="document"], div[aria-label="Message body"]', from: 'span[title*="@"]', subject: 'div[role="heading"] span' },
];

export default defineContentScript({
  // No `matches` here on purpose: WXT copies a runtime script's matches into the required host
  // permissions, which would ask for every webmail at install (issue #10 §1). The background
  // registers it with only the hosts the shopper turned on and granted (lib/platform/webmail.ts).
  registration: 'runtime',
  main(ctx) {
    const service = SERVICES.find((s) => location.hostname.includes(s.host));
    if (!service) return;
    const done = new Set<string>();
    const scan = () => {
      for (const body of document.querySelectorAll<HTMLElement>(service.body)) {
        const text = body.innerText;
        if (!text || done.has(text)) continue;
        done.add(text);
        const fromEl = document.querySelector(service.from);
        const reading = readEmailParts(
          {
            from: fromEl?.getAttribute('email') ?? fromEl?.getAttribute('title') ?? null,
            subject: document.querySelector(service.subject)?.textContent ?? null,
            text,
            html: body.innerHTML,
          },
          { now: new Date(), timeZone: Intl.DateTimeFormat().resolvedOptions().timeZone },
        );
        // Issue #18: an Amazon e-mail keeps its order, items and promise even without a carrier number.
        if (reading.shopReading) void sendMessage('pageReading', reading.shopReading).catch(() => undefined);
        if (reading.packages.length === 0) continue;
        const orderId = reading.orders[0]?.orderId ?? null;
        const shop = reading.orders[0]?.shop ?? null;
        void sendMessage('trackFound', {
          source: `email:${location.hostname}`,
          found: reading.packages.map((p) => ({ trackingNumber: p.trackingNumber, carrier: p.carrier, confidence: p.confidence, shop, orderId })),
        }).catch(() => undefined);
      }
    };
    let timer: ReturnType<typeof setTimeout> | undefined;
    const observer = new MutationObserver(() => {
      clearTimeout(timer);
      timer = setTimeout(scan, 800);
    });
    observer.observe(document.body, { childList: true, subtree: true });
    ctx.onInvalidated(() => observer.disconnect());
    scan();
  },
});
