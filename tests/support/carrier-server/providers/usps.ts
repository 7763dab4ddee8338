/**
 * USPS Tracking on the local carrier server: `POST /oauth2/v3/token` (JSON client credentials),
 * `GET /tracking/v3/tracking/{n}` (3.0, one object) and `POST /tracking/v3r2/tracking` (3.2, up to 35
 * numbers; `207` when some are unknown), answering from tests/fixtures/usps.
 */
import { clientCredentials, defaultStepMs, fixtureFor, json, progressionStep, REJECTED_SECRET, type TokenIssuer, tokenIssuer } from '../faults-oauth';
import type { FaultMode, ProviderRoutes } from '../types';

const DIR = 'usps';

type Source = { file: string; index?: number; number: string };

/** Every tracking detail in the fixtures, by its number. */
const SOURCES: Source[] = [
  { file: 'tracking-v3--accepted.json', number: 'XXXXXXXXXXXXXXXXXXXX' },
  { file: 'tracking-v3--delivered.json', number: '9400111899223197428490' },
  { file: 'tracking-v3r2--batch-207-partial.json', index: 0, number: '9405511899223197428491' },
  { file: 'tracking-v3r2--batch-207-partial.json', index: 1, number: '9405511899223197428492' },
  { file: 'tracking-v3r2--label-created.json', index: 0, number: '9405511899223197428494' },
  { file: 'tracking-v3r2--notice-left-available-for-pickup.json', index: 0, number: '9405511899223197428495' },
  { file: 'tracking-v3r2--exception-undeliverable.json', index: 0, number: '9405511899223197428496' },
];
export const USPS_NUMBERS: readonly string[] = SOURCES.map((s) => s.number);
/** A valid USPS number that advances label → in transit → out for delivery → delivered. */
export const USPS_PROGRESSION = '9400111899223197428497';
const PROGRESSION = ['9405511899223197428494', '9405511899223197428491', '9405511899223197428492', '9400111899223197428490'];

function detail(source: Source, as: string): Record<string, unknown> {
  const body = fixtureFor(DIR, source.file, source.number, as);
  const item = source.index === undefined ? body : (body as unknown[])[source.index];
  const { statusCode: _drop, ...rest } = item as Record<string, unknown>;
  return rest;
}

const ERROR = (code: number, message: string) => ({
  apiVersion: 'v3',
  error: { code: String(code), message, errors: [{ status: String(code), code: String(code), title: message, detail: message }] },
});

export function uspsProvider(options: { stepMs?: number; tokens?: TokenIssuer } = {}): ProviderRoutes & { tokens: TokenIssuer } {
  const tokens = options.tokens ?? tokenIssuer('usps', 28_799);
  const stepMs = options.stepMs ?? defaultStepMs();

  function lookup(n: string, state: Parameters<ProviderRoutes['handle']>[1], notFound: boolean): Record<string, unknown> | null {
    if (notFound) return null;
    if (n === USPS_PROGRESSION) {
      const from = progressionStep(PROGRESSION, state, stepMs);
      return detail(SOURCES.find((s) => s.number === from)!, n);
    }
    const s = SOURCES.find((x) => x.number === n);
    return s ? detail(s, n) : null;
  }

  return {
    id: 'usps',
    hosts: ['apis.usps.com', 'apis-tem.usps.com'],
    tokens,
    owns: (req) => req.path === '/oauth2/v3/token' || req.path.startsWith('/tracking/v3/tracking/') || req.path === '/tracking/v3r2/tracking',
    faultBody(mode: FaultMode) {
      if (mode === 'auth') return ERROR(401, 'Unauthorized: invalid or expired access token.');
      if (mode === 'rate_limited') return ERROR(429, 'Too Many Requests. Too many requests have been received from client in a short amout of time.');
      if (mode === 'server') return ERROR(500, 'An unknown error has occurred.');
      return undefined;
    },
    handle(req, state) {
      if (req.path === '/oauth2/v3/token') {
        const c = clientCredentials(req);
        if (!c || c.secret === REJECTED_SECRET) return json(401, { error: 'invalid_client', error_description: 'Client authentication failed' });
        const t = tokens.issue(state);
        return json(200, {
          access_token: t.token,
          token_type: 'Bearer',
          issued_at: String(state.now()),
          expires_in: String(t.expiresIn),
          status: 'approved',
          scope: 'tracking',
          issuer: 'api.usps.com',
          client_id: c.id,
          application_name: 'Porchlight test',
          api_products: '[Public Access]',
          public_key: 'LS0tLS1CRUdJTiBQVUJMSUMgS0VZLS0tLS0=',
        });
      }
      const single = req.path.startsWith('/tracking/v3/tracking/');
      if (!single && req.path !== '/tracking/v3r2/tracking') return null;
      if (!tokens.valid(req.headers.authorization, state)) return json(401, ERROR(401, 'Unauthorized: invalid or expired access token.'));
      const notFound = req.headers['x-fault'] === 'not_found';
      if (single) {
        const n = decodeURIComponent(req.path.slice('/tracking/v3/tracking/'.length)).toUpperCase();
        if (!/^[A-Z0-9]{4,34}$/.test(n)) return json(400, ERROR(400, 'Invalid request: trackingNumber must be 4 to 34 alphanumeric characters.'));
        const d = lookup(n, state, notFound);
        return d ? json(200, d) : json(404, ERROR(404, 'The tracking number may be incorrect or the status update is not yet available.'));
      }
      let asked: Array<{ trackingNumber?: unknown }>;
      try {
        asked = JSON.parse(req.body) as Array<{ trackingNumber?: unknown }>;
      } catch {
        return json(400, ERROR(400, 'Invalid request body.'));
      }
      if (!Array.isArray(asked) || asked.length < 1 || asked.length > 35) return json(400, ERROR(400, 'Between 1 and 35 tracking numbers are allowed.'));
      let failures = 0;
      const items = asked.map((a) => {
        const n = String(a?.trackingNumber ?? '').toUpperCase();
        const d = /^[A-Z0-9]{4,34}$/.test(n) ? lookup(n, state, notFound) : null;
        if (d) return { ...d, statusCode: '200' };
        failures += 1;
        return { statusCode: '404', trackingNumber: n, ...ERROR(404, 'The tracking number may be incorrect or the status update is not yet available.') };
      });
      if (failures === items.length) return json(404, ERROR(404, 'The tracking number may be incorrect or the status update is not yet available.'));
      return json(failures > 0 ? 207 : 200, failures > 0 ? items : items.map(({ statusCode: _s, ...rest }) => rest));
    },
  };
}
