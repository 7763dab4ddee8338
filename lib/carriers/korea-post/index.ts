import type { CarrierDefinition } from '../definition';
import { claimS10Countries, s10Format, urlTemplate } from '../definition';

/** Korea Post: UPU S10 numbers issued in KR (the country code ends the number). */
export const koreaPost: CarrierDefinition = {
  id: 'korea_post',
  name: 'Korea Post',
  trackingUrl: urlTemplate('https://service.epost.go.kr/trace.RetrieveEmsRigiTraceList.comm?POST_CODE=%s'),
  trackingHosts: ['epost.go.kr'],
  keywords: ['Korea Post'],
  senderDomains: [],
  formats: [
    s10Format('korea_post_s10', 'Korea Post (S10)', claimS10Countries(['KR'])),
  ],
};
