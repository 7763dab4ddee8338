import type { CarrierDefinition } from '../definition';
import { s10Format } from '../definition';

/**
 * Catch-all for UPU S10 numbers from postal operators the registry does not name (e.g. `…CV`):
 * the number is valid and international, and the UPU's Global Track & Trace knows it.
 */
export const upu: CarrierDefinition = {
  id: 'upu',
  name: 'Postal operator (UPU S10)',
  trackingUrl: () => 'https://globaltracktrace.ptc.post/gtt.web/',
  trackingHosts: ['globaltracktrace.ptc.post'],
  keywords: ['EMS', 'registered mail'],
  senderDomains: [],
  formats: [s10Format('upu_s10', 'International mail (S10)', 'other', 0.75)],
};
