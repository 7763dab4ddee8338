/**
 * FedEx Track API client: OAuth 2.0 client credentials (`POST /oauth/token`, form body with the Track
 * project's API key and secret key), then `POST /track/v1/trackingnumbers` with up to 30 numbers
 * ("Maximum limit is 30", FedEx OpenAPI `Full_Schema_Tracking_Numbers`). Notes: shared/docs/carrier-apis.md §3.
 * Credentials: `clientId` (API key), `clientSecret` (secret key); `environment: "test"` uses the sandbox.
 */
import type { CarrierClient, ClientContext, Credentials, TrackOutcome } from '../client';
import { resolveBase } from '../credential-hosts';
import { answer, inChunks, needCredentials, type OAuthFlow, send, tokenCacheKey, withToken } from '../http';
import { parseFedexResponse } from './parse-response';

const LABEL = 'FedEx';
export const FEDEX_HOSTS = ['apis.fedex.com', 'apis-sandbox.fedex.com'] as const;
export const FEDEX_PRODUCTION = 'https://apis.fedex.com';
export const FEDEX_TEST = 'https://apis-sandbox.fedex.com';
export const FEDEX_BATCH = 30;

function flow(base: string, credentials: Credentials): OAuthFlow {
  return {
    label: LABEL,
    hosts: FEDEX_HOSTS,
    cacheKey: tokenCacheKey('fedex', base, credentials),
    tokenRequest: () => ({
      url: new URL('/oauth/token', base),
      init: {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json' },
        body: new URLSearchParams({
          grant_type: 'client_credentials',
          client_id: credentials.clientId!,
          client_secret: credentials.clientSecret!,
        }).toString(),
      },
    }),
  };
}

async function trackChunk(chunk: string[], credentials: Credentials, ctx: ClientContext, base: string): Promise<TrackOutcome> {
  const body = JSON.stringify({
    includeDetailedScans: true,
    trackingInfo: chunk.map((trackingNumber) => ({ trackingNumberInfo: { trackingNumber } })),
  });
  const sent = await withToken(ctx, flow(base, credentials), (token) =>
    send(
      ctx,
      new URL('/track/v1/trackingnumbers', base),
      {
        method: 'POST',
        headers: {
          authorization: `Bearer ${token}`,
          'content-type': 'application/json',
          accept: 'application/json',
          'x-locale': 'en_US',
        },
        body,
      },
      { label: LABEL, hosts: FEDEX_HOSTS },
    ),
  );
  if (!sent.ok) return sent;
  return answer(LABEL, sent.response, ctx.now(), parseFedexResponse);
}

export const fedexClient: CarrierClient = {
  id: 'fedex',
  carriers: ['fedex'],
  batchSize: FEDEX_BATCH,
  hosts: FEDEX_HOSTS,
  needsCredentials: true,
  async track(numbers, credentials, ctx) {
    const need = needCredentials(LABEL, credentials, ['clientId', 'clientSecret']);
    if (!need.ok) return need;
    const base = resolveBase(LABEL, credentials.environment === 'test' ? FEDEX_TEST : FEDEX_PRODUCTION, ctx.baseUrl);
    if (!base.ok) return base;
    return inChunks(LABEL, numbers, FEDEX_BATCH, (chunk) => trackChunk(chunk, credentials, ctx, base.base));
  },
};
