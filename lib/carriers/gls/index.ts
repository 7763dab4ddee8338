import type { CarrierDefinition } from '../definition';
import { urlTemplate } from '../definition';

export const gls: CarrierDefinition = {
  id: 'gls',
  name: 'GLS',
  trackingUrl: urlTemplate('https://gls-group.eu/track/%s'),
  trackingHosts: ['gls-group.eu', 'gls-group.com', 'gls-pakete.de', 'gls-us.com'],
  keywords: ['GLS', 'General Logistics Systems'],
  senderDomains: ['gls-group.eu', 'gls-group.com', 'gls-pakete.de'],
  formats: [
    {
      id: 'gls_11',
      service: 'GLS parcel',
      // GLS parcel numbers are 11 (or 12) digits; their check digit is not published consistently,
      // so any such number is taken only when GLS is named by the context.
      pattern: /^\d{11,12}$/,
      lengths: [11, 12],
      checkDigit: null,
      strength: 0.1,
      contextOnly: true,
      overlaps: ['*'],
      examples: { valid: ['90346692444'], invalid: ['9034669244', 'A0346692444'] },
    },
  ],
};
