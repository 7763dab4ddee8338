import type { CarrierDefinition } from '../definition';
import { urlTemplate } from '../definition';

export const dhl: CarrierDefinition = {
  id: 'dhl',
  name: 'DHL',
  trackingUrl: urlTemplate('https://www.dhl.com/global-en/home/tracking/tracking-express.html?submit=1&tracking-id=%s'),
  trackingHosts: ['dhl.com', 'express.dhl', 'dhl.de', 'dhl.co.uk', 'dhlparcel.nl', 'dhlecommerce.com', 'webtrack.dhlglobalmail.com'],
  keywords: ['DHL', 'DHL Express', 'DHL Paket', 'DHL eCommerce'],
  senderDomains: ['dhl.com', 'dhl.de', 'dhl.co.uk'],
  formats: [
    {
      id: 'dhl_express',
      service: 'DHL Express',
      // Air waybill: 9 or 10 digits and a mod-7 check digit.
      pattern: /^(?<serial>\d{9,10})(?<check>\d)$/,
      lengths: [10, 11],
      checkDigit: { algorithm: 'mod7' },
      strength: 0.25,
      overlaps: ['old_dominion:*', 'gls:*'],
      examples: { valid: ['3318810025', '3821724944', '8487135506', '1099255990'], invalid: ['3318810011', '3318810034'] },
    },
    {
      id: 'dhl_express_piece_id',
      service: 'DHL Express (piece ID)',
      pattern: /^J[A-Z]{2,3}\d{9,10}$/,
      lengths: [12, 13, 14],
      checkDigit: null,
      strength: 0.6,
      overlaps: ['purolator:purolator_alpha'],
      examples: { valid: ['JJD0099999999', 'JVGL0999999990'], invalid: ['XJD0099999998', 'JJD00999'] },
    },
    {
      id: 'dhl_ecommerce',
      service: 'DHL eCommerce',
      pattern: /^GM(?=[0-9A-Z]*\d)[0-9A-Z]{10,39}$/,
      lengths: range(12, 41),
      checkDigit: null,
      strength: 0.55,
      examples: { valid: ['GM9E44608A27984866BA2D', 'GM2951173225174494'], invalid: ['GS295117494011169041', 'GMABCDEFGHIJKL'] },
    },
    {
      id: 'dhl_ecommerce_other',
      service: 'DHL eCommerce',
      // These prefixes are also UPU S10 service indicators, so the format is weak on its own.
      pattern: /^(?:LX|RX|UV|CN|SG|TH|IN|HK|MY)(?=[0-9A-Z]*\d)[0-9A-Z]{10,39}$/,
      lengths: range(12, 41),
      checkDigit: null,
      strength: 0.2,
      overlaps: ['*:*_s10', 'upu:*'],
      examples: { valid: ['LX1234567890123'], invalid: ['ABCDEFGHILJKLMNOPQ', 'LXABCDEFGHIJKL'] },
    },
    {
      id: 'dhl_ecommerce_14',
      service: 'DHL eCommerce',
      pattern: /^\d{14}$/,
      lengths: [14],
      checkDigit: null,
      strength: 0.1,
      overlaps: ['dpd_uk:*'],
      examples: { valid: ['60120172242323', '60120174971147'], invalid: ['A60120172242323', '60120172242323B', '160120172242323'] },
    },
  ],
};

function range(from: number, to: number): number[] {
  const out: number[] = [];
  for (let i = from; i <= to; i++) out.push(i);
  return out;
}
