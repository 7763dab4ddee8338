/**
 * UPS Track API (`GET /api/track/v1/details/{inquiryNumber}`) response → normalised results.
 * Shape: shared/docs/carrier-apis.md §2 and UPS's Tracking.yaml (TrackApiResponse).
 *
 * Times: an activity's `date` (YYYYMMDD) + `time` (HHMMSS) are the wall-clock time at the activity's
 * location, with no zone, so they are returned as `timeIsLocal: true` (never read as UTC). When UPS
 * also sends `gmtDate`/`gmtTime`/`gmtOffset`, the instant is known and the time carries the offset.
 * "Not found" comes two ways: an error body (`response.errors`) and a `warnings` entry inside a 200.
 */
import type { Status } from '../../model/status';
import type { DeliveryProof, ParsedEvent, PickupPoint, TrackError, TrackErrorKind, TrackOutcome, TrackResult } from '../client';
import {
  codeMap,
  compactDate,
  compactTime,
  isoWithOffset,
  isRecord,
  type Json,
  joinParts,
  newestFirst,
  newestStatus,
  offsetMinutes,
  records,
  str,
} from '../http';
import { normaliseRelated, RelatedNumbers } from '../related-numbers';
import { upsActivityStatus } from './status-map';

const LABEL = 'UPS';

/** UPS error and warning codes → error kind (TW0001 "Tracking Information Not Found", TV1002 "Invalid inquiry number"). */
export function upsErrorKind(code: string | null, message: string | null, httpStatus?: number): TrackErrorKind {
  const c = (code ?? '').toUpperCase();
  const m = (message ?? '').toLowerCase();
  if (c === 'TW0001' || c === 'TV1001' || m.includes('not found')) return 'not_found';
  if (c === 'TV1002' || /invalid (inquiry|tracking)/.test(m)) return 'invalid_number';
  if (c.startsWith('2500') || httpStatus === 401 || httpStatus === 403 || m.includes('authentication') || m.includes('blocked merchant'))
    return 'auth';
  if (httpStatus === 429 || m.includes('quota') || m.includes('too many')) return 'rate_limited';
  if (httpStatus === 404) return 'not_found';
  if (httpStatus === 400) return 'invalid_number';
  return 'server';
}

function upsError(list: Json[], httpStatus?: number): TrackError {
  const first = list[0] ?? {};
  const code = str(first.code);
  const message = str(first.message) ?? 'error';
  return {
    kind: upsErrorKind(code, message, httpStatus),
    message: `${LABEL}: ${code ? `${code} ` : ''}${message}`,
    ...(httpStatus ? { httpStatus } : {}),
  };
}

function location(loc: unknown): string | null {
  if (!isRecord(loc)) return null;
  const a = isRecord(loc.address) ? loc.address : {};
  return joinParts([str(a.city), str(a.stateProvince), str(a.postalCode), str(a.countryCode) ?? str(a.country)]);
}

function activityTime(a: Json): { time: string; timeIsLocal: boolean } | null {
  const gmtDate = compactDate(a.gmtDate);
  const gmtTime = compactTime(a.gmtTime);
  const offset = offsetMinutes(a.gmtOffset);
  if (gmtDate && gmtTime && offset !== null) {
    return { time: isoWithOffset(Date.parse(`${gmtDate}T${gmtTime}Z`), offset), timeIsLocal: false };
  }
  const date = compactDate(a.date);
  if (!date) return null;
  const time = compactTime(a.time);
  return { time: time ? `${date}T${time}` : date, timeIsLocal: true };
}

function parseActivity(a: Json): ParsedEvent | null {
  const when = activityTime(a);
  if (!when) return null;
  const s = isRecord(a.status) ? a.status : {};
  const type = str(s.type);
  const code = str(s.code);
  const statusCode = str(s.statusCode);
  return {
    time: when.time,
    timeIsLocal: when.timeIsLocal,
    status: upsActivityStatus(type, statusCode, code),
    code: type ?? code ?? statusCode,
    description: str(s.description) ?? str(s.simplifiedTextDescription) ?? '',
    location: location(a.location),
    carrierCodes: codeMap({ type, code, statusCode }),
  };
}

function parseProof(pkg: Json): DeliveryProof | null {
  const d = pkg.deliveryInformation;
  if (!isRecord(d)) return null;
  const signature = isRecord(d.signature) ? str(d.signature.image) : null;
  const photo = isRecord(d.deliveryPhoto) ? str(d.deliveryPhoto.photo) : null;
  const proof: DeliveryProof = {
    receivedBy: str(d.receivedBy),
    location: str(d.location),
    hasSignature: signature !== null,
    hasPhoto: photo !== null,
  };
  return proof.receivedBy || proof.location || proof.hasSignature || proof.hasPhoto ? proof : null;
}

