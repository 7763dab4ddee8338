/**
 * 17TRACK API v2.2 client (header `17token`, every call a `POST` with a JSON array of up to 40 numbers).
 * Quota is spent per *registered* number and polling is free, so the flow saves quota:
 *   1. `gettrackinfo` for all numbers;
 *   2. `register` only the ones 17TRACK says are not registered (-18019902);
 *   3. `gettrackinfo` again for those (17TRACK fetches asynchronously, so a fresh registration often
 *      has no events yet: it comes back as `not_found` "no data yet" and is asked again next refresh).
 * Notes: shared/docs/carrier-apis.md §5. Credentials: `apiKey`.
 */
import type { CarrierClient, ClientContext, Credentials, TrackError, TrackOutcome, TrackResult } from '../../carriers/client';
import { resolveBase } from '../../carriers/credential-hosts';
import { answer, inChunks, isRecord, needCredentials, records, send, str } from '../../carriers/http';
import { ALREADY_REGISTERED, isNotRegistered, parseSeventeenTrackResponse, seventeenTrackError } from './parse-response';

const LABEL = '17TRACK';
export const SEVENTEEN_TRACK_HOSTS = ['api.17track.net'] as const;
export const SEVENTEEN_TRACK_PRODUCTION = 'https://api.17track.net';
export const SEVENTEEN_TRACK_BATCH = 40;

async function post(path: string, chunk: string[], credentials: Credentials, ctx: ClientContext, base: string) {
  return send(
    ctx,
    new URL(`/track/v2.2/${path}`, base),
    {
      method: 'POST',
      headers: { '17token': credentials.apiKey!, 'content-type': 'application/json', accept: 'application/json' },
      body: JSON.stringify(chunk.map((number) => ({ number }))),
    },
    { label: LABEL, hosts: SEVENTEEN_TRACK_HOSTS },
  );
}

async function getTrackInfo(chunk: string[], credentials: Credentials, ctx: ClientContext, base: string): Promise<TrackOutcome> {
  const sent = await post('gettrackinfo', chunk, credentials, ctx, base);
  if (!sent.ok) return sent;
  return answer(LABEL, sent.response, ctx.now(), (json) => parseSeventeenTrackResponse(json));
}

/** Registers numbers; returns the per-number failures (already-registered is not one). */
async function register(
  chunk: string[],
  credentials: Credentials,
  ctx: ClientContext,
  base: string,
): Promise<{ ok: true; failures: TrackResult[] } | { ok: false; error: TrackError }> {
  const sent = await post('register', chunk, credentials, ctx, base);
  if (!sent.ok) return sent;
  let failures: TrackResult[] = [];
  const out = await answer(LABEL, sent.response, ctx.now(), (json) => {
    if (!isRecord(json) || !isRecord(json.data)) return parseSeventeenTrackResponse(json);
    if (json.code !== 0) return parseSeventeenTrackResponse(json);
    failures = records(json.data.rejected)
      .filter((r) => isRecord(r.error) && r.error.code !== ALREADY_REGISTERED && str(r.number))
      .map((r) => ({ trackingNumber: str(r.number)!, status: null, eta: null, events: [], error: seventeenTrackError(r.error) }));
    return { ok: true, results: [] };
  });
  if (!out.ok) return out;
  return { ok: true, failures };
}

async function trackChunk(chunk: string[], credentials: Credentials, ctx: ClientContext, base: string): Promise<TrackOutcome> {
  const first = await getTrackInfo(chunk, credentials, ctx, base);
  if (!first.ok) return first;
  const unregistered = first.results.filter((r) => isNotRegistered(r.error)).map((r) => r.trackingNumber);
  const known = first.results.filter((r) => !unregistered.includes(r.trackingNumber));
  if (unregistered.length === 0) return first;
  const reg = await register(unregistered, credentials, ctx, base);
  if (!reg.ok) {
    // Quota gone or key refused while registering: the numbers already known still count.
    if (known.length === 0) return reg;
    return { ok: true, results: [...known, ...unregistered.map((n) => ({ trackingNumber: n, status: null, eta: null, events: [], error: reg.error }))] };
  }
  const failedNumbers = new Set(reg.failures.map((f) => f.trackingNumber));
  const toFetch = unregistered.filter((n) => !failedNumbers.has(n));
  let fetched: TrackResult[] = [];
  if (toFetch.length > 0) {
    const again = await getTrackInfo(toFetch, credentials, ctx, base);
    fetched = again.ok
      ? again.results.map((r) =>
          isNotRegistered(r.error)
            ? { ...r, error: { kind: 'not_found' as const, message: `${LABEL}: registered ${r.trackingNumber}; no data yet` } }
            : r,
        )
      : toFetch.map((n) => ({ trackingNumber: n, status: null, eta: null, events: [], error: again.error }));
  }
  return { ok: true, results: [...known, ...reg.failures, ...fetched] };
}

export const seventeenTrackClient: CarrierClient = {
  id: '17track',
  carriers: ['*'],
  batchSize: SEVENTEEN_TRACK_BATCH,
  hosts: SEVENTEEN_TRACK_HOSTS,
  needsCredentials: true,
  async track(numbers, credentials, ctx) {
    const need = needCredentials(LABEL, credentials, ['apiKey']);
    if (!need.ok) return need;
    const base = resolveBase(LABEL, SEVENTEEN_TRACK_PRODUCTION, ctx.baseUrl);
    if (!base.ok) return base;
    return inChunks(LABEL, numbers, SEVENTEEN_TRACK_BATCH, (chunk) => trackChunk(chunk, credentials, ctx, base.base));
  },
};

/**
 * Checks a key without spending quota: `gettrackinfo` (free) for one number, never `register`.
 * Returns null or the per-number error when the key was accepted, the call's error otherwise.
 */
export async function probeSeventeenTrack(number: string, credentials: Credentials, ctx: ClientContext): Promise<TrackError | null> {
  const need = needCredentials(LABEL, credentials, ['apiKey']);
  if (!need.ok) return need.error;
  const base = resolveBase(LABEL, SEVENTEEN_TRACK_PRODUCTION, ctx.baseUrl);
  if (!base.ok) return base.error;
  const out = await getTrackInfo([number], credentials, ctx, base.base);
  if (!out.ok) return out.error;
  const err = out.results[0]?.error ?? null;
  return err && isNotRegistered(err) ? null : err;
}
