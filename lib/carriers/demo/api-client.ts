import type { Status } from '../../model/status';
import type { CarrierClient, ParsedEvent, TrackOutcome, TrackResult } from '../client';
import { DEMO_CARRIER_HOST } from './host';

/**
 * Client for the built-in simulated carrier ("Porchlight Demo Carrier"), served by the local carrier
 * server (tests/support/carrier-server/providers/demo.ts) on loopback under `api.demo-carrier.test`.
 * It needs no credentials. Its wire format is ours, documented here:
 *
 *   GET /v1/track?numbers=PLDEMO10000007,PLDEMO10000015
 *   200 { "shipments": [ { "trackingNumber", "found": true, "status": "IT", "statusText",
 *          "estimatedDelivery": { "from": "2026-11-24", "to": "2026-11-24" } | null,
 *          "deliveredAt": ISO | null,
 *          "events": [ { "at": "2026-11-23T10:00:00-05:00", "code": "IT", "text": "…", "location": "…" } ] },
 *        { "trackingNumber", "found": false } ] }
 */
export const DEMO_BASE_URL = `https://${DEMO_CARRIER_HOST}`;

/** Demo status codes → normalised status. `DY` (delay) is an exception, like FedEx `DY` (lib/model/status.ts). */
export const DEMO_CODES: Readonly<Record<string, Status>> = {
  LC: 'info_received',
  PU: 'in_transit',
  IT: 'in_transit',
  AR: 'in_transit',
  DY: 'exception',
  OFD: 'out_for_delivery',
  RP: 'available_for_pickup',
  AF: 'attempt_failed',
  EX: 'exception',
  DL: 'delivered',
  RS: 'returned',
};

interface WireEvent {
  at?: unknown;
  code?: unknown;
  text?: unknown;
  location?: unknown;
}
interface WireShipment {
  trackingNumber?: unknown;
  found?: unknown;
  status?: unknown;
  statusText?: unknown;
  estimatedDelivery?: { from?: unknown; to?: unknown } | null;
  deliveredAt?: unknown;
  events?: unknown;
}

const str = (v: unknown): string | null => (typeof v === 'string' && v.length > 0 ? v : null);

/** Pure parser of a demo carrier response body (also used by `inspect carrier demo`). */
export function parseDemoResponse(body: unknown): TrackOutcome {
  const shipments = (body as { shipments?: unknown } | null)?.shipments;
  if (!Array.isArray(shipments)) {
    return { ok: false, error: { kind: 'malformed', message: 'Demo carrier: response has no "shipments" array' } };
  }
  const results: TrackResult[] = [];
  for (const raw of shipments as WireShipment[]) {
    const trackingNumber = str(raw?.trackingNumber);
    if (!trackingNumber) continue;
    if (raw.found !== true) {
      results.push({
        trackingNumber,
        status: null,
        eta: null,
        events: [],
        error: { kind: 'not_found', message: `Demo carrier does not know ${trackingNumber}` },
      });
      continue;
    }
    const events: ParsedEvent[] = [];
    for (const e of Array.isArray(raw.events) ? (raw.events as WireEvent[]) : []) {
      const time = str(e.at);
      if (!time) continue;
      const code = str(e.code);
      events.push({
        time,
        timeIsLocal: !/(Z|[+-]\d\d:\d\d)$/.test(time),
        status: code ? (DEMO_CODES[code] ?? null) : null,
        code,
        description: str(e.text) ?? '',
        location: str(e.location),
      });
    }
    const code = str(raw.status);
    const from = str(raw.estimatedDelivery?.from);
    const to = str(raw.estimatedDelivery?.to);
    results.push({
      trackingNumber,
      status: code ? (DEMO_CODES[code] ?? null) : null,
      statusText: str(raw.statusText),
      eta: from && to ? { from, to } : null,
      deliveredAt: str(raw.deliveredAt),
      events,
    });
  }
  return { ok: true, results };
}

export const demoClient: CarrierClient = {
  id: 'demo',
  carriers: ['demo'],
  batchSize: 40,
  hosts: [DEMO_CARRIER_HOST],
  needsCredentials: false,
  // Its parcels live a whole life in minutes (DEMO_STEP_MS, 30 s a step by default).
  refreshIntervalMs: 30_000,
  async track(numbers, _credentials, ctx) {
    const url = new URL('/v1/track', ctx.baseUrl ?? DEMO_BASE_URL);
    url.searchParams.set('numbers', numbers.join(','));
    let res: Response;
    try {
      res = await ctx.fetch(url, { signal: ctx.signal ?? AbortSignal.timeout(15_000) });
    } catch (err) {
      const timeout = err instanceof Error && (err.name === 'TimeoutError' || err.name === 'AbortError');
      return {
        ok: false,
        error: { kind: timeout ? 'timeout' : 'network', message: `Demo carrier unreachable: ${String(err)}` },
      };
    }
    if (res.status === 429) {
      const retry = Number(res.headers.get('retry-after'));
      return {
        ok: false,
        error: {
          kind: 'rate_limited',
          message: 'Demo carrier: too many requests',
          httpStatus: 429,
          ...(Number.isFinite(retry) && retry > 0 ? { retryAfterMs: retry * 1000 } : {}),
        },
      };
    }
    if (res.status >= 500) {
      return { ok: false, error: { kind: 'server', message: `Demo carrier: HTTP ${res.status}`, httpStatus: res.status } };
    }
    const text = await res.text();
    let body: unknown;
    try {
      body = JSON.parse(text);
    } catch {
      return {
        ok: false,
        error: { kind: 'malformed', message: `Demo carrier: body is not JSON (${text.slice(0, 40)}…)`, httpStatus: res.status },
      };
    }
    if (!res.ok) {
      return { ok: false, error: { kind: 'server', message: `Demo carrier: HTTP ${res.status}`, httpStatus: res.status } };
    }
    return parseDemoResponse(body);
  },
};
