import type { CarrierDefinition } from '../definition';
import { claimS10Countries, s10Format, urlTemplate } from '../definition';

export const canadaPost: CarrierDefinition = {
  id: 'canada_post',
  name: 'Canada Post',
  trackingUrl: urlTemplate('https://www.canadapost-postescanada.ca/track-reperage/en#/search?searchFor=%s'),
  trackingHosts: ['canadapost-postescanada.ca', 'canadapost.ca', 'postescanada.ca'],
  keywords: ['Canada Post', 'Postes Canada'],
  senderDomains: ['canadapost.ca', 'canadapost-postescanada.ca'],
  formats: [
    {
      id: 'canada_post_16',
      service: 'Canada Post',
      pattern: /^(?<serial>\d{15})(?<check>\d)$/,
      lengths: [16],
      checkDigit: { algorithm: 'mod10', evens: 3, odds: 1 },
      strength: 0.3,
      examples: { valid: ['4002847016405018', '0073938000549297'], invalid: ['5002847016405018', '7035114477138471'] },
    },
    s10Format('canada_post_s10', 'Canada Post International', claimS10Countries(['CA'])),
  ],
};
