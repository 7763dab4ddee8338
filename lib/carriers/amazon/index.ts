import type { CarrierDefinition } from '../definition';
import { urlTemplate } from '../definition';

export const amazon: CarrierDefinition = {
  id: 'amazon',
  name: 'Amazon Logistics',
  trackingUrl: urlTemplate('https://track.amazon.com/tracking/%s'),
  trackingHosts: ['track.amazon.com', 'track.amazon.co.uk', 'track.amazon.de', 'track.amazon.ca'],
  keywords: ['Amazon Logistics', 'Amazon Shipping', 'Amazon driver'],
  senderDomains: [],
  formats: [
    {
      id: 'amazon_logistics',
      service: 'Amazon Logistics',
      pattern: /^TB[ACM]\d{12}$/,
      lengths: [15],
      checkDigit: null,
      strength: 0.9,
      examples: { valid: ['TBA000000000000', 'TBM502887274000', 'TBC123456789012'], invalid: ['TBA50288727400A', 'TBX123456789012'] },
    },
    {
      id: 'amazon_international',
      service: 'Amazon International',
      pattern: /^[AFC]\d{10}$/,
      lengths: [11],
      checkDigit: null,
      strength: 0.25,
      overlaps: ['ups:ups_waybill'],
      examples: { valid: ['C1004444443', 'F1234567890'], invalid: ['D1234567890'] },
    },
    {
      id: 'amazon_uk',
      service: 'Amazon Logistics (UK)',
      // Seen in amazon.co.uk dispatch e-mails ("QA0881872248 … being sent by Amazon Logistics"); no check digit known.
      pattern: /^Q[A-Z]\d{10}$/,
      lengths: [12],
      checkDigit: null,
      strength: 0.35,
      examples: { valid: ['QA0881872248'], invalid: ['QA088187224', 'Q10881872248'] },
    },
  ],
};
