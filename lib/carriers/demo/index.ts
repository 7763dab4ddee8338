import type { CarrierDefinition } from '../definition';
import { urlTemplate } from '../definition';

/**
 * The built-in simulated carrier used by the demo and the tests: `PLDEMO` + 7 digits + a GS1-style
 * mod-10 check digit (weights 3,1,3,1,3,1,3; check = (10 - sum % 10) % 10). No real format starts
 * with `PLDEMO`.
 */
export const demo: CarrierDefinition = {
  id: 'demo',
  name: 'Porchlight Demo Carrier',
  trackingUrl: urlTemplate('https://track.demo-carrier.test/?n=%s'),
  trackingHosts: ['track.demo-carrier.test', 'demo-carrier.test'],
  keywords: ['Porchlight Demo Carrier', 'Demo Carrier'],
  senderDomains: ['demo-carrier.test'],
  formats: [
    {
      id: 'demo',
      service: 'Demo parcel',
      pattern: /^PLDEMO(?<serial>\d{7})(?<check>\d)$/,
      lengths: [14],
      checkDigit: { algorithm: 'mod10', evens: 3, odds: 1 },
      strength: 0.95,
      examples: {
        // 1234567: 1·3+2+3·3+4+5·3+6+7·3 = 60 → 0; 7654321: 7·3+6+5·3+4+3·3+2+1·3 = 60 → 0; 0000001: 3 → 7.
        valid: ['PLDEMO12345670', 'PLDEMO76543210', 'PLDEMO00000017', 'PLDEMO10000007'],
        invalid: ['PLDEMO12345671', 'PLDEMO1234567', 'PLDEMX12345670'],
      },
    },
  ],
};
