import type { CarrierDefinition } from '../definition';
import { claimS10Countries, s10Format, urlTemplate } from '../definition';

/** Poczta Polska: UPU S10 numbers issued in PL (the country code ends the number). */
export const pocztaPolska: CarrierDefinition = {
  id: 'poczta_polska',
  name: 'Poczta Polska',
  trackingUrl: urlTemplate('https://emonitoring.poczta-polska.pl/?numer=%s'),
  trackingHosts: ['poczta-polska.pl', 'pocztex.pl'],
  keywords: ['Poczta Polska', 'Pocztex'],
  senderDomains: ['poczta-polska.pl'],
  formats: [
    s10Format('poczta_polska_s10', 'Poczta Polska (S10)', claimS10Countries(['PL'])),
    {
      id: 'poczta_polska_20',
      service: 'Poczta Polska (domestic)',
      // `00` + SSCC-18 (GS1 mod-10 check digit), the form Poczta Polska prints on domestic parcels.
      pattern: /^00(?<serial>\d{17})(?<check>\d)$/,
      lengths: [20],
      checkDigit: { algorithm: 'mod10', evens: 3, odds: 1, reverse: true },
      strength: 0.35,
      overlaps: ['usps:usps_20', 'usps:usps_legacy'],
      examples: { valid: ['00659007734213179811'], invalid: ['00659007734213179813', '01659007734213179811'] },
    },
  ],
};
