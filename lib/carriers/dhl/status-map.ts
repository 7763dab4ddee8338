/**
 * DHL Unified `statusCode` (pre-transit | transit | delivered | failure | unknown, DHL OpenAPI 1.5.2
 * `StatusCode`) plus the free text that carries the detail → normalised status.
 *
 * `unknown` is null: DHL's own example tags "LABEL CREATED", "CLOSE BAG" and "SCANNED INTO
 * SACK/CONTAINER" as `unknown`, and such an event must never downgrade a shipment (status.ts).
 */
import type { Status } from '../../model/status';

const OUT_FOR_DELIVERY = /out for delivery|with delivery courier|loaded onto (the )?delivery vehicle|on (the )?vehicle for delivery/i;
const PICKUP = /ready for (pick ?up|collection)|available for (pick ?up|collection)|awaiting collection|to be collected|held at (a )?(dhl )?(service ?point|parcel ?shop|post office)|packstation|parcel locker/i;
const ATTEMPT = /attempt|not at home|could not be delivered|recipient (was )?not (available|present|home)|no one (was )?(available|home)/i;
const RETURNED = /return(ed|ing)? to (the )?(sender|shipper)|returned to origin|back to (the )?sender/i;

export function dhlEventStatus(statusCode: string | null, text: string, returnFlag = false): Status | null {
  switch ((statusCode ?? '').toLowerCase()) {
    case 'pre-transit':
      return 'info_received';
    case 'transit':
      if (RETURNED.test(text) || returnFlag) return 'returned';
      if (OUT_FOR_DELIVERY.test(text)) return 'out_for_delivery';
      if (PICKUP.test(text)) return 'available_for_pickup';
      return 'in_transit';
    case 'delivered':
      return RETURNED.test(text) || returnFlag ? 'returned' : 'delivered';
    case 'failure':
      if (RETURNED.test(text)) return 'returned';
      if (ATTEMPT.test(text)) return 'attempt_failed';
      return 'exception';
    default:
      return null;
  }
}
