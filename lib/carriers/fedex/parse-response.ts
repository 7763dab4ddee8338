/**
 * FedEx Track API (`POST /track/v1/trackingnumbers`) response → results.
 * Shape: shared/docs/carrier-apis.md §3 and the FedEx OpenAPI (`TrkcResponseVO_TrackingNumber`).
 *
 * Times are ISO with the local offset (`2024-08-20T12:41:57-04:00`) and keep it. Date-only facts come
 * as midnight with a fixed offset (`T00:00:00-06:00`) and are read as dates for an ETA. An event's
 * status comes from `eventType` before `derivedStatusCode` (see status-map.ts).
 */
import type { Status } from '../../model/status';
import type { DeliveryProof, ParsedEvent, PickupPoint, RelatedNumber, TrackError, TrackErrorKind, TrackOutcome, TrackResult } from '../client';
import { codeMap, etaBound, isoTime, isRecord, type Json, joinParts, newestFirst, newestStatus, records, str } from '../http';
import { RelatedNumbers } from '../related-numbers';
import { fedexEventStatus } from './status-map';

const LABEL = 'FedEx';

export function fedexErrorKind(code: string | null, httpStatus?: number): TrackErrorKind {
  const c = (code ?? '').toUpperCase();
  if (c.includes('NOTFOUND') || c.includes('NOT.FOUND')) return 'not_found';
  if (c.includes('TRACKINGNUMBER.INVALID') || c.includes('TRACKINGNUMBER.EMPTY') || c.includes('INVALID.INPUT')) return 'invalid_number';
  if (c.includes('NOT.AUTHORIZED') || c.includes('UNAUTHORIZED') || c.includes('FORBIDDEN') || c.includes('LOGIN.REAUTHENTICATE'))
    return 'auth';
  if (c.includes('TOO.MANY') || c.includes('RATE.LIMIT')) return 'rate_limited';
  if (httpStatus === 401 || httpStatus === 403) return 'auth';
  if (httpStatus === 404) return 'not_found';
  if (httpStatus === 429) return 'rate_limited';
  if (httpStatus === 400 || httpStatus === 422) return 'invalid_number';
  return 'server';
}

function fedexError(e: Json, httpStatus?: number): TrackError {
  const code = str(e.code);
  const message = str(e.message) ?? 'error';
  return { kind: fedexErrorKind(code, httpStatus), message: `${LABEL}: ${code ? `${code} ` : ''}${message}`, ...(httpStatus ? { httpStatus } : {}) };
}

function address(a: unknown): string | null {
  if (!isRecord(a)) return null;
  return joinParts([str(a.city), str(a.stateOrProvinceCode), str(a.postalCode), str(a.countryCode)]);
}

function parseScan(e: Json): ParsedEvent | null {
  const when = isoTime(e.date);
  if (!when) return null;
  const eventType = str(e.eventType);
  const derived = str(e.derivedStatusCode);
  const exceptionDescription = str(e.exceptionDescription);
  const description = str(e.eventDescription) ?? str(e.derivedStatus) ?? '';
  return {
    time: when.time,
    timeIsLocal: when.timeIsLocal,
    status: fedexEventStatus(eventType, derived),
    code: eventType ?? derived,
    description: exceptionDescription && description ? `${description}: ${exceptionDescription}` : description,
    location: address(e.scanLocation),
    carrierCodes: codeMap({ eventType, derivedStatusCode: derived, exceptionCode: e.exceptionCode }),
  };
}

function hasData(r: Json): boolean {
  return isRecord(r.latestStatusDetail) || records(r.scanEvents).length > 0;
}

function parseTrackResult(r: Json, trackingNumber: string): TrackResult {
  const events = newestFirst(records(r.scanEvents).map(parseScan).filter((e): e is ParsedEvent => e !== null));
  const latest = isRecord(r.latestStatusDetail) ? r.latestStatusDetail : {};
  const status: Status | null = fedexEventStatus(str(latest.code), str(latest.derivedCode)) ?? newestStatus(events);
  const dates = records(r.dateAndTimes);
  const dateOf = (type: string) => dates.find((d) => str(d.type) === type)?.dateTime;

  let eta: { from: string; to: string } | null = null;
  if (status !== 'delivered') {
    const w = isRecord(r.estimatedDeliveryTimeWindow) && isRecord(r.estimatedDeliveryTimeWindow.window) ? r.estimatedDeliveryTimeWindow.window : {};
    const from = etaBound(w.begins);
    const to = etaBound(w.ends);
    const single = etaBound(dateOf('ESTIMATED_DELIVERY')) ?? etaBound(dateOf('COMMITMENT'));
    if (from || to) eta = { from: (from ?? to)!, to: (to ?? from)! };
    else if (single) eta = { from: single, to: single };
  }

  let deliveredAt: string | null = null;
  if (status === 'delivered') {
    deliveredAt = isoTime(dateOf('ACTUAL_DELIVERY'))?.time ?? events.find((e) => e.status === 'delivered')?.time ?? null;
  }

  const result: TrackResult = {
    trackingNumber,
    status,
    eta,
    events,
    deliveredAt,
    statusText: str(latest.statusByLocale) ?? str(latest.description) ?? events[0]?.description ?? null,
  };
  if (status === 'delivered' && isRecord(r.deliveryDetails)) {
    const d = r.deliveryDetails;
    const proof: DeliveryProof = {
      receivedBy: str(d.receivedByName) ?? str(d.signedByName),
      location: str(d.locationDescription),
      hasSignature: str(d.signedByName) !== null,
    };
    if (proof.receivedBy || proof.location) result.proof = proof;
  }
  const related = relatedNumbers(r, trackingNumber);
  if (related) result.relatedNumbers = related;
  if (status === 'available_for_pickup') {
    const hold = isRecord(r.holdAtLocation) ? r.holdAtLocation : null;
    const lca = hold && isRecord(hold.locationContactAndAddress) ? hold.locationContactAndAddress : {};
    const contact = isRecord(lca.contact) ? lca.contact : {};
    const a = isRecord(lca.address) ? lca.address : null;
    const pickup: PickupPoint = {
      name: str(contact.companyName),
      address: a ? joinParts([...(Array.isArray(a.streetLines) ? a.streetLines.map(str) : []), address(a)]) : (events[0]?.location ?? null),
      pickupBy: null,
    };
    result.pickupPoint = pickup;
  }
  return result;
}

