import type { CarrierDefinition } from '../definition';
import { urlTemplate } from '../definition';

export const evri: CarrierDefinition = {
  id: 'evri',
  name: 'Evri',
  trackingUrl: urlTemplate('https://www.evri.com/track/#/parcel/%s'),
  trackingHosts: ['evri.com', 'myhermes.co.uk', 'hermes-europe.co.uk'],
  keywords: ['Evri', 'Hermes'],
  senderDomains: ['evri.com', 'myhermes.co.uk'],
  formats: [
    {
      id: 'evri_16',
      service: 'Evri',
      // Shape seen in Evri's own e-mails (H + 2 digits + 3 letters + 10 digits, e.g. H01QDA0004416687);
      // Evri publishes no check digit, so the prefix shape is all the evidence there is.
      pattern: /^H\d{2}[A-Z]{3}\d{10}$/,
      lengths: [16],
      checkDigit: null,
      strength: 0.55,
      examples: { valid: ['H01QDA0004416687', 'H01QPZ0007431687'], invalid: ['H01QD00004416687', 'X01QDA0004416687'] },
    },
  ],
};
