import type { CarrierDefinition } from '../definition';
import { urlTemplate } from '../definition';

export const dpdUk: CarrierDefinition = {
  id: 'dpd_uk',
  name: 'DPD UK',
  trackingUrl: urlTemplate('https://track.dpd.co.uk/parcels/%s'),
  trackingHosts: ['dpd.co.uk', 'dpdlocal.co.uk'],
  keywords: ['DPD UK', 'DPD Local', 'dpd.co.uk'],
  senderDomains: ['dpd.co.uk', 'dpdlocal.co.uk'],
  formats: [
    {
      id: 'dpd_uk_14',
      service: 'DPD UK parcel',
      // 14-digit parcel numbers (15…/16…) with no check digit we know of: weak, taken with context
      // (the carrier named nearby, a DPD UK link or DPD UK's own e-mail).
      pattern: /^1[56]\d{12}$/,
      lengths: [14],
      checkDigit: null,
      strength: 0.1,
      contextOnly: true,
      overlaps: ['dhl:dhl_ecommerce_14'],
      examples: { valid: ['15501234567890'], invalid: ['25501234567890', '1550123456789'] },
    },
  ],
};
