/**
 * UPS's own tracking pages (issue #14): hosts, the number parameter and the status words of its
 * pages, for the one carrier-page reader (lib/carrier-pages). Vocabulary from UPS's pages
 * (tests/fixtures/carrier-pages/ups: 2016–2017 en_US and de layouts, the 2024 `GetStatus` JSON)
 * and the activity names of the UPS Track API appendix (status-map.ts).
 */
import type { CarrierPageHints } from '../../carrier-pages/hints';

export const upsPage: CarrierPageHints = {
  site: 'ups',
  carrier: 'ups',
  name: 'UPS',
  hosts: ['www.ups.com', 'wwwapps.ups.com'],
  matchPatterns: ['https://www.ups.com/*', 'https://wwwapps.ups.com/*'],
  numberParams: ['tracknum', 'trackNums', 'InquiryNumber1'],
  statuses: [
    // A failed attempt that sends the parcel to an Access Point is still the failed attempt.
    [/attempted (?:delivery|to deliver)|not available when ups|delivery attempt/i, 'attempt_failed'],
    ['returned to sender', 'returned'],
    ['returning to sender', 'returned'],
    ['awaiting customer pickup', 'available_for_pickup'],
    ['access point', 'available_for_pickup'],
    ['ready for customer pickup', 'available_for_pickup'],
    ['held for customer pickup', 'available_for_pickup'],
    ['out for delivery', 'out_for_delivery'],
    ['on vehicle for delivery', 'out_for_delivery'],
    ['loaded on delivery vehicle', 'out_for_delivery'],
    ['delivered', 'delivered'],
    [/\bvoided\b/i, 'cancelled'],
    [/has delayed delivery|rescheduled|\bdelay/i, 'exception'],
    ['order processed', 'info_received'],
    ['shipment ready for ups', 'info_received'],
    ['label created', 'info_received'],
    ['shipper created a label', 'info_received'],
    [/\bscan\b/i, 'in_transit'],
    ['in transit', 'in_transit'],
    ['shipped', 'in_transit'],
    ['picked up', 'in_transit'],
    ['departed', 'in_transit'],
    ['arrived', 'in_transit'],
    ['customs', 'in_transit'],
  ],
};
