import type { CarrierDefinition } from '../definition';
import { urlTemplate } from '../definition';

export const lasership: CarrierDefinition = {
  id: 'lasership',
  name: 'LaserShip',
  trackingUrl: urlTemplate('https://www.lasership.com/track/%s'),
  trackingHosts: ['lasership.com'],
  keywords: ['LaserShip', 'Laser Ship'],
  senderDomains: ['lasership.com'],
  formats: [
    {
      id: 'lasership_lx',
      service: 'LaserShip',
      pattern: /^L[AIEHNX][1-3]\d{7}$/,
      lengths: [10],
      checkDigit: null,
      strength: 0.35,
      examples: { valid: ['LH13812209', 'LX 176 35035', 'LE10913900', 'LA28376237'], invalid: ['LH9176350N6', 'LA97635036'] },
    },
    {
      id: 'lasership_1ls7',
      service: 'LaserShip',
      pattern: /^1LS7[12]\d{10}$/,
      lengths: [15],
      checkDigit: null,
      strength: 0.75,
      examples: { valid: ['1LS720000000000', '1LS717793482164'], invalid: ['1LX734505321754'] },
    },
    {
      id: 'lasership_1ls7_18',
      service: 'LaserShip',
      // Printed with a `-1` piece suffix; hyphens are dropped when the number is normalised.
      pattern: /^1LS7[12]\d{2}01[1-4]\d{6}1$/,
      lengths: [17],
      checkDigit: null,
      strength: 0.75,
      examples: { valid: ['1LS7119013618127-1'], invalid: ['1LS7119013618127-2'] },
    },
    {
      id: 'lasership_1lscx',
      service: 'LaserShip',
      pattern: /^1LSCX[0-9A-Z]{10}$/,
      lengths: [15],
      checkDigit: null,
      strength: 0.75,
      examples: { valid: ['1LS CX VE00 58631Y'], invalid: ['1LSCZVE0058631Y'] },
    },
  ],
};
