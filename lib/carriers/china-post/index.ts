import type { CarrierDefinition } from '../definition';
import { claimS10Countries, s10Format, urlTemplate } from '../definition';

/** China Post: UPU S10 numbers issued in CN (the country code ends the number). */
export const chinaPost: CarrierDefinition = {
  id: 'china_post',
  name: 'China Post',
  trackingUrl: urlTemplate('https://www.ems.com.cn/queryList?mailNum=%s'),
  trackingHosts: ['chinapost.com.cn', 'ems.com.cn', '11183.com.cn'],
  keywords: ['China Post', 'China EMS', '中国邮政'],
  senderDomains: [],
  formats: [
    s10Format('china_post_s10', 'China Post (S10)', claimS10Countries(['CN'])),
  ],
};
