/**
 * Shared pieces of the real-carrier providers of the local carrier server (ups, usps, fedex, dhl,
 * 17track, ship24): an OAuth client-credentials token issuer whose tokens really expire on the server's
 * (movable) clock and can be revoked (to exercise "cached until expiry, refreshed once on a 401"), and
 * fixture loading with the tracking number rewritten to the one asked for, plus scripted progressions
 * (a number whose answer moves one fixture forward every `stepMs`, for the E2E suite and the demo).
 */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { IncomingRequest, Reply, ServerState } from './types';

const FIXTURES = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'fixtures');

/** A fixture body as text (cached). */
const cache = new Map<string, string>();
export function fixtureText(dir: string, name: string): string {
  const key = `${dir}/${name}`;
  let text = cache.get(key);
  if (text === undefined) {
    text = readFileSync(join(FIXTURES, dir, name), 'utf8');
    cache.set(key, text);
  }
  return text;
}

/** A fixture as JSON, with every occurrence of `from` (its own tracking number) replaced by `to`. */
export function fixtureFor(dir: string, name: string, from?: string, to?: string): unknown {
  const text = fixtureText(dir, name);
  return JSON.parse(from && to ? text.split(from).join(to) : text);
}

/** Credentials the providers treat as wrong (any other non-empty value is accepted). */
export const REJECTED_SECRET = 'wrong-secret';

export interface TokenIssuer {
  /** Issues a token valid for `lifetimeSec` on the server clock. */
  issue(state: ServerState): { token: string; expiresIn: number };
  /** Whether `authorization` carries a live token. */
  valid(authorization: string | undefined, state: ServerState): boolean;
  /** Makes every token issued so far invalid (the server "forgot" them). */
  revokeAll(): void;
  /** How many tokens were issued (tests assert caching with it). */
  readonly issued: number;
}

export function tokenIssuer(prefix: string, lifetimeSec: number): TokenIssuer {
  const live = new Map<string, number>();
  let count = 0;
  return {
    issue(state) {
      count += 1;
      const token = `${prefix}-token-${count}-${state.now().toString(36)}`;
      live.set(token, state.now() + lifetimeSec * 1000);
      return { token, expiresIn: lifetimeSec };
    },
    valid(authorization, state) {
      const m = /^Bearer\s+(.+)$/i.exec(authorization ?? '');
      if (!m) return false;
      const until = live.get(m[1]!);
      return until !== undefined && until > state.now();
    },
    revokeAll() {
      live.clear();
    },
    get issued() {
      return count;
    },
  };
}

/** Client id and secret from an HTTP Basic header, a form body or a JSON body. */
export function clientCredentials(req: IncomingRequest): { id: string; secret: string } | null {
  const basic = /^Basic\s+(.+)$/i.exec(req.headers.authorization ?? '');
  if (basic) {
    const [id, ...rest] = Buffer.from(basic[1]!, 'base64').toString('utf8').split(':');
    return id ? { id, secret: rest.join(':') } : null;
  }
  const type = req.headers['content-type'] ?? '';
  if (type.includes('application/json')) {
    try {
      const body = JSON.parse(req.body) as Record<string, unknown>;
      return typeof body.client_id === 'string' && typeof body.client_secret === 'string'
        ? { id: body.client_id, secret: body.client_secret }
        : null;
    } catch {
      return null;
    }
  }
  const form = new URLSearchParams(req.body);
  const id = form.get('client_id');
  const secret = form.get('client_secret');
  return id && secret ? { id, secret } : null;
}

/**
 * A number whose answer moves through `steps` (fixture bodies built for that number), one step every
 * `stepMs` of server time since the server started (the last step stays).
 */
export function progressionStep<T>(steps: readonly T[], state: ServerState, stepMs: number): T {
  const i = Math.max(0, Math.floor((state.now() - state.startedAt) / Math.max(1, stepMs)));
  return steps[Math.min(i, steps.length - 1)]!;
}

/** Step length for progressions: `CARRIER_STEP_MS` (the demo and E2E may shorten it), default 30 s. */
export function defaultStepMs(): number {
  const v = Number(process.env.CARRIER_STEP_MS ?? process.env.DEMO_STEP_MS ?? 30_000);
  return Number.isFinite(v) && v > 0 ? v : 30_000;
}

export function json(status: number, body: unknown, headers?: Record<string, string>): Reply {
  return { status, body, headers: { 'content-type': 'application/json', ...headers } };
}
