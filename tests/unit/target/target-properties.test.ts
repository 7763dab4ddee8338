/** @vitest-environment-options { "settings": { "disableJavaScriptFileLoading": true, "disableJavaScriptEvaluation": true, "disableCSSFileLoading": true, "disableIframePageLoading": true, "handleDisabledFileLoadingAsSuccess": true } } */
/**
 * Properties of the Target reader (issue #15): whatever JSON the page's scripts hold, it never throws and never
 * gives a tracking number the project's number parser does not read, verified, as the carrier it names (or, on a
 * page without data, one a carrier's own link gives); descriptions never come out as markup they were not; and it
 * matches only the order pages of Target's own host.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { classify, matchFormats } from '../../../lib/carriers/registry';
import { decodeEntities } from '../../../lib/shops/target/order-history';
import { targetReader } from '../../../lib/shops/target/index';
import type { PageReading } from '../../../lib/shops/types';
import { history, pageWith, read } from './load-fixture';

const REAL = ['1Z2W9X610388274012', '92748901982174530682719068', '396204177856', '1LSCXLNA016893803'];
const mutated = fc.tuple(fc.constantFrom(...REAL), fc.nat(), fc.constantFrom(...'0123456789AZ -'.split(''))).map(([n, i, c]) => {
  const at = i % n.length;
  return i % 3 === 0 ? n.slice(0, at) + n.slice(at + 1) : n.slice(0, at) + c + n.slice(at + 1);
});
const numberText = fc.oneof(fc.constantFrom(...REAL), mutated, fc.string({ maxLength: 40 }), fc.stringMatching(/^[0-9A-Z ]{8,34}$/));

function checkData(r: PageReading): void {
  expect(r.diagnostics.filter((d) => d.code === 'reader-error')).toEqual([]);
  for (const o of r.orders) {
    expect(o.orderId).toMatch(/^\d{6,30}$/);
    for (const s of o.shipments) {
      if (s.trackingNumber === null) continue;
      expect(classify(s.trackingNumber)[0], s.trackingNumber).toMatchObject({ carrier: s.carrier, verified: true });
    }
  }
}

describe('the page’s data, whatever it holds', () => {
  it('random JSON in place of an order, a line, a status or the whole answer: never a throw, never a wrong number (600 pages)', () => {
    fc.assert(
      fc.property(fc.constantFrom('answer', 'order', 'lines', 'line', 'status'), fc.jsonValue({ maxDepth: 4 }), (where, value) => {
        const data = history() as Record<string, unknown> & { orders: Record<string, unknown>[] };
        const lines = data.orders[1]!['order_lines'] as { fulfillment_spec: Record<string, unknown> }[];
        if (where === 'answer') data['orders'] = value as Record<string, unknown>[];
        else if (where === 'order') data.orders[0] = value as Record<string, unknown>;
        else if (where === 'lines') data.orders[2]!['order_lines'] = value;
        else if (where === 'line') (lines as unknown[])[0] = value;
        else lines[1]!.fulfillment_spec['status'] = value;
        checkData(read(pageWith(data)));
      }),
      { numRuns: 600 },
    );
  });

  it('any text as a tracking number: kept only when the parser reads it, verified, as that carrier (1,000 numbers)', () => {
    fc.assert(
      fc.property(numberText, (n) => {
        const data = history();
        const line = (data.orders[1]!['order_lines'] as { fulfillment_spec: { status: Record<string, unknown> } }[])[0]!;
        line.fulfillment_spec.status['tracking_number'] = n;
        const r = read(pageWith(data));
        checkData(r);
        expect(r.orders.map((o) => o.orderId)).toEqual(['102002330130026', '102002417785341', '102002502214770', '102002598834102']);
      }),
      { numRuns: 1000 },
    );
  });

  it('a page without data gives numbers only from carriers’ own links, each one a format of that carrier (300 pages)', () => {
    const hrefs = fc.oneof(
      fc.constantFrom('https://www.ups.com/track?tracknum=', 'https://www.fedex.com/fedextrack/?trknbr=', 'https://tools.usps.com/go/TrackConfirmAction?tLabels=', 'https://www.target.com/help?q=', 'javascript:void(0)//'),
      fc.string({ maxLength: 20 }),
    );
    fc.assert(
      fc.property(fc.array(fc.tuple(hrefs, numberText), { maxLength: 5 }), fc.string({ maxLength: 80 }), (links, loose) => {
        const body = links.map(([h, n]) => `<a href="${(h + encodeURIComponent(n)).replace(/"/g, '&quot;')}">Track</a>`).join('') + `<p>${loose.replace(/[<&]/g, ' ')}</p>`;
        const r = read(`<html><body>${body}</body></html>`, 'https://www.target.com/orders/102002330130026');
        expect(r.diagnostics.map((d) => d.code)).toEqual(['target-structure-unknown']);
        for (const s of r.orders.flatMap((o) => o.shipments)) {
          expect(matchFormats(s.trackingNumber!).some((m) => m.carrier.id === s.carrier), `${s.trackingNumber} as ${s.carrier}`).toBe(true);
          expect(s.trackUrl).toMatch(/^https:\/\/(www\.ups\.com|www\.fedex\.com|tools\.usps\.com)\//);
        }
        // The list URL never makes an order from links.
        expect(read(`<html><body>${body}</body></html>`).orders).toEqual([]);
      }),
      { numRuns: 300 },
    );
  });
});

describe('descriptions', () => {
  it('decoding never adds a tag the text did not spell out: a "<" out is a "<" in or an entity for one (1,000 strings)', () => {
    const piece = fc.oneof(fc.string({ maxLength: 8 }), fc.constantFrom('&lt;', '&gt;', '&amp;', '&#60;', '&#x3c;', '&quot;', '&#39;', '&trade;', '&#8482;', '&bogus;', '&#99999999;'));
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 10 }), (parts) => {
        const s = parts.join('');
        const out = decodeEntities(s);
        const lt = (x: string) => x.split('<').length - 1;
        expect(lt(out)).toBe(lt(s) + (s.match(/&lt;|&#60;|&#x3c;/gi)?.length ?? 0));
      }),
      { numRuns: 1000 },
    );
  });
});

describe('matches', () => {
  const orderPaths = ['/orders', '/orders/', '/account/orders', '/orders/102002330130026'];
  const segment = fc.stringMatching(/^[a-z0-9-]{1,12}$/);

  it('any other path on Target is not an order page (500 URLs)', () => {
    fc.assert(
      fc.property(fc.constantFrom('www.target.com', 'target.com'), fc.array(segment, { maxLength: 4 }), (host, segs) => {
        const u = new URL(`https://${host}/${segs.join('/')}`);
        expect(targetReader.matches(u), u.href).toBe(orderPaths.includes(u.pathname));
      }),
      { numRuns: 500 },
    );
  });

  it('the order paths on any other host, or over http, are not matched (500 URLs)', () => {
    const lookalike = fc.oneof(fc.stringMatching(/^[a-z]{1,10}\.(com|net|example)$/), fc.constantFrom('target.com.example.org', 'mytarget.com', 'target.co', 'walmart.com', 'amazon.com'));
    fc.assert(
      fc.property(lookalike, fc.constantFrom(...orderPaths), (host, path) => {
        fc.pre(host !== 'target.com');
        expect(targetReader.matches(new URL(`https://${host}${path}`)), host).toBe(false);
      }),
      { numRuns: 500 },
    );
    for (const path of orderPaths) expect(targetReader.matches(new URL(`http://www.target.com${path}`))).toBe(false);
  });
});
