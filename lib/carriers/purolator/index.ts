import type { CarrierDefinition } from '../definition';
import { urlTemplate } from '../definition';

export const purolator: CarrierDefinition = {
  id: 'purolator',
  name: 'Purolator',
  trackingUrl: urlTemplate('https://www.purolator.com/en/shipping/tracker?searchValue=%s'),
  trackingHosts: ['purolator.com'],
  keywords: ['Purolator'],
  senderDomains: ['purolator.com'],
  formats: [
    {
      id: 'purolator_12',
      service: 'Purolator',
      pattern: /^(?<serial>[0-5]\d{10})(?<check>\d)$/,
      lengths: [12],
      checkDigit: { algorithm: 'luhn' },
      strength: 0.25,
      overlaps: ['fedex:fedex_12'],
      examples: { valid: ['320595463938', '287809468872', '331434972567'], invalid: ['320595463939', '620595463938'] },
    },
    {
      id: 'purolator_alpha',
      service: 'Purolator',
      pattern: /^[A-Z]{3}\d{9}$/,
      lengths: [12],
      checkDigit: null,
      strength: 0.3,
      overlaps: ['dhl:dhl_express_piece_id', 'amazon:amazon_uk'],
      examples: { valid: ['KYV009956937', 'JFV247545960'], invalid: ['331426749957', 'KY009956937'] },
    },
  ],
};
