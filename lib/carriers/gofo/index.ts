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
    {
      id: 'gofo_cr',
      service: 'GOFO Express',
      // Issue #18: GOFO's other label form, "CR" + 12 digits, printed spaced or typed in lower case (both
      // normalised away before matching). No check digit is published.
      pattern: /^CR\d{12}$/,
      lengths: [14],
      checkDigit: null,
      strength: 0.55,
      examples: { valid: ['CR123456789012', 'cr 1234 5678 9012'], invalid: ['CR12345678901', 'CX123456789012'] },
    },
  ],
};
