/**
 * When the browser's storage is full (issue #10 §4): writing a page reading fails as a whole with a
 * clear typed error, and everything stored before is still there, unchanged. The failure is made
 * where the browser makes it, in IndexedDB itself: every put/add of the object stores throws the
 * `QuotaExceededError` DOMException that a full origin gets
 * (https://www.w3.org/TR/IndexedDB/#dom-idbobjectstore-put, https://webidl.spec.whatwg.org/#quotaexceedederror).
 */
import Dexie from 'dexie';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { PorchlightDb } from '../../../lib/db/database';
import { ingestPageReading } from '../../../lib/services/ingest-page';
import { pruneStorage } from '../../../lib/services/prune-storage';
import type { OrderReading, PageReading } from '../../../lib/shops/types';
import { guardStorage, isQuotaExceeded, STORAGE_FULL_MESSAGE, StorageFullError } from '../../../lib/storage-errors';

const NOW = Date.parse('2026-11-23T12:00:00Z');

function order(orderId: string, title: string, status: OrderReading['status'] = 'open'): OrderReading {
  return {
    orderId,
    placedAt: '2026-11-20',
    total: '$12.00',
    status,
    kind: 'physical',
    orderUrl: `https://www.amazon.com/gp/your-account/order-details?orderID=${orderId}`,
    items: [{ title, quantity: 1, seller: null, url: null }],
    shipments: [
      {
        shipmentId: `S-${orderId}`,
        statusText: 'Arriving Tuesday',
        status: 'in_transit',
        eta: { from: '2026-11-24', to: '2026-11-24' },
        deliveredAt: null,
        trackingNumber: null,
        carrier: null,
        trackUrl: `/progress-tracker/package?orderId=${orderId}&shipmentId=S-${orderId}`,
        items: [],
      },
    ],
  };
}

function reading(orders: OrderReading[], readAt: number): PageReading {
  return { kind: 'order-history', shop: 'amazon', url: 'https://www.amazon.com/gp/css/order-history', readAt, orders, diagnostics: [] };
}

async function snapshot(db: PorchlightDb) {
  return {
    orders: await db.orders.toArray(),
    packages: await db.packages.toArray(),
    events: await db.events.toArray(),
  };
}

/**
 * Makes object-store writes fail the way a full origin's do, after `room` more of them succeed (so a
 * write that is not one transaction would leave a partial page behind), until restored.
 */
function fillTheDisk(room = 0) {
  const put = IDBObjectStore.prototype.put;
  const add = IDBObjectStore.prototype.add;
  let left = room;
  const writeOr = (original: typeof put) =>
    function (this: IDBObjectStore, ...args: Parameters<typeof put>) {
      if (left-- > 0) return original.apply(this, args);
      throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    };
  return [vi.spyOn(IDBObjectStore.prototype, 'put').mockImplementation(writeOr(put)), vi.spyOn(IDBObjectStore.prototype, 'add').mockImplementation(writeOr(add))];
}

describe('storage full', () => {
  let db: PorchlightDb;
  beforeEach(async () => {
    db = new PorchlightDb(`quota-${Math.random()}`);
    await ingestPageReading(db, reading([order('111-0000001-0000001', 'Kettle')], NOW), { now: NOW, shopperZone: 'UTC' });
  });
  afterEach(async () => {
    vi.restoreAllMocks();
    await db.delete();
  });

  it('a page reading is refused whole with a StorageFullError, and nothing stored before is lost or changed', async () => {
    const before = await snapshot(db);
    expect(before.orders).toHaveLength(1);
    expect(before.packages).toHaveLength(1);

    // Room for one more write: the order's update goes through, the package's does not.
    const spies = fillTheDisk(1);
    // The same order, now delivered, plus a new one: both would change the database.
    const next = reading([order('111-0000001-0000001', 'Kettle', 'delivered'), order('111-0000002-0000002', 'Toaster')], NOW + 60_000);
    const failed = guardStorage(() => ingestPageReading(db, next, { now: NOW + 60_000, shopperZone: 'UTC' }));
    await expect(failed).rejects.toBeInstanceOf(StorageFullError);
    await expect(failed).rejects.toMatchObject({ name: 'StorageFullError', message: STORAGE_FULL_MESSAGE });
    expect(spies[0]!.mock.calls.length + spies[1]!.mock.calls.length).toBeGreaterThan(1);

    vi.restoreAllMocks();
    expect(await snapshot(db)).toEqual(before);
  });

  it('the error underneath is Dexie’s QuotaExceededError, recognised through any wrapping', async () => {
    fillTheDisk();
    const err = await ingestPageReading(db, reading([order('111-0000003-0000003', 'Lamp')], NOW), { now: NOW, shopperZone: 'UTC' }).then(
      () => null,
      (e: unknown) => e,
    );
    expect(err).toBeInstanceOf(Dexie.QuotaExceededError);
    expect(isQuotaExceeded(err)).toBe(true);
    expect(isQuotaExceeded(new Dexie.AbortError('aborted', err as Error))).toBe(true);
    expect(isQuotaExceeded({ name: 'BulkError', failures: [new Error('x'), err] })).toBe(true);
  });

  it('other failures pass through untouched', async () => {
    const boom = new TypeError('not a quota problem');
    await expect(guardStorage(() => Promise.reject(boom))).rejects.toBe(boom);
    expect(isQuotaExceeded(new Dexie.ConstraintError('dup'))).toBe(false);
    expect(isQuotaExceeded(null)).toBe(false);
  });

  it('pruning still works on a full disk: deleting needs no space', async () => {
    await db.diagnostics.add({ at: NOW - 90 * 86_400_000, shop: 'amazon', host: 'www.amazon.com', pageKind: 'x', code: 'c', message: 'm', layout: null, expected: null, found: null });
    fillTheDisk();
    expect(await pruneStorage(db, NOW)).toEqual({ diagnostics: 1, notifications: 0 });
  });
});