/**
 * `PackageIdentifier.type`s that are parcel numbers (fedex_track_api.json), and how they relate to
 * the parcel asked for. The rest (CUSTOMER_REFERENCE, PURCHASE_ORDER, INVOICE, BILL_OF_LADING…) are
 * the shipper's references: not tracking numbers, and not kept.
 */
const IDENTIFIER_RELATION: Readonly<Record<string, RelatedNumber['relation']>> = {
  // Master and child pieces of one multi-piece shipment (Full_Schema_Multiple_Piece_Shipment).
  STANDARD_MPS: 'piece',
  GROUP_MPS: 'piece',
  // Links an outbound parcel and its return label, both ways.
  OUTBOUND_LINK_TO_RETURN: 'return',
  RETURNED_TO_SHIPPER_TRACKING_NUMBER: 'return',
  COD_RETURN_TRACKING_NUMBER: 'return',
  // The same package under another FedEx number.
  TRACKING_NUMBER_OR_DOORTAG: 'alternate',
  REROUTE_TRACKING_NUMBER: 'alternate',
  // The partner carrier delivering the last mile (Ground Economy / SmartPost: USPS).
  PARTNER_CARRIER_NUMBER: 'handoff',
};

/** FedEx Ground Economy (formerly SmartPost) is delivered by USPS: its partner number is a USPS one. */
function deliveredByUsps(r: Json, info: Json): boolean {
  const service = isRecord(r.serviceDetail) ? `${str(r.serviceDetail.type) ?? ''} ${str(r.serviceDetail.description) ?? ''}` : '';
  return str(info.carrierCode) === 'FXSP' || /SMART_?POST|GROUND[_ ]ECONOMY/i.test(service);
}

function relatedNumbers(r: Json, trackingNumber: string): RelatedNumber[] | undefined {
  const related = new RelatedNumbers(trackingNumber);
  const info = isRecord(r.trackingNumberInfo) ? r.trackingNumberInfo : {};
  const extra = isRecord(r.additionalTrackingInfo) ? r.additionalTrackingInfo : {};
  for (const id of records(extra.packageIdentifiers)) {
    const relation = IDENTIFIER_RELATION[(str(id.type) ?? '').toUpperCase()];
    if (!relation) continue;
    const carrier = relation === 'handoff' ? (deliveredByUsps(r, info) ? 'usps' : null) : 'fedex';
    // `value` is an array in the spec and a bare string in FedEx's own documentation example.
    for (const v of Array.isArray(id.value) ? id.value : [id.value]) related.add(v, carrier, relation);
  }
  // FedEx may answer an inquiry (a door tag, a reference) under the package's own number.
  related.add(info.trackingNumber, 'fedex', 'alternate');
  return related.result();
}

/** Parses a FedEx tracking body (200 or an error body). Never throws. */
export function parseFedexResponse(body: unknown, httpStatus?: number): TrackOutcome {
  if (!isRecord(body)) return { ok: false, error: { kind: 'malformed', message: `${LABEL}: body is not a JSON object` } };
  const errors = records(body.errors);
  if (errors.length > 0) return { ok: false, error: fedexError(errors[0]!, httpStatus) };
  const output = body.output;
  if (!isRecord(output) || !Array.isArray(output.completeTrackResults)) {
    return { ok: false, error: { kind: 'malformed', message: `${LABEL}: no output.completeTrackResults in the answer` } };
  }
  const results: TrackResult[] = [];
  for (const complete of records(output.completeTrackResults)) {
    const trackResults = records(complete.trackResults);
    const info = trackResults.map((r) => r.trackingNumberInfo).find(isRecord);
    const asked = str(complete.trackingNumber) ?? (info ? str(info.trackingNumber) : null);
    const withData = trackResults.filter(hasData);
    if (withData.length === 0) {
      const err = trackResults.map((r) => r.error).find(isRecord);
      const n = asked;
      if (n) {
        results.push({
          trackingNumber: n,
          status: null,
          eta: null,
          events: [],
          error: err ? fedexError(err) : { kind: 'not_found', message: `${LABEL}: no tracking data for ${n}` },
        });
      }
      continue;
    }
    // One number can match several shipments (number reuse): keep the one with the newest scan.
    if (!asked) continue;
    const parsed = withData.map((r) => parseTrackResult(r, asked));
    const newest = (p: TrackResult) => {
      const t = Date.parse(p.events[0]?.time ?? '');
      return Number.isNaN(t) ? Number.NEGATIVE_INFINITY : t;
    };
    parsed.sort((a, b) => (newest(a) === newest(b) ? 0 : newest(b) > newest(a) ? 1 : -1));
    results.push(parsed[0]!);
  }
  return { ok: true, results };
}
