import type { CarrierDefinition } from '../definition';
import { urlTemplate } from '../definition';

export const oldDominion: CarrierDefinition = {
  id: 'old_dominion',
  name: 'Old Dominion Freight Line',
  trackingUrl: urlTemplate('https://www.odfl.com/us/en/tools/trace-track-ltl-freight/trace.html?proNumbers=%s'),
  trackingHosts: ['odfl.com'],
  keywords: ['Old Dominion', 'ODFL'],
  senderDomains: ['odfl.com'],
  formats: [
    {
      id: 'old_dominion_pro',
      service: 'Old Dominion',
      pattern: /^(?<serial>(?:77[78]|072|780)\d{7})(?<check>\d)$/,
      lengths: [11],
      checkDigit: { algorithm: 'luhn' },
      strength: 0.3,
      overlaps: ['dhl:dhl_express', 'gls:*'],
      examples: { valid: ['77767553207', '77806528897'], invalid: ['79927398713', '77767553208'] },
    },
    {
      id: 'old_dominion_guaranteed',
      service: 'Old Dominion Guaranteed',
      pattern: /^(?<serial>80\d{8})(?<check>\d)$/,
      lengths: [11],
      checkDigit: { algorithm: 'luhn' },
      strength: 0.3,
      overlaps: ['dhl:dhl_express', 'gls:*'],
      examples: { valid: ['80993847369', '80003280379'], invalid: ['10000000000', '80993847368'] },
    },
  ],
};
