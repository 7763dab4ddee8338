/**
 * DHL Shipment Tracking – Unified (`GET /track/shipments?trackingNumber=…`) response → results.
 * Shape: shared/docs/carrier-apis.md §4 and the DHL OpenAPI 1.5.2 (`TrackingShipments`).
 *
 * Times: `Z` or an offset is kept; DHL Express examples also send zone-less timestamps, which are the
 * carrier's local time (`timeIsLocal: true`). One number can return several shipments (other DHL
 * units); each becomes a result keyed by its `id` and the client picks the one asked for.
 */
import type { Status } from '../../model/status';
import type { DeliveryProof, ParsedEvent, PickupPoint, RelatedNumber, TrackError, TrackErrorKind, TrackOutcome, TrackResult } from '../client';
import { codeMap, etaBound, isoTime, isRecord, type Json, joinParts, newestFirst, newestStatus, records, str } from '../http';
import { RelatedNumbers } from '../related-numbers';
import { dhlEventStatus } from './status-map';

const LABEL = 'DHL';

export function dhlErrorKind(httpStatus: number | undefined, text: string): TrackErrorKind {
  const t = text.toLowerCase();
  if (httpStatus === 401 || httpStatus === 403 || t.includes('unauthorized') || t.includes('api key')) return 'auth';
  if (httpStatus === 429 || t.includes('too many') || t.includes('rate limit') || t.includes('quota')) return 'rate_limited';
  if (httpStatus === 404 || t.includes('no shipment') || t.includes('not found')) return 'not_found';
  if (httpStatus === 400 || t.includes('invalid')) return 'invalid_number';
  return 'server';
}

/** RFC 7807 problem (`{title, status, detail, instance, type}`) → typed error. */
function dhlProblem(body: Json, httpStatus?: number): TrackError {
  const status = httpStatus ?? (typeof body.status === 'number' ? body.status : undefined);
  const title = str(body.title);
  const detail = str(body.detail);
  const text = joinParts([title, detail], ': ') ?? 'error';
  return { kind: dhlErrorKind(status, text), message: `${LABEL}: ${text}`, ...(status ? { httpStatus: status } : {}) };
}

function place(p: unknown): string | null {
  if (!isRecord(p)) return null;
  const a = isRecord(p.address) ? p.address : {};
  // `addressLocality` is already a display string ("Whittier, CA, US"); otherwise postcode and country.
  return str(a.addressLocality) ?? joinParts([str(a.postalCode), str(a.countryCode)]);
}

function parseEvent(e: Json, returnFlag: boolean): ParsedEvent | null {
  const when = isoTime(e.timestamp);
  if (!when) return null;
  const code = str(e.statusCode);
  const title = str(e.status);
  const description = str(e.description) ?? title ?? str(e.remark) ?? '';
  return {
    time: when.time,
    timeIsLocal: when.timeIsLocal,
    status: dhlEventStatus(code, `${title ?? ''} ${description}`, returnFlag && code === 'delivered'),
    code,
    description,
    location: place(e.location),
    carrierCodes: codeMap({ statusCode: code, status: title }),
  };
}

function signer(signed: unknown): string | null {
  if (!isRecord(signed)) return null;
  return str(signed.name) ?? joinParts([str(signed.givenName), str(signed.familyName)], ' ');
}

