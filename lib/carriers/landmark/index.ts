import type { CarrierDefinition } from '../definition';
import { urlTemplate } from '../definition';

export const landmark: CarrierDefinition = {
  id: 'landmark',
  name: 'Landmark Global',
  trackingUrl: urlTemplate('https://track.landmarkglobal.com/?search=%s'),
  trackingHosts: ['landmarkglobal.com'],
  keywords: ['Landmark Global', 'Landmark'],
  senderDomains: ['landmarkglobal.com'],
  formats: [
    {
      id: 'landmark_ltn',
      service: 'Landmark Global LTN',
      pattern: /^LTN\d{8}N1$/,
      lengths: [13],
      checkDigit: null,
      strength: 0.85,
      examples: { valid: ['LTN74207623N1', 'LTN74209518N1'], invalid: ['LSN74209518N2', 'LTN74209518N2'] },
    },
  ],
};
