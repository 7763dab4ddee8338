import type { CarrierDefinition } from '../definition';
import { claimS10Countries, s10Format, urlTemplate } from '../definition';

/** PostNord: UPU S10 numbers issued in SE, DK (the country code ends the number). */
export const postnord: CarrierDefinition = {
  id: 'postnord',
  name: 'PostNord',
  trackingUrl: urlTemplate('https://www.postnord.se/en/our-tools/track-and-trace?shipmentId=%s'),
  trackingHosts: ['postnord.se', 'postnord.dk', 'postnord.com'],
  keywords: ['PostNord'],
  senderDomains: ['postnord.se', 'postnord.dk'],
  formats: [
    s10Format('postnord_s10', 'PostNord (S10)', claimS10Countries(['SE', 'DK'])),
  ],
};
