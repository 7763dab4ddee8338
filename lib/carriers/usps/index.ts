import type { CarrierDefinition, FormatGroups } from '../definition';
import { claimS10Countries, s10Format, urlTemplate } from '../definition';

const GS1 = { algorithm: 'mod10', evens: 3, odds: 1, reverse: true } as const;

const IMPB_AI: Record<string, string> = {
  '92': 'USPS IMpb (commercial)',
  '93': 'USPS IMpb (commercial)',
  '94': 'USPS IMpb (online or vendor label)',
  '95': 'USPS Retail',
};

/**
 * IMpb body rules (USPS Publication 199): AI 92 needs a 9-digit Mailer ID (starting with 9),
 * AI 93 a 6-digit one; 30-digit bodies exist only as AI 94 with a 9-digit Mailer ID.
 */
function impbBodyOk(g: FormatGroups): boolean {
  const s = g.serial!;
  const ai = s.slice(0, 2);
  const mailerIs9 = s[5] === '9';
  if (ai === '92' && !mailerIs9) return false;
  if (ai === '93' && mailerIs9) return false;
  if (s.length === 29) return ai === '94' && mailerIs9;
  return true;
}

const impbCanonical = (g: FormatGroups) => g.serial! + g.check!;

export const usps: CarrierDefinition = {
  id: 'usps',
  name: 'USPS',
  trackingUrl: urlTemplate('https://tools.usps.com/go/TrackConfirmAction?tLabels=%s'),
  trackingHosts: ['usps.com'],
  keywords: ['USPS', 'U.S. Postal Service', 'United States Postal Service', 'Postal Service'],
  senderDomains: ['usps.com', 'usps.gov'],
  formats: [
    {
      id: 'usps_impb',
      service: 'USPS IMpb',
      // Optional `420` + ZIP routing prefix, then AI 92–95, service type, Mailer ID, package id, GS1 check.
      pattern: /^(?:420(?<zip>\d{5}))?(?<serial>9[2-5](?:\d{19}|\d{23}|\d{27}))(?<check>\d)$/,
      lengths: [22, 26, 30, 34],
      checkDigit: GS1,
      accept: impbBodyOk,
      strength: 0.8,
      serviceFor: (g) => IMPB_AI[g.serial!.slice(0, 2)] ?? null,
      canonical: impbCanonical,
      overlaps: ['fedex:fedex_smartpost', 'fedex:fedex_34', 'fedex:fedex_22'],
      examples: {
        valid: [
          '9400111206206407628746',
          '9434611206206407667136',
          '92001903060085300042901077',
          '420 11213 92 6129098349792366623 8',
          '420902729261290336128704124163',
        ],
        invalid: ['9434611306206407667222', '61299998820821171811', '420000000000000000000000000000'],
      },
    },
    {
      id: 'usps_impb_zip9',
      service: 'USPS IMpb',
      pattern: /^420(?<zip>\d{9})(?<serial>9[2-5]\d{19})(?<check>\d)$/,
      lengths: [34],
      checkDigit: GS1,
      accept: impbBodyOk,
      strength: 0.85,
      serviceFor: (g) => IMPB_AI[g.serial!.slice(0, 2)] ?? null,
      canonical: impbCanonical,
      overlaps: ['fedex:fedex_34'],
      examples: { valid: ['4201002334249200190132607600833457'], invalid: ['4201028200009261290113185417468511'] },
    },
    {
      id: 'usps_legacy_420',
      service: 'USPS Delivery / Signature Confirmation',
      // Issue #18: label barcodes carry the `420` + ZIP (or ZIP+4) routing code in front of the 22-digit `91`
      // form too (tracking_number_data usps_legacy: RoutingApplicationId, DestinationZip, DestinationZipPlus4);
      // USPS tracks the 22 digits after it.
      pattern: /^420(?<zip>\d{5}|\d{9})(?<serial>91\d{19})(?<check>\d)$/,
      lengths: [30, 34],
      checkDigit: { algorithm: 'mod10', evens: 3, odds: 1 },
      strength: 0.65,
      canonical: impbCanonical,
      overlaps: ['fedex:fedex_34', 'usps:usps_impb'],
      examples: {
        valid: ['420221539101026837331000039521', '420 22153 1234 9101 0268 3733 1000 0395 21'],
        invalid: ['420221539101026837331000039522', '420221539201026837331000039521'],
      },
    },
    {
      id: 'usps_20',
      service: 'USPS Delivery / Signature Confirmation',
      pattern: /^(?<serial>\d{19})(?<check>\d)$/,
      lengths: [20],
      checkDigit: { algorithm: 'mod10', evens: 3, odds: 1 },
      strength: 0.3,
      overlaps: ['fedex:fedex_smartpost', 'poczta_polska:*'],
      examples: { valid: ['0307 1790 0005 2348 3741', '7112 3456 7891 2345 6787'], invalid: ['0307 1790 0005 2348 3742'] },
    },
    {
      id: 'usps_legacy',
      service: 'USPS Delivery / Signature Confirmation',
      // Printed with the `91` application identifier, or without it (the check digit still counts it).
      pattern: /^(?<serial>91\d{19}|\d{19})(?<check>\d)$/,
      lengths: [20, 22],
      checkDigit: { algorithm: 'mod10', evens: 3, odds: 1 },
      serialPrefix: (g) => (g.serial!.length === 19 ? '91' : ''),
      strength: 0.3,
      overlaps: ['fedex:fedex_smartpost', 'poczta_polska:*', 'fedex:fedex_22'],
      examples: { valid: ['7196 9010 7560 0307 7385', '9101 1234 5678 9000 0000 13'], invalid: ['9101 1234 5678 9000 0000 14'] },
    },
    s10Format('usps_s10', 'USPS International', claimS10Countries(['US'])),
  ],
};
