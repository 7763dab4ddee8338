import type { CarrierDefinition } from '../definition';
import { claimS10Countries, s10Format, urlTemplate } from '../definition';

/** Swiss Post: UPU S10 numbers issued in CH (the country code ends the number). */
export const swissPost: CarrierDefinition = {
  id: 'swiss_post',
  name: 'Swiss Post',
  trackingUrl: urlTemplate('https://service.post.ch/ekp-web/ui/entry/search/%s'),
  trackingHosts: ['post.ch'],
  keywords: ['Swiss Post', 'Die Post', 'La Poste Suisse'],
  senderDomains: ['post.ch'],
  formats: [
    s10Format('swiss_post_s10', 'Swiss Post (S10)', claimS10Countries(['CH'])),
  ],
};
