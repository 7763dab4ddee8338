import type { CarrierDefinition } from '../definition';
import { urlTemplate } from '../definition';

export const dpd: CarrierDefinition = {
  id: 'dpd',
  name: 'DPD',
  trackingUrl: urlTemplate('https://www.dpdgroup.com/nl/mydpd/my-parcels/track?lang=en&parcelNumber=%s'),
  trackingHosts: ['dpdgroup.com', 'dpd.com', 'dpd.de', 'dpd.fr', 'tracking.dpd.de', 'dpd.com.pl'],
  keywords: ['DPD', 'DPD Polska'],
  senderDomains: ['dpd.de', 'dpd.com', 'dpdgroup.com', 'dpd.com.pl'],
  formats: [
    {
      id: 'dpd_28',
      service: 'DPD (28)',
      // 7 destination ZIP + 14 parcel number + 3 service + 3 country, then an ISO 7064 MOD 37,36 check character.
      pattern: /^(?<serial>\d{27})(?<check>[0-9A-Z])$/,
      lengths: [28],
      checkDigit: { algorithm: 'mod37_36' },
      strength: 0.6,
      examples: { valid: ['00 81827 0998 0000 0200 33 350 276 C'], invalid: ['0081 827 0998 0000 0200 45 000 000 N'] },
    },
    {
      id: 'dpd_14',
      service: 'DPD',
      // A digit as check character: 15 digits, as generic as any 15-digit run (FedEx Ground has the same shape).
      pattern: /^(?<serial>\d{14})(?<check>\d)$/,
      lengths: [15],
      checkDigit: { algorithm: 'mod37_36' },
      strength: 0.35,
      overlaps: ['fedex:fedex_15'],
      examples: { valid: ['05 2130 0001 7638 8'], invalid: ['052130000176389'] },
    },
    {
      id: 'dpd_14_letter',
      service: 'DPD',
      // Issue #18: 14 digits + an ISO 7064 MOD 37,36 check letter (tracking_number_data dpd_14). A letter after 14
      // digits, and the right one, is rare in random text: taken alone.
      pattern: /^(?<serial>\d{14})(?<check>[A-Z])$/,
      lengths: [15],
      checkDigit: { algorithm: 'mod37_36' },
      strength: 0.6,
      examples: { valid: ['09 9800 0002 0033 F'], invalid: ['09980000020033D'] },
    },
    {
      id: 'dpd_pl',
      service: 'DPD Polska',
      // Issue #18: DPD Poland's waybill numbers, 13 digits and a letter (usually U: "1000727398456U"), as DPD
      // Polska's e-mails and tracktrace.dpd.com.pl print them. No check is published; the trailing letter keeps
      // digit runs out.
      pattern: /^(?<waybill>\d{13})(?<suffix>[A-Z])$/,
      lengths: [14],
      checkDigit: null,
      strength: 0.5,
      examples: { valid: ['1000727398456U', '0000 1234 5678 9U'], invalid: ['100072739845U', '1000727398456'] },
    },
    {
      id: 'dpd_pl_14',
      service: 'DPD Polska',
      // The all-digit waybill form (tracktrace.dpd.com.pl/parcelDetails?p1=13490015284111): any 14 digits, so
      // only with DPD named by the context (sender, link, a "DPD" word).
      pattern: /^(?<waybill>\d{14})$/,
      lengths: [14],
      checkDigit: null,
      strength: 0.3,
      contextOnly: true,
      overlaps: ['dhl:dhl_ecommerce_14'],
      examples: { valid: ['13490015284111'], invalid: ['1349001528411'] },
    },
  ],
};
