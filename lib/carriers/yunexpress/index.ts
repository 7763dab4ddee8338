import type { CarrierDefinition } from '../definition';
import { urlTemplate } from '../definition';

export const yunexpress: CarrierDefinition = {
  id: 'yunexpress',
  name: 'YunExpress',
  trackingUrl: urlTemplate('https://www.yuntrack.com/parcelTracking?id=%s'),
  trackingHosts: ['yuntrack.com', 'yunexpress.com'],
  keywords: ['YunExpress', 'Yun Express'],
  senderDomains: ['yunexpress.com'],
  formats: [
    {
      id: 'yunexpress',
      service: 'YunExpress',
      pattern: /^YT\d{16}$/,
      lengths: [18],
      checkDigit: null,
      strength: 0.75,
      examples: { valid: ['YT2229521272164446', 'YT2229521272164447'], invalid: ['YT123456789012345'] },
    },
  ],
};
