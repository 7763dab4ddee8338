/**
 * FedEx scan event types (`eventType`, `latestStatusDetail.code`) and derived codes → normalised status.
 * Source: FedEx "Tracking Status Codes" (shared/fixtures/carriers/specs/fedex_tracking_status_codes.tsv)
 * and shared/docs/carrier-apis.md §3 and §8.
 *
 * `eventType` is read before `derivedStatusCode`: real data has an "On FedEx vehicle for delivery" scan
 * (`eventType: "OD"`) whose derived code is `IT`, and `HP` (ready for pickup) derived as `IT`.
 */
import type { Status } from '../../model/status';

const EVENT_TYPES: Readonly<Record<string, Status | null>> = {
  OC: 'info_received',
  // Movement (the parcel is with FedEx and moving).
  AA: 'in_transit',
  AC: 'in_transit',
  AD: 'in_transit',
  AF: 'in_transit',
  AO: 'in_transit',
  AP: 'in_transit',
  AR: 'in_transit',
  AX: 'in_transit',
  CH: 'in_transit',
  DP: 'in_transit',
  DR: 'in_transit',
  DS: 'in_transit',
  EA: 'in_transit',
  EO: 'in_transit',
  EP: 'in_transit',
  FD: 'in_transit',
  IT: 'in_transit',
  IX: 'in_transit',
  LO: 'in_transit',
  OF: 'in_transit',
  OW: 'in_transit',
  OX: 'in_transit',
  PF: 'in_transit',
  PL: 'in_transit',
  PM: 'in_transit',
  PU: 'in_transit',
  PX: 'in_transit',
  SF: 'in_transit',
  SP: 'in_transit',
  TR: 'in_transit',
  CC: 'in_transit',
  CP: 'in_transit',
  // Last mile.
  OD: 'out_for_delivery',
  ED: 'out_for_delivery',
  HP: 'available_for_pickup',
  HL: 'available_for_pickup',
  DL: 'delivered',
  DE: 'attempt_failed',
  // Problems and delays (status.ts: a delay code is an exception).
  SE: 'exception',
  DY: 'exception',
  DD: 'exception',
  PD: 'exception',
  CD: 'exception',
  CA: 'cancelled',
  RS: 'returned',
  // Return-label links and delivery-option requests say nothing about where the parcel is.
  RP: null,
  LP: null,
  RG: null,
  RD: null,
  RR: null,
  RM: null,
  RC: null,
};

/** `derivedCode` / `derivedStatusCode` values seen in FedEx data. */
const DERIVED: Readonly<Record<string, Status>> = {
  IN: 'info_received',
  PU: 'in_transit',
  IT: 'in_transit',
  OD: 'out_for_delivery',
  HP: 'available_for_pickup',
  DL: 'delivered',
  DE: 'attempt_failed',
  DY: 'exception',
  RL: 'exception', // "Running Late"
  SE: 'exception',
  CA: 'cancelled',
  RS: 'returned',
};

export function fedexEventStatus(eventType: string | null, derivedCode: string | null): Status | null {
  const t = eventType?.toUpperCase();
  if (t && t in EVENT_TYPES) return EVENT_TYPES[t] ?? null;
  const d = derivedCode?.toUpperCase();
  return d ? (DERIVED[d] ?? null) : null;
}
