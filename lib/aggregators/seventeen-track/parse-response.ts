/**
 * 17TRACK API v2.2 responses (`register`, `gettrackinfo`) → results.
 * Shape: shared/docs/carrier-apis.md §5 (from a secondary report plus independent client structs; no
 * verbatim official example was available). Envelope `{code, data: {accepted[], rejected[], errors?}}`.
 *
 * Times: `time_iso` carries the carrier-local offset and is kept; `time_utc` is the fallback; a bare
 * `time_raw` {date, time} is local.
 */
import type { Status } from '../../model/status';
import type { ParsedEvent, TrackError, TrackErrorKind, TrackOutcome, TrackResult } from '../../carriers/client';
import { codeMap, etaBound, isoTime, isRecord, type Json, joinParts, newestFirst, records, str } from '../../carriers/http';

const LABEL = '17TRACK';

/** 17TRACK error codes (shared/docs/carrier-apis.md §5 "Common codes"). */
export function seventeenTrackErrorKind(code: number | null, message: string | null): TrackErrorKind {
  switch (code) {
    case -18010001:
    case -18010002:
    case -18010003:
      return 'auth';
    case -18010012:
    case -18010013:
      return 'invalid_number';
    case -18019902:
    case -18019903:
      return 'not_found';
    case -18019907:
    case -18019908:
      return 'quota';
    default: {
      const m = (message ?? '').toLowerCase();
      if (m.includes('token') || m.includes('key')) return 'auth';
      if (m.includes('quota') || m.includes('limit')) return 'quota';
      if (m.includes('too many')) return 'rate_limited';
      return 'server';
    }
  }
}

/** A code that means "this number is already registered": not a failure for `register`. */
export const ALREADY_REGISTERED = -18019901;
/** "Not registered": `gettrackinfo` for a number 17TRACK does not track yet (register it first). */
export const NOT_REGISTERED = -18019902;

/** Whether a per-number error is 17TRACK's "not registered" (its message carries the code). */
export function isNotRegistered(error: TrackError | null | undefined): boolean {
  return Boolean(error?.message.includes(String(NOT_REGISTERED)));
}

export function seventeenTrackError(e: unknown): TrackError {
  const rec = isRecord(e) ? e : {};
  const code = typeof rec.code === 'number' ? rec.code : Number(str(rec.code) ?? Number.NaN);
  const message = str(rec.message) ?? 'error';
  const c = Number.isFinite(code) ? code : null;
  return { kind: seventeenTrackErrorKind(c, message), message: `${LABEL}: ${c ?? ''} ${message}`.replace(/\s+/g, ' ').trim() };
}

const MAIN: Readonly<Record<string, Status | null>> = {
  NotFound: null,
  InfoReceived: 'info_received',
  InTransit: 'in_transit',
  Expired: 'expired',
  AvailableForPickup: 'available_for_pickup',
  OutForDelivery: 'out_for_delivery',
  DeliveryFailure: 'attempt_failed',
  Delivered: 'delivered',
  Exception: 'exception',
};

const STAGES: Readonly<Record<string, Status>> = {
  InfoReceived: 'info_received',
  PickedUp: 'in_transit',
  Departure: 'in_transit',
  Arrival: 'in_transit',
  AvailableForPickup: 'available_for_pickup',
  OutForDelivery: 'out_for_delivery',
  Delivered: 'delivered',
  Returning: 'returned',
  Returned: 'returned',
};

/** `status` + `sub_status` (`Exception_Returning`, `Exception_Cancel`…) → status. */
export function seventeenTrackStatus(status: string | null, subStatus: string | null): Status | null {
  const sub = subStatus ?? '';
  if (/^Exception_Return(ing|ed)$/.test(sub)) return 'returned';
  if (sub === 'Exception_Cancel') return 'cancelled';
  if (!status) return null;
  return MAIN[status] ?? null;
}

