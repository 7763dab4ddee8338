/**
 * Ship24 client: `POST /public/v1/trackers/track` creates the tracker if needed and returns its
 * results in one idempotent call (Ship24 OpenAPI; shared/docs/carrier-apis.md §6), one number per
 * call, `Authorization: Bearer <api key>`. Credentials: `apiKey`.
 */
import type { CarrierClient, ClientContext, Credentials, TrackOutcome } from '../../carriers/client';
import { resolveBase } from '../../carriers/credential-hosts';
import { answer, inChunks, needCredentials, send } from '../../carriers/http';
import { parseShip24Response } from './parse-response';

const LABEL = 'Ship24';
export const SHIP24_HOSTS = ['api.ship24.com'] as const;
export const SHIP24_PRODUCTION = 'https://api.ship24.com';

async function trackOne(n: string, credentials: Credentials, ctx: ClientContext, base: string): Promise<TrackOutcome> {
  const sent = await send(
    ctx,
    new URL('/public/v1/trackers/track', base),
    {
      method: 'POST',
      headers: {
        authorization: `Bearer ${credentials.apiKey}`,
        'content-type': 'application/json; charset=utf-8',
        accept: 'application/json',
      },
      body: JSON.stringify({ trackingNumber: n }),
    },
    { label: LABEL, hosts: SHIP24_HOSTS },
  );
  if (!sent.ok) return sent;
  const out = await answer(LABEL, sent.response, ctx.now(), parseShip24Response);
  if (!out.ok) return out;
  const norm = (s: string) => s.replace(/\s+/g, '').toUpperCase();
  const mine = out.results.find((r) => norm(r.trackingNumber) === norm(n)) ?? out.results[0];
  return { ok: true, results: mine ? [{ ...mine, trackingNumber: n }] : [] };
}

export const ship24Client: CarrierClient = {
  id: 'ship24',
  carriers: ['*'],
  batchSize: 1,
  hosts: SHIP24_HOSTS,
  needsCredentials: true,
  async track(numbers, credentials, ctx) {
    const need = needCredentials(LABEL, credentials, ['apiKey']);
    if (!need.ok) return need;
    const base = resolveBase(LABEL, SHIP24_PRODUCTION, ctx.baseUrl);
    if (!base.ok) return base;
    return inChunks(LABEL, numbers, 1, ([n]) => trackOne(n!, credentials, ctx, base.base));
  },
};
