/**
 * USPS Tracking 3.0 (`GET /tracking/v3/tracking/{n}?expand=DETAIL`, one object) and 3.2
 * (`POST /tracking/v3r2/tracking`, an array; `207` mixes details and per-number failures) → results.
 * Shapes: shared/docs/carrier-apis.md §1a, usps_tracking_v3.yaml, usps_tracking_v3r2.yaml.
 *
 * Times: `GMTTimestamp` (+ `GMTOffset`) is the instant and wins. Without it, a 3.0 `eventTimestamp`
 * is local wall-clock time, even when it ends in `Z` (USPS's own README example says "7:31 am … in
 * RICHMOND, VA" next to `07:31:00Z`), so it is returned as `timeIsLocal: true`; a 3.2 `eventTimestamp`
 * with a numeric offset (`2024-04-04 14:03:12-07:00`) keeps it.
 */
import type { Status } from '../../model/status';
import type { DeliveryProof, ParsedEvent, PickupPoint, TrackError, TrackErrorKind, TrackOutcome, TrackResult } from '../client';
import {
  codeMap,
  etaBound,
  isoTime,
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
import { RelatedNumbers } from '../related-numbers';
import { uspsCategoryStatus, uspsEventStatus } from './status-map';

const LABEL = 'USPS';

export function uspsErrorKind(httpStatus: number | undefined, code: string | null, message: string | null): TrackErrorKind {
  const m = (message ?? '').toLowerCase();
  const c = (code ?? '').toLowerCase();
  if (httpStatus === 401 || httpStatus === 403 || /unauthori[sz]ed|invalid.*token|access token|forbidden/.test(m)) return 'auth';
  if (httpStatus === 429 || m.includes('too many')) return 'rate_limited';
  if (httpStatus === 404 || c === '404' || m.includes('not found') || m.includes('not available') || m.includes('could not locate'))
    return 'not_found';
  if (httpStatus === 400 || c === '400' || m.includes('invalid')) return 'invalid_number';
  return 'server';
}

/** `ErrorMessage` = `{apiVersion, error: {code, message, errors[{status, code, title, detail}]}}`. */
function uspsError(body: Json, httpStatus?: number): TrackError {
  const e = isRecord(body.error) ? body.error : body;
  const first = records(e.errors)[0];
  const code = str(e.code) ?? str(first?.status) ?? str(body.statusCode);
  const message = str(e.message) ?? str(first?.detail) ?? str(first?.title) ?? 'error';
  const status = httpStatus ?? (code && /^\d{3}$/.test(code) ? Number(code) : undefined);
  return { kind: uspsErrorKind(status, code, message), message: `${LABEL}: ${message}`, ...(status ? { httpStatus: status } : {}) };
}

function eventTime(e: Json): { time: string; timeIsLocal: boolean } | null {
  const offset = offsetMinutes(e.GMTOffset);
  const gmt = isoTime(e.GMTTimestamp);
  if (gmt && gmt.time.length > 10) {
    // GMT by definition, even when written without a zone.
    const epoch = Date.parse(gmt.timeIsLocal ? `${gmt.time}Z` : gmt.time);
    if (!Number.isNaN(epoch)) {
      return { time: offset !== null ? isoWithOffset(epoch, offset) : new Date(epoch).toISOString(), timeIsLocal: false };
    }
  }
  const raw = str(e.eventTimestamp);
  if (!raw) return null;
  // A trailing `Z` on the local timestamp is not UTC (see header); a numeric offset is real.
  const local = isoTime(raw.replace(/Z$/i, ''));
  return local;
}

function eventLocation(e: Json): string | null {
  return joinParts([str(e.eventCity), str(e.eventState), str(e.eventZIP) ?? str(e.eventZIPCode), str(e.eventCountry)]);
}

function parseEvent(e: Json): ParsedEvent | null {
  const when = eventTime(e);
  if (!when) return null;
  const code = str(e.eventCode);
  return {
    time: when.time,
    timeIsLocal: when.timeIsLocal,
    status: uspsEventStatus(code),
    code,
    description: str(e.eventType) ?? '',
    location: eventLocation(e),
    carrierCodes: codeMap({ eventCode: code, actionCode: e.actionCode, reasonCode: e.reasonCode }),
  };
}

/** `09:00`, `9:00 am`, `17:30:00` or a full ISO date-time → `HH:MM:SS`. */
function clock(raw: unknown): string | null {
  const s = str(raw);
  if (!s) return null;
  const iso = isoTime(s);
  if (iso && iso.time.length > 10) return iso.time.slice(11, 19);
  const m = /^(\d{1,2}):(\d{2})(?::(\d{2}))?\s*([ap])\.?m\.?$/i.exec(s) ?? /^(\d{1,2}):(\d{2})(?::(\d{2}))?()$/.exec(s);
  if (!m) return null;
  let h = Number(m[1]);
  const ap = (m[4] ?? '').toLowerCase();
  if (ap === 'p' && h < 12) h += 12;
  if (ap === 'a' && h === 12) h = 0;
  if (h > 23 || Number(m[2]) > 59) return null;
  return `${String(h).padStart(2, '0')}:${m[2]}:${m[3] ?? '00'}`;
}

function parseDetail(d: Json): TrackResult | null {
  const trackingNumber = str(d.trackingNumber);
  if (!trackingNumber) return null;
  const events = newestFirst(records(d.trackingEvents).map(parseEvent).filter((e): e is ParsedEvent => e !== null));
  const status: Status | null = uspsCategoryStatus(str(d.statusCategory)) ?? newestStatus(events);

  // 3.2 nests the expectation; 3.0 has the same facts at the top level.
  const x = isRecord(d.deliveryDateExpectation) ? d.deliveryDateExpectation : d;
  const day =
    etaBound(x.predictedDeliveryDate) ??
    etaBound(x.expectedDeliveryDate) ??
    etaBound(d.expectedDeliveryTimeStamp) ??
    etaBound(x.guaranteedDeliveryDate) ??
    etaBound(d.guaranteedDeliveryTimeStamp);
  const etaDay = status === 'delivered' || !day ? null : day.slice(0, 10);
  const start = clock(x.predictedDeliveryWindowStartTime);
  const end = clock(x.predictedDeliveryWindowEndTime) ?? clock(x.endOfDay);

  const deliveredEvent = status === 'delivered' ? events.find((e) => e.status === 'delivered') : undefined;
  const result: TrackResult = {
    trackingNumber,
    status,
    eta: etaDay ? { from: etaDay, to: etaDay } : null,
    events,
    deliveredAt: deliveredEvent?.time ?? null,
    statusText: str(d.status) ?? str(d.statusSummary) ?? events[0]?.description ?? null,
  };
  if (etaDay && end) result.etaWindowLocal = { from: `${etaDay}T${start ?? '00:00:00'}`, to: `${etaDay}T${end}` };
  if (deliveredEvent) {
    const raw = records(d.trackingEvents).find((e) => uspsEventStatus(str(e.eventCode)) === 'delivered');
    const where = /^delivered,\s*(.+)$/i.exec(deliveredEvent.description)?.[1] ?? null;
    const proof: DeliveryProof = {
      receivedBy: raw ? (str(raw.name) ?? str(raw.recipientName) ?? str(raw.firm)) : null,
      location: where,
    };
    if (proof.receivedBy || proof.location) result.proof = proof;
  }
  // Other labels of the same item (usps_tracking_v3.yaml TrackingDetails): `editedLabelId` "the
  // edited label identifier or Full Label identifier", `associatedLabel` "additional label on the mail
  // piece"; `relatedReturnReceiptID` links the item and its PS 3811 return receipt, both ways.
  const related = new RelatedNumbers(trackingNumber);
  related.add(d.editedLabelId, 'usps', 'alternate');
  related.add(d.associatedLabel, 'usps', 'alternate');
  related.add(d.relatedReturnReceiptID, 'usps', 'return');
  const relatedNumbers = related.result();
  if (relatedNumbers) result.relatedNumbers = relatedNumbers;
  if (status === 'available_for_pickup') {
    const at = records(d.trackingEvents).find((e) => uspsEventStatus(str(e.eventCode)) === 'available_for_pickup');
    const pickup: PickupPoint = { name: at ? str(at.firm) : null, address: at ? eventLocation(at) : null, pickupBy: null };
    result.pickupPoint = pickup;
  }
  return result;
}

const MONTHS = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];

