import type { CarrierDefinition } from '../definition';
import { urlTemplate } from '../definition';

const CHECK = { algorithm: 'mod10', evens: 1, odds: 2 } as const;

export const ontrac: CarrierDefinition = {
  id: 'ontrac',
  name: 'OnTrac',
  trackingUrl: urlTemplate('https://www.ontrac.com/tracking/?number=%s'),
  trackingHosts: ['ontrac.com'],
  keywords: ['OnTrac'],
  senderDomains: ['ontrac.com'],
  formats: [
    {
      id: 'ontrac_c',
      service: 'OnTrac',
      pattern: /^C(?<serial>\d{13})(?<check>\d)$/,
      lengths: [15],
      checkDigit: CHECK,
      // The check digit counts a leading 4 the printed number leaves out (tracking_number_data couriers/ontrac.json).
      serialPrefix: (g) => (g.serial!.startsWith('4') ? '' : '4'),
      strength: 0.7,
      examples: { valid: ['C10999911320231', 'C11031500001879', 'C11121553156000'], invalid: ['C10000000000000'] },
    },
    {
      id: 'ontrac_d',
      service: 'OnTrac',
      pattern: /^D(?<serial>\d{13})(?<check>\d)$/,
      lengths: [15],
      checkDigit: CHECK,
      serialPrefix: (g) => (g.serial!.startsWith('5') ? '' : '5'),
      strength: 0.7,
      examples: { valid: ['D10011345983010', 'D 100 113 459 830 10'], invalid: ['D10011345983012'] },
    },
  ],
};
