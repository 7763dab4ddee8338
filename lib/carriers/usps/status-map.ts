/**
 * USPS event codes (Pub 199 Appendix G‑4) and status categories → normalised status.
 * Sources: the codes seen in USPS's own examples and the third-party Pub 199 mirror listed in
 * shared/docs/carrier-apis.md §1a ("Status values"); mapping per §8. Codes whose meaning is ambiguous
 * (43 "Picked Up" is either the carrier taking it or the recipient collecting it) map to null: a
 * status that cannot be mapped with confidence is not guessed (lib/model/status.ts).
 */
import type { Status } from '../../model/status';

const CODES: Readonly<Record<string, Status>> = {
  GX: 'info_received',
  MA: 'info_received',
  '03': 'in_transit',
  '06': 'in_transit',
  '07': 'in_transit',
  '08': 'in_transit',
  '10': 'in_transit',
  '15': 'in_transit',
  '19': 'in_transit',
  '41': 'in_transit',
  '42': 'in_transit',
  '80': 'in_transit',
  '81': 'in_transit',
  '82': 'in_transit',
  A1: 'in_transit',
  EF: 'in_transit',
  PC: 'in_transit',
  SF: 'in_transit',
  T1: 'in_transit',
  TL: 'in_transit',
  TM: 'in_transit',
  PA: 'in_transit',
  OF: 'out_for_delivery',
  '14': 'available_for_pickup',
  '16': 'available_for_pickup',
  '01': 'delivered',
  '17': 'delivered',
  '02': 'attempt_failed',
  '30': 'attempt_failed',
  '51': 'attempt_failed',
  '52': 'attempt_failed',
  '53': 'attempt_failed',
  '54': 'attempt_failed',
  '55': 'attempt_failed',
  '56': 'attempt_failed',
  '04': 'exception',
  '05': 'exception',
  '11': 'exception',
  '44': 'exception',
  '71': 'exception', // Rescheduled to Next Delivery Day: a delay
  DX: 'exception',
  '09': 'returned',
  '21': 'returned',
  '22': 'returned',
  '23': 'returned',
  '24': 'returned',
  '25': 'returned',
  '26': 'returned',
  '27': 'returned',
  '28': 'returned',
  '29': 'returned',
  '31': 'returned',
};

export function uspsEventStatus(code: string | null): Status | null {
  if (!code) return null;
  return CODES[code.toUpperCase()] ?? null;
}

/** `statusCategory` (Pub 199 G‑5 wording) → status; null when unknown. */
export function uspsCategoryStatus(category: string | null): Status | null {
  const c = (category ?? '').toLowerCase().replace(/[-_]/g, ' ').trim();
  if (!c) return null;
  if (c === 'pre shipment' || c === 'label created') return 'info_received';
  if (c === 'accepted' || c === 'in transit' || c === 'in transit to next facility') return 'in_transit';
  if (c === 'out for delivery') return 'out_for_delivery';
  if (c === 'available for pickup' || c === 'held at post office') return 'available_for_pickup';
  if (c === 'delivery attempt' || c === 'notice left') return 'attempt_failed';
  if (c === 'delivered') return 'delivered';
  if (c === 'alert') return 'exception';
  if (c === 'return to sender' || c === 'returned') return 'returned';
  return null;
}