function parsePackage(pkg: Json, trackingNumber: string): TrackResult {
  const events = newestFirst(records(pkg.activity).map(parseActivity).filter((e): e is ParsedEvent => e !== null));

  const current = isRecord(pkg.currentStatus) ? pkg.currentStatus : null;
  const currentStatus: Status | null = current
    ? upsActivityStatus(str(current.type), str(current.statusCode), str(current.code))
    : null;
  const dates = records(pkg.deliveryDate);
  const dateOf = (type: string) => compactDate(dates.find((d) => str(d.type) === type)?.date);
  const delivered = dateOf('DEL');
  let status = currentStatus ?? newestStatus(events);
  if (!status && delivered) status = 'delivered';

  const dt = isRecord(pkg.deliveryTime) ? pkg.deliveryTime : {};
  const dtType = str(dt.type);
  const start = compactTime(dt.startTime);
  const end = compactTime(dt.endTime);

  let deliveredAt: string | null = null;
  if (status === 'delivered') {
    deliveredAt = events.find((e) => e.status === 'delivered')?.time ?? null;
    if (!deliveredAt && delivered) deliveredAt = dtType === 'DEL' && end ? `${delivered}T${end}` : delivered;
  }

  // Rescheduled beats scheduled; a delivered parcel has no ETA left.
  const etaDay = status === 'delivered' ? null : (dateOf('RDD') ?? dateOf('SDD'));
  let etaWindowLocal: { from: string; to: string } | null = null;
  if (etaDay && end && dtType && dtType !== 'DEL') {
    etaWindowLocal =
      start && (dtType === 'EDW' || dtType === 'CDW' || dtType === 'IDW')
        ? { from: `${etaDay}T${start}`, to: `${etaDay}T${end}` }
        : { from: `${etaDay}T00:00:00`, to: `${etaDay}T${end}` }; // CMT / EOD: "by" a time
  }

  let pickupPoint: PickupPoint | null = null;
  const ap = isRecord(pkg.accessPointInformation) ? pkg.accessPointInformation : null;
  if (ap || status === 'available_for_pickup') {
    const at = events.find((e) => e.status === 'available_for_pickup');
    pickupPoint = { name: null, address: at?.location ?? null, pickupBy: ap ? compactDate(ap.pickupByDate) : null };
  }

  const result: TrackResult = {
    trackingNumber,
    status,
    eta: etaDay ? { from: etaDay, to: etaDay } : null,
    events,
    deliveredAt,
    statusText: (current ? str(current.description) : null) ?? str(pkg.statusDescription) ?? events[0]?.description ?? null,
  };
  if (etaWindowLocal) result.etaWindowLocal = etaWindowLocal;
  const proof = status === 'delivered' ? parseProof(pkg) : null;
  if (proof) result.proof = proof;
  if (pickupPoint) result.pickupPoint = pickupPoint;
  return result;
}

/**
 * Parses a UPS tracking body (200 or error). `httpStatus` refines the error kind of an error body.
 * Never throws.
 */
export function parseUpsResponse(body: unknown, httpStatus?: number): TrackOutcome {
  if (!isRecord(body)) return { ok: false, error: { kind: 'malformed', message: `${LABEL}: body is not a JSON object` } };
  if (isRecord(body.response) && records(body.response.errors).length > 0) {
    return { ok: false, error: upsError(records(body.response.errors), httpStatus) };
  }
  const tr = body.trackResponse;
  if (!isRecord(tr) || !Array.isArray(tr.shipment)) {
    return { ok: false, error: { kind: 'malformed', message: `${LABEL}: no trackResponse.shipment in the answer` } };
  }
  const results: TrackResult[] = [];
  for (const shipment of records(tr.shipment)) {
    const inquiry = str(shipment.inquiryNumber);
    const warnings = records(shipment.warnings);
    const packages = records(shipment.package);
    if (packages.length === 0 && warnings.length > 0 && inquiry) {
      // "Not found" as a warning inside a 200 (TW0001).
      results.push({ trackingNumber: inquiry, status: null, eta: null, events: [], error: upsError(warnings) });
      continue;
    }
    if (packages.length === 0) continue;
    if (!inquiry) {
      // No inquiry number to go by (not seen from UPS; kept for odd bodies): each package by its own.
      for (const pkg of packages) {
        const own = str(pkg.trackingNumber);
        if (own) results.push(parsePackage(pkg, own));
      }
      continue;
    }
    results.push(shipmentResult(inquiry, packages));
  }
  return { ok: true, results };
}

/**
 * The result for the number UPS answered for (issue #10 §5): the shipment's `inquiryNumber` names
 * the parcel, whatever its packages' `trackingNumber` fields say (a placeholder, another piece's
 * number). Its data comes from the package carrying that number, else from the first package; the
 * other packages' numbers are pieces of the same shipment, and the package's
 * `alternateTrackingNumber`s are its other numbers: typed `USPS_PIC`, the USPS number it continues
 * under after a SurePost / Mail Innovations handoff; untyped, "typically UPS tracking numbers"
 * (Tracking.yaml, AlternateTrackingNumber).
 */
function shipmentResult(inquiry: string, packages: Json[]): TrackResult {
  const asked = normaliseRelated(inquiry);
  const own = packages.find((p) => normaliseRelated(str(p.trackingNumber) ?? '') === asked) ?? packages[0]!;
  const result = parsePackage(own, inquiry);
  const related = new RelatedNumbers(inquiry);
  for (const alt of records(own.alternateTrackingNumber)) {
    const type = (str(alt.type) ?? '').toUpperCase();
    if (type.includes('USPS')) related.add(alt.number, 'usps', 'handoff');
    else related.add(alt.number, type ? null : 'ups', 'alternate');
  }
  // The chosen package under another number (the inquiry was a reference or shipment number).
  related.add(own.trackingNumber, 'ups', packages.length > 1 ? 'piece' : 'alternate');
  for (const pkg of packages) if (pkg !== own) related.add(pkg.trackingNumber, 'ups', 'piece');
  const list = related.result();
  if (list) result.relatedNumbers = list;
  return result;
}
