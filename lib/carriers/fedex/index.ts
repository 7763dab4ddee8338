import type { CarrierDefinition } from '../definition';
import { urlTemplate } from '../definition';

/** FedEx Express weights (tracking_number_data couriers/fedex.json): 3 1 7 …, sum mod 11 mod 10. */
const EXPRESS = { algorithm: 'sum_product', weights: [3, 1, 7, 3, 1, 7, 3, 1, 7, 3, 1], modulo1: 11, modulo2: 10 } as const;
const EXPRESS_34 = {
  algorithm: 'sum_product',
  weights: [1, 7, 3, 1, 7, 3, 1, 7, 3, 1, 7, 3, 1],
  modulo1: 11,
  modulo2: 10,
} as const;
const GROUND = { algorithm: 'mod10', evens: 1, odds: 3 } as const;

export const fedex: CarrierDefinition = {
  id: 'fedex',
  name: 'FedEx',
  trackingUrl: urlTemplate('https://www.fedex.com/fedextrack/?trknbr=%s'),
  trackingHosts: ['fedex.com'],
  keywords: ['FedEx', 'Federal Express'],
  senderDomains: ['fedex.com'],
  formats: [
    {
      id: 'fedex_12',
      service: 'FedEx Express',
      pattern: /^(?<serial>\d{11})(?<check>\d)$/,
      lengths: [12],
      checkDigit: EXPRESS,
      strength: 0.3,
      overlaps: ['purolator:purolator_12'],
      examples: { valid: ['790535312317', '477179081230', '986578788855'], invalid: ['996578788855'] },
    },
    {
      id: 'fedex_15',
      service: 'FedEx Ground',
      pattern: /^(?<serial>\d{14})(?<check>\d)$/,
      lengths: [15],
      checkDigit: GROUND,
      strength: 0.3,
      overlaps: ['dpd:dpd_14'],
      examples: { valid: ['5682 8361 0012 000', '5 6 8 2 8 3 6 1 0 0 1 2 0 0 0'], invalid: ['5682 8361 0012 732'] },
    },
    {
      id: 'fedex_22',
      service: 'FedEx Ground (96)',
      // 96 + SCNC + service type + shipper id + package id + check (mod 10 over the last 14 digits).
      pattern: /^96\d{5}(?<serial>\d{14})(?<check>\d)$/,
      lengths: [22],
      checkDigit: GROUND,
      strength: 0.75,
      overlaps: ['usps:usps_legacy'],
      examples: { valid: ['9611020987654312345672'], invalid: ['9600000000000000000001'] },
    },
    {
      id: 'fedex_gsn',
      service: 'FedEx Ground (GSN)',
      pattern: /^96\d{2}\d{5}\d{10}\d(?<serial>\d{13})(?<check>\d)$/,
      lengths: [34],
      checkDigit: EXPRESS_34,
      strength: 0.7,
      examples: {
        valid: ['9622001560001234567100794808390594', '9622001560000000000000794808390594'],
        invalid: ['9622001560001234567100794808390595'],
      },
    },
    {
      id: 'fedex_34',
      service: 'FedEx Express (34)',
      pattern: /^[0-8]\d{14}(?<zip>\d{5})(?<serial>\d{13})(?<check>\d)$/,
      lengths: [34],
      checkDigit: EXPRESS_34,
      strength: 0.5,
      overlaps: ['usps:usps_impb', 'usps:usps_impb_zip9'],
      examples: {
        valid: ['1001901781990001000300617767839437', '1195583874210007521100871140316936', '1 1 9 52 6 64739 3000 75211 00 8710 799 199 40'],
        invalid: ['1001901781990001000300617767839438'],
      },
    },
    {
      id: 'fedex_astra_32',
      service: 'FedEx Express (ASTRA)',
      // Positions 17–28 hold a FedEx Express number with its check digit; the rest is routing data.
      pattern: /^3\d{15}(?<serial>\d{11})(?<check>\d)\d{4}$/,
      lengths: [32],
      checkDigit: EXPRESS,
      strength: 0.5,
      examples: {
        valid: ['32971508360102447847941133172013', '33810799560000004380417923803212'],
        invalid: ['3297151456010244784917580286201'],
      },
    },
    {
      id: 'fedex_sscc_18',
      service: 'FedEx Ground (SSCC-18)',
      pattern: /^(?<serial>0[0124]\d{15})(?<check>\d)$/,
      lengths: [18],
      checkDigit: { algorithm: 'mod10', evens: 3, odds: 1 },
      strength: 0.35,
      examples: { valid: ['00 0123 4500 0000 0027'], invalid: ['000000000000000001'] },
    },
    {
      id: 'fedex_door_tag',
      service: 'FedEx door tag',
      // Issue #18: the tag left when a delivery attempt fails, "DT" followed by 12 digits (FedEx's own help:
      // "Door tag numbers start with the letters DT followed by 12 numbers"). No check digit is published; the
      // two letters keep random digit runs out.
      pattern: /^DT(?<tag>\d{12})$/,
      lengths: [14],
      checkDigit: null,
      strength: 0.6,
      examples: { valid: ['DT771613423732', 'DT 1000 2345 6789'], invalid: ['DT77161342373', 'TD771613423732'] },
    },
    {
      id: 'fedex_smartpost',
      service: 'FedEx Ground Economy (SmartPost)',
      // The USPS IMpb number without its `92` application identifier; the check digit still counts it.
      pattern: /^(?<serial>61\d{17})(?<check>\d)$/,
      lengths: [20],
      checkDigit: { algorithm: 'mod10', evens: 3, odds: 1 },
      serialPrefix: () => '92',
      strength: 0.5,
      overlaps: ['usps:usps_20', 'usps:usps_legacy', 'poczta_polska:*'],
      examples: { valid: ['61299998820821171811'], invalid: ['61299998820821171812'] },
    },
    {
      id: 'fedex_smartpost_41_74',
      service: 'FedEx Ground Economy (SmartPost)',
      // Issue #18: the same IMpb body with service types 41x / 74x (FedEx's published Ground Economy mock
      // numbers 41999998135520738841, 74899992242124855076), check digit counted with the `92` identifier.
      // Below the page threshold alone: with three leading pairs, a random 20-digit run with a good check digit
      // would be taken three times as often as the 61 form; a FedEx word, link or sender takes it.
      pattern: /^(?<serial>(?:41|74)\d{17})(?<check>\d)$/,
      lengths: [20],
      checkDigit: { algorithm: 'mod10', evens: 3, odds: 1 },
      serialPrefix: () => '92',
      strength: 0.4,
      overlaps: ['usps:usps_20', 'usps:usps_legacy', 'poczta_polska:*'],
      examples: { valid: ['41999998135520738841', '7489 9992 2421 2485 5076'], invalid: ['41999998135520738842', '42999998135520738841'] },
    },
  ],
};
