/**
 * The Etsy reader (issue #15): the evidence is weak, so a receipt gives only the carriers' links it holds and always
 * a diagnostic (tests/fixtures/etsy); properties: whatever links a receipt holds, a number comes out only when its
 * carrier's check holds, and no other path on Etsy's hosts is matched.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { matchFormats } from '../../../lib/carriers/registry';
import { etsyReader } from '../../../lib/shops/etsy/index';
import { loadShopDoc, pathsNear, readAs, readShopFixture } from '../../support/shop-fixture';

const RECEIPT = 'https://www.etsy.com/your/purchases/2718281828';
const NOW = '2026-09-05T15:00:00Z';

describe('Etsy pages', () => {
  it('a receipt with a USPS link: the receipt as the order, the parcel from the link (not the shop\'s link), and a diagnostic', () => {
    const r = readShopFixture('etsy', 'receipt--usps-link.html', RECEIPT, NOW);
    expect(r.orders).toEqual([
      {
        orderId: '2718281828',
        placedAt: null,
        total: null,
        status: 'unknown',
        kind: 'physical',
        orderUrl: RECEIPT,
        items: [],
        shipments: [
          {
            shipmentId: null,
            trackingNumber: '9400111899223197428497',
            carrier: 'usps',
            trackUrl: 'https://tools.usps.com/go/TrackConfirmAction_input?qtc_tLabels1=9400111899223197428497',
            statusText: null,
            status: null,
            eta: null,
            deliveredAt: null,
            items: [],
          },
        ],
      },
    ]);
    expect(r.diagnostics).toEqual([{ code: 'thin-structure', message: "An Etsy receipt: its structure is not known, so only the carriers' tracking links were read", pageKind: 'order-details', found: 1 }]);
  });

  it('layout changed (the link on Etsy\'s own page, the number as text): a diagnostic, no order, no number', () => {
    const r = readShopFixture('etsy', 'receipt--layout-changed.html', RECEIPT, NOW);
    expect(r.orders).toEqual([]);
    expect(r.diagnostics).toEqual([{ code: 'thin-structure', message: 'An Etsy receipt without carrier tracking links: nothing read', pageKind: 'order-details', found: 0 }]);
  });

  it('the purchases list: recognised, nothing read, a diagnostic', () => {
    const r = readAs('etsy', loadShopDoc('etsy', 'receipt--usps-link.html'), 'https://www.etsy.com/your/purchases', NOW);
    expect([r.kind, r.orders, r.diagnostics.map((d) => d.code)]).toEqual(['order-history', [], ['thin-structure']]);
  });
});

describe('properties', () => {
  const REAL = ['9400111899223197428497', '1Z879E930346834440', '790535312317', 'RB123456785CN'];
  const mutated = fc.tuple(fc.constantFrom(...REAL), fc.nat(), fc.constantFrom(...'0123456789AZ'.split(''))).map(([n, i, c]) => {
    const at = i % n.length;
    return i % 3 === 0 ? n.slice(0, at) + n.slice(at + 1) : n.slice(0, at) + c + n.slice(at + 1);
  });
  const number = fc.oneof(fc.constantFrom(...REAL), mutated, fc.string({ maxLength: 30 }));
  const base = fc.constantFrom('https://tools.usps.com/go/TrackConfirmAction?tLabels=', 'https://www.ups.com/track?tracknum=', 'https://www.fedex.com/fedextrack/?trknbr=', 'https://www.etsy.com/your/purchases/2718281828/', 'https://evil.example/?url=https%3A%2F%2Fwww.ups.com%2Ftrack%3Ftracknum%3D');

  it("random carrier links never yield a number its carrier's check refuses (800 receipts)", () => {
    const d = loadShopDoc('etsy', 'receipt--usps-link.html');
    const a = d.querySelector('a.wt-btn')!;
    fc.assert(
      fc.property(base, number, (b, n) => {
        a.setAttribute('href', b + encodeURIComponent(n));
        const r = readAs('etsy', d, RECEIPT, NOW);
        for (const s of r.orders.flatMap((o) => o.shipments)) {
          expect(matchFormats(s.trackingNumber!).some((m) => m.carrier.id === s.carrier && m.verified), `${s.trackingNumber} as ${s.carrier}`).toBe(true);
        }
        expect(r.diagnostics.map((x) => x.code)).toEqual(['thin-structure']);
      }),
      { numRuns: 800 },
    );
  });

  it("no other path on Etsy's hosts is matched: near misses of its own paths included (800 URLs)", () => {
    fc.assert(
      fc.property(fc.constantFrom('www.etsy.com', 'etsy.com'), pathsNear(['/your/purchases', '/your/purchases/2718281828']), (host, path) => {
        const u = new URL(`https://${host}${path}`);
        expect(etsyReader.matches(u), path).toBe(/^\/your\/purchases(?:\/\d{6,14})?$/.test(u.pathname.toLowerCase().replace(/\/+$/, '')));
      }),
      { numRuns: 800 },
    );
  });
});
