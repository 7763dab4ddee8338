import type { CarrierDefinition } from '../definition';
import { claimS10Countries, s10Format, urlTemplate } from '../definition';

/** bpost: UPU S10 numbers issued in BE (the country code ends the number). */
export const bpost: CarrierDefinition = {
  id: 'bpost',
  name: 'bpost',
  trackingUrl: urlTemplate('https://track.bpost.cloud/btr/web/#/search?itemCode=%s'),
  trackingHosts: ['bpost.be', 'bpost.cloud'],
  keywords: ['bpost'],
  senderDomains: ['bpost.be'],
  formats: [
    s10Format('bpost_s10', 'bpost (S10)', claimS10Countries(['BE'])),
  ],
};
