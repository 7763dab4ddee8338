/**
 * GLS's own tracking pages (issue #14): hosts, number parameter and status words (German and
 * English) for the one carrier-page reader (lib/carrier-pages). Vocabulary from the JSON GLS's page
 * rendered in 2016 and 2018 (tests/fixtures/carrier-pages/gls).
 */
import type { CarrierPageHints } from '../../carrier-pages/hints';

export const glsPage: CarrierPageHints = {
  site: 'gls',
  carrier: 'gls',
  name: 'GLS',
  hosts: ['gls-group.eu', 'www.gls-pakete.de'],
  matchPatterns: ['https://gls-group.eu/*', 'https://www.gls-pakete.de/*'],
  numberParams: ['match', 'txtAction'],
  statuses: [
    [/nicht zugestellt|nicht angetroffen|could not be delivered/i, 'attempt_failed'],
    ['benachrichtigungskarte', 'attempt_failed'],
    ['paketshop eingetroffen', 'available_for_pickup'],
    ['im gls paketshop zugestellt', 'available_for_pickup'],
    ['delivered to the parcelshop', 'available_for_pickup'],
    ['beim empfänger zugestellt', 'delivered'],
    ['erfolgreich zugestellt', 'delivered'],
    [/^\s*zugestellt\s*$/i, 'delivered'],
    ['delivered', 'delivered'],
    ['im laufe des tages zugestellt', 'out_for_delivery'],
    ['zustellfahrzeug', 'out_for_delivery'],
    ['indelivery', 'out_for_delivery'],
    ['noch nicht an gls übergeben', 'info_received'],
    ['preadvice', 'info_received'],
    ['datenerfassung', 'info_received'],
    ['intransit', 'in_transit'],
    ['unterwegs', 'in_transit'],
    ['eingetroffen', 'in_transit'],
    ['verlassen', 'in_transit'],
    ['übergeben', 'in_transit'],
    ['in transit', 'in_transit'],
  ],
};
