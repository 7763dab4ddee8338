import type { CarrierDefinition } from '../definition';
import { urlTemplate } from '../definition';

export const speedee: CarrierDefinition = {
  id: 'speedee',
  name: 'Spee-Dee Delivery',
  trackingUrl: urlTemplate('https://www.speedeedelivery.com/track/?tracking=%s'),
  trackingHosts: ['speedeedelivery.com'],
  keywords: ['Spee-Dee', 'Speedee'],
  senderDomains: ['speedeedelivery.com'],
  formats: [
    {
      id: 'speedee',
      service: 'Spee-Dee',
      pattern: /^SP\d{18}$/,
      lengths: [20],
      checkDigit: null,
      strength: 0.65,
      examples: { valid: ['SP029692510000279301', 'SP029692450001607639'], invalid: ['SX029692510000920746', 'SP02969251000092074'] },
    },
  ],
};