function eventTime(e: Json): { time: string; timeIsLocal: boolean } | null {
  const iso = isoTime(e.time_iso);
  if (iso) return iso;
  const utc = isoTime(e.time_utc);
  if (utc) return utc;
  const raw = isRecord(e.time_raw) ? e.time_raw : null;
  if (!raw) return null;
  const date = str(raw.date);
  const time = str(raw.time);
  return date ? isoTime(time ? `${date}T${time}` : date) : null;
}

function eventLocation(e: Json): string | null {
  const loc = str(e.location);
  if (loc) return loc;
  const a = isRecord(e.address) ? e.address : null;
  return a ? joinParts([str(a.city), str(a.state), str(a.postal_code), str(a.country)]) : null;
}

function parseEvent(e: Json): ParsedEvent | null {
  const when = eventTime(e);
  if (!when) return null;
  const stage = str(e.stage);
  const sub = str(e.sub_status);
  const fromSub = sub ? seventeenTrackStatus(sub.split('_')[0] ?? null, sub) : null;
  return {
    time: when.time,
    timeIsLocal: when.timeIsLocal,
    status: (stage ? (STAGES[stage] ?? null) : null) ?? fromSub,
    code: sub ?? stage,
    description: str(e.description) ?? '',
    location: eventLocation(e),
    carrierCodes: codeMap({ stage, sub_status: sub }),
  };
}

function parseAccepted(a: Json): TrackResult | null {
  const trackingNumber = str(a.number);
  const info = a.track_info;
  if (!trackingNumber || !isRecord(info)) return null;
  const tracking = isRecord(info.tracking) ? info.tracking : {};
  const raw: Json[] = [];
  for (const p of records(tracking.providers)) raw.push(...records(p.events));
  const events = newestFirst(raw.map(parseEvent).filter((e): e is ParsedEvent => e !== null));
  const latest = isRecord(info.latest_status) ? info.latest_status : {};
  const mainStatus = str(latest.status);
  const status = seventeenTrackStatus(mainStatus, str(latest.sub_status));
  const metrics = isRecord(info.time_metrics) ? info.time_metrics : {};
  const edd = isRecord(metrics.estimated_delivery_date) ? metrics.estimated_delivery_date : {};
  const from = etaBound(edd.from);
  const to = etaBound(edd.to);
  const latestEvent = isRecord(info.latest_event) ? info.latest_event : {};
  const result: TrackResult = {
    trackingNumber,
    status,
    eta: status !== 'delivered' && (from || to) ? { from: (from ?? to)!, to: (to ?? from)! } : null,
    events,
    deliveredAt: status === 'delivered' ? (events.find((e) => e.status === 'delivered')?.time ?? events[0]?.time ?? null) : null,
    statusText: str(latest.sub_status_descr) ?? str(latestEvent.description) ?? mainStatus,
  };
  if (mainStatus === 'NotFound' && events.length === 0) {
    result.error = { kind: 'not_found', message: `${LABEL}: no carrier has data for ${trackingNumber} yet` };
  }
  return result;
}

/** Parses a 17TRACK `gettrackinfo` (or `register`) body. Never throws. */
export function parseSeventeenTrackResponse(body: unknown): TrackOutcome {
  if (!isRecord(body) || !('code' in body)) return { ok: false, error: { kind: 'malformed', message: `${LABEL}: body is not a 17TRACK envelope` } };
  const data = isRecord(body.data) ? body.data : {};
  const code = typeof body.code === 'number' ? body.code : Number(body.code);
  if (code !== 0) {
    const first = records(data.errors)[0] ?? { code, message: str(body.message) ?? `code ${body.code}` };
    return { ok: false, error: seventeenTrackError(first) };
  }
  const results: TrackResult[] = [];
  for (const a of records(data.accepted)) {
    const r = parseAccepted(a);
    if (r) results.push(r);
  }
  for (const r of records(data.rejected)) {
    const n = str(r.number);
    if (!n) continue;
    const err = seventeenTrackError(r.error);
    results.push({ trackingNumber: n, status: null, eta: null, events: [], error: err });
  }
  return { ok: true, results };
}
