/** @vitest-environment-options { "settings": { "disableJavaScriptFileLoading": true, "disableJavaScriptEvaluation": true, "disableCSSFileLoading": true, "disableIframePageLoading": true, "handleDisabledFileLoadingAsSuccess": true } } */
/**
 * Properties of the Shopify reader (issue #15): a page is recognised exactly when it shows two of the five
 * independent signs (near misses count for nothing), and whatever text the tracking block holds, a number comes
 * out only when the project's number parser reads it as the carrier given.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { classify, matchFormats } from '../../../lib/carriers/registry';
import { shopifyReader } from '../../../lib/shops/shopify/index';
import { type ShopifySign, shopifySigns } from '../../../lib/shops/shopify/recognise';
import { loadDoc, parseInert } from './load-fixture';

const SIGN_MARKUP: Record<Exclude<ShopifySign, 'thank-you-class'>, string> = {
  'order-status-script': '<script>window.Shopify = {}; Shopify.Checkout = {}; Shopify.Checkout.isOrderStatusPage = true;</script>',
  'checkout-analytics': '<script id="__st">var __st={"a":1,"t":"checkout","pageurl":"x"};</script>',
  'checkout-assets': '<script src="https://cdn.shopify.com/shopifycloud/shopify/assets/checkout-1.js"></script>',
  'os-markup': '<span class="os-order-number">Order #1001</span>',
};
/** Things that look like a sign and are not one. */
const NEAR_MISSES = [
  '<p>Shopify.Checkout.isOrderStatusPage = true</p>',
  '<script>Shopify.Checkout.isOrderStatusPage = false;</script>',
  '<script id="st">var __st={"t":"checkout"};</script>',
  '<script id="__st">var __st={"a":1,"t":"product"};</script>',
  '<span class="os-order-number-x">Order #1001</span>',
  '<div class="page--thank-you">Thanks!</div>',
  '<link rel="icon" href="https://cdn.shopify.com/s/files/1/logo.png">',
  '<script src="https://cdn.shopify.com/s/trekkie.storefront.js"></script>',
  '<p>Your order is on its way. USPS tracking number: 9361289878700317633795</p>',
];
const ALL_SIGNS: ShopifySign[] = ['thank-you-class', 'order-status-script', 'checkout-analytics', 'checkout-assets', 'os-markup'];
const CLASSIC_URLS = ['https://a-store.example/61234567890/orders/9e107d9d372bb6826bd81d3542a419d6', 'https://shop.example/pages/thank-you', 'https://www.example.org/'];
const noise = fc.oneof(fc.constantFrom(...NEAR_MISSES), fc.string({ maxLength: 40 }).map((t) => `<p>${t.replace(/[<&]/g, ' ')}</p>`));

describe('recognition', () => {
  it('a page is recognised exactly when it shows at least two signs, whatever else it holds (1,000 pages)', () => {
    fc.assert(
      fc.property(fc.subarray(ALL_SIGNS), fc.array(noise, { maxLength: 6 }), fc.constantFrom(...CLASSIC_URLS), (signs, extra, url) => {
        const head = signs.filter((s) => s !== 'thank-you-class' && s !== 'os-markup').map((s) => SIGN_MARKUP[s as keyof typeof SIGN_MARKUP]);
        const body = [...extra, ...(signs.includes('os-markup') ? [SIGN_MARKUP['os-markup']] : [])];
        const html = `<html class="no-js${signs.includes('thank-you-class') ? ' page--thank-you' : ' page--thank-you-not'}"><head>${head.join('')}</head><body>${body.join('')}</body></html>`;
        const doc = parseInert(html);
        expect(shopifySigns(doc)).toEqual(ALL_SIGNS.filter((s) => signs.includes(s)));
        expect(shopifyReader.recognises!(doc, new URL(url))).toBe(signs.length >= 2);
      }),
      { numRuns: 1000 },
    );
  });

  it('a page with no Shopify sign at all is not recognised on any URL, the newer checkout path included', () => {
    const plain = fc.string({ maxLength: 60 }).map((t) => `<p>${t.replace(/[<&]/g, ' ')}</p>`);
    fc.assert(
      fc.property(fc.array(plain, { maxLength: 5 }), fc.constantFrom(...CLASSIC_URLS, 'https://a-store.example/checkouts/c/Z2NwLXVzLWVhc3QxOjAx/thank-you'), (body, url) => {
        expect(shopifyReader.recognises!(parseInert(`<html><head><title>Thank you</title></head><body>${body.join('')}</body></html>`), new URL(url))).toBe(false);
      }),
      { numRuns: 500 },
    );
  });
});

describe('tracking block', () => {
  const doc = loadDoc('order-status--in-transit-usps.html');
  const label = doc.querySelector('.tracking-info__number strong')!;
  const link = doc.querySelector('a[data-tracking-number-link]')!;
  const REAL = ['9361289878700317633795', '1Z879E930346834440', 'LX123456785CN', 'RL001700874US', '9405511899223197428490'];
  // Real numbers with one character changed or dropped, grouped with spaces, or plain junk.
  const mutated = fc.tuple(fc.constantFrom(...REAL), fc.nat(), fc.constantFrom(...'0123456789AZ '.split(''))).map(([n, i, c]) => {
    const at = i % n.length;
    return i % 3 === 0 ? n.slice(0, at) + n.slice(at + 1) : n.slice(0, at) + c + n.slice(at + 1);
  });
  const number = fc.oneof(fc.constantFrom(...REAL), mutated, fc.string({ maxLength: 40 }), fc.stringMatching(/^[0-9A-Z ]{8,34}$/));
  const labels = fc.oneof(fc.constantFrom('USPS tracking number:', 'UPS tracking number:', 'FedEx tracking number:', 'Tracking Number:', 'Other tracking number:', 'DHL Express tracking number:'), fc.string({ maxLength: 30 }));
  const hrefs = fc.oneof(
    fc.constantFrom('https://tools.usps.com/go/TrackConfirmAction.action?tLabels=', 'https://www.ups.com/track?tracknum=', 'https://t.17track.net/en#nums=', 'javascript:alert(1)//', ''),
    fc.string({ maxLength: 30 }),
  );

  it('random text in the label, link and number never yields a number the parser does not read as that carrier (1,500 blocks)', () => {
    fc.assert(
      fc.property(labels, hrefs, number, (l, h, n) => {
        label.textContent = l;
        link.setAttribute('href', h.startsWith('https://') && !h.includes('17track') ? h + encodeURIComponent(n) : h);
        link.textContent = n;
        const r = shopifyReader.extract(doc, new URL(CLASSIC_URLS[0]!), new Date('2026-09-05T15:00:00Z'));
        // The rest of the order does not depend on the block.
        expect(r.orders.map((o) => [o.orderId, o.status])).toEqual([['PG1042', 'open']]);
        for (const s of r.orders[0]!.shipments) {
          if (s.trackingNumber === null) continue;
          expect(s.carrier).not.toBeNull();
          expect(matchFormats(s.trackingNumber).some((m) => m.carrier.id === s.carrier), `${s.trackingNumber} as ${s.carrier}`).toBe(true);
          // Without a carrier named by the label or the link, only a verified reading counts.
          if (/^(tracking number|other tracking number):?$/i.test(l.trim()) && !/usps\.com|ups\.com/.test(link.getAttribute('href') ?? '')) {
            expect(classify(s.trackingNumber)[0]).toMatchObject({ carrier: s.carrier, verified: true });
          }
        }
      }),
      { numRuns: 1500 },
    );
  });
});
