/**
 * DHL's own tracking pages (issue #14), two sites for the one carrier-page reader (lib/carrier-pages):
 * DHL Paket's Sendungsverfolgung on dhl.de (German and English pages, 2016–2018 layouts in
 * tests/fixtures/carrier-pages/dhl-de) and DHL Express on dhl.com (tests/fixtures/carrier-pages/dhl-express).
 */
import type { CarrierPageHints } from '../../carrier-pages/hints';

export const dhlPaketPage: CarrierPageHints = {
  site: 'dhl-de',
  carrier: 'dhl',
  name: 'DHL Paket (dhl.de)',
  hosts: ['www.dhl.de', 'nolp.dhl.de'],
  matchPatterns: ['https://www.dhl.de/*', 'https://nolp.dhl.de/*'],
  numberParams: ['piececode', 'idc'],
  statuses: [
    ['rücksendung', 'returned'],
    ['zurückgesandt', 'returned'],
    ['returned to the sender', 'returned'],
    ['return shipment', 'returned'],
    ['nicht angetroffen', 'attempt_failed'],
    ['could not be delivered', 'attempt_failed'],
    ['zur abholung bereit', 'available_for_pickup'],
    ['ready for pick-up', 'available_for_pickup'],
    ['zustellfahrzeug geladen', 'out_for_delivery'],
    ['in zustellung', 'out_for_delivery'],
    ['loaded onto the delivery vehicle', 'out_for_delivery'],
    ['erfolgreich zugestellt', 'delivered'],
    ['zustellung erfolgreich', 'delivered'],
    ['successfully delivered', 'delivered'],
    ['auftragsdaten', 'info_received'],
    ['instruction data', 'info_received'],
    ['paketzentrum bearbeitet', 'in_transit'],
    ['parcel center', 'in_transit'],
    ['bearbeitet', 'in_transit'],
    ['processed', 'in_transit'],
  ],
};

export const dhlExpressPage: CarrierPageHints = {
  site: 'dhl-express',
  carrier: 'dhl',
  name: 'DHL Express (dhl.com)',
  hosts: ['www.dhl.com'],
  matchPatterns: ['https://www.dhl.com/*'],
  numberParams: ['tracking-id', 'AWB'],
  statuses: [
    // The page's summary for a parcel still on its way: says nothing more.
    [/not delivered/i, null],
    ['with delivery courier', 'out_for_delivery'],
    ['delivery attempted', 'attempt_failed'],
    ['returned to shipper', 'returned'],
    ['delivered', 'delivered'],
    ['shipment information received', 'info_received'],
    ['picked up', 'in_transit'],
    ['clearance', 'in_transit'],
    ['customs status updated', 'in_transit'],
    ['arrived', 'in_transit'],
    ['departed', 'in_transit'],
    ['processed', 'in_transit'],
    ['transferred', 'in_transit'],
  ],
};
