import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { inspectCarrier } from '../../../scripts/inspect/carrier';
import { fixtureText } from './helpers';

const DIRS = ['ups', 'usps', 'fedex', 'dhl', '17track', 'ship24'];
const EVENT_KEYS = ['code', 'description', 'location', 'status', 'time', 'timeIsLocal'];

describe('inspect carrier', () => {
  it.each(DIRS)('%s: every fixture gives the contract shape, never a throw', (dir) => {
    const files = readdirSync(join(__dirname, '..', '..', 'fixtures', dir)).filter((f) => f.endsWith('.json') && f !== 'token.json');
    expect(files.length).toBeGreaterThan(5);
    for (const f of files) {
      const out = inspectCarrier(dir, fixtureText(dir, f));
      expect(Object.keys(out).sort()).toEqual(['error', 'results']);
      expect(out.results.length > 0 || out.error !== null || f.startsWith('register--accepted'), f).toBe(true);
      for (const r of out.results) {
        expect(Object.keys(r).sort()).toEqual(['eta', 'events', 'status', 'trackingNumber']);
        for (const e of r.events) expect(Object.keys(e).sort()).toEqual(EVENT_KEYS);
      }
      if (f.startsWith('error--')) expect(out.error?.kind, f).toMatch(/^(auth|not_found|invalid_number|rate_limited|server|malformed)$/);
    }
  });

  it('maps the error kinds of the contract', () => {
    expect(inspectCarrier('ups', fixtureText('ups', 'error--invalid-number.json')).error).toEqual({ kind: 'invalid_number', message: 'UPS: TV1002 Invalid inquiry number' });
    expect(inspectCarrier('17track', fixtureText('17track', 'error--quota-exhausted.json')).error?.kind).toBe('rate_limited');
    expect(inspectCarrier('dhl', '{"shipments": [', 200).error).toEqual({ kind: 'malformed', message: 'dhl: body is not valid JSON' });
    expect(inspectCarrier('usps', '<!doctype html><title>502</title>').error?.kind).toBe('malformed');
    expect(() => inspectCarrier('acme', '{}')).toThrow('unknown carrier "acme"');
  });

  it('keeps partial results and reports the per-number failure only when nothing has data', () => {
    const out = inspectCarrier('fedex', fixtureText('fedex', 'track--picked-up-doc-example.json'));
    expect(out.results.map((r) => [r.trackingNumber, r.status])).toEqual([['123456789012', 'in_transit']]);
    expect(out.error).toBeNull();
  });

  it('demo carrier bodies go through the demo parser', () => {
    const body = JSON.stringify({
      shipments: [{ trackingNumber: 'PLDEMO10000010', found: true, status: 'OFD', events: [{ at: '2026-11-23T10:00:00-06:00', code: 'OFD', text: 'Out for delivery', location: 'Springfield, IL, US' }] }],
    });
    const out = inspectCarrier('demo', body);
    expect(out.results[0]!.status).toBe('out_for_delivery');
    expect(out.results[0]!.events[0]).toEqual({
      time: '2026-11-23T10:00:00-06:00',
      timeIsLocal: false,
      status: 'out_for_delivery',
      code: 'OFD',
      description: 'Out for delivery',
      location: 'Springfield, IL, US',
    });
  });
});