function parseShipment(s: Json): TrackResult | null {
  const trackingNumber = str(s.id);
  if (!trackingNumber) return null;
  const returnFlag = s.returnFlag === true;
  const events = newestFirst(records(s.events).map((e) => parseEvent(e, returnFlag)).filter((e): e is ParsedEvent => e !== null));
  const st = isRecord(s.status) ? s.status : {};
  const stText = `${str(st.status) ?? ''} ${str(st.description) ?? ''}`;
  // `unknown` at shipment level falls back to the newest event that says something.
  const shipmentStatus = dhlEventStatus(str(st.statusCode), stText, returnFlag);
  const status: Status | null = shipmentStatus ?? newestStatus(events);

  let eta: { from: string; to: string } | null = null;
  if (status !== 'delivered' && status !== 'returned') {
    const frame = isRecord(s.estimatedDeliveryTimeFrame) ? s.estimatedDeliveryTimeFrame : {};
    const from = etaBound(frame.estimatedFrom);
    const to = etaBound(frame.estimatedThrough);
    const single = etaBound(s.estimatedTimeOfDelivery);
    if (from || to) eta = { from: (from ?? to)!, to: (to ?? from)! };
    else if (single) eta = { from: single, to: single };
  }

  const details = isRecord(s.details) ? s.details : {};
  const pod = isRecord(details.proofOfDelivery) ? details.proofOfDelivery : null;
  let deliveredAt: string | null = null;
  if (status === 'delivered') {
    deliveredAt = events.find((e) => e.status === 'delivered')?.time ?? isoTime(st.timestamp)?.time ?? (pod ? (isoTime(pod.timestamp)?.time ?? null) : null);
  }
  const result: TrackResult = {
    trackingNumber,
    status,
    eta,
    events,
    deliveredAt,
    statusText: shipmentStatus
      ? (str(st.description) ?? str(st.status) ?? null)
      : (events.find((e) => e.status !== null)?.description ?? str(st.description) ?? str(st.status) ?? null),
  };
  if (pod) {
    const proof: DeliveryProof = {
      receivedBy: signer(pod.signed),
      location: null,
      hasSignature: str(pod.signatureUrl) !== null,
      documentUrl: str(pod.documentUrl),
    };
    if (proof.receivedBy || proof.hasSignature || proof.documentUrl) result.proof = proof;
  }
  const related = relatedNumbers(details, trackingNumber);
  if (related) result.relatedNumbers = related;
  const sp = isRecord(st.location) && isRecord(st.location.servicePoint) ? st.location.servicePoint : null;
  if (status === 'available_for_pickup' || sp) {
    const pickup: PickupPoint = { name: sp ? str(sp.label) : null, address: place(st.location), pickupBy: null };
    result.pickupPoint = pickup;
  }
  return result;
}

/**
 * `details.references[].type`s that are parcel numbers (the OpenAPI's `ReferenceType`), and how they
 * relate. Account numbers, customer references, house and master bills, container numbers are not
 * parcel numbers and are not kept.
 */
const REFERENCE_RELATION: Readonly<Record<string, { relation: RelatedNumber['relation']; carrier: string | null }>> = {
  // DHL eCommerce hands the last mile to a local carrier, which tracks it under its own number
  // (the spec's example: H01PQA0010751022, an Evri number). Which carrier is not stated.
  'local-tracking-number': { relation: 'handoff', carrier: null },
  // Other DHL numbers of the same shipment.
  'customer-confirmation-number': { relation: 'alternate', carrier: 'dhl' },
  'ecommerce-number': { relation: 'alternate', carrier: 'dhl' },
  'domestic-consignment-id': { relation: 'alternate', carrier: 'dhl' },
  'shipment-id': { relation: 'alternate', carrier: 'dhl' },
};

function relatedNumbers(details: Json, trackingNumber: string): RelatedNumber[] | undefined {
  const related = new RelatedNumbers(trackingNumber);
  for (const ref of records(details.references)) {
    const known = REFERENCE_RELATION[str(ref.type) ?? ''];
    if (known) related.add(ref.number, known.carrier, known.relation);
  }
  // `pieceIds`: "Ids of all the items or pieces in the shipment". One piece is this parcel under
  // another number; several are the shipment's pieces.
  const pieces = Array.isArray(details.pieceIds) ? details.pieceIds : [];
  const count = typeof details.totalNumberOfPieces === 'number' ? details.totalNumberOfPieces : pieces.length;
  for (const p of pieces) related.add(p, 'dhl', count > 1 ? 'piece' : 'alternate');
  return related.result();
}

/** Parses a DHL tracking body (200 `shipments`, or a problem+json error). Never throws. */
export function parseDhlResponse(body: unknown, httpStatus?: number): TrackOutcome {
  if (!isRecord(body)) return { ok: false, error: { kind: 'malformed', message: `${LABEL}: body is not a JSON object` } };
  if (!Array.isArray(body.shipments)) {
    if (str(body.title) || str(body.detail) || typeof body.status === 'number' || (httpStatus ?? 200) >= 400) {
      return { ok: false, error: dhlProblem(body, httpStatus) };
    }
    return { ok: false, error: { kind: 'malformed', message: `${LABEL}: no shipments in the answer` } };
  }
  const results = records(body.shipments)
    .map(parseShipment)
    .filter((r): r is TrackResult => r !== null);
  if (results.length === 0) return { ok: false, error: { kind: 'not_found', message: `${LABEL}: no shipment in the answer` } };
  return { ok: true, results };
}
