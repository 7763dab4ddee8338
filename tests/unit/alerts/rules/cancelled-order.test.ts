import { describe, expect, it } from 'vitest';
import { cancelledOrder } from '../../../../lib/alerts/rules/cancelled-order';
import type { Status } from '../../../../lib/model/status';
import type { Order, OrderStatus } from '../../../../lib/model/types';
import { ctx, ID } from '../context';

const order = (status: OrderStatus): Order => ({
  key: 'amazon:113-1',
  shop: 'amazon',
  orderId: '113-1',
  placedAt: '2024-03-01',
  items: [],
  total: '$10.00',
  status,
  kind: 'physical',
  pageUrl: 'https://www.amazon.com/gp/your-account/order-history',
  orderUrl: null,
  firstSeenAt: 0,
  updatedAt: Date.parse('2024-03-05T10:00:00Z'),
});

// [case, package status, order status, expected key or null]
const TABLE: Array<[string, Status, OrderStatus | null, string | null]> = [
  ['shipment cancelled', 'cancelled', null, `${ID}|cancelled|cancelled`],
  ['order cancelled before shipping', 'pending', 'cancelled', `${ID}|cancelled|cancelled`],
  ['order cancelled but parcel already delivered', 'delivered', 'cancelled', null],
  ['open order', 'in_transit', 'open', null],
];

describe('cancelled-order', () => {
  it.each(TABLE)('%s', (_n, status, orderStatus, key) => {
    const c = ctx('2024-03-06T10:00:00Z', { status, statusText: null }, [], { order: orderStatus ? order(orderStatus) : null });
    expect(cancelledOrder(c)?.key ?? null).toBe(key);
  });
  it('is dated from the order update when the order says it', () => {
    const c = ctx('2024-03-06T10:00:00Z', { status: 'pending', statusText: null }, [], { order: order('cancelled') });
    expect(cancelledOrder(c)).toMatchObject({ since: Date.parse('2024-03-05T10:00:00Z'), message: 'The order was cancelled; nothing is on its way.' });
  });
});
