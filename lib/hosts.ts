/**
 * Hosts the extension talks to, as data, so the manifest and the code agree.
 * Carrier API hosts are optional permissions, asked for when the user adds that carrier's key.
 */

/** The built-in demo carrier's API host (mapped to loopback by the demo and the E2E suite). */
export const DEMO_CARRIER_HOST = 'api.demo-carrier.test';

export const DEMO_HOST_PATTERNS = [`https://${DEMO_CARRIER_HOST}/*`] as const;

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

export const AMAZON_MATCH_PATTERNS = AMAZON_HOSTS.flatMap((h) => [`https://www.${h}/*`, `https://${h}/*`]);

export const CARRIER_API_HOST_PATTERNS = [
  'https://onlinetools.ups.com/*',
  'https://wwwcie.ups.com/*',
  'https://apis.usps.com/*',
  'https://apis-tem.usps.com/*',
  'https://apis.fedex.com/*',
  'https://apis-sandbox.fedex.com/*',
  'https://api-eu.dhl.com/*',
  'https://api.17track.net/*',
  'https://api.ship24.com/*',
] as const;

/** Webmail scanning is opt-in: these are asked for only when the user turns it on. */
export const WEBMAIL_HOST_PATTERNS = [
  'https://mail.google.com/*',
  'https://outlook.live.com/*',
  'https://outlook.office.com/*',
  'https://outlook.office365.com/*',
] as const;
