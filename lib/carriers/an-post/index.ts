import type { CarrierDefinition } from '../definition';
import { claimS10Countries, s10Format, urlTemplate } from '../definition';

/** An Post: UPU S10 numbers issued in IE (the country code ends the number). */
export const anPost: CarrierDefinition = {
  id: 'an_post',
  name: 'An Post',
  trackingUrl: urlTemplate('https://www.anpost.com/Post-Parcels/Track/History?item=%s'),
  trackingHosts: ['anpost.com', 'anpost.ie'],
  keywords: ['An Post'],
  senderDomains: ['anpost.com', 'anpost.ie'],
  formats: [
    s10Format('an_post_s10', 'An Post (S10)', claimS10Countries(['IE'])),
  ],
};
