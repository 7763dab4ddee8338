import type { CarrierDefinition } from '../definition';
import { claimS10Countries, s10Format, urlTemplate } from '../definition';

/** Hongkong Post: UPU S10 numbers issued in HK (the country code ends the number). */
export const hongkongPost: CarrierDefinition = {
  id: 'hongkong_post',
  name: 'Hongkong Post',
  trackingUrl: urlTemplate('https://www.hongkongpost.hk/en/mail_tracking/index.html?trackNo=%s'),
  trackingHosts: ['hongkongpost.hk'],
  keywords: ['Hongkong Post', 'Hong Kong Post'],
  senderDomains: ['hongkongpost.hk'],
  formats: [
    s10Format('hongkong_post_s10', 'Hongkong Post (S10)', claimS10Countries(['HK'])),
  ],
};
