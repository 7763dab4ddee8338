import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { PorchlightDb } from '../../../lib/db/database';
import { ingestPageReading } from '../../../lib/services/ingest-page';
import type { OrderReading, PageReading, ShipmentReading } from '../../../lib/shops/types';

const NOW = Date.parse('2026-12-02T16:00:00Z');
const ZONE = 'America/Chicago';

function shipment(over: Partial<ShipmentReading> = {}): ShipmentReading {
  return { shipmentId: 'S1', statusText: 'Arriving tomorrow', status: 'pending', eta: { from: '2026-12-03', to: '2026-12-03' }, deliveredAt: null, trackingNumber: null, carrier: null, trackUrl: null, items: [], ...over };
}

function page(orders: Array<Partial<OrderReading>>, readAt = NOW): PageReading {
  return {
    kind: 'order-history',
    shop: 'amazon',
    url: 'https://www.amazon.com/gp/css/order-history',
    readAt,
    diagnostics: [],
    orders: orders.map((o) => ({ orderId: '113-1', placedAt: '2026-12-01', total: '$5', status: 'open', kind: 'physical', orderUrl: null, items: [{ title: 'Lamp', quantity: 1, seller: null, url: null }], shipments: [shipment()], ...o })),
  };
}

describe('ingestPageReading', () => {
  let db: PorchlightDb;
  beforeEach(() => {
    db = new PorchlightDb(`ingest-${Math.random()}`);
  });
  afterEach(() => db.delete());
  const deps = (now = NOW) => ({ now, shopperZone: ZONE, carrierFor: (n: string) => (n.startsWith('TBA') ? 'amazon' : n.startsWith('9') ? 'usps' : null) });

  it('an order the shop cancelled cancels its shipments, whatever their own line says (issue #19 §13)', async () => {
    await ingestPageReading(db, page([{ status: 'open' }]), deps());
    expect((await db.packages.toArray()).map((p) => p.status)).toEqual(['pending']);
    await ingestPageReading(db, page([{ status: 'cancelled', shipments: [shipment({ statusText: 'Arriving tomorrow', status: 'pending' })] }], NOW + 60_000), deps(NOW + 60_000));
    const [pkg] = await db.packages.toArray();
    expect(pkg!.status).toBe('cancelled');
    expect(pkg!.provenance.status?.source).toBe('page:amazon');
  });

  it('stores the page\'s read time as its observation time, and its track link only when it is the shop\'s', async () => {
    const later = NOW + 3_600_000;
    const r = page([{ shipments: [shipment({ trackUrl: '/progress-tracker/package?orderId=113-1&shipmentId=S1' })] }]);
    await ingestPageReading(db, r, deps(later));
    const [pkg] = await db.packages.toArray();
    expect(pkg!.claims['page:amazon']?.observedAt).toBe(NOW);
    expect(pkg!.trackUrl).toBe('https://www.amazon.com/progress-tracker/package?orderId=113-1&shipmentId=S1');
    await db.packages.clear();
    const out = await ingestPageReading(db, page([{ shipments: [shipment({ trackUrl: 'https://evil.test/track' })] }]), deps());
    expect((await db.packages.toArray())[0]!.trackUrl).toBeNull();
    expect(out.diagnostics).toEqual([expect.objectContaining({ code: 'url_refused' })]);
  });

  it('a shipment handed from Amazon Logistics to USPS stays one package with both numbers (issue #19 §15)', async () => {
    await ingestPageReading(db, page([{ shipments: [shipment({ status: 'in_transit', trackingNumber: 'TBA304512345678', carrier: 'amazon' })] }]), deps());
    await ingestPageReading(db, page([{ shipments: [shipment({ status: 'in_transit', trackingNumber: '9400100000000000000000', carrier: 'usps' })] }], NOW + 60_000), deps(NOW + 60_000));
    const all = await db.packages.toArray();
    expect(all).toHaveLength(1);
    expect(all[0]!.numbers.map((n) => [n.number, n.carrier, n.relation])).toEqual([
      ['TBA304512345678', 'amazon', 'primary'],
      ['9400100000000000000000', 'usps', 'handoff'],
    ]);
    // Found again by the hand-off number alone (an e-mail, the USPS page).
    expect((await db.packages.where('numberKeys').equals('9400100000000000000000').toArray()).map((p) => p.id)).toEqual([all[0]!.id]);
  });
});
