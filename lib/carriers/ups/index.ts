import type { CarrierDefinition } from '../definition';
import { urlTemplate } from '../definition';

/** UPS service codes in 1Z numbers (positions 9–10). Source: tracking_number_data couriers/ups.json. */
const SERVICE_CODES: Record<string, string> = {
  '01': 'UPS Next Day Air',
  '02': 'UPS 2nd Day Air',
  '03': 'UPS Ground',
  '12': 'UPS 3 Day Select',
  '13': 'UPS Next Day Air Saver',
  '15': 'UPS Next Day Air Early',
  '22': 'UPS Ground (Returns Plus)',
  '42': 'UPS Ground (Signature Required)',
  '44': 'UPS Next Day Air (Saturday)',
  '66': 'UPS Worldwide Express',
  '72': 'UPS Ground (COD)',
  '78': 'UPS Ground (Returns Plus)',
  '90': 'UPS Ground (Returns)',
  A8: 'UPS Ground (Adult Signature Required)',
  YW: 'UPS SurePost',
};

const WAYBILL_SERVICES: Record<string, string> = { J: 'UPS Next Day Express', K: 'UPS Ground', V: 'UPS Worldwide Express Saver' };

export const ups: CarrierDefinition = {
  id: 'ups',
  name: 'UPS',
  trackingUrl: urlTemplate('https://www.ups.com/track?loc=en_US&tracknum=%s'),
  trackingHosts: ['ups.com'],
  keywords: ['UPS', 'United Parcel Service'],
  senderDomains: ['ups.com'],
  formats: [
    {
      id: 'ups_1z',
      service: 'UPS',
      // 1Z + 6 shipper + 2 service + 7 package + check (mod 10, odd positions doubled, letters as (code-3)%10).
      pattern: /^1Z(?<serial>[A-Z0-9]{6}(?<svc>[A-Z0-9]{2})[A-Z0-9]{7})(?<check>\d)$/,
      lengths: [18],
      checkDigit: { algorithm: 'mod10', evens: 1, odds: 2 },
      strength: 0.95,
      serviceFor: (g) => SERVICE_CODES[g.svc!] ?? null,
      examples: {
        valid: ['1ZXX3150YW44070023', '1Z8V92A70367203024', '1Z410E7W0392751591', '1Z879E930346834440'],
        invalid: ['1A5R89390357567127', '2Z5R89390357567127', '1Z879E930346834441'],
      },
    },
    {
      id: 'ups_waybill',
      service: 'UPS Waybill',
      pattern: /^(?<svc>[AHJKTV])(?<serial>\d{9})(?<check>\d)$/,
      lengths: [11],
      checkDigit: { algorithm: 'mod10', evens: 1, odds: 2 },
      strength: 0.35,
      serviceFor: (g) => WAYBILL_SERVICES[g.svc!] ?? null,
      overlaps: ['amazon:amazon_international'],
      examples: { valid: ['K1506235620', 'J4603636537', 'V0431105627'], invalid: ['J4603636538', 'K1506235622', 'K2479825492'] },
    },
  ],
};
