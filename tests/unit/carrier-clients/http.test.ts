import { describe, expect, it } from 'vitest';
import type { ClientContext } from '../../../lib/carriers/client';
import { credentialTarget, isLoopbackHost, resolveBase } from '../../../lib/carriers/credential-hosts';
import { dhlClient } from '../../../lib/carriers/dhl/api-client';
import {
  compactTime,
  createMemoryTokenCache,
  etaBound,
  isoTime,
  isoWithOffset,
  offsetMinutes,
  parseJsonText,
  parseRetryAfter,
  readTokenBody,
} from '../../../lib/carriers/http';
import { upsClient } from '../../../lib/carriers/ups/api-client';
import { fixture } from './helpers';

describe('http helpers', () => {
  it('Retry-After in seconds or as an HTTP date', () => {
    const now = Date.parse('2024-03-01T12:00:00Z');
    expect(parseRetryAfter('120', now)).toBe(120_000);
    expect(parseRetryAfter('Fri, 01 Mar 2024 12:00:30 GMT', now)).toBe(30_000);
    expect(parseRetryAfter('Fri, 01 Mar 2024 11:00:00 GMT', now)).toBe(0);
    expect(parseRetryAfter('soon', now)).toBeUndefined();
    expect(parseRetryAfter(null, now)).toBeUndefined();
  });

  it('times: offsets kept, zone-less local, USPS microseconds and space separator', () => {
    expect(isoTime('2024-04-04 14:03:12-07:00')).toEqual({ time: '2024-04-04T14:03:12-07:00', timeIsLocal: false });
    expect(isoTime('2024-04-04 14:03:12.041000+00:00')).toEqual({ time: '2024-04-04T14:03:12.041+00:00', timeIsLocal: false });
    expect(isoTime('2018-03-02T07:53:47')).toEqual({ time: '2018-03-02T07:53:47', timeIsLocal: true });
    expect(isoTime('2024-04-04')).toEqual({ time: '2024-04-04', timeIsLocal: true });
    expect(isoTime('2024-04-04T10:00+0200')).toEqual({ time: '2024-04-04T10:00:00+02:00', timeIsLocal: false });
    expect(isoTime('yesterday')).toBeNull();
    expect(offsetMinutes('-05:00')).toBe(-300);
    expect(offsetMinutes('-7:00')).toBe(-420);
    expect(offsetMinutes(-420)).toBe(-420);
    expect(offsetMinutes('+0530')).toBe(330);
    expect(isoWithOffset(Date.parse('2024-11-22T18:58:40Z'), -300)).toBe('2024-11-22T13:58:40-05:00');
    expect(compactTime('74700')).toBe('07:47:00');
    expect(compactTime('250000')).toBeNull();
    expect(etaBound('2024-08-15T00:00:00-06:00')).toBe('2024-08-15');
    expect(etaBound('2024-08-20T16:00:00-05:00')).toBe('2024-08-20T16:00:00-05:00');
    expect(etaBound('2021-10-01T08:00:00')).toBe('2021-10-01');
  });

  it('an HTML page or broken JSON is malformed, with a clear message', () => {
    const html = parseJsonText('UPS', '<!DOCTYPE html><html><body>502</body></html>', 200, 'text/html');
    expect(html).toEqual({ ok: false, error: { kind: 'malformed', message: 'UPS: received an HTML page instead of JSON', httpStatus: 200 } });
    const broken = parseJsonText('UPS', '{"trackResponse": {"shipment": [', 200, 'application/json');
    expect(broken.ok ? 'ok' : broken.error.message).toBe('UPS: body is not valid JSON');
    expect(parseJsonText('UPS', '  ', 200).ok).toBe(false);
  });

  it('token answers: string or number expires_in, cached with a safety margin', () => {
    const now = 1_000_000;
    const ups = readTokenBody('UPS', fixture('ups', 'token.json'), now);
    expect(ups).toEqual({ ok: true, token: { token: 'eyJraWQiOiJ0ZXN0LXRva2VuIn0.local-carrier-server.signature', expiresAt: now + 14_399_000 - 60_000 } });
    const fedex = readTokenBody('FedEx', fixture('fedex', 'token.json'), now);
    expect(fedex.ok && fedex.token.expiresAt).toBe(now + 3_599_000 - 60_000);
    expect(readTokenBody('FedEx', { token_type: 'bearer' }, now).ok).toBe(false);
    const cache = createMemoryTokenCache();
    cache.set('k', { token: 't', expiresAt: 5 });
    expect(cache.get('k')).toEqual({ token: 't', expiresAt: 5 });
    cache.delete('k');
    expect(cache.get('k')).toBeUndefined();
  });
});

