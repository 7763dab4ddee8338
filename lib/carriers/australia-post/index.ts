import type { CarrierDefinition } from '../definition';
import { claimS10Countries, s10Format, urlTemplate } from '../definition';

/** Australia Post: UPU S10 numbers issued in AU (the country code ends the number). */
export const australiaPost: CarrierDefinition = {
  id: 'australia_post',
  name: 'Australia Post',
  trackingUrl: urlTemplate('https://auspost.com.au/mypost/track/#/details/%s'),
  trackingHosts: ['auspost.com.au'],
  keywords: ['Australia Post', 'AusPost'],
  senderDomains: ['auspost.com.au'],
  formats: [
    s10Format('australia_post_s10', 'Australia Post (S10)', claimS10Countries(['AU'])),
  ],
};