/**
 * The SUMMARY form as USPS's README shows it (`{"TrackResults":{"TrackInfo":{"@ID","TrackSummary"}}}`):
 * one sentence, whose "7:31 am on February 15, 2023 in RICHMOND, VA 23227" is a local time.
 */
function parseSummary(info: Json): TrackResult | null {
  const trackingNumber = str(info['@ID']);
  const summary = str(info.TrackSummary);
  if (!trackingNumber || !summary) return null;
  const m = /(\d{1,2}):(\d{2})\s*([ap])m on ([a-z]+) (\d{1,2}), (\d{4})(?: in (.+?))?\.?$/i.exec(summary);
  const events: ParsedEvent[] = [];
  const lower = summary.toLowerCase();
  const status: Status | null = lower.includes('delivered')
    ? 'delivered'
    : lower.includes('out for delivery')
      ? 'out_for_delivery'
      : lower.includes('in possession') || lower.includes('in transit') || lower.includes('accepted')
        ? 'in_transit'
        : lower.includes('label') || lower.includes('pre-shipment')
          ? 'info_received'
          : null;
  const month = m ? MONTHS.indexOf(m[4]!.toLowerCase()) : -1;
  if (m && month >= 0) {
    let h = Number(m[1]) % 12;
    if (m[3]!.toLowerCase() === 'p') h += 12;
    const time = `${m[6]}-${String(month + 1).padStart(2, '0')}-${m[5]!.padStart(2, '0')}T${String(h).padStart(2, '0')}:${m[2]}:00`;
    events.push({ time, timeIsLocal: true, status, code: null, description: summary, location: m[7] ?? null });
  }
  return { trackingNumber, status, eta: null, events, deliveredAt: status === 'delivered' ? (events[0]?.time ?? null) : null, statusText: summary };
}

