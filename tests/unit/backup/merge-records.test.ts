import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { mergeAlert, mergeEvent, mergeOrder, mergePackage } from '../../../lib/backup/merge-records';
import type { Alert, Order } from '../../../lib/model/types';
import { DAY, makePackage, parsed, stored, T0 } from '../engine/package-factory';

const order = (over: Partial<Order> = {}): Order => ({
  key: 'amazon:113-1',
  shop: 'amazon',
  orderId: '113-1',
  placedAt: '2024-03-01',
  items: [{ title: 'Lamp', quantity: 1, seller: null, url: null }],
  total: '$5.00',
  status: 'open',
  kind: 'physical',
  pageUrl: 'https://www.amazon.com/gp/css/order-history',
  orderUrl: null,
  firstSeenAt: T0,
  updatedAt: T0,
  ...over,
});

describe('newer data wins per field (issue #12 import)', () => {
  it('orders: the later-updated row wins, its empty fields keep the other value', () => {
    const mine = order({ status: 'open', orderUrl: 'https://www.amazon.com/x', updatedAt: T0 });
    const backup = order({ status: 'delivered', orderUrl: null, updatedAt: T0 + DAY });
    expect(mergeOrder(mine, backup)).toMatchObject({ status: 'delivered', orderUrl: 'https://www.amazon.com/x', updatedAt: T0 + DAY });
    // An older backup changes nothing: the stored row itself comes back (nothing is written).
    const old = order({ status: 'cancelled', updatedAt: T0 - DAY });
    expect(mergeOrder(mine, old)).toBe(mine);
  });

  it('packages: each derived field follows the side that observed it later; claims, numbers and ETA history are unions', () => {
    const mine = makePackage({
      status: 'in_transit',
      eta: { from: '2024-03-08', to: '2024-03-08' },
      provenance: { status: { source: 'carrier:ups', observedAt: T0 + 2 * DAY }, eta: { source: 'carrier:ups', observedAt: T0 }, deliveredAt: null, pickup: null },
      claims: { 'carrier:ups': { source: 'carrier:ups', observedAt: T0 + 2 * DAY, status: 'in_transit', statusText: null, eta: null, deliveredAt: null, pickup: null } },
      etaHistory: [{ eta: { from: '2024-03-08', to: '2024-03-08' }, seenAt: T0, source: 'carrier:ups' }],
      archived: true,
      updatedAt: T0 + 2 * DAY,
    });
    const backup = makePackage({
      status: 'pending',
      eta: { from: '2024-03-09', to: '2024-03-09' },
      provenance: { status: { source: 'page:amazon', observedAt: T0 + DAY }, eta: { source: 'page:amazon', observedAt: T0 + DAY }, deliveredAt: null, pickup: null },
      claims: { 'page:amazon': { source: 'page:amazon', observedAt: T0 + DAY, status: 'pending', statusText: 'Arriving', eta: null, deliveredAt: null, pickup: null } },
      etaHistory: [{ eta: { from: '2024-03-09', to: '2024-03-09' }, seenAt: T0 + DAY, source: 'page:amazon' }],
      numbers: [...mine.numbers, { number: 'TBA123', carrier: 'amazon', relation: 'alternate', source: 'page:amazon', addedAt: T0 }],
      updatedAt: T0 + DAY,
    });
    const m = mergePackage(mine, backup);
    expect(m.status).toBe('in_transit');
    expect(m.eta).toEqual({ from: '2024-03-09', to: '2024-03-09' });
    expect(m.provenance.eta?.source).toBe('page:amazon');
    expect(Object.keys(m.claims).sort()).toEqual(['carrier:ups', 'page:amazon']);
    expect(m.etaHistory).toHaveLength(2);
    expect(m.numberKeys).toContain('TBA123');
    expect(m.archived).toBe(true);
  });

  it('events: one moment reported by two sources stays one row that remembers both', () => {
    const e = stored('ups:1', parsed('2024-03-05T10:00:00Z', 'in_transit', 'Departed'));
    const fromPage = { ...e, source: 'page:amazon', sources: ['page:amazon'] };
    expect(mergeEvent(e, fromPage).sources).toEqual(['carrier:ups', 'page:amazon']);
    expect(mergeEvent(e, e)).toBe(e);
  });

  it('alerts: ended and dismissed are kept from either side', () => {
    const a: Alert = { key: 'k', packageId: 'p', kind: 'delayed', severity: 'warning', title: 't', message: 'm', createdAt: T0, notifiedAt: null, dismissed: false, endedAt: null, open: 1 };
    const ended = { ...a, endedAt: T0 + DAY, open: 0 as const, endReason: 'resolved', dismissed: true };
    expect(mergeAlert(a, ended)).toMatchObject({ endedAt: T0 + DAY, open: 0, dismissed: true, endReason: 'resolved' });
    expect(mergeAlert(ended, a)).toBe(ended);
  });

  it('merging a row with itself writes nothing (property)', () => {
    fc.assert(
      fc.property(fc.constantFrom('pending', 'in_transit', 'delivered'), fc.integer({ min: 0, max: 10 }), fc.boolean(), (status, days, archived) => {
        const p = makePackage({ status, updatedAt: T0 + days * DAY, archived });
        expect(mergePackage(p, structuredClone(p))).toBe(p);
        const o = order({ updatedAt: T0 + days * DAY });
        expect(mergeOrder(o, structuredClone(o))).toBe(o);
      }),
    );
  });

  it('the result does not depend on which side was stored for the per-field winners (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 5 }), fc.integer({ min: 0, max: 5 }), (a, b) => {
        fc.pre(a !== b);
        const x = order({ status: 'open', updatedAt: T0 + a * DAY });
        const y = order({ status: 'delivered', updatedAt: T0 + b * DAY });
        expect(mergeOrder(x, y).status).toBe(mergeOrder(y, x).status);
      }),
    );
  });
});
