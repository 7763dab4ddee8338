import { AMAZON_HOSTS } from '../hosts';
import type { Translate } from '../i18n/translate';

// Region of the shopper's language tag → their Amazon marketplace (issue #11 §5: "open Your Orders —
// link per marketplace"). A language alone picks the country where it is the main one.
const BY_REGION: Record<string, (typeof AMAZON_HOSTS)[number]> = {
  US: 'amazon.com', CA: 'amazon.ca', GB: 'amazon.co.uk', UK: 'amazon.co.uk', DE: 'amazon.de', AT: 'amazon.de', CH: 'amazon.de',
  FR: 'amazon.fr', IT: 'amazon.it', ES: 'amazon.es', NL: 'amazon.nl', SE: 'amazon.se', PL: 'amazon.pl', BE: 'amazon.com.be',
  IE: 'amazon.ie', AU: 'amazon.com.au', JP: 'amazon.co.jp', IN: 'amazon.in', MX: 'amazon.com.mx', BR: 'amazon.com.br',
};
const BY_LANGUAGE: Record<string, (typeof AMAZON_HOSTS)[number]> = {
  de: 'amazon.de', fr: 'amazon.fr', it: 'amazon.it', es: 'amazon.es', nl: 'amazon.nl', sv: 'amazon.se', pl: 'amazon.pl', ja: 'amazon.co.jp', pt: 'amazon.com.br',
};

/** "Your Orders" on the shopper's marketplace first, then amazon.com. Pure: the locales are passed in. */
export function ordersLinks(locales: readonly string[], t: Translate): { label: string; url: string }[] {
  const hosts: string[] = [];
  for (const tag of locales) {
    const [lang, region] = tag.split(/[-_]/);
    const host = (region && BY_REGION[region.toUpperCase()]) || (lang && BY_LANGUAGE[lang.toLowerCase()]);
    if (host && !hosts.includes(host)) hosts.push(host);
    if (hosts.length) break;
  }
  if (!hosts.includes('amazon.com')) hosts.push('amazon.com');
  return hosts.map((h) => {
    const name = `${h[0]!.toUpperCase()}${h.slice(1)}`;
    return { label: t('ordersOn', name), url: `https://www.${h}/gp/css/order-history` };
  });
}
