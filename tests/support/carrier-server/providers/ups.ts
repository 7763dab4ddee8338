/**
 * UPS Track API on the local carrier server: `POST /security/v1/oauth/token` (HTTP Basic client
 * credentials, tokens expiring on the server clock) and `GET /api/track/v1/details/{n}` (Bearer),
 * answering from tests/fixtures/ups. Shapes: lib/carriers/ups/parse-response.ts header.
 */
import {
  clientCredentials,
  defaultStepMs,
  fixtureFor,
  json,
  progressionStep,
  REJECTED_SECRET,
  type TokenIssuer,
  tokenIssuer,
} from '../faults-oauth';
import type { FaultMode, ProviderRoutes } from '../types';

const DIR = 'ups';
/** The number inside the written fixtures (rewritten to the number asked for). */
const WRITTEN = '1Z1442YY7229014689';

/** Numbers the server knows, each answered with one fixture. */
export const UPS_NUMBERS: Readonly<Record<string, string>> = {
  '1Z1442YY7229014688': 'track--delivered.json',
  '1ZLABEL00000000001': 'track--label-created.json',
  '1ZTRANSIT000000001': 'track--in-transit.json',
  '1ZOUTFORDELIVERY01': 'track--out-for-delivery.json',
  '1ZWEATHERDELAY0001': 'track--exception-weather-delay.json',
  '1ZATTEMPTED0000001': 'track--delivery-attempted.json',
  '1ZACCESSPOINT00001': 'track--ready-for-pickup-access-point.json',
  '1ZDELIVEREDPROOF01': 'track--delivered-with-proof.json',
};
/** Answered "not found" as a warning inside a 200. */
export const UPS_NOT_FOUND_WARNING = '1ZNOTFOUNDWARNING1';
/** A valid UPS number (check digit ok) that advances label → in transit → out for delivery → delivered. */
export const UPS_PROGRESSION = '1Z999AA10123456784';
const PROGRESSION_STEPS = ['track--label-created.json', 'track--in-transit.json', 'track--out-for-delivery.json', 'track--delivered-with-proof.json'];

const ERR = (code: string, message: string) => ({ response: { errors: [{ code, message }] } });

export function upsProvider(options: { stepMs?: number; tokens?: TokenIssuer } = {}): ProviderRoutes & { tokens: TokenIssuer } {
  const tokens = options.tokens ?? tokenIssuer('ups', 14_399);
  const stepMs = options.stepMs ?? defaultStepMs();
  return {
    id: 'ups',
    hosts: ['onlinetools.ups.com', 'wwwcie.ups.com'],
    tokens,
    owns: (req) => req.path === '/security/v1/oauth/token' || req.path.startsWith('/api/track/v1/details/'),
    faultBody(mode: FaultMode) {
      if (mode === 'auth') return ERR('250002', 'Invalid Authentication Information.');
      if (mode === 'rate_limited') return ERR('10429', 'Too Many Requests');
      if (mode === 'server') return ERR('9999', 'Internal Server Error');
      return undefined;
    },
    handle(req, state) {
      if (req.path === '/security/v1/oauth/token') {
        if (req.method !== 'POST') return json(405, ERR('10001', 'Method not allowed'));
        const c = clientCredentials(req);
        if (!c || c.secret === REJECTED_SECRET) return json(401, ERR('10401', 'ClientId is Invalid'));
        const t = tokens.issue(state);
        return json(200, {
          token_type: 'Bearer',
          issued_at: String(state.now()),
          client_id: c.id,
          access_token: t.token,
          expires_in: String(t.expiresIn),
          refresh_count: '0',
          status: 'approved',
        });
      }
      if (!req.path.startsWith('/api/track/v1/details/')) return null;
      if (!tokens.valid(req.headers.authorization, state)) return json(401, ERR('250002', 'Invalid Authentication Information.'));
      const n = decodeURIComponent(req.path.slice('/api/track/v1/details/'.length)).toUpperCase();
      if (n.length < 7 || n.length > 34) return json(400, ERR('TV1002', 'Invalid inquiry number'));
      if (req.headers['x-fault'] === 'not_found') return json(404, ERR('TW0001', 'Tracking Information Not Found'));
      if (n === UPS_NOT_FOUND_WARNING) return json(200, fixtureFor(DIR, 'track--not-found-warning.json', '1Z0000000000000000', n));
      if (n === UPS_PROGRESSION) {
        return json(200, fixtureFor(DIR, progressionStep(PROGRESSION_STEPS, state, stepMs), WRITTEN, n));
      }
      const file = UPS_NUMBERS[n];
      if (!file) return json(404, ERR('TW0001', 'Tracking Information Not Found'));
      return json(200, fixtureFor(DIR, file, WRITTEN, n));
    },
  };
}
