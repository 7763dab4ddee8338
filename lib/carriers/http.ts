/**
 * What every carrier client shares: fetch with a timeout, JSON body reading that reports an HTML page
 * or broken JSON as `malformed`, HTTP status → typed error, `Retry-After` → milliseconds, and OAuth
 * client-credentials tokens cached until expiry and refreshed once on a 401. Pure apart from the
 * injected `ctx.fetch` and `ctx.now`; nothing here logs (credentials must never reach a log).
 */
import type { Status } from '../model/status';
import { eventEpoch } from '../model/time';
import type { ClientContext, ParsedEvent, TokenCache, TrackError, TrackErrorKind, TrackOutcome, TrackResult } from './client';
import { credentialTarget } from './credential-hosts';

/** A request that did not answer within this time is a `timeout` (tests pass a shorter `ctx.signal`). */
export const DEFAULT_TIMEOUT_MS = 20_000;

/** A cached token is treated as expired this long before the provider's own expiry. */
export const TOKEN_SAFETY_MARGIN_MS = 60_000;

// ───────────────────────────── JSON walking ─────────────────────────────

export type Json = Record<string, unknown>;

export function isRecord(v: unknown): v is Json {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** A non-empty trimmed string, or null. Numbers are accepted (carriers send `"011"` and `11`). */
export function str(v: unknown): string | null {
  if (typeof v === 'number' && Number.isFinite(v)) return String(v);
  if (typeof v !== 'string') return null;
  const t = v.trim();
  return t.length > 0 ? t : null;
}

export function arr(v: unknown): unknown[] {
  return Array.isArray(v) ? v : [];
}

export function records(v: unknown): Json[] {
  return arr(v).filter(isRecord);
}

/** `a, b, c` from the non-empty parts, or null. */
export function joinParts(parts: Array<string | null | undefined>, sep = ', '): string | null {
  const kept = parts.map((p) => (p ?? '').trim()).filter((p) => p.length > 0);
  return kept.length > 0 ? kept.join(sep) : null;
}

// ───────────────────────────── times ─────────────────────────────

/**
 * A carrier timestamp as the `ParsedEvent` pair. ISO with `Z` or an offset keeps it (a space separator
 * becomes `T`, `+0000` becomes `+00:00`); a zone-less date-time or a date is local (`timeIsLocal`).
 * Returns null for anything that is not an ISO date.
 */
export function isoTime(raw: unknown): { time: string; timeIsLocal: boolean } | null {
  const s = str(raw);
  if (!s) return null;
  const m = /^(\d{4}-\d{2}-\d{2})(?:[T ](\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?))?\s*(Z|[+-]\d{2}:?\d{2})?$/i.exec(s);
  if (!m) return null;
  const [, date, time, zone] = m;
  if (!time) return { time: date!, timeIsLocal: true };
  // Seconds, and at most milliseconds (USPS 3.2 sends microseconds: `14:03:12.041000+00:00`).
  const hms = time.length === 5 ? `${time}:00` : time.replace(/(\.\d{3})\d+$/, '$1');
  if (!zone) return { time: `${date}T${hms}`, timeIsLocal: true };
  const z = zone.toUpperCase() === 'Z' ? 'Z' : zone.includes(':') ? zone : `${zone.slice(0, 3)}:${zone.slice(3)}`;
  return { time: `${date}T${hms}${z}`, timeIsLocal: false };
}

/** `-05:00`, `-5:00`, `-0500`, `-300` (minutes) or a number of minutes → minutes east of UTC. */
export function offsetMinutes(raw: unknown): number | null {
  if (typeof raw === 'number' && Number.isFinite(raw)) return Math.abs(raw) <= 16 ? raw * 60 : raw;
  const s = str(raw);
  if (!s) return null;
  let m = /^([+-])?(\d{1,2}):(\d{2})$/.exec(s);
  if (m) return (m[1] === '-' ? -1 : 1) * (Number(m[2]) * 60 + Number(m[3]));
  m = /^([+-])(\d{2})(\d{2})$/.exec(s);
  if (m) return (m[1] === '-' ? -1 : 1) * (Number(m[2]) * 60 + Number(m[3]));
  if (/^[+-]?\d{1,4}$/.test(s)) return offsetMinutes(Number(s));
  return null;
}

function pad(n: number, w = 2): string {
  return String(Math.abs(n)).padStart(w, '0');
}

/** Epoch ms shown as wall-clock ISO with the given offset: `2024-11-22T13:58:40-05:00`. */
export function isoWithOffset(epoch: number, minutes: number): string {
  const d = new Date(epoch + minutes * 60_000);
  const sign = minutes < 0 ? '-' : '+';
  const off = `${sign}${pad(Math.trunc(Math.abs(minutes) / 60))}:${pad(Math.abs(minutes) % 60)}`;
  return `${d.toISOString().slice(0, 19)}${off}`;
}

/** `20220126` → `2022-01-26`; null when it is not a valid compact date. */
export function compactDate(raw: unknown): string | null {
  const s = str(raw);
  const m = s ? /^(\d{4})(\d{2})(\d{2})$/.exec(s) : null;
  if (!m) return null;
  const [, y, mo, d] = m;
  if (Number(mo) < 1 || Number(mo) > 12 || Number(d) < 1 || Number(d) > 31) return null;
  return `${y}-${mo}-${d}`;
}

/** `163000` or `74700` (unpadded, as in UPS's own spec) → `16:30:00` / `07:47:00`. */
export function compactTime(raw: unknown): string | null {
  const s = str(raw);
  if (!s || !/^\d{1,6}$/.test(s)) return null;
  const p = s.padStart(6, '0');
  const h = Number(p.slice(0, 2));
  const mi = Number(p.slice(2, 4));
  const se = Number(p.slice(4, 6));
  if (h > 23 || mi > 59 || se > 59) return null;
  return `${p.slice(0, 2)}:${p.slice(2, 4)}:${p.slice(4, 6)}`;
}

/**
 * An ETA bound: an offset date-time stays as it is, except a midnight that only encodes a day
 * (FedEx sends date-only facts as `T00:00:00-06:00`); a zone-less value keeps only its date (the
 * `Eta` type allows no local times).
 */
export function etaBound(raw: unknown): string | null {
  const t = isoTime(raw);
  if (!t) return null;
  const date = t.time.slice(0, 10);
  if (t.timeIsLocal || /T00:00:00(\.0+)?(Z|[+-]\d{2}:\d{2})$/.test(t.time)) return date;
  return t.time;
}

// ───────────────────────────── errors ─────────────────────────────

/** `Retry-After` as seconds or an HTTP date → milliseconds from `now` (never negative). */
export function parseRetryAfter(value: string | null | undefined, now: number): number | undefined {
  if (!value) return undefined;
  const v = value.trim();
  if (/^\d+(\.\d+)?$/.test(v)) return Math.round(Number(v) * 1000);
  const at = Date.parse(v);
  if (Number.isNaN(at)) return undefined;
  return Math.max(0, at - now);
}

export function kindForStatus(status: number): TrackErrorKind {
  if (status === 401 || status === 403) return 'auth';
  if (status === 404) return 'not_found';
  if (status === 400 || status === 422) return 'invalid_number';
  if (status === 429) return 'rate_limited';
  if (status === 408 || status === 504) return 'timeout';
  return 'server';
}

/** A typed error for a non-2xx answer; `Retry-After` honoured on 429 and 503. */
export function httpError(
  label: string,
  status: number,
  headers: Headers,
  now: number,
  detail?: string | null,
  kind: TrackErrorKind = kindForStatus(status),
): TrackError {
  const err: TrackError = { kind, message: `${label}: HTTP ${status}${detail ? ` (${detail})` : ''}`, httpStatus: status };
  if (status === 429 || status === 503) {
    const ms = parseRetryAfter(headers.get('retry-after'), now);
    if (ms !== undefined) err.retryAfterMs = ms;
  }
  return err;
}

export function malformed(label: string, why: string, httpStatus?: number): TrackError {
  return { kind: 'malformed', message: `${label}: ${why}`, ...(httpStatus ? { httpStatus } : {}) };
}

// ───────────────────────────── fetching ─────────────────────────────

export type Fetched = { ok: true; response: Response } | { ok: false; error: TrackError };

export interface SendOptions {
  label: string;
  /** The client's own hosts: credentials go nowhere else (see credential-hosts.ts). */
  hosts: readonly string[];
  timeoutMs?: number;
}

function abortKind(err: unknown, timedOut: boolean): TrackErrorKind {
  const name = err instanceof Error ? err.name : '';
  if (timedOut || name === 'TimeoutError') return 'timeout';
  if (name === 'AbortError') return 'timeout';
  return 'network';
}

/**
 * `fetch` with the credential-host check, a timeout (combined with `ctx.signal`) and no redirects.
 * Never throws.
 */
export async function send(ctx: ClientContext, url: URL, init: RequestInit, opts: SendOptions): Promise<Fetched> {
  const refused = credentialTarget(opts.label, url, opts.hosts, ctx.baseUrl);
  if (refused) return { ok: false, error: refused };
  const timeout = AbortSignal.timeout(opts.timeoutMs ?? DEFAULT_TIMEOUT_MS);
  const signal = ctx.signal ? AbortSignal.any([ctx.signal, timeout]) : timeout;
  try {
    const response = await ctx.fetch(url, { ...init, signal, redirect: 'error' });
    return { ok: true, response };
  } catch (err) {
    const kind = abortKind(err, timeout.aborted || ctx.signal?.aborted === true);
    const message =
      kind === 'timeout'
        ? `${opts.label}: no answer in time`
        : `${opts.label}: could not reach ${url.hostname} (${err instanceof Error ? err.message : 'network error'})`;
    return { ok: false, error: { kind, message } };
  }
}

export type BodyRead = { ok: true; json: unknown; text: string } | { ok: false; error: TrackError };

/**
 * Reads a body as JSON. An HTML page (a proxy's or WAF's error page served with 200) or broken JSON
 * is `malformed`; a body that stops arriving is a `timeout`.
 */
export async function readJson(label: string, response: Response): Promise<BodyRead> {
  let text: string;
  try {
    text = await response.text();
  } catch (err) {
    const kind = abortKind(err, false);
    return { ok: false, error: { kind, message: `${label}: the answer stopped arriving`, httpStatus: response.status } };
  }
  return parseJsonText(label, text, response.status, response.headers.get('content-type'));
}

/** The same checks on text already read (inspect reads files). */
export function parseJsonText(label: string, text: string, httpStatus?: number, contentType?: string | null): BodyRead {
  const head = text.trimStart().slice(0, 200).toLowerCase();
  if ((contentType ?? '').toLowerCase().includes('text/html') || head.startsWith('<!doctype') || head.startsWith('<html') || head.startsWith('<')) {
    return { ok: false, error: malformed(label, 'received an HTML page instead of JSON', httpStatus) };
  }
  if (text.trim().length === 0) return { ok: false, error: malformed(label, 'empty body', httpStatus) };
  try {
    return { ok: true, json: JSON.parse(text), text };
  } catch {
    return { ok: false, error: malformed(label, 'body is not valid JSON', httpStatus) };
  }
}

// ───────────────────────────── OAuth ─────────────────────────────

export interface Token {
  token: string;
  expiresAt: number;
}

/** An in-memory token cache (the engine may persist one in `storage.session` instead). */
export function createMemoryTokenCache(): TokenCache {
  const map = new Map<string, Token>();
  return {
    get: (k) => map.get(k),
    set: (k, v) => {
      map.set(k, v);
    },
    delete: (k) => {
      map.delete(k);
    },
  };
}

/** Reads `{access_token, expires_in}` (UPS and USPS send `expires_in` as a string). */
export function readTokenBody(label: string, body: unknown, now: number): { ok: true; token: Token } | { ok: false; error: TrackError } {
  if (!isRecord(body)) return { ok: false, error: malformed(label, 'token answer is not an object') };
  const token = str(body.access_token);
  if (!token) return { ok: false, error: malformed(label, 'token answer has no access_token') };
  const secs = Number(str(body.expires_in) ?? 1800);
  const lifetime = Number.isFinite(secs) && secs > 0 ? secs * 1000 : 1_800_000;
  // Margin: a minute, or a tenth of a short lifetime, so a token never expires in flight.
  const margin = Math.min(TOKEN_SAFETY_MARGIN_MS, lifetime / 10);
  return { ok: true, token: { token, expiresAt: now + lifetime - margin } };
}

export interface OAuthFlow {
  label: string;
  hosts: readonly string[];
  /** Cache key: provider, host, client id and a fingerprint of the secret ({@link tokenCacheKey}). */
  cacheKey: string;
  /** Builds the token request (URL and init with the client secret). */
  tokenRequest(): { url: URL; init: RequestInit };
}

/**
 * The key a token is kept under: provider, host, client id and a fingerprint of the secret (FNV-1a,
 * never the secret itself). Keyed by the client id alone, a token got with the right secret was used
 * for a wrong one: "Test connection" said a changed, refused secret was accepted (found trying the
 * options page as a shopper, issue #13).
 */
export function tokenCacheKey(provider: string, base: string, credentials: { clientId?: string; clientSecret?: string }): string {
  let h = 0x811c9dc5;
  for (const ch of credentials.clientSecret ?? '') {
    h ^= ch.codePointAt(0)!;
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return `${provider}@${new URL(base).host}:${credentials.clientId ?? ''}:${h.toString(16)}`;
}

async function fetchToken(ctx: ClientContext, flow: OAuthFlow): Promise<{ ok: true; token: Token } | { ok: false; error: TrackError }> {
  const { url, init } = flow.tokenRequest();
  const sent = await send(ctx, url, init, { label: flow.label, hosts: flow.hosts });
  if (!sent.ok) return sent;
  const res = sent.response;
  if (!res.ok) {
    // A token endpoint answers bad credentials with 400 (`invalid_client`) as often as with 401.
    const kind: TrackErrorKind = res.status === 400 || res.status === 401 || res.status === 403 ? 'auth' : kindForStatus(res.status);
    await res.body?.cancel().catch(() => undefined);
    return { ok: false, error: httpError(flow.label, res.status, res.headers, ctx.now(), 'token request refused', kind) };
  }
  const body = await readJson(flow.label, res);
  if (!body.ok) return body;
  return readTokenBody(flow.label, body.json, ctx.now());
}

/**
 * Runs `call` with a bearer token: the cached one while it is valid, else a fresh one. On a 401 the
 * cached token is dropped, a new one fetched, and the call repeated once; a second 401 is returned
 * as is (bad credentials or a revoked app).
 */
export async function withToken(
  ctx: ClientContext,
  flow: OAuthFlow,
  call: (token: string) => Promise<Fetched>,
): Promise<Fetched> {
  const cached = ctx.tokens?.get(flow.cacheKey);
  let token: string;
  let fresh = false;
  if (cached && cached.expiresAt > ctx.now()) {
    token = cached.token;
  } else {
    const got = await fetchToken(ctx, flow);
    if (!got.ok) return got;
    ctx.tokens?.set(flow.cacheKey, got.token);
    token = got.token.token;
    fresh = true;
  }
  const first = await call(token);
  if (!first.ok || first.response.status !== 401 || fresh) return first;
  await first.response.body?.cancel().catch(() => undefined);
  ctx.tokens?.delete(flow.cacheKey);
  const again = await fetchToken(ctx, flow);
  if (!again.ok) return again;
  ctx.tokens?.set(flow.cacheKey, again.token);
  return call(again.token.token);
}

/** Base64 for Basic auth (btoa exists in browsers, workers and Node ≥ 16). */
export function basicAuth(user: string, password: string): string {
  const bytes = new TextEncoder().encode(`${user}:${password}`);
  let bin = '';
  for (const b of bytes) bin += String.fromCharCode(b);
  return `Basic ${btoa(bin)}`;
}

/** A short random id for request-tracing headers (UPS `transId`). */
export function requestId(now: number): string {
  return `pl${now.toString(36)}${Math.floor(Math.random() * 1e9).toString(36)}`;
}

/** `{key: value}` for the entries whose value is a non-empty string (for `ParsedEvent.carrierCodes`). */
export function codeMap(entries: Record<string, unknown>): Record<string, string> | undefined {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(entries)) {
    const s = str(v);
    if (s) out[k] = s;
  }
  return Object.keys(out).length > 0 ? out : undefined;
}

/**
 * Events newest first by instant (a local time is placed as if UTC, for ordering only); events at the
 * same instant keep the carrier's order, which is newest first for every provider here.
 */
export function newestFirst(events: ParsedEvent[]): ParsedEvent[] {
  return events
    .map((e, i) => {
      const t = eventEpoch(e.time, e.timeIsLocal);
      return { e, i, t: Number.isNaN(t) ? Number.NEGATIVE_INFINITY : t };
    })
    .sort((a, b) => (a.t === b.t ? a.i - b.i : b.t > a.t ? 1 : -1))
    .map((x) => x.e);
}

/** The status of the newest event that has one (events newest first). */
export function newestStatus(events: ParsedEvent[]): Status | null {
  for (const e of events) if (e.status) return e.status;
  return null;
}

// ───────────────────────────── answers and batches ─────────────────────────────

/** Kinds that concern one number, not the call: the rest of a batch still counts. */
export function isPerNumberKind(kind: TrackErrorKind): boolean {
  return kind === 'not_found' || kind === 'invalid_number';
}

/**
 * Turns an HTTP answer into an outcome: 2xx (and 207) bodies go to the provider's `parse`; 400, 404 and
 * 422 bodies too when they are JSON (each provider names its error codes); 401/403 are `auth`, 429
 * `rate_limited` with `Retry-After`, 5xx `server`. Never throws.
 */
export async function answer(
  label: string,
  res: Response,
  now: number,
  parse: (json: unknown, httpStatus: number) => TrackOutcome,
): Promise<TrackOutcome> {
  const s = res.status;
  if ((s >= 200 && s < 300) || s === 400 || s === 404 || s === 422) {
    const body = await readJson(label, res);
    if (!body.ok) {
      // An error status with an unreadable body is still that error, not a parsing problem.
      if (s >= 400) return { ok: false, error: httpError(label, s, res.headers, now) };
      return body;
    }
    const out = parse(body.json, s);
    if (s >= 400 && out.ok) return { ok: false, error: httpError(label, s, res.headers, now) };
    return out;
  }
  await res.body?.cancel().catch(() => undefined);
  return { ok: false, error: httpError(label, s, res.headers, now) };
}

function failed(n: string, error: TrackError): TrackResult {
  return { trackingNumber: n, status: null, eta: null, events: [], error };
}

/**
 * Runs `call` on chunks of at most `size` numbers, one after another. A per-number failure marks that
 * chunk's numbers and goes on; a call-level failure (auth, rate limit, server, timeout, malformed) stops:
 * it is the outcome when nothing succeeded yet, otherwise it marks every number not yet answered.
 * Numbers a provider silently left out of its answer are marked `not_found`.
 */
export async function inChunks(
  label: string,
  numbers: string[],
  size: number,
  call: (chunk: string[]) => Promise<TrackOutcome>,
): Promise<TrackOutcome> {
  const wanted = [...new Set(numbers.map((n) => n.trim()).filter((n) => n.length > 0))];
  if (wanted.length === 0) return { ok: false, error: { kind: 'invalid_number', message: `${label}: no tracking number given` } };
  const results: TrackResult[] = [];
  for (let i = 0; i < wanted.length; i += size) {
    const chunk = wanted.slice(i, i + size);
    const out = await call(chunk);
    if (!out.ok) {
      if (isPerNumberKind(out.error.kind)) {
        for (const n of chunk) results.push(failed(n, out.error));
        continue;
      }
      if (results.length === 0) return out;
      for (const n of wanted.slice(i)) results.push(failed(n, out.error));
      break;
    }
    const norm = (n: string) => n.replace(/\s+/g, '').toUpperCase();
    const got = new Set(out.results.map((r) => norm(r.trackingNumber)));
    results.push(...out.results);
    for (const n of chunk) {
      if (!got.has(norm(n))) results.push(failed(n, { kind: 'not_found', message: `${label}: no answer for ${n}` }));
    }
  }
  return { ok: true, results };
}

/** A required credential field, or an `auth` error naming the missing field (never its value). */
export function needCredentials(
  label: string,
  credentials: Record<string, string>,
  fields: readonly string[],
): { ok: true } | { ok: false; error: TrackError } {
  const missing = fields.filter((f) => !credentials[f] || credentials[f]!.trim().length === 0);
  if (missing.length === 0) return { ok: true };
  return { ok: false, error: { kind: 'auth', message: `${label}: missing ${missing.join(' and ')}` } };
}
