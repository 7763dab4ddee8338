import type { CarrierDefinition } from '../definition';
import { claimS10Countries, s10Format, urlTemplate } from '../definition';

/** Deutsche Post: UPU S10 numbers issued in DE (the country code ends the number). */
export const deutschePost: CarrierDefinition = {
  id: 'deutsche_post',
  name: 'Deutsche Post',
  trackingUrl: urlTemplate('https://www.deutschepost.de/de/s/sendungsverfolgung.html?piececode=%s'),
  trackingHosts: ['deutschepost.de'],
  keywords: ['Deutsche Post'],
  senderDomains: ['deutschepost.de'],
  formats: [
    s10Format('deutsche_post_s10', 'Deutsche Post (S10)', claimS10Countries(['DE'])),
  ],
};
