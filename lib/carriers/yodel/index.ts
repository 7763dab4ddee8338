import type { CarrierDefinition } from '../definition';
import { urlTemplate } from '../definition';

export const yodel: CarrierDefinition = {
  id: 'yodel',
  name: 'Yodel',
  trackingUrl: urlTemplate('https://www.yodel.co.uk/tracking/%s'),
  trackingHosts: ['yodel.co.uk'],
  keywords: ['Yodel'],
  senderDomains: ['yodel.co.uk'],
  formats: [
    {
      id: 'yodel',
      service: 'Yodel',
      pattern: /^JJ?D\d{16}$/,
      lengths: [18, 19],
      checkDigit: null,
      strength: 0.75,
      examples: { valid: ['JD0002254405060992', 'JD0002242617644732', 'J J D 0 0 0 2 2 5 7 6 3 9 0 3 2 0 2 0'], invalid: ['JC0002254405060992'] },
    },
  ],
};
