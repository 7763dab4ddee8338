/**
 * Amazon marketplaces as data: which host speaks which language, shows which currency, and whose
 * calendar its relative dates ("Arriving tomorrow") are counted in.
 *
 * `timeZone` is the marketplace's main zone. Amazon renders relative dates in the shopper's delivery
 * zone, which the pure reader cannot know; callers that know better (the browser's own zone, or the
 * `timezone` key of a track-package page) pass it as an option to `readAmazonPage`.
 */

/** Languages whose status vocabulary and date formats the reader understands. */
export type AmazonLanguage = 'en' | 'de' | 'fr' | 'it' | 'es' | 'nl' | 'sv' | 'pl' | 'ja' | 'pt';
/** Issue #18 added nl (amazon.nl, and nl-BE on amazon.com.be), sv, pl, ja and pt (amazon.com.br). */
const SUPPORTED_LANGUAGES: readonly AmazonLanguage[] = ['en', 'de', 'fr', 'it', 'es', 'nl', 'sv', 'pl', 'ja', 'pt'];

export interface Marketplace {
  /** Host without `www.` (`amazon.co.uk`). */
  host: string;
  /** ISO 3166 country code. */
  country: string;
  /** BCP 47 locale of the default page language (`en-GB`). */
  locale: string;
  /** Primary language subtag (`en`, `de`, …, also unsupported ones such as `nl`, `ja`). */
  language: string;
  currency: string;
  timeZone: string;
  /** Amazon's marketplace id, as it appears in `marketplaceId=` links. */
  marketplaceId: string;
  /** Month before day in numeric dates and "November 2" wording (US style). */
  monthFirst: boolean;
}

const M = (
  host: string,
  country: string,
  locale: string,
  currency: string,
  timeZone: string,
  marketplaceId: string,
  monthFirst = false,
): Marketplace => ({
  host,
  country,
  locale,
  language: locale.slice(0, 2),
  currency,
  timeZone,
  marketplaceId,
  monthFirst,
});

const MARKETPLACES: readonly Marketplace[] = [
  M('amazon.com', 'US', 'en-US', 'USD', 'America/New_York', 'ATVPDKIKX0DER', true),
  M('amazon.ca', 'CA', 'en-CA', 'CAD', 'America/Toronto', 'A2EUQ1WTGCTBG2', true),
  M('amazon.co.uk', 'GB', 'en-GB', 'GBP', 'Europe/London', 'A1F83G8C2ARO7P'),
  M('amazon.de', 'DE', 'de-DE', 'EUR', 'Europe/Berlin', 'A1PA6795UKMFR9'),
  M('amazon.fr', 'FR', 'fr-FR', 'EUR', 'Europe/Paris', 'A13V1IB3VIYZZH'),
  M('amazon.it', 'IT', 'it-IT', 'EUR', 'Europe/Rome', 'APJ6JRA9NG5V4'),
  M('amazon.es', 'ES', 'es-ES', 'EUR', 'Europe/Madrid', 'A1RKKUPIHCS9HS'),
  M('amazon.nl', 'NL', 'nl-NL', 'EUR', 'Europe/Amsterdam', 'A1805IZSGTT6HS'),
  M('amazon.se', 'SE', 'sv-SE', 'SEK', 'Europe/Stockholm', 'A2NODRKZP88ZB9'),
  M('amazon.pl', 'PL', 'pl-PL', 'PLN', 'Europe/Warsaw', 'A1C3SOZRARQ6R3'),
  M('amazon.com.be', 'BE', 'fr-BE', 'EUR', 'Europe/Brussels', 'AMEN7PMS3EDWL'),
  M('amazon.ie', 'IE', 'en-IE', 'EUR', 'Europe/Dublin', 'A28R8C7NBKEWEA'),
  M('amazon.com.au', 'AU', 'en-AU', 'AUD', 'Australia/Sydney', 'A39IBJ37TRP1C6'),
  M('amazon.co.jp', 'JP', 'ja-JP', 'JPY', 'Asia/Tokyo', 'A1VC38T7YXB528'),
  M('amazon.in', 'IN', 'en-IN', 'INR', 'Asia/Kolkata', 'A21TJRUUN4KGV'),
  M('amazon.com.mx', 'MX', 'es-MX', 'MXN', 'America/Mexico_City', 'A1AM78C64UM0Y8'),
  M('amazon.com.br', 'BR', 'pt-BR', 'BRL', 'America/Sao_Paulo', 'A2Q3Y263D00KWC'),
];

const BY_HOST = new Map(MARKETPLACES.map((m) => [m.host, m]));

/** The marketplace of a host or URL (`www.amazon.de`, `https://smile.amazon.com/…`), or null when not Amazon. */
export function marketplaceFor(hostOrUrl: string | URL): Marketplace | null {
  let host: string;
  if (hostOrUrl instanceof URL) host = hostOrUrl.hostname;
  else if (/^[a-z]+:\/\//i.test(hostOrUrl)) {
    try {
      host = new URL(hostOrUrl).hostname;
    } catch {
      return null;
    }
  } else host = hostOrUrl;
  host = host.toLowerCase().replace(/\.$/, '');
  // Strip sub-domains (www., smile.) until a known marketplace host remains.
  for (let h = host; h.includes('.'); h = h.slice(h.indexOf('.') + 1)) {
    const m = BY_HOST.get(h);
    if (m) return m;
  }
  return null;
}

export function isSupportedLanguage(lang: string): lang is AmazonLanguage {
  return (SUPPORTED_LANGUAGES as readonly string[]).includes(lang);
}
