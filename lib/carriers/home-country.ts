/**
 * Each carrier's home country (ISO 3166-1 alpha-2), for placing a local-only event time that names no
 * place (issue #19 §4): a domestic Royal Mail scan with no location happened in Great Britain. Only
 * national carriers are listed; carriers that scan across many countries (GLS, DPD, DHL Express,
 * YunExpress) have none, so their times are placed by their locations or, failing that, the shopper.
 * A multi-zone home (US, CA, AU) places nothing by itself (lib/model/place-zone.ts needs a state).
 */
const HOME: Readonly<Record<string, string>> = {
  ups: 'US',
  usps: 'US',
  fedex: 'US',
  amazon: 'US',
  ontrac: 'US',
  lasership: 'US',
  old_dominion: 'US',
  speedee: 'US',
  gofo: 'US',
  canada_post: 'CA',
  purolator: 'CA',
  canpar: 'CA',
  royal_mail: 'GB',
  evri: 'GB',
  dpd_uk: 'GB',
  yodel: 'GB',
  deutsche_post: 'DE',
  la_poste: 'FR',
  poste_italiane: 'IT',
  correos: 'ES',
  postnl: 'NL',
  bpost: 'BE',
  an_post: 'IE',
  poczta_polska: 'PL',
  swiss_post: 'CH',
  japan_post: 'JP',
  korea_post: 'KR',
  hongkong_post: 'HK',
  china_post: 'CN',
  australia_post: 'AU',
};

export function carrierHomeCountry(carrier: string | null): string | null {
  return carrier ? (HOME[carrier] ?? null) : null;
}
