/**
 * Whether a document is a Shopify order status page (issue #15), from the page itself: Shopify stores live
 * on their own domains, so no host list can say it. The signs are those of the classic (checkout.liquid) page
 * seen in a real capture (../shared/docs/other-shops.md §1.1); each is independent of the others (a class on
 * <html>, an inline script, the analytics script, where the assets load from, the page's own markup), and a
 * page must show two before it is read: one alone is too easy to find on a page that only mentions Shopify.
 *
 * The newer checkout-extensibility page (§1.2, `/checkouts/c/<token>/thank-you`, no capture known) is told
 * apart by its URL shape plus one platform sign and the absence of the classic `os-*` markup.
 *
 * Cheap: a handful of selector queries and a bounded look at inline scripts, since once the shopper opts in
 * it runs on every page they open.
 */

/** One independent sign that the page is Shopify's order status page. */
export type ShopifySign = 'thank-you-class' | 'order-status-script' | 'checkout-analytics' | 'checkout-assets' | 'os-markup';

export type ShopifyPageKind = 'classic' | 'extensibility';

export interface ShopifyRecognition {
  kind: ShopifyPageKind;
  signs: ShopifySign[];
}

/** Two independent signs make a classic order status page. */
export const MIN_SIGNS = 2;

/** Inline scripts looked at (the capture has about twenty) and the characters read of each. */
const MAX_SCRIPTS = 60;
const MAX_SCRIPT_CHARS = 200_000;

const ORDER_STATUS_SCRIPT = /Shopify\.Checkout\.isOrderStatusPage\s*=\s*true/;
const CHECKOUT_ANALYTICS = /"t"\s*:\s*"checkout"/;
/** The extensibility page's paths: `/checkouts/c/<token>/thank-you`, `/thank_you`, `/thank_you/completed` (§1.2). */
const EXTENSIBILITY_PATH = /^\/checkouts\/(?:c\/)?[A-Za-z0-9_-]{8,}\/thank[-_]you(?:\/completed)?\/?$/;

const OS_MARKUP = 'span.os-order-number, ol.os-timeline, [data-step="thank_you"] .os-step__title, .os-header__title';
/** The classic checkout's own bundles (`…/shopifycloud/shopify/assets/checkout-*.js`, §1.1); the newer page loads `checkout-web`. */
const CHECKOUT_ASSETS = 'script[src*="cdn.shopify.com/shopifycloud/shopify/assets/checkout"], link[href*="cdn.shopify.com/shopifycloud/shopify/assets/checkout"]';

/** Every sign the document shows, in a fixed order (also the layout fingerprint of a diagnostic). */
export function shopifySigns(doc: Document): ShopifySign[] {
  return signsOf(doc, true);
}

/** The signs; without `scripts`, all but the one that reads inline scripts (the only costly one on a big page). */
function signsOf(doc: Document, scripts: boolean): ShopifySign[] {
  const signs: ShopifySign[] = [];
  if (doc.documentElement?.classList.contains('page--thank-you')) signs.push('thank-you-class');
  if (scripts && inlineScriptMatches(doc, 'isOrderStatusPage', ORDER_STATUS_SCRIPT)) signs.push('order-status-script');
  const st = doc.querySelector('script#__st');
  if (st && CHECKOUT_ANALYTICS.test((st.textContent ?? '').slice(0, MAX_SCRIPT_CHARS))) signs.push('checkout-analytics');
  if (doc.querySelector(CHECKOUT_ASSETS)) signs.push('checkout-assets');
  if (doc.querySelector(OS_MARKUP)) signs.push('os-markup');
  return signs;
}

/** Any sign that a page is served by Shopify at all (for the extensibility page, whose markup is unknown). */
function platformSign(doc: Document): boolean {
  return !!doc.querySelector('script#__st, script[src*="cdn.shopify.com"], link[href*="cdn.shopify.com"], link[href*="shopifysvc.com"]') ||
    inlineScriptMatches(doc, 'Shopify', /\bShopify\.(?:Checkout|shop|checkout)\b/);
}

/** What kind of Shopify order page `doc` is, or null when it is none (or not sure enough). */
export function recogniseShopifyPage(doc: Document, url: URL): ShopifyRecognition | null {
  // Most pages show none of the cheap signs, and the script sign alone is one: they are done without reading a script.
  if (signsOf(doc, false).length === 0 && !EXTENSIBILITY_PATH.test(url.pathname)) return null;
  const signs = shopifySigns(doc);
  // The newer page's path with none of the classic markup is the newer page, whatever else it shares with the old one.
  if (!signs.includes('os-markup') && EXTENSIBILITY_PATH.test(url.pathname) && (signs.length > 0 || platformSign(doc))) return { kind: 'extensibility', signs };
  if (signs.length >= MIN_SIGNS) return { kind: 'classic', signs };
  return null;
}

function inlineScriptMatches(doc: Document, needle: string, re: RegExp): boolean {
  const scripts = doc.querySelectorAll('script:not([src])');
  for (let i = 0; i < scripts.length && i < MAX_SCRIPTS; i++) {
    const t = (scripts[i]!.textContent ?? '').slice(0, MAX_SCRIPT_CHARS);
    if (t.includes(needle) && re.test(t)) return true;
  }
  return false;
}
