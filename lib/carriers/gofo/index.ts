import type { CarrierDefinition } from '../definition';
import { urlTemplate } from '../definition';

export const gofo: CarrierDefinition = {
  id: 'gofo',
  name: 'GOFO Express',
  trackingUrl: urlTemplate('https://www.gofoexpress.com/tracking.html?searchID=%s'),
  trackingHosts: ['gofoexpress.com', 'gofo.com'],
  keywords: ['GOFO'],
  senderDomains: ['gofoexpress.com'],
  formats: [
    {
      id: 'gofo_us',
      service: 'GOFO Express (US)',
      pattern: /^GFUS\d{14}$/,
      lengths: [18],
      checkDigit: null,
      strength: 0.85,
      examples: { valid: ['GFUS01011884214272'], invalid: ['GFUS0101188421446'] },
    },
  ],
};
