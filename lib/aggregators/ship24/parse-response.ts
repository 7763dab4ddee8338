/**
 * Ship24 (`POST /public/v1/trackers/track`, `GET /public/v1/trackers/{id}/results`) response → results.
 * Shape: shared/docs/carrier-apis.md §6 and the Ship24 OpenAPI (`response-result-tracker`).
 *
 * Times: `occurrenceDatetime` is the courier's local time without a zone (`timeIsLocal: true`), or has
 * `Z`/an offset (kept), or is a date. `estimatedDeliveryDate` is UTC. `statusMilestone` is set on every
 * event; `statusCode` may be null on events that carry no status meaning.
 */
import type { Status } from '../../model/status';
import type { ParsedEvent, TrackError, TrackErrorKind, TrackOutcome, TrackResult } from '../../carriers/client';
import { codeMap, etaBound, isoTime, isRecord, type Json, newestFirst, records, str } from '../../carriers/http';

const LABEL = 'Ship24';

export function ship24ErrorKind(code: string | null, httpStatus?: number): TrackErrorKind {
  const c = (code ?? '').toLowerCase();
  if (c === 'validation_error' || c.includes('invalid_tracking')) return 'invalid_number';
  if (c.includes('not_found')) return 'not_found';
  if (c.includes('unauthorized') || c.includes('authentication') || c.includes('api_key') || c.includes('forbidden')) return 'auth';
  if (c.includes('rate_limit') || c.includes('too_many')) return 'rate_limited';
  if (c.includes('quota') || c.includes('subscription') || c.includes('limit_reached')) return 'quota';
  if (httpStatus === 401 || httpStatus === 403) return 'auth';
  if (httpStatus === 404) return 'not_found';
  if (httpStatus === 429) return 'rate_limited';
  if (httpStatus === 400 || httpStatus === 422) return 'invalid_number';
  return 'server';
}

function ship24Error(e: Json, httpStatus?: number): TrackError {
  const code = str(e.code);
  const message = str(e.message) ?? 'error';
  return { kind: ship24ErrorKind(code, httpStatus), message: `${LABEL}: ${message}`, ...(httpStatus ? { httpStatus } : {}) };
}

/** `statusMilestone` (+ `statusCode` for returns and cancellations) → status. */
export function ship24Status(milestone: string | null, statusCode: string | null): Status | null {
  const code = (statusCode ?? '').toLowerCase();
  if (code.startsWith('exception_return')) return 'returned';
  if (code.includes('cancel')) return 'cancelled';
  switch (milestone) {
    case 'info_received':
      return 'info_received';
    case 'in_transit':
      return 'in_transit';
    case 'out_for_delivery':
      return 'out_for_delivery';
    case 'failed_attempt':
      return 'attempt_failed';
    case 'available_for_pickup':
      return 'available_for_pickup';
    case 'delivered':
      return 'delivered';
    case 'exception':
      return 'exception';
    default:
      // `pending` ("no information yet") and unknown values say nothing.
      return null;
  }
}

function parseEvent(e: Json): ParsedEvent | null {
  const when = isoTime(e.occurrenceDatetime);
  if (!when) return null;
  const milestone = str(e.statusMilestone);
  const statusCode = str(e.statusCode);
  return {
    time: when.time,
    timeIsLocal: when.timeIsLocal,
    status: ship24Status(milestone, statusCode),
    code: statusCode ?? milestone,
    description: str(e.status) ?? '',
    location: str(e.location),
    carrierCodes: codeMap({ statusCode, statusCategory: e.statusCategory, statusMilestone: milestone, courierCode: e.courierCode }),
  };
}

function parseTracking(t: Json): TrackResult | null {
  const tracker = isRecord(t.tracker) ? t.tracker : {};
  const shipment = isRecord(t.shipment) ? t.shipment : {};
  const trackingNumber = str(tracker.trackingNumber);
  if (!trackingNumber) return null;
  // Events at the same instant: Ship24's `order` breaks the tie (higher = later), else the given order.
  const raw = records(t.events);
  const ordered = raw
    .map((e, i) => ({ e, i, o: typeof e.order === 'number' ? e.order : null }))
    .sort((a, b) => (a.o !== null && b.o !== null ? b.o - a.o : a.i - b.i))
    .map((x) => x.e);
  const events = newestFirst(ordered.map(parseEvent).filter((e): e is ParsedEvent => e !== null));
  const milestone = str(shipment.statusMilestone);
  const status = ship24Status(milestone, str(shipment.statusCode));
  const delivery = isRecord(shipment.delivery) ? shipment.delivery : {};
  const etaDay = status === 'delivered' ? null : etaBound(delivery.estimatedDeliveryDate);
  const stats = isRecord(t.statistics) && isRecord(t.statistics.timestamps) ? t.statistics.timestamps : {};
  const result: TrackResult = {
    trackingNumber,
    status,
    eta: etaDay ? { from: etaDay, to: etaDay } : null,
    events,
    deliveredAt:
      status === 'delivered'
        ? (events.find((e) => e.status === 'delivered')?.time ?? isoTime(stats.deliveredDatetime)?.time ?? null)
        : null,
    statusText: events[0]?.description ?? str(shipment.statusCode) ?? milestone,
  };
  const signedBy = str(delivery.signedBy);
  if (status === 'delivered' && signedBy) result.proof = { receivedBy: signedBy, location: null, hasSignature: true };
  if (events.length === 0 && (milestone === null || milestone === 'pending')) {
    result.error = { kind: 'not_found', message: `${LABEL}: no courier has data for ${trackingNumber} yet` };
  }
  return result;
}

/** Parses a Ship24 tracker-results body (or an error body). Never throws. */
export function parseShip24Response(body: unknown, httpStatus?: number): TrackOutcome {
  if (!isRecord(body)) return { ok: false, error: { kind: 'malformed', message: `${LABEL}: body is not a JSON object` } };
  const errors = records(body.errors);
  if (errors.length > 0) return { ok: false, error: ship24Error(errors[0]!, httpStatus) };
  if (isRecord(body.error)) return { ok: false, error: ship24Error(body.error, httpStatus) };
  const data = body.data;
  if (!isRecord(data) || !Array.isArray(data.trackings)) {
    return { ok: false, error: { kind: 'malformed', message: `${LABEL}: no data.trackings in the answer` } };
  }
  const results = records(data.trackings)
    .map(parseTracking)
    .filter((r): r is TrackResult => r !== null);
  return { ok: true, results };
}
