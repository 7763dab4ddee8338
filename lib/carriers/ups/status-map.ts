/**
 * UPS activity status → normalised status. Sources: UPS Track API appendix tables ("Package Activity
 * Types" and the 169 "Status/Description codes", /work/shared/fixtures/carriers/specs/ups_appendix_*.tsv)
 * and the mapping table in shared/docs/carrier-apis.md §8.
 *
 * The 3-digit `statusCode` is the most specific signal, so it is read first; the 1–2 letter `type`
 * decides the rest. Type `X` is not always a problem: UPS's own spec example is `X`/`SR` "Your package
 * was released by the customs agency", which is progress (in transit).
 */
import type { Status } from '../../model/status';

/** 3-digit status codes with a meaning more specific than their activity type. */
const BY_STATUS_CODE: Readonly<Record<string, Status>> = {
  // Shipment Ready for UPS / Order Processed: Ready for UPS / Shipment Ready for Roadie
  '003': 'info_received',
  '080': 'info_received',
  '157': 'info_received',
  '166': 'info_received',
  '007': 'cancelled', // Shipment Information Voided
  // Out for Delivery, Loaded on Delivery Vehicle, Your Driver is Arriving Soon!
  '006': 'out_for_delivery',
  '021': 'out_for_delivery',
  '037': 'out_for_delivery',
  '072': 'out_for_delivery',
  '078': 'out_for_delivery',
  '089': 'out_for_delivery',
  '091': 'out_for_delivery',
  '146': 'out_for_delivery',
  '162': 'out_for_delivery',
  // Held for Customer Pickup, Ready for Customer Pickup, Delivered to Post Office for Pickup,
  // Delivered to UPS Access Point (it waits there for the shopper).
  '017': 'available_for_pickup',
  '040': 'available_for_pickup',
  '144': 'available_for_pickup',
  '161': 'available_for_pickup',
  // Delivered, Delivered by Local Post Office, Delivered to Agent
  '011': 'delivered',
  '026': 'delivered',
  '143': 'delivered',
  // Delivery attempts (065/131/135 are *pickup* attempts and stay with their type).
  '022': 'attempt_failed',
  '023': 'attempt_failed',
  '024': 'attempt_failed',
  '060': 'attempt_failed',
  '061': 'attempt_failed',
  '062': 'attempt_failed',
  '066': 'attempt_failed',
  '145': 'attempt_failed',
  // Returned / returning to sender
  '033': 'returned',
  '034': 'returned',
  '035': 'returned',
  '036': 'returned',
  '067': 'returned',
  '081': 'returned',
  '118': 'returned',
  '119': 'returned',
  // Cleared customs: progress, whatever the type says.
  '014': 'in_transit',
  '084': 'in_transit',
  '134': 'in_transit',
  // Delays and problems (status.ts: a delay code is an exception).
  '013': 'exception',
  '029': 'exception',
  '030': 'exception',
  '032': 'exception',
  '046': 'exception',
  '048': 'exception',
  '049': 'exception',
  '050': 'exception',
  '051': 'exception',
  '052': 'exception',
  '053': 'exception',
  '058': 'exception',
  '059': 'exception',
  '064': 'exception',
  '068': 'exception',
  '069': 'exception',
  '086': 'exception',
  '090': 'exception',
  '132': 'exception',
  '147': 'exception',
  '149': 'exception',
};

/** Scan codes (2 letters) that settle a type-X activity as progress rather than a problem. */
const X_PROGRESS_CODES: ReadonlySet<string> = new Set(['SR']);

/** Status codes that carry no status information. */
const NO_STATUS_CODES: ReadonlySet<string> = new Set(['000', '148', '163', '153', '154', '155']);

export function upsActivityStatus(type: string | null, statusCode: string | null, code: string | null): Status | null {
  const sc = statusCode ? statusCode.padStart(3, '0') : null;
  if (sc && NO_STATUS_CODES.has(sc)) return null;
  if (sc && BY_STATUS_CODE[sc]) return BY_STATUS_CODE[sc]!;
  switch (type) {
    case 'D':
    case 'DD':
      return 'delivered';
    case 'I':
    case 'P':
    case 'DO':
    case 'W':
      return 'in_transit';
    case 'M':
      return 'info_received';
    case 'MV':
      return 'cancelled';
    case 'RS':
      return 'returned';
    case 'X':
      return code && X_PROGRESS_CODES.has(code) ? 'in_transit' : 'exception';
    default:
      // NA (not available), U (Track Alert updates) and anything unknown say nothing.
      return null;
  }
}