describe('credentials only to their own host', () => {
  it('loopback detection', () => {
    expect(isLoopbackHost('127.0.0.1')).toBe(true);
    expect(isLoopbackHost('127.10.0.3')).toBe(true);
    expect(isLoopbackHost('[::1]')).toBe(true);
    expect(isLoopbackHost('localhost')).toBe(true);
    expect(isLoopbackHost('127.0.0.1.evil.example')).toBe(false);
    expect(isLoopbackHost('onlinetools.ups.com')).toBe(false);
  });

  it('own https hosts pass; other hosts, plain http to own hosts and non-loopback overrides do not', () => {
    const hosts = ['onlinetools.ups.com', 'wwwcie.ups.com'];
    expect(credentialTarget('UPS', new URL('https://onlinetools.ups.com/api/x'), hosts, undefined)).toBeNull();
    expect(credentialTarget('UPS', new URL('http://onlinetools.ups.com/api/x'), hosts, undefined)?.kind).toBe('network');
    expect(credentialTarget('UPS', new URL('https://apis.fedex.com/x'), hosts, undefined)?.kind).toBe('network');
    expect(credentialTarget('UPS', new URL('http://127.0.0.1:9/x'), hosts, 'http://127.0.0.1:9')).toBeNull();
    expect(credentialTarget('UPS', new URL('http://127.0.0.1:10/x'), hosts, 'http://127.0.0.1:9')?.kind).toBe('network');
    expect(resolveBase('UPS', 'https://onlinetools.ups.com', 'https://collector.example')).toEqual({
      ok: false,
      error: { kind: 'network', message: 'UPS: refusing to send credentials to collector.example: a base URL override must be loopback' },
    });
  });

  function recordingFetch(calls: string[]): typeof fetch {
    return (async (input: RequestInfo | URL, init?: RequestInit) => {
      calls.push(`${String(input)} redirect=${init?.redirect}`);
      return new Response(JSON.stringify({ title: 'No result found', status: 404 }), { status: 404 });
    }) as typeof fetch;
  }

  it('a client given a foreign base URL sends nothing; by default it goes to its own host only, without redirects', async () => {
    const calls: string[] = [];
    const base: ClientContext = { fetch: recordingFetch(calls), now: () => 0 };
    const refused = await upsClient.track(['1Z999AA10123456784'], { clientId: 'id', clientSecret: 'secret' }, { ...base, baseUrl: 'https://collector.example' });
    expect(refused.ok ? 'ok' : refused.error.kind).toBe('network');
    expect(calls).toEqual([]);
    const out = await dhlClient.track(['00340434161094099999'], { apiKey: 'k' }, base);
    expect(out.ok && out.results[0]!.error?.kind).toBe('not_found');
    expect(calls).toEqual(['https://api-eu.dhl.com/track/shipments?trackingNumber=00340434161094099999 redirect=error']);
  });

  it('missing credentials are an auth error naming the field, never its value', async () => {
    const out = await upsClient.track(['1Z999AA10123456784'], { clientId: 'id' }, { fetch, now: () => 0 });
    expect(out).toEqual({ ok: false, error: { kind: 'auth', message: 'UPS: missing clientSecret' } });
  });
});
