import type { CarrierDefinition } from '../definition';
import { urlTemplate } from '../definition';

export const canpar: CarrierDefinition = {
  id: 'canpar',
  name: 'Canpar Express',
  trackingUrl: urlTemplate('https://www.canpar.com/en/track/tracking.jsp?reference=%s&locale=en'),
  trackingHosts: ['canpar.com', 'canpar.ca'],
  keywords: ['Canpar'],
  senderDomains: ['canpar.com'],
  formats: [
    {
      id: 'canpar_22',
      service: 'Canpar',
      pattern: /^[CDKLSUXZ]\d{21}$/,
      lengths: [22],
      checkDigit: null,
      strength: 0.55,
      examples: {
        valid: ['D576002440000001428004', 'D576002440000001718010', 'L576002440000000001004'],
        invalid: ['1576002440000002510003', 'M576002440000002510003'],
      },
    },
  ],
};
