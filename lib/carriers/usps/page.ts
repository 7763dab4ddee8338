/**
 * USPS's own tracking pages (issue #14): hosts, number parameter and status words for the one
 * carrier-page reader (lib/carrier-pages). Vocabulary from the 2017 tools.usps.com page
 * (tests/fixtures/carrier-pages/usps) and USPS Tracking 3.0 event names (status-map.ts).
 */
import type { CarrierPageHints } from '../../carrier-pages/hints';

export const uspsPage: CarrierPageHints = {
  site: 'usps',
  carrier: 'usps',
  name: 'USPS',
  hosts: ['tools.usps.com'],
  matchPatterns: ['https://tools.usps.com/*'],
  numberParams: ['tLabels', 'qtc_tLabels1', 'tRef'],
  statuses: [
    ['notice left', 'attempt_failed'],
    ['delivery attempt', 'attempt_failed'],
    ['available for pickup', 'available_for_pickup'],
    ['return to sender', 'returned'],
    ['returned to sender', 'returned'],
    ['out for delivery', 'out_for_delivery'],
    ['delivered', 'delivered'],
    ['pre-shipment', 'info_received'],
    ['shipping label created', 'info_received'],
    ['preparing shipment', 'info_received'],
    ['customs', 'in_transit'],
    ['arrived', 'in_transit'],
    ['processed', 'in_transit'],
    ['departed', 'in_transit'],
    ['in transit', 'in_transit'],
    ['accepted', 'in_transit'],
    ['picked up', 'in_transit'],
  ],
};
