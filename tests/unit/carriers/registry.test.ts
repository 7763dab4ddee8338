import { describe, expect, it } from 'vitest';
import {
  CARRIERS,
  classify,
  DEFAULT_CONFIDENCE_THRESHOLD,
  getCarrier,
  matchFormats,
  normaliseNumber,
  trackingUrl,
} from '../../../lib/carriers/registry';

const CARRIER_ID = /^[a-z][a-z0-9]*(_[a-z0-9]+)*$/;

/**
 * True when the registry declares that formats `a` and `b` (`carrier:format`) may accept the same
 * number: a format's `overlaps` lists `carrier:format` or `carrier` patterns, `*` a wildcard. Only
 * this test reads `overlaps` (the extension keeps every candidate, best first), so the check lives here.
 */
function isOverlapDeclared(a: string, b: string): boolean {
  return declares(a, b) || declares(b, a);
}

function declares(owner: string, other: string): boolean {
  const [carrierId, formatId] = owner.split(':');
  const format = getCarrier(carrierId!)?.formats.find((f) => f.id === formatId);
  if (!format?.overlaps) return false;
  return format.overlaps.some((p) => globMatch(p.includes(':') ? p : `${p}:*`, other));
}

function globMatch(pattern: string, value: string): boolean {
  return new RegExp(`^${pattern.split('*').map((s) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('.*')}$`).test(value);
}

describe('carrier registry', () => {
  it('has unique lower-snake-case carrier ids and unique format ids', () => {
    const ids = CARRIERS.map((c) => c.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(id).toMatch(CARRIER_ID);
    const formats = CARRIERS.flatMap((c) => c.formats.map((f) => f.id));
    expect(new Set(formats).size).toBe(formats.length);
  });

  it('covers the carriers of the foundation contract', () => {
    for (const id of [
      'ups', 'usps', 'fedex', 'dhl', 'amazon', 'ontrac', 'lasership', 'canada_post', 'purolator', 'canpar', 'dpd',
      'yodel', 'landmark', 'old_dominion', 'speedee', 'gofo', 'yunexpress', 'royal_mail', 'china_post', 'evri', 'gls',
      'dpd_uk', 'deutsche_post', 'la_poste', 'poste_italiane', 'correos', 'postnl', 'australia_post', 'japan_post', 'demo',
    ]) {
      expect(getCarrier(id)?.id, id).toBe(id);
    }
  });

  for (const carrier of CARRIERS) {
    describe(carrier.id, () => {
      for (const format of carrier.formats) {
        it(`${format.id}: accepts its valid examples, verified, and no undeclared carrier claims them`, () => {
          expect(format.examples.valid.length).toBeGreaterThan(0);
          for (const example of format.examples.valid) {
            const n = normaliseNumber(example);
            expect(format.lengths, example).toContain(n.length);
            const own = matchFormats(n).find((m) => m.format.id === format.id);
            expect(own?.verified, `${example} for ${format.id}`).toBe(true);
            const others = classify(example).filter((c) => c.carrier !== carrier.id);
            for (const o of others) {
              expect(isOverlapDeclared(`${carrier.id}:${format.id}`, `${o.carrier}:${o.format}`), `${example}: ${o.carrier}:${o.format}`).toBe(true);
            }
          }
        });
        it(`${format.id}: rejects its invalid examples`, () => {
          expect(format.examples.invalid.length).toBeGreaterThan(0);
          for (const example of format.examples.invalid) {
            const own = matchFormats(normaliseNumber(example)).find((m) => m.format.id === format.id);
            expect(own?.verified ?? false, `${example} for ${format.id}`).toBe(false);
          }
        });
      }
      it('builds a tracking URL on its own site', () => {
        const url = carrier.trackingUrl('ABC123');
        expect(url).toMatch(/^https:\/\//);
        if (carrier.id !== 'upu') expect(url).toContain('ABC123');
      });
    });
  }
});

describe('classify', () => {
  it('UPS 1Z is near-certain with its service', () => {
    expect(classify('1Z879E930346834440')).toEqual([
      { carrier: 'ups', service: 'UPS Ground', format: 'ups_1z', confidence: 0.95, verified: true, trackingNumber: '1Z879E930346834440' },
    ]);
    expect(classify('1z 8v9 2a7 0367203024')[0]).toMatchObject({ carrier: 'ups', format: 'ups_1z' });
    expect(classify('1ZXX3150YW44070023')[0]!.service).toBe('UPS SurePost');
  });
  it('a bare 12-digit FedEx number is weak: below the default threshold', () => {
    const [best] = classify('986578788855');
    expect(best).toMatchObject({ carrier: 'fedex', format: 'fedex_12', verified: true });
    expect(best!.confidence).toBeLessThan(DEFAULT_CONFIDENCE_THRESHOLD);
  });
  it('a failed check digit is no candidate, unless the context names the carrier', () => {
    expect(classify('1Z2345YY0678901234')).toEqual([]);
    expect(classify('1Z2345YY0678901234', { carrierHints: ['ups'], allowUnverified: true })).toEqual([
      { carrier: 'ups', service: 'UPS', format: 'ups_1z', confidence: 0.55, verified: false, trackingNumber: '1Z2345YY0678901234' },
    ]);
  });
  it('maps S10 numbers to the postal operator of the country', () => {
    expect(classify('RB123456785GB')[0]).toMatchObject({ carrier: 'royal_mail', service: 'Registered mail' });
    expect(classify('EE123456785CN')[0]).toMatchObject({ carrier: 'china_post', service: 'EMS' });
    expect(classify('RB123456785US')[0]).toMatchObject({ carrier: 'usps', format: 'usps_s10' });
    expect(classify('RB123456785DE')[0]!.carrier).toBe('deutsche_post');
    expect(classify('RB123456785CV')[0]!.carrier).toBe('upu');
    expect(classify('RB123456785XX')).toEqual([]);
  });
  it('Amazon Logistics numbers belong to amazon', () => {
    expect(classify('TBA000000000000')[0]).toMatchObject({ carrier: 'amazon', format: 'amazon_logistics', confidence: 0.9 });
  });
  it('USPS IMpb with a 420 ZIP prefix tracks the number without the routing prefix', () => {
    expect(classify('420 11213 92 6129098349792366623 8')[0]).toMatchObject({
      carrier: 'usps',
      trackingNumber: '9261290983497923666238',
    });
  });
  it('the demo carrier', () => {
    expect(classify('PLDEMO12345670')).toEqual([
      { carrier: 'demo', service: 'Demo parcel', format: 'demo', confidence: 0.95, verified: true, trackingNumber: 'PLDEMO12345670' },
    ]);
    expect(classify('PLDEMO12345671')).toEqual([]);
    expect(trackingUrl('demo', 'pldemo 1234 5670')).toBe('https://track.demo-carrier.test/?n=PLDEMO12345670');
  });
  it('context-only formats need their carrier named', () => {
    expect(classify('90346692444').some((c) => c.carrier === 'gls')).toBe(false);
    expect(classify('90346692444', { carrierHints: ['gls'] })[0]).toMatchObject({ carrier: 'gls', confidence: 0.4 });
  });
  it('bad input gives no candidates and never throws', () => {
    expect(classify('')).toEqual([]);
    expect(classify('x'.repeat(1_000_000))).toEqual([]);
    expect(classify('\u0000\u0001\uffff')).toEqual([]);
    expect(classify(undefined as unknown as string)).toEqual([]);
    expect(trackingUrl('nope', '1')).toBeNull();
  });
});
