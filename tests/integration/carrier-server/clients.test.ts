// @vitest-environment node
/**
 * Every carrier client against the real local carrier server (plain HTTP on 127.0.0.1, random port,
 * `ctx.baseUrl` pointing at it): normal answers, batching, OAuth token caching and refresh, and every
 * fault mode the server offers (401, 404, 429 + Retry-After, 500, timeout, slow, malformed JSON, HTML).
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { seventeenTrackClient } from '../../../lib/aggregators/seventeen-track/api-client';
import { ship24Client } from '../../../lib/aggregators/ship24/api-client';
import { trackWithBudget } from '../../../lib/carriers/budgets';
import type { CarrierClient, ClientContext, Credentials, TrackOutcome, TrackResult } from '../../../lib/carriers/client';
import { testConnection } from '../../../lib/carriers/clients';
import { dhlClient } from '../../../lib/carriers/dhl/api-client';
import { fedexClient } from '../../../lib/carriers/fedex/api-client';
import { createMemoryTokenCache } from '../../../lib/carriers/http';
import { upsClient } from '../../../lib/carriers/ups/api-client';
import { uspsClient } from '../../../lib/carriers/usps/api-client';
import { REJECTED_SECRET } from '../../support/carrier-server/faults-oauth';
import { seventeenTrackProvider } from '../../support/carrier-server/providers/17track';
import { dhlProvider } from '../../support/carrier-server/providers/dhl';
import { FEDEX_PROGRESSION, fedexProvider } from '../../support/carrier-server/providers/fedex';
import { ship24Provider } from '../../support/carrier-server/providers/ship24';
import { UPS_PROGRESSION, upsProvider } from '../../support/carrier-server/providers/ups';
import { USPS_PROGRESSION, uspsProvider } from '../../support/carrier-server/providers/usps';
import { type CarrierServer, startCarrierServer } from '../../support/carrier-server/server';
import { EN } from '../../support/i18n';

const STEP_MS = 3_600_000;
const ups = upsProvider({ stepMs: STEP_MS });
const usps = uspsProvider({ stepMs: STEP_MS });
const fedex = fedexProvider({ stepMs: STEP_MS });
const seventeen = seventeenTrackProvider({ quota: 5 });
let server: CarrierServer;

beforeAll(async () => {
  server = await startCarrierServer({ quiet: true, providers: [ups, usps, fedex, dhlProvider(), seventeen, ship24Provider()] });
});
afterAll(async () => {
  await server.close();
});
afterEach(() => {
  server.reset();
});

function ctx(extra: Partial<ClientContext> = {}): ClientContext {
  return { fetch, now: () => Date.now(), baseUrl: server.url, tokens: createMemoryTokenCache(), ...extra };
}

function ok(out: TrackOutcome): TrackResult[] {
  if (!out.ok) throw new Error(`${out.error.kind}: ${out.error.message}`);
  return out.results;
}

interface Case {
  client: CarrierClient;
  credentials: Credentials;
  oauth: boolean;
  known: string;
  status: string;
  unknown: string;
}

const OAUTH = { clientId: 'porchlight-test', clientSecret: 'right-secret' };
const KEY = { apiKey: 'test-key' };

const CASES: Case[] = [
  { client: upsClient, credentials: OAUTH, oauth: true, known: '1ZOUTFORDELIVERY01', status: 'out_for_delivery', unknown: '1ZUNKNOWN000000001' },
  { client: uspsClient, credentials: OAUTH, oauth: true, known: '9400111899223197428490', status: 'delivered', unknown: '9400100000000000000000' },
  { client: fedexClient, credentials: OAUTH, oauth: true, known: '794842105872', status: 'out_for_delivery', unknown: '999999999999' },
  { client: dhlClient, credentials: KEY, oauth: false, known: '00340434161094042559', status: 'delivered', unknown: '00340434161094099999' },
  { client: seventeenTrackClient, credentials: KEY, oauth: false, known: 'RR123456789CN', status: 'in_transit', unknown: 'RR999999999CN' },
  { client: ship24Client, credentials: KEY, oauth: false, known: 'S24OUTFORDELIVERY', status: 'out_for_delivery', unknown: 'S24UNKNOWN0000001' },
];

describe.each(CASES)('$client.id against the local server', (c) => {
  const provider = c.client.id;

  it('tracks a known number', async () => {
    const [r] = ok(await c.client.track([c.known], c.credentials, ctx()));
    expect(r!.trackingNumber).toBe(c.known);
    expect(r!.status).toBe(c.status);
    expect(r!.error ?? null).toBeNull();
    expect(r!.events.length).toBeGreaterThan(0);
  });

  it('an unknown number is a per-number not_found; the not_found fault too', async () => {
    const [a] = ok(await c.client.track([c.unknown], c.credentials, ctx()));
    expect(a!.trackingNumber).toBe(c.unknown);
    expect(a!.error?.kind).toBe('not_found');
    server.addFault({ provider, mode: 'not_found', times: 10 });
    const [b] = ok(await c.client.track([c.known], c.credentials, ctx()));
    expect(b!.error?.kind).toBe('not_found');
    expect(b!.status).toBeNull();
  });

  it('401 (bad credentials) is auth', async () => {
    const bad: Credentials = c.oauth ? { ...c.credentials, clientSecret: REJECTED_SECRET } : { apiKey: REJECTED_SECRET };
    const out = await c.client.track([c.known], bad, ctx());
    expect(out.ok).toBe(false);
    if (!out.ok) expect(out.error.kind).toBe('auth');
    // The generic 401 fault on every request, too.
    server.addFault({ provider, mode: 'auth', times: 10 });
    const again = await c.client.track([c.known], c.credentials, ctx());
    expect(again.ok ? 'ok' : again.error.kind).toBe('auth');
  });

  it('429 is rate_limited and honours Retry-After', async () => {
    const context = ctx();
    if (c.oauth) ok(await c.client.track([c.known], c.credentials, context)); // token cached first
    server.addFault({ provider, mode: 'rate_limited', retryAfterSeconds: 42 });
    const out = await c.client.track([c.known], c.credentials, context);
    expect(out.ok).toBe(false);
    if (!out.ok) {
      expect(out.error.kind).toBe('rate_limited');
      expect(out.error.retryAfterMs).toBe(42_000);
      expect(out.error.httpStatus).toBe(429);
    }
  });

  it('500 is server', async () => {
    const context = ctx();
    if (c.oauth) ok(await c.client.track([c.known], c.credentials, context));
    server.addFault({ provider, mode: 'server' });
    const out = await c.client.track([c.known], c.credentials, context);
    expect(out.ok ? 'ok' : out.error.kind).toBe('server');
  });

  it('no answer is a timeout', async () => {
    const context = ctx();
    if (c.oauth) ok(await c.client.track([c.known], c.credentials, context));
    server.addFault({ provider, mode: 'timeout' });
    const out = await c.client.track([c.known], c.credentials, { ...context, signal: AbortSignal.timeout(400) });
    expect(out.ok ? 'ok' : out.error.kind).toBe('timeout');
  });

  it('a slow answer within the time limit still counts; beyond it, timeout', async () => {
    const context = ctx();
    if (c.oauth) ok(await c.client.track([c.known], c.credentials, context));
    server.addFault({ provider, mode: 'slow', delayMs: 150 });
    const t0 = Date.now();
    const [r] = ok(await c.client.track([c.known], c.credentials, context));
    expect(Date.now() - t0).toBeGreaterThanOrEqual(140);
    expect(r!.status).toBe(c.status);
    server.addFault({ provider, mode: 'slow', delayMs: 1500 });
    const late = await c.client.track([c.known], c.credentials, { ...context, signal: AbortSignal.timeout(300) });
    expect(late.ok ? 'ok' : late.error.kind).toBe('timeout');
  });

  it('broken JSON and an HTML page are malformed', async () => {
    const context = ctx();
    if (c.oauth) ok(await c.client.track([c.known], c.credentials, context));
    server.addFault({ provider, mode: 'malformed' });
    const a = await c.client.track([c.known], c.credentials, context);
    expect(a.ok ? 'ok' : a.error.kind).toBe('malformed');
    server.addFault({ provider, mode: 'html' });
    const b = await c.client.track([c.known], c.credentials, context);
    expect(b.ok ? 'ok' : b.error.kind).toBe('malformed');
    if (!b.ok) expect(b.error.message).toContain('HTML');
  });

  it('options-page test connection: accepted and refused', async () => {
    const id = c.client.id as Parameters<typeof testConnection>[0];
    expect((await testConnection(id, c.credentials, ctx(), EN.t)).ok).toBe(true);
    const bad: Credentials = c.oauth ? { ...c.credentials, clientSecret: REJECTED_SECRET } : { apiKey: REJECTED_SECRET };
    const refused = await testConnection(id, bad, ctx(), EN.t);
    expect(refused.ok).toBe(false);
    expect(refused.message).toContain('refused');
  });

  it('test connection with a changed secret or key asks again: a token got with the right one is not used for a wrong one', async () => {
    const id = c.client.id as Parameters<typeof testConnection>[0];
    // One context, as the options page keeps one: the right secret first, then only the secret changed.
    const shared = ctx();
    expect((await testConnection(id, c.credentials, shared, EN.t)).ok).toBe(true);
    const bad: Credentials = c.oauth ? { ...c.credentials, clientSecret: REJECTED_SECRET } : { apiKey: REJECTED_SECRET };
    const refused = await testConnection(id, bad, shared, EN.t);
    expect(refused.ok).toBe(false);
    expect(refused.error?.kind).toBe('auth');
  });
});

describe('OAuth tokens', () => {
  it('are cached until expiry: two UPS calls, one token', async () => {
    const context = ctx();
    const before = ups.tokens.issued;
    ok(await upsClient.track(['1ZLABEL00000000001'], OAUTH, context));
    ok(await upsClient.track(['1ZTRANSIT000000001'], OAUTH, context));
    expect(ups.tokens.issued - before).toBe(1);
    expect(server.requests.filter((r) => r.path === '/security/v1/oauth/token')).toHaveLength(1);
  });

  it('are refreshed once on a 401 (token expired on the server) and the call succeeds', async () => {
    const context = ctx();
    ok(await fedexClient.track(['794842105870'], OAUTH, context));
    fedex.tokens.revokeAll();
    const before = fedex.tokens.issued;
    const [r] = ok(await fedexClient.track(['794842105874'], OAUTH, context));
    expect(r!.status).toBe('delivered');
    expect(fedex.tokens.issued - before).toBe(1);
    const paths = server.requests.map((q) => `${q.status} ${q.path}`);
    expect(paths).toEqual(['200 /oauth/token', '200 /track/v1/trackingnumbers', '401 /track/v1/trackingnumbers', '200 /oauth/token', '200 /track/v1/trackingnumbers']);
  });

  it('a 401 on the retried call too is auth, with exactly one refresh', async () => {
    const context = ctx();
    ok(await uspsClient.track(['9400111899223197428490'], OAUTH, context));
    server.reset();
    server.addFault({ provider: 'usps', mode: 'auth', times: 1 });
    usps.tokens.revokeAll();
    // The cached token gets a 401 (the fault): one refresh, and the retried call succeeds.
    ok(await uspsClient.track(['9400111899223197428490'], OAUTH, context));
    expect(server.requests.filter((q) => q.path === '/oauth2/v3/token')).toHaveLength(1);
    server.reset();
    server.addFault({ provider: 'usps', mode: 'auth', times: 3 });
    const out = await uspsClient.track(['9400111899223197428490'], OAUTH, context);
    expect(out.ok ? 'ok' : out.error.kind).toBe('auth');
    expect(server.requests.map((q) => q.path)).toEqual(['/tracking/v3r2/tracking', '/oauth2/v3/token']);
  });

  it('expire with the server clock: a token past its lifetime is refreshed', async () => {
    const context = ctx();
    ok(await upsClient.track(['1ZLABEL00000000001'], OAUTH, context));
    server.advance(15_000 * 1000); // UPS tokens live 14,399 s
    const before = ups.tokens.issued;
    ok(await upsClient.track(['1ZLABEL00000000001'], OAUTH, context));
    expect(ups.tokens.issued - before).toBe(1);
    server.advance(-15_000 * 1000);
  });
});

describe('batching', () => {
  it('USPS 3.2: 36 numbers in two POSTs (35 + 1); unknown ones are per-number 404s in a 207', async () => {
    const numbers = ['9405511899223197428491', '9405511899223197428492', ...Array.from({ length: 34 }, (_, i) => `94001000000000000000${String(i).padStart(2, '0')}`)];
    const results = ok(await uspsClient.track(numbers, OAUTH, ctx()));
    expect(results).toHaveLength(36);
    expect(server.requests.filter((q) => q.path === '/tracking/v3r2/tracking').map((q) => q.status)).toEqual([207, 404]);
    expect(results[0]!.status).toBe('in_transit');
    expect(results[1]!.status).toBe('out_for_delivery');
    expect(results.filter((r) => r.error?.kind === 'not_found')).toHaveLength(34);
  });

  it('USPS 3.0: one GET per number', async () => {
    const results = ok(await uspsClient.track(['9400111899223197428490', 'XXXXXXXXXXXXXXXXXXXX'], { ...OAUTH, api: 'v3' }, ctx()));
    expect(results.map((r) => r.status)).toEqual(['delivered', 'in_transit']);
    expect(server.requests.filter((q) => q.path.startsWith('/tracking/v3/tracking/'))).toHaveLength(2);
  });

  it('FedEx: 31 numbers in two requests (30 + 1)', async () => {
    const numbers = ['794842105870', ...Array.from({ length: 30 }, (_, i) => `7000000000${String(i).padStart(2, '0')}`)];
    const results = ok(await fedexClient.track(numbers, OAUTH, ctx()));
    expect(results).toHaveLength(31);
    expect(server.requests.filter((q) => q.path === '/track/v1/trackingnumbers')).toHaveLength(2);
    expect(results[0]!.status).toBe('info_received');
  });

  it('17TRACK: asks first (free), registers only unknown numbers (quota), asks again; 41 numbers in batches of 40', async () => {
    const fresh = ['RR000000001CN', 'RR000000002CN'];
    const known = Array.from({ length: 39 }, () => 'RR123456789CN').map((n, i) => (i === 0 ? n : `RR1${String(i).padStart(8, '0')}XX`));
    const quotaBefore = seventeen.quotaLeft();
    const results = ok(await seventeenTrackClient.track([...known, ...fresh], KEY, ctx()));
    expect(results).toHaveLength(41);
    expect(results.find((r) => r.trackingNumber === 'RR123456789CN')!.status).toBe('in_transit');
    const paths = server.requests.map((q) => q.path);
    // Batch 1 (40): ask, register 39 unknown, ask again for the ones registered; batch 2 (1): ask, register.
    expect(paths.filter((p) => p.endsWith('/gettrackinfo')).length).toBe(3);
    expect(paths.filter((p) => p.endsWith('/register')).length).toBe(2);
    // The server's quota runs out: numbers registered are "no data yet", the rest per-number `quota` errors.
    expect(quotaBefore).toBeGreaterThan(0);
    expect(seventeen.quotaLeft()).toBe(0);
    expect(results.filter((r) => r.error?.kind === 'quota')).toHaveLength(40 - quotaBefore);
    expect(results.filter((r) => r.error?.kind === 'not_found')).toHaveLength(quotaBefore);
  });

  it('UPS, DHL and Ship24: one request per number', async () => {
    ok(await upsClient.track(['1ZLABEL00000000001', '1ZTRANSIT000000001'], OAUTH, ctx()));
    ok(await dhlClient.track(['00340434161094042557', '1234567890'], KEY, ctx()));
    ok(await ship24Client.track(['S24INTRANSIT00001', 'S24RETURNED000001'], KEY, ctx()));
    const paths = server.requests.map((q) => q.path);
    expect(paths.filter((p) => p.startsWith('/api/track/v1/details/'))).toHaveLength(2);
    expect(paths.filter((p) => p === '/track/shipments')).toHaveLength(2);
    expect(paths.filter((p) => p === '/public/v1/trackers/track')).toHaveLength(2);
  });

  it('a call-level failure midway keeps the answers already in and marks the rest', async () => {
    server.addFault({ provider: 'dhl', mode: 'rate_limited', number: '1234567890', retryAfterSeconds: 5 });
    const results = ok(await dhlClient.track(['00340434161094042557', '1234567890', 'GM2951173225174494'], KEY, ctx()));
    expect(results.map((r) => [r.status, r.error?.kind ?? null])).toEqual([
      ['info_received', null],
      [null, 'rate_limited'],
      [null, 'rate_limited'],
    ]);
  });
});

describe('budgets enforced by the client layer', () => {
  it('DHL at 1 request/second: the second call in the same second is not sent', async () => {
    const now = Date.now();
    const context = ctx({ now: () => now });
    const first = await trackWithBudget(dhlClient, ['00340434161094042557'], KEY, context, {});
    expect(ok(first.outcome)[0]!.status).toBe('info_received');
    const second = await trackWithBudget(dhlClient, ['1234567890'], KEY, context, first.state);
    expect(second.outcome.ok).toBe(false);
    if (!second.outcome.ok) {
      expect(second.outcome.error.kind).toBe('rate_limited');
      expect(second.outcome.error.retryAfterMs).toBe(1000);
      expect(second.outcome.error.message).toBe('dhl: requests per second used up (1/1); not sent');
    }
    expect(server.requests.filter((q) => q.path === '/track/shipments')).toHaveLength(1);
  });
});

describe('scripted progressions (E2E and demo)', () => {
  it('UPS, FedEx and USPS numbers advance one step per stepMs of server time', async () => {
    const context = ctx();
    const statuses = async () => [
      ok(await upsClient.track([UPS_PROGRESSION], OAUTH, context))[0]!.status,
      ok(await fedexClient.track([FEDEX_PROGRESSION], OAUTH, context))[0]!.status,
      ok(await uspsClient.track([USPS_PROGRESSION], OAUTH, context))[0]!.status,
    ];
    expect(await statuses()).toEqual(['info_received', 'info_received', 'info_received']);
    server.advance(STEP_MS * 2);
    expect(await statuses()).toEqual(['out_for_delivery', 'out_for_delivery', 'out_for_delivery']);
    server.advance(STEP_MS);
    expect(await statuses()).toEqual(['delivered', 'delivered', 'delivered']);
    server.advance(-STEP_MS * 3);
  });
});