function isFailure(item: Json): boolean {
  const code = str(item.statusCode);
  return (code !== null && code !== '200') || (isRecord(item.error) && !Array.isArray(item.trackingEvents));
}

/** Parses a USPS tracking body (3.0 object, 3.2 array or 207 multi-status, SUMMARY, or an error). Never throws. */
export function parseUspsResponse(body: unknown, httpStatus?: number): TrackOutcome {
  if (Array.isArray(body)) {
    const results: TrackResult[] = [];
    for (const item of records(body)) {
      if (isFailure(item)) {
        const n = str(item.trackingNumber);
        if (n) results.push({ trackingNumber: n, status: null, eta: null, events: [], error: uspsError(item) });
        continue;
      }
      const r = parseDetail(item);
      if (r) results.push(r);
    }
    if (results.length === 0) return { ok: false, error: { kind: 'malformed', message: `${LABEL}: empty tracking array` } };
    return { ok: true, results };
  }
  if (!isRecord(body)) return { ok: false, error: { kind: 'malformed', message: `${LABEL}: body is not JSON object or array` } };
  if (isRecord(body.error) || (httpStatus !== undefined && httpStatus >= 400)) return { ok: false, error: uspsError(body, httpStatus) };
  if (isRecord(body.TrackResults)) {
    const infos = Array.isArray(body.TrackResults.TrackInfo) ? records(body.TrackResults.TrackInfo) : records([body.TrackResults.TrackInfo]);
    const results = infos.map(parseSummary).filter((r): r is TrackResult => r !== null);
    if (results.length === 0) return { ok: false, error: { kind: 'malformed', message: `${LABEL}: TrackResults without TrackInfo` } };
    return { ok: true, results };
  }
  const r = parseDetail(body);
  if (!r) return { ok: false, error: { kind: 'malformed', message: `${LABEL}: no trackingNumber in the answer` } };
  return { ok: true, results: [r] };
}
