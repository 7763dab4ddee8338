import type { CarrierDefinition } from '../definition';
import { urlTemplate } from '../definition';

export const dpd: CarrierDefinition = {
  id: 'dpd',
  name: 'DPD',
  trackingUrl: urlTemplate('https://www.dpdgroup.com/nl/mydpd/my-parcels/track?lang=en&parcelNumber=%s'),
  trackingHosts: ['dpdgroup.com', 'dpd.com', 'dpd.de', 'dpd.fr', 'tracking.dpd.de'],
  keywords: ['DPD'],
  senderDomains: ['dpd.de', 'dpd.com', 'dpdgroup.com'],
  formats: [
    {
      id: 'dpd_28',
      service: 'DPD (28)',
      // 7 destination ZIP + 14 parcel number + 3 service + 3 country, then an ISO 7064 MOD 37,36 check character.
      pattern: /^(?<serial>\d{27})(?<check>[0-9A-Z])$/,
      lengths: [28],
      checkDigit: { algorithm: 'mod37_36' },
      strength: 0.6,
      examples: { valid: ['00 81827 0998 0000 0200 33 350 276 C'], invalid: ['0081 827 0998 0000 0200 45 000 000 N'] },
    },
    {
      id: 'dpd_14',
      service: 'DPD',
      pattern: /^(?<serial>\d{14})(?<check>[0-9A-Z])$/,
      lengths: [15],
      checkDigit: { algorithm: 'mod37_36' },
      strength: 0.35,
      overlaps: ['fedex:fedex_15'],
      examples: { valid: ['09 9800 0002 0033 F'], invalid: ['09980000020033D'] },
    },
  ],
};
