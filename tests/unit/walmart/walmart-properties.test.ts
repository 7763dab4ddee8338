/** @vitest-environment-options { "settings": { "disableJavaScriptFileLoading": true, "disableJavaScriptEvaluation": true, "disableCSSFileLoading": true, "disableIframePageLoading": true, "handleDisabledFileLoadingAsSuccess": true } } */
/**
 * Properties of the Walmart reader (issue #15): whatever JSON sits under the data keys, it never throws and never
 * gives a tracking number the project's number parser does not read, verified, as the carrier it names; and it
 * matches only the order pages of Walmart's own hosts.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { classify } from '../../../lib/carriers/registry';
import type { PageReading } from '../../../lib/shops/types';
import { walmartReader } from '../../../lib/shops/walmart/index';
import { nextData, pageWith, read } from './load-fixture';

const REAL = ['771402836190', '1Z7A31E60367291849', '1Z0F58R40344182305', '583017429657', '92748901982174530682719068', '1LSCXLNA016893803'];
// Real numbers with one character changed or dropped, or plain junk.
const mutated = fc.tuple(fc.constantFrom(...REAL), fc.nat(), fc.constantFrom(...'0123456789AZ -'.split(''))).map(([n, i, c]) => {
  const at = i % n.length;
  return i % 3 === 0 ? n.slice(0, at) + n.slice(at + 1) : n.slice(0, at) + c + n.slice(at + 1);
});
const numberText = fc.oneof(fc.constantFrom(...REAL), mutated, fc.string({ maxLength: 40 }), fc.stringMatching(/^[0-9A-Z ]{8,34}$/));

function checkNumbers(r: PageReading): void {
  expect(r.diagnostics.filter((d) => d.code === 'reader-error')).toEqual([]);
  for (const o of r.orders) {
    expect(o.orderId.length).toBeGreaterThan(0);
    for (const s of o.shipments) {
      if (s.trackingNumber === null) {
        expect(s.carrier).toBeNull();
        continue;
      }
      const best = classify(s.trackingNumber)[0];
      expect(best, s.trackingNumber).toMatchObject({ carrier: s.carrier, verified: true });
    }
  }
}

describe('the embedded data, whatever it holds', () => {
  type Data = { props: { pageProps: { phRedesignInitialData: { data: { purchaseHistory: { orders: Record<string, unknown>[] } } } } } };
  const base = () => nextData('order-list--next-data.html') as Data;

  it('random JSON in place of the purchase history, an order or a group: never a throw, never a wrong number (600 pages)', () => {
    fc.assert(
      fc.property(fc.constantFrom('history', 'order', 'group', 'shipment', 'groups'), fc.jsonValue({ maxDepth: 4 }), (where, value) => {
        const data = base();
        const history = data.props.pageProps.phRedesignInitialData.data as Record<string, unknown>;
        const order = data.props.pageProps.phRedesignInitialData.data.purchaseHistory.orders[0]!;
        const group = (order['groups'] as Record<string, unknown>[])[0]!;
        if (where === 'history') history['purchaseHistory'] = value;
        else if (where === 'order') data.props.pageProps.phRedesignInitialData.data.purchaseHistory.orders[1] = value as Record<string, unknown>;
        else if (where === 'groups') order['groups'] = value;
        else if (where === 'group') (order['groups'] as unknown[])[1] = value;
        else group['shipment'] = value;
        checkNumbers(read(pageWith(data)));
      }),
      { numRuns: 600 },
    );
  });

  it('any text as a tracking number (one changed character, junk, near misses): kept only when the parser reads it, verified, as that carrier (1,000 numbers)', () => {
    fc.assert(
      fc.property(numberText, numberText, (n1, n2) => {
        const data = base();
        const group = (data.props.pageProps.phRedesignInitialData.data.purchaseHistory.orders[0]!['groups'] as { shipment: Record<string, unknown> }[])[0]!;
        group.shipment['trackingNumber'] = n1;
        group.shipment['multiPackageDetails'] = [{ trackingNumber: n2 }];
        const r = read(pageWith(data));
        checkNumbers(r);
        // The rest of the page does not depend on the numbers.
        expect(r.orders.map((o) => o.orderId)).toEqual(['200014653079776', '200021934407158', '200018826500913']);
      }),
      { numRuns: 1000 },
    );
  });
});

describe('matches', () => {
  const hosts = ['www.walmart.com', 'walmart.com', 'www.walmart.ca', 'grocery.walmart.com'];
  const orderPaths = ['/orders', '/orders/', '/account/orders', '/purchase-history', '/orders/200014653079776', '/orders/2000146-53079776'];
  const segment = fc.stringMatching(/^[a-z0-9-]{1,12}$/);

  it('any other path on Walmart is not an order page (500 URLs)', () => {
    fc.assert(
      fc.property(fc.constantFrom(...hosts), fc.array(segment, { minLength: 0, maxLength: 4 }), (host, segs) => {
        const path = `/${segs.join('/')}`;
        const u = new URL(`https://${host}${path}`);
        expect(walmartReader.matches(u), u.href).toBe(orderPaths.includes(u.pathname));
      }),
      { numRuns: 500 },
    );
  });

  it('the order paths on any host that is not Walmart’s, or over http, are not matched (500 URLs)', () => {
    const lookalike = fc.oneof(
      fc.stringMatching(/^[a-z]{1,10}\.(com|net|example)$/),
      fc.constantFrom('walmart.com.example.net', 'notwalmart.com', 'walmart.co', 'walmart-ca.com', 'target.com', 'amazon.com'),
    );
    fc.assert(
      fc.property(lookalike, fc.constantFrom(...orderPaths), (host, path) => {
        fc.pre(host !== 'walmart.com');
        expect(walmartReader.matches(new URL(`https://${host}${path}`)), host).toBe(false);
      }),
      { numRuns: 500 },
    );
    for (const path of orderPaths) expect(walmartReader.matches(new URL(`http://www.walmart.com${path}`))).toBe(false);
  });
});
