/**
 * FedEx's own tracking pages (issue #14): hosts, number parameter and status words for the one
 * carrier-page reader (lib/carrier-pages). The page's data carries FedEx's event codes (`statusCD`
 * in tests/fixtures/carrier-pages/fedex), read with the Track API's own code table (status-map.ts).
 */
import type { CarrierPageHints } from '../../carrier-pages/hints';
import { fedexEventStatus } from './status-map';

export const fedexPage: CarrierPageHints = {
  site: 'fedex',
  carrier: 'fedex',
  name: 'FedEx',
  hosts: ['www.fedex.com'],
  matchPatterns: ['https://www.fedex.com/*'],
  numberParams: ['trknbr', 'tracknumbers', 'tracknumber'],
  codeStatus: (code) => fedexEventStatus(code, null),
  statuses: [
    ['delivery exception', 'exception'],
    ['on fedex vehicle for delivery', 'out_for_delivery'],
    ['out for delivery', 'out_for_delivery'],
    ['ready for pickup', 'available_for_pickup'],
    ['delivered', 'delivered'],
    ['shipment information sent', 'info_received'],
    ['label created', 'info_received'],
    ['picked up', 'in_transit'],
    ['arrived', 'in_transit'],
    ['departed', 'in_transit'],
    ['left fedex', 'in_transit'],
    ['at local fedex facility', 'in_transit'],
    ['in transit', 'in_transit'],
  ],
};
