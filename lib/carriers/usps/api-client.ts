/**
 * USPS Tracking client (USPS APIs platform, OAuth 2.0 client credentials at `POST /oauth2/v3/token`
 * with a JSON body, per USPS/api-examples). Two APIs:
 *   - 3.2 (default): `POST /tracking/v3r2/tracking` with up to 35 numbers; `207` mixes per-number
 *     successes and failures (usps_tracking_v3r2.yaml `MultiStatusResponse`);
 *   - 3.0: `GET /tracking/v3/tracking/{n}?expand=DETAIL`, one number per call (usps_tracking_v3.yaml).
 * Credentials: `clientId` (Consumer Key), `clientSecret` (Consumer Secret); optional `api: "v3"` and
 * `environment: "test"` (apis-tem.usps.com).
 */
import type { CarrierClient, ClientContext, Credentials, TrackOutcome } from '../client';
import { resolveBase } from '../credential-hosts';
import { answer, inChunks, needCredentials, type OAuthFlow, send, tokenCacheKey, withToken } from '../http';
import { parseUspsResponse } from './parse-response';

const LABEL = 'USPS';
export const USPS_HOSTS = ['apis.usps.com', 'apis-tem.usps.com'] as const;
export const USPS_PRODUCTION = 'https://apis.usps.com';
export const USPS_TEST = 'https://apis-tem.usps.com';
/** `TrackingRequest` maxItems (usps_tracking_v3r2.yaml). */
export const USPS_BATCH = 35;

function flow(base: string, credentials: Credentials): OAuthFlow {
  return {
    label: LABEL,
    hosts: USPS_HOSTS,
    cacheKey: tokenCacheKey('usps', base, credentials),
    tokenRequest: () => ({
      url: new URL('/oauth2/v3/token', base),
      init: {
        method: 'POST',
        headers: { 'content-type': 'application/json', accept: 'application/json' },
        body: JSON.stringify({
          client_id: credentials.clientId,
          client_secret: credentials.clientSecret,
          grant_type: 'client_credentials',
        }),
      },
    }),
  };
}

async function call(
  url: URL,
  init: RequestInit,
  credentials: Credentials,
  ctx: ClientContext,
  base: string,
): Promise<TrackOutcome> {
  const sent = await withToken(ctx, flow(base, credentials), (token) =>
    send(
      ctx,
      url,
      { ...init, headers: { ...(init.headers as Record<string, string>), authorization: `Bearer ${token}`, accept: 'application/json' } },
      { label: LABEL, hosts: USPS_HOSTS },
    ),
  );
  if (!sent.ok) return sent;
  return answer(LABEL, sent.response, ctx.now(), parseUspsResponse);
}

export const uspsClient: CarrierClient = {
  id: 'usps',
  carriers: ['usps'],
  batchSize: USPS_BATCH,
  hosts: USPS_HOSTS,
  needsCredentials: true,
  async track(numbers, credentials, ctx) {
    const need = needCredentials(LABEL, credentials, ['clientId', 'clientSecret']);
    if (!need.ok) return need;
    const base = resolveBase(LABEL, credentials.environment === 'test' ? USPS_TEST : USPS_PRODUCTION, ctx.baseUrl);
    if (!base.ok) return base;
    if (credentials.api === 'v3') {
      return inChunks(LABEL, numbers, 1, ([n]) => {
        const url = new URL(`/tracking/v3/tracking/${encodeURIComponent(n!)}`, base.base);
        url.searchParams.set('expand', 'DETAIL');
        return call(url, { method: 'GET' }, credentials, ctx, base.base);
      });
    }
    return inChunks(LABEL, numbers, USPS_BATCH, (chunk) =>
      call(
        new URL('/tracking/v3r2/tracking', base.base),
        {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify(chunk.map((trackingNumber) => ({ trackingNumber }))),
        },
        credentials,
        ctx,
        base.base,
      ),
    );
  },
};
