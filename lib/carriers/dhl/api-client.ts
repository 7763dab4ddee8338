/**
 * DHL Shipment Tracking – Unified client: `GET /track/shipments?trackingNumber=…` with the app's
 * Consumer Key in the `DHL-API-Key` header (DHL OpenAPI 1.5.2 `ApiKeyAuth`), one number per call.
 * Notes: shared/docs/carrier-apis.md §4. Credentials: `apiKey`.
 */
import type { CarrierClient, ClientContext, Credentials, TrackOutcome } from '../client';
import { resolveBase } from '../credential-hosts';
import { answer, inChunks, needCredentials, send } from '../http';
import { RelatedNumbers } from '../related-numbers';
import { parseDhlResponse } from './parse-response';

const LABEL = 'DHL';
export const DHL_HOSTS = ['api-eu.dhl.com'] as const;
export const DHL_PRODUCTION = 'https://api-eu.dhl.com';

const norm = (n: string) => n.replace(/\s+/g, '').toUpperCase();

async function trackOne(n: string, credentials: Credentials, ctx: ClientContext, base: string): Promise<TrackOutcome> {
  const url = new URL('/track/shipments', base);
  url.searchParams.set('trackingNumber', n);
  const sent = await send(
    ctx,
    url,
    { method: 'GET', headers: { 'DHL-API-Key': credentials.apiKey!, accept: 'application/json' } },
    { label: LABEL, hosts: DHL_HOSTS },
  );
  if (!sent.ok) return sent;
  const out = await answer(LABEL, sent.response, ctx.now(), parseDhlResponse);
  if (!out.ok) return out;
  // Several DHL units may answer for one number: the shipment with this id, else the first. The
  // number asked names the parcel (issue #10 §5); a shipment id that differs (asked by a reference or
  // a piece number) is kept as another number of it.
  const best = out.results.find((r) => norm(r.trackingNumber) === norm(n)) ?? out.results[0]!;
  const related = new RelatedNumbers(n);
  related.add(best.trackingNumber, 'dhl', 'alternate');
  for (const r of best.relatedNumbers ?? []) related.add(r.number, r.carrier, r.relation);
  const relatedNumbers = related.result();
  const { relatedNumbers: _fromParser, ...rest } = best;
  return { ok: true, results: [{ ...rest, trackingNumber: n, ...(relatedNumbers ? { relatedNumbers } : {}) }] };
}

export const dhlClient: CarrierClient = {
  id: 'dhl',
  carriers: ['dhl'],
  batchSize: 1,
  hosts: DHL_HOSTS,
  needsCredentials: true,
  async track(numbers, credentials, ctx) {
    const need = needCredentials(LABEL, credentials, ['apiKey']);
    if (!need.ok) return need;
    const base = resolveBase(LABEL, DHL_PRODUCTION, ctx.baseUrl);
    if (!base.ok) return base;
    return inChunks(LABEL, numbers, 1, ([n]) => trackOne(n!, credentials, ctx, base.base));
  },
};
