import type { CarrierDefinition } from '../definition';
import { claimS10Countries, s10Format, urlTemplate } from '../definition';

/** Japan Post: UPU S10 numbers issued in JP (the country code ends the number). */
export const japanPost: CarrierDefinition = {
  id: 'japan_post',
  name: 'Japan Post',
  trackingUrl: urlTemplate('https://trackings.post.japanpost.jp/services/srv/search/direct?reqCodeNo1=%s&locale=en'),
  trackingHosts: ['japanpost.jp', 'post.japanpost.jp'],
  keywords: ['Japan Post', '日本郵便'],
  senderDomains: ['japanpost.jp'],
  formats: [
    s10Format('japan_post_s10', 'Japan Post (S10)', claimS10Countries(['JP'])),
  ],
};
