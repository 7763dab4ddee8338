/**
 * Hosts the extension talks to, as data, so the manifest (wxt.config.ts), the permission requests
 * (options page) and the URL checks (lib/url-policy.ts) agree. Least privilege (issue #10): only
 * Amazon is required at install; every other host is an optional permission, asked for when the
 * shopper turns on the feature that needs it and given back when they turn it off.
 */
import { CARRIER_PAGE_SITES } from './carrier-pages/registry';

/** Amazon marketplaces we read (content scripts match these; refresh fetches use them). */
export const AMAZON_HOSTS = [
  'amazon.com',
  'amazon.ca',
  'amazon.co.uk',
  'amazon.de',
  'amazon.fr',
  'amazon.it',
  'amazon.es',
  'amazon.nl',
  'amazon.se',
  'amazon.pl',
  'amazon.com.be',
  'amazon.ie',
  'amazon.com.au',
  'amazon.co.jp',
  'amazon.in',
  'amazon.com.mx',
  'amazon.com.br',
] as const;

/** Required host permissions: the marketplaces, `www.` and bare (the track pages the background fetches). */
export const AMAZON_MATCH_PATTERNS: readonly string[] = AMAZON_HOSTS.flatMap((h) => [`https://www.${h}/*`, `https://${h}/*`]);

/**
 * Shops besides Amazon whose order pages Porchlight reads once the shopper turns that shop on in the
 * options page (issue #15 §2), which asks for its hosts then. Each id is a reader's in
 * lib/shops/registry.ts (a test checks both ways). Shopify stores have their own domains: they are
 * read under "order pages on any site" ({@link ANY_SITE_PAGE_PATTERNS}), not here.
 */
export const SHOP_SITES = [
  { id: 'walmart', label: 'Walmart', hosts: ['walmart.com', 'walmart.ca'] },
  { id: 'target', label: 'Target', hosts: ['target.com'] },
  { id: 'bestbuy', label: 'Best Buy', hosts: ['bestbuy.com'] },
  { id: 'ebay', label: 'eBay', hosts: ['ebay.com'] },
  { id: 'aliexpress', label: 'AliExpress', hosts: ['aliexpress.com', 'aliexpress.us'] },
  { id: 'etsy', label: 'Etsy', hosts: ['etsy.com'] },
] as const satisfies readonly { id: string; label: string; hosts: readonly string[] }[];

/** Hosts of each shop we read, for links and credentialed fetches (lib/url-policy.ts): the host and its subdomains. */
export const SHOP_HOSTS: Readonly<Record<string, readonly string[]>> = {
  amazon: AMAZON_HOSTS,
  ...Object.fromEntries(SHOP_SITES.map((s) => [s.id, s.hosts])),
};

/** Each shop's match patterns, asked for when its switch goes on (`*.` covers the bare host too). */
export const SHOP_PAGE_HOSTS: Readonly<Record<string, readonly string[]>> = Object.fromEntries(
  SHOP_SITES.map((s) => [s.id, s.hosts.map((h) => `https://*.${h}/*`)]),
);

export const SHOP_PAGE_HOST_PATTERNS: readonly string[] = Object.values(SHOP_PAGE_HOSTS).flat();

/**
 * "Order pages on any site" (issue #15 §2): one opt-in for shops on their own domains (Shopify stores).
 * HTTPS only: every Shopify order status page is served over HTTPS and Porchlight keeps no `http:`
 * link (lib/url-policy.ts), so asking for `http:` pages as well would be access nothing uses.
 */
export const ANY_SITE_PAGE_PATTERNS: readonly string[] = ['https://*/*'];

/**
 * Where the shop-page script runs under "any site": only pages whose address is an order status page's
 * (Shopify's `/<shop id>/orders/<token>`, the customer account's `/account/orders/<id>` and
 * `/orders/<id>`, the newer `/checkouts/c/<token>/thank-you`; ../shared/docs/other-shops.md §1), so the
 * readers' code is not loaded into every page the shopper opens. Those pages are full page loads (the
 * shopper arrives from an e-mail link), so no in-page navigation is missed.
 */
export const ANY_SITE_SCRIPT_MATCHES: readonly string[] = ['https://*/*/orders/*', 'https://*/orders/*', 'https://*/checkouts/*'];

/** Each carrier API's hosts (production and test environment), asked for when the shopper saves its key. */
export const CARRIER_API_HOSTS = {
  ups: ['https://onlinetools.ups.com/*', 'https://wwwcie.ups.com/*'],
  usps: ['https://apis.usps.com/*', 'https://apis-tem.usps.com/*'],
  fedex: ['https://apis.fedex.com/*', 'https://apis-sandbox.fedex.com/*'],
  dhl: ['https://api-eu.dhl.com/*'],
  '17track': ['https://api.17track.net/*'],
  ship24: ['https://api.ship24.com/*'],
} as const satisfies Readonly<Record<string, readonly string[]>>;

export const CARRIER_API_HOST_PATTERNS: readonly string[] = Object.values(CARRIER_API_HOSTS).flat();

/** Webmail scanning is opt-in: each service's hosts are asked for only when the shopper turns it on. */
export const WEBMAIL_HOSTS = {
  gmail: ['https://mail.google.com/*'],
  outlook: ['https://outlook.live.com/*', 'https://outlook.office.com/*', 'https://outlook.office365.com/*'],
} as const satisfies Readonly<Record<string, readonly string[]>>;

export const WEBMAIL_HOST_PATTERNS: readonly string[] = Object.values(WEBMAIL_HOSTS).flat();

/**
 * Carriers' own tracking pages (issue #14): each site's pages are read only when the shopper turns
 * that site on in the options page, which asks for its hosts then (lib/carrier-pages/registry.ts).
 */
export const CARRIER_PAGE_HOSTS: Readonly<Record<string, readonly string[]>> = Object.fromEntries(CARRIER_PAGE_SITES.map((s) => [s.site, s.matchPatterns]));

export const CARRIER_PAGE_HOST_PATTERNS: readonly string[] = Object.values(CARRIER_PAGE_HOSTS).flat();

/** Every optional host permission of the production manifest, in manifest order. */
export const OPTIONAL_HOST_PATTERNS: readonly string[] = [
  ...CARRIER_API_HOST_PATTERNS,
  ...WEBMAIL_HOST_PATTERNS,
  ...CARRIER_PAGE_HOST_PATTERNS,
  ...SHOP_PAGE_HOST_PATTERNS,
  ...ANY_SITE_PAGE_PATTERNS,
];
