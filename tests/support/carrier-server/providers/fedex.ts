/**
 * FedEx Track API on the local carrier server: `POST /oauth/token` (form client credentials) and
 * `POST /track/v1/trackingnumbers` (Bearer, up to 30 numbers, unknown numbers answered per result with
 * `TRACKING.TRACKINGNUMBER.NOTFOUND`), answering from tests/fixtures/fedex.
 */
import { clientCredentials, defaultStepMs, fixtureFor, json, progressionStep, REJECTED_SECRET, type TokenIssuer, tokenIssuer } from '../faults-oauth';
import type { FaultMode, ProviderRoutes } from '../types';

const DIR = 'fedex';

export const FEDEX_NUMBERS: Readonly<Record<string, string>> = {
  '123456789012': 'track--picked-up-doc-example.json',
  '794842105870': 'track--label-created.json',
  '794842105871': 'track--in-transit.json',
  '794842105872': 'track--out-for-delivery.json',
  '794842105873': 'track--exception.json',
  '794842105874': 'track--delivered.json',
  '794842105875': 'track--ready-for-pickup.json',
};
/** A valid FedEx number (check digit ok) that advances label → in transit → out for delivery → delivered. */
export const FEDEX_PROGRESSION = '794842105863';
const PROGRESSION = ['794842105870', '794842105871', '794842105872', '794842105874'];

const ERRORS = (code: string, message: string) => ({ transactionId: 'local-carrier-server', errors: [{ code, message }] });

type CompleteResult = { trackingNumber: string; trackResults: unknown[] };

function completeFor(fixtureNumber: string, as: string): CompleteResult {
  const body = fixtureFor(DIR, FEDEX_NUMBERS[fixtureNumber]!, fixtureNumber, as) as { output: { completeTrackResults: CompleteResult[] } };
  return body.output.completeTrackResults.find((c) => c.trackingNumber === as) ?? body.output.completeTrackResults[0]!;
}

function notFound(n: string): CompleteResult {
  return {
    trackingNumber: n,
    trackResults: [
      {
        trackingNumberInfo: { trackingNumber: n, trackingNumberUniqueId: '', carrierCode: '' },
        error: { code: 'TRACKING.TRACKINGNUMBER.NOTFOUND', message: 'Tracking number cannot be found. Please correct the tracking number and try again.' },
      },
    ],
  };
}

export function fedexProvider(options: { stepMs?: number; tokens?: TokenIssuer } = {}): ProviderRoutes & { tokens: TokenIssuer } {
  const tokens = options.tokens ?? tokenIssuer('fedex', 3599);
  const stepMs = options.stepMs ?? defaultStepMs();
  return {
    id: 'fedex',
    hosts: ['apis.fedex.com', 'apis-sandbox.fedex.com'],
    tokens,
    owns: (req) => req.path === '/oauth/token' || req.path === '/track/v1/trackingnumbers',
    faultBody(mode: FaultMode) {
      if (mode === 'auth') return ERRORS('NOT.AUTHORIZED.ERROR', 'Access token expired. Please modify your request and try again.');
      if (mode === 'rate_limited') return ERRORS('TOO.MANY.REQUESTS.ERROR', 'We have received too many requests in a short duration. Please wait a while to try again.');
      if (mode === 'server') return ERRORS('INTERNAL.SERVER.ERROR', 'We encountered an unexpected error and are working to resolve the issue.');
      return undefined;
    },
    handle(req, state) {
      if (req.path === '/oauth/token') {
        const c = clientCredentials(req);
        if (!c || c.secret === REJECTED_SECRET) return json(401, ERRORS('NOT.AUTHORIZED.ERROR', 'The given client credentials were not valid. Please modify your request and try again.'));
        const t = tokens.issue(state);
        return json(200, { access_token: t.token, token_type: 'bearer', expires_in: t.expiresIn, scope: 'CXS-TP' });
      }
      if (req.path !== '/track/v1/trackingnumbers') return null;
      if (!tokens.valid(req.headers.authorization, state)) return json(401, ERRORS('NOT.AUTHORIZED.ERROR', 'Access token expired. Please modify your request and try again.'));
      let body: { trackingInfo?: Array<{ trackingNumberInfo?: { trackingNumber?: unknown } }> };
      try {
        body = JSON.parse(req.body) as typeof body;
      } catch {
        return json(400, ERRORS('INVALID.INPUT.EXCEPTION', 'Invalid field value in the input'));
      }
      const infos = Array.isArray(body.trackingInfo) ? body.trackingInfo : [];
      if (infos.length === 0) return json(400, ERRORS('TRACKING.TRACKINGNUMBER.EMPTY', 'Please provide tracking number.'));
      if (infos.length > 30) return json(400, ERRORS('TRACKING.TRACKINGNUMBER.LIMIT', 'Maximum limit is 30 tracking numbers.'));
      const nf = req.headers['x-fault'] === 'not_found';
      const completeTrackResults = infos.map((i) => {
        const n = String(i?.trackingNumberInfo?.trackingNumber ?? '');
        if (nf) return notFound(n);
        if (n === FEDEX_PROGRESSION) return completeFor(progressionStep(PROGRESSION, state, stepMs), n);
        return FEDEX_NUMBERS[n] ? completeFor(n, n) : notFound(n);
      });
      return json(200, { transactionId: 'local-carrier-server', output: { completeTrackResults } });
    },
  };
}
