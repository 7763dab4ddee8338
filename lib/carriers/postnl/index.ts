import type { CarrierDefinition } from '../definition';
import { claimS10Countries, s10Format, urlTemplate } from '../definition';

/** PostNL: UPU S10 numbers issued in NL (the country code ends the number). */
export const postnl: CarrierDefinition = {
  id: 'postnl',
  name: 'PostNL',
  trackingUrl: urlTemplate('https://jouw.postnl.nl/track-and-trace/%s'),
  trackingHosts: ['postnl.nl', 'postnl.com'],
  keywords: ['PostNL'],
  senderDomains: ['postnl.nl'],
  formats: [
    s10Format('postnl_s10', 'PostNL (S10)', claimS10Countries(['NL'])),
  ],
};
