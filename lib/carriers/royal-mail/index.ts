import type { CarrierDefinition } from '../definition';
import { claimS10Countries, s10Format, urlTemplate } from '../definition';

/** Royal Mail: UPU S10 numbers issued in GB (the country code ends the number). */
export const royalMail: CarrierDefinition = {
  id: 'royal_mail',
  name: 'Royal Mail',
  trackingUrl: urlTemplate('https://www.royalmail.com/track-your-item#/tracking-results/%s'),
  trackingHosts: ['royalmail.com', 'ryml.me', 'parcelforce.com'],
  keywords: ['Royal Mail', 'Parcelforce'],
  senderDomains: ['royalmail.com', 'royalmail.co.uk'],
  formats: [
    s10Format('royal_mail_s10', 'Royal Mail (S10)', claimS10Countries(['GB'])),
  ],
};
