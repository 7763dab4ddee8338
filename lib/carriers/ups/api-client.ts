/**
 * UPS Track API client: OAuth 2.0 client credentials (HTTP Basic with the app's client id and secret,
 * `POST /security/v1/oauth/token`), then `GET /api/track/v1/details/{inquiryNumber}`, one number per
 * call. Spec: UPS-API/api-documentation Tracking.yaml and OAuthClientCredentials.yaml; notes in
 * shared/docs/carrier-apis.md §2.
 *
 * Credentials: `clientId`, `clientSecret`; `environment: "test"` uses UPS's CIE host.
 */
import type { CarrierClient, ClientContext, Credentials, TrackOutcome } from '../client';
import { resolveBase } from '../credential-hosts';
import { answer, basicAuth, inChunks, needCredentials, type OAuthFlow, requestId, send, tokenCacheKey, withToken } from '../http';
import { parseUpsResponse } from './parse-response';

const LABEL = 'UPS';
export const UPS_HOSTS = ['onlinetools.ups.com', 'wwwcie.ups.com'] as const;
export const UPS_PRODUCTION = 'https://onlinetools.ups.com';
export const UPS_TEST = 'https://wwwcie.ups.com';

function flow(base: string, credentials: Credentials): OAuthFlow {
  return {
    label: LABEL,
    hosts: UPS_HOSTS,
    cacheKey: tokenCacheKey('ups', base, credentials),
    tokenRequest: () => ({
      url: new URL('/security/v1/oauth/token', base),
      init: {
        method: 'POST',
        headers: {
          authorization: basicAuth(credentials.clientId!, credentials.clientSecret!),
          'content-type': 'application/x-www-form-urlencoded',
          accept: 'application/json',
        },
        body: 'grant_type=client_credentials',
      },
    }),
  };
}

async function trackOne(n: string, credentials: Credentials, ctx: ClientContext, base: string): Promise<TrackOutcome> {
  const url = new URL(`/api/track/v1/details/${encodeURIComponent(n)}`, base);
  url.searchParams.set('locale', 'en_US');
  url.searchParams.set('returnSignature', 'false');
  url.searchParams.set('returnMilestones', 'false');
  url.searchParams.set('returnPOD', 'false');
  const sent = await withToken(ctx, flow(base, credentials), (token) =>
    send(
      ctx,
      url,
      {
        method: 'GET',
        headers: {
          authorization: `Bearer ${token}`,
          accept: 'application/json',
          transId: requestId(ctx.now()),
          transactionSrc: 'porchlight',
        },
      },
      { label: LABEL, hosts: UPS_HOSTS },
    ),
  );
  if (!sent.ok) return sent;
  return answer(LABEL, sent.response, ctx.now(), parseUpsResponse);
}

export const upsClient: CarrierClient = {
  id: 'ups',
  carriers: ['ups'],
  batchSize: 1,
  hosts: UPS_HOSTS,
  needsCredentials: true,
  async track(numbers, credentials, ctx) {
    const need = needCredentials(LABEL, credentials, ['clientId', 'clientSecret']);
    if (!need.ok) return need;
    const base = resolveBase(LABEL, credentials.environment === 'test' ? UPS_TEST : UPS_PRODUCTION, ctx.baseUrl);
    if (!base.ok) return base;
    return inChunks(LABEL, numbers, 1, ([n]) => trackOne(n!, credentials, ctx, base.base));
  },
};
