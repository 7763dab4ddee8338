/**
 * Schema 1 → 2 (issue #19): a database written by the schema that shipped opens under the current one
 * with every row intact, gaining the new fields: packages their numbers, a `legacy` claim and a
 * timeline digest; events their sources; alerts an end (not ended) and the mark that they were
 * already decided on; a job left behind a lease that has run out; Amazon's sign-in backoff moves to
 * the provider holds.
 */
import Dexie from 'dexie';
import { afterEach, describe, expect, it } from 'vitest';
import { PorchlightDb, SCHEMA_V1 } from '../../../lib/db/database';

const T = Date.parse('2026-11-20T12:00:00Z');

async function writeV1(name: string): Promise<void> {
  const v1 = new Dexie(name);
  v1.version(1).stores(SCHEMA_V1);
  await v1.open();
  await v1.table('packages').bulkPut([
    {
      id: 'ups:1Z999AA10123456784', trackingNumber: '1Z999AA10123456784', shipmentId: null, carrier: 'ups', orderKey: 'amazon:113-1', shop: 'amazon',
      orderId: '113-1', label: 'Lamp', status: 'out_for_delivery', statusText: 'Out for delivery', eta: { from: '2026-11-20', to: '2026-11-20' },
      etaHistory: [{ eta: { from: '2026-11-20', to: '2026-11-20' }, seenAt: T - 86_400_000, source: 'page:amazon' }], deliveredAt: null, lastEvent: null,
      lastChangeAt: T - 3_600_000, nextCheckAt: T + 1_800_000, lastCheckAt: T - 60_000, lastError: null, failures: 0, trackUrl: null, archived: false,
      muted: false, firstSeenAt: T - 2 * 86_400_000, updatedAt: T - 60_000,
    },
    {
      id: 'amazon:113-2:S', trackingNumber: null, shipmentId: 'S', carrier: null, orderKey: 'amazon:113-2', shop: 'amazon', orderId: '113-2', label: 'Mat',
      status: 'delivered', statusText: 'Delivered November 2', eta: null, etaHistory: [], deliveredAt: '2026-11-02', lastEvent: null,
      lastChangeAt: T - 5 * 86_400_000, nextCheckAt: null, lastCheckAt: null, lastError: null, failures: 0, trackUrl: null, archived: false, muted: true,
      firstSeenAt: T - 20 * 86_400_000, updatedAt: T - 5 * 86_400_000,
    },
  ]);
  await v1.table('events').put({
    key: 'ups:1Z999AA10123456784|abc', packageId: 'ups:1Z999AA10123456784', time: '2026-11-20T08:02:00-06:00', timeIsLocal: false,
    status: 'out_for_delivery', code: 'OF', description: 'Out For Delivery Today', location: 'Chicago, IL, US', source: 'carrier:ups',
  });
  await v1.table('alerts').put({
    key: 'ups:1Z999AA10123456784|out_for_delivery|event:x', packageId: 'ups:1Z999AA10123456784', kind: 'out_for_delivery', severity: 'good',
    title: 'Lamp arrives today', message: 'It is out for delivery.', createdAt: T - 3_000_000, notifiedAt: T - 3_000_000, dismissed: false,
  });
  await v1.table('jobs').put({ id: 'ups:1Z999AA10123456784', provider: 'ups', packageIds: ['ups:1Z999AA10123456784'], startedAt: T - 10_000, attempt: 1 });
  await v1.table('kv').bulkPut([
    { key: 'amazonTracker.blockedUntil', value: T + 3_600_000 },
    { key: 'amazonTracker.backoffStep', value: 2 },
    { key: 'carrierBudgets', value: { ups: {} } },
  ]);
  await v1.table('orders').put({ key: 'amazon:113-1', shop: 'amazon', orderId: '113-1', placedAt: '2026-11-18', items: [], total: '$9', status: 'open', kind: 'physical', pageUrl: 'https://www.amazon.com/', orderUrl: null, firstSeenAt: T, updatedAt: T });
  v1.close();
}

describe('migration: schema 1 → 2', () => {
  let db: PorchlightDb | null = null;
  afterEach(async () => {
    await db?.delete();
    db = null;
  });

  it('keeps every row and fills the new fields', async () => {
    const name = `migrate-${Math.random()}`;
    await writeV1(name);
    db = new PorchlightDb(name);
    await db.open();
    expect(db.verno).toBe(2);
    expect(await db.orders.count()).toBe(1);
    const ups = (await db.packages.get('ups:1Z999AA10123456784'))!;
    expect(ups).toMatchObject({
      status: 'out_for_delivery', statusText: 'Out for delivery', eta: { from: '2026-11-20', to: '2026-11-20' }, nextCheckAt: T + 1_800_000,
      numbers: [{ number: '1Z999AA10123456784', carrier: 'ups', relation: 'primary', source: 'legacy' }], numberKeys: ['1Z999AA10123456784'],
      claims: { legacy: { source: 'legacy', status: 'out_for_delivery', eta: { from: '2026-11-20', to: '2026-11-20' } } },
      evaluatedAt: T - 60_000,
    });
    expect(ups.timeline.statusEvent).toMatchObject({ code: 'OF', description: 'Out For Delivery Today' });
    expect(ups.etaHistory).toHaveLength(1);
    const shopOnly = (await db.packages.get('amazon:113-2:S'))!;
    expect(shopOnly).toMatchObject({ status: 'delivered', deliveredAt: '2026-11-02', muted: true, numbers: [], numberKeys: [] });
    // Found by number through the new index.
    expect((await db.packages.where('numberKeys').equals('1Z999AA10123456784').toArray()).map((p) => p.id)).toEqual(['ups:1Z999AA10123456784']);
    expect(await db.events.toArray()).toEqual([expect.objectContaining({ sources: ['carrier:ups'], timeZone: null, description: 'Out For Delivery Today' })]);
    expect(await db.alerts.toArray()).toEqual([
      expect.objectContaining({ kind: 'out_for_delivery', notifiedAt: T - 3_000_000, endedAt: null, open: 1, baseline: true, newsAt: null }),
    ]);
    expect(await db.alerts.where('open').equals(1).count()).toBe(1);
    expect(await db.jobs.toArray()).toEqual([expect.objectContaining({ provider: 'ups', attempt: 1, startedAt: T - 10_000, leaseUntil: T - 10_000, numbers: [] })]);
    expect((await db.kv.get('providerHolds'))?.value).toEqual({
      'amazon-tracker': { until: T + 3_600_000, reason: 'auth', message: 'Sign in to Amazon to refresh', step: 2 },
    });
    expect(await db.kv.get('amazonTracker.blockedUntil')).toBeUndefined();
    expect((await db.kv.get('carrierBudgets'))?.value).toEqual({ ups: {} });
  });
});
