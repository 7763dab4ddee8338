import { describe, expect, it } from 'vitest';
import { advanceStatus, isForward } from '../../../lib/engine/advance-status';
import { mergeShipmentReading, mergeTrackResult, recordFailure } from '../../../lib/engine/merge';
import type { Status } from '../../../lib/model/status';
import { DAY, HOUR, makePackage, parsed, result, stored, T0 } from './package-factory';

const NOW = T0 + 2 * DAY; // 2024-03-06T15:00:00Z
const ID = 'ups:1Z999AA10123456784';

describe('mergeTrackResult: events', () => {
  it('turns carrier events into stored events, oldest first, and derives the status from the newest', () => {
    const pkg = makePackage({ status: 'info_received', lastChangeAt: T0 });
    const r = result([
      parsed('2024-03-05T18:00:00Z', 'out_for_delivery', 'Out For Delivery Today', 'OF'),
      parsed('2024-03-05T09:00:00Z', 'in_transit', 'Departed from Facility', 'DP'),
    ]);
    const out = mergeTrackResult(pkg, [], r, 'carrier:ups', NOW);
    expect(out.newEvents.map((e) => e.description)).toEqual(['Departed from Facility', 'Out For Delivery Today']);
    expect(out.newEvents[0]).toEqual(stored(ID, r.events[1]!));
    expect(out.pkg.status).toBe('out_for_delivery');
    expect(out.statusChanged).toBe(true);
    expect(out.previousStatus).toBe('info_received');
    expect(out.pkg.lastEvent?.description).toBe('Out For Delivery Today');
    expect(out.pkg.statusText).toBe('Out For Delivery Today');
    expect(out.pkg.lastChangeAt).toBe(NOW);
    expect(out.pkg.lastCheckAt).toBe(NOW);
    expect(out.pkg.updatedAt).toBe(NOW);
  });

  it('is idempotent: the same result merged again adds nothing and changes nothing', () => {
    const pkg = makePackage({ status: 'info_received', failures: 2, lastError: { kind: 'server', message: 'x', at: T0 } });
    const r = result(
      [parsed('2024-03-05T09:00:00Z', 'in_transit', 'Departed', 'DP'), parsed('2024-03-05T09:00:00Z', 'in_transit', 'Departed', 'DP')],
      { eta: { from: '2024-03-07', to: '2024-03-07' } },
    );
    const first = mergeTrackResult(pkg, [], r, 'carrier:ups', NOW);
    expect(first.newEvents).toHaveLength(1); // duplicate inside one answer collapses too
    expect(first.pkg.failures).toBe(0);
    expect(first.pkg.lastError).toBeNull();
    const second = mergeTrackResult(first.pkg, first.newEvents, r, 'carrier:ups', NOW + HOUR);
    expect(second.newEvents).toEqual([]);
    expect(second.statusChanged).toBe(false);
    expect(second.etaChanged).toBe(false);
    expect(second.pkg).toEqual({ ...first.pkg, lastCheckAt: NOW + HOUR, updatedAt: NOW + HOUR });
  });

  it('treats re-spaced or re-cased descriptions as the same event', () => {
    const pkg = makePackage();
    const known = [stored(ID, parsed('2024-03-05T09:00:00Z', 'in_transit', 'Departed  from facility', 'DP'))];
    const out = mergeTrackResult(pkg, known, result([parsed('2024-03-05T09:00:00Z', 'in_transit', 'DEPARTED from Facility', 'DP')]), 'carrier:ups', NOW);
    expect(out.newEvents).toEqual([]);
    expect(out.pkg.lastChangeAt).toBe(T0);
  });
});

type Row = [string, Status, Array<ReturnType<typeof parsed>>, Array<ReturnType<typeof parsed>>, Status];
// [case, stored status, stored events, new events, expected status]
const ROWS: Row[] = [
  ['a newer null-status event never downgrades', 'out_for_delivery',
    [parsed('2024-03-05T08:00:00Z', 'out_for_delivery', 'Out for delivery')],
    [parsed('2024-03-05T09:00:00Z', null, 'Scanned into container')], 'out_for_delivery'],
  ['a newer carrier event moves out for delivery to attempt failed', 'out_for_delivery',
    [parsed('2024-03-05T08:00:00Z', 'out_for_delivery', 'Out for delivery')],
    [parsed('2024-03-05T17:00:00Z', 'attempt_failed', 'Customer not available')], 'attempt_failed'],
  ['a newer carrier event resolves an exception back to in transit', 'exception',
    [parsed('2024-03-05T08:00:00Z', 'exception', 'Weather delay')],
    [parsed('2024-03-06T08:00:00Z', 'in_transit', 'Departed facility')], 'in_transit'],
  ['a parcel that missed the van goes back to in transit', 'out_for_delivery',
    [parsed('2024-03-05T08:00:00Z', 'out_for_delivery', 'Out for delivery')],
    [parsed('2024-03-05T20:00:00Z', 'in_transit', 'Arrived at facility')], 'in_transit'],
  ['delivered is not undone by a later out-for-delivery scan', 'delivered',
    [parsed('2024-03-05T12:00:00Z', 'delivered', 'Delivered')],
    [parsed('2024-03-05T13:00:00Z', 'out_for_delivery', 'Out for delivery')], 'delivered'],
  ['delivered gives way to a later return', 'delivered',
    [parsed('2024-03-05T12:00:00Z', 'delivered', 'Delivered')],
    [parsed('2024-03-06T12:00:00Z', 'returned', 'Returned to sender')], 'returned'],
  ['a late label echo does not send a moving parcel back', 'in_transit',
    [parsed('2024-03-05T12:00:00Z', 'in_transit', 'Picked up')],
    [parsed('2024-03-05T13:00:00Z', 'info_received', 'Shipper created a label')], 'in_transit'],
  ['an older event arriving late does not move the status', 'out_for_delivery',
    [parsed('2024-03-05T12:00:00Z', 'out_for_delivery', 'Out for delivery')],
    [parsed('2024-03-05T06:00:00Z', 'in_transit', 'Arrived at facility')], 'out_for_delivery'],
  ['delivered and out for delivery stamped in the same minute end on delivered', 'in_transit',
    [], [parsed('2024-03-05T12:00:00Z', 'delivered', 'Delivered'), parsed('2024-03-05T12:00:00Z', 'out_for_delivery', 'Out for delivery')], 'delivered'],
  ['a scan after a voided label means the parcel moves after all', 'cancelled',
    [parsed('2024-03-05T12:00:00Z', 'cancelled', 'Shipment voided')],
    [parsed('2024-03-06T12:00:00Z', 'in_transit', 'Picked up')], 'in_transit'],
];

describe('mergeTrackResult: status rules', () => {
  it.each(ROWS)('%s', (_name, status, knownEvents, fresh, expected) => {
    const known = knownEvents.map((e) => stored(ID, e));
    const pkg = makePackage({ status, lastChangeAt: T0 });
    const out = mergeTrackResult(pkg, known, result([...knownEvents, ...fresh]), 'carrier:ups', NOW);
    expect(out.pkg.status).toBe(expected);
    expect(out.statusChanged).toBe(expected !== status);
  });

  it('keeps a page-established "out for delivery" against a lagging carrier, but takes a newer attempt', () => {
    // Amazon page read at 09:05 said out for delivery; the carrier's newest scan is from 05:00.
    const pageAt = Date.parse('2024-03-05T09:05:00Z');
    const pkg = makePackage({ status: 'out_for_delivery', statusText: 'Out for delivery', lastChangeAt: pageAt });
    const lagging = mergeTrackResult(pkg, [], result([parsed('2024-03-05T05:00:00Z', 'in_transit', 'Arrived at facility')]), 'carrier:ups', pageAt + HOUR);
    expect(lagging.pkg.status).toBe('out_for_delivery');
    expect(lagging.pkg.statusText).toBe('Out for delivery');
    expect(lagging.newEvents).toHaveLength(1);
    const attempt = mergeTrackResult(
      lagging.pkg,
      lagging.newEvents,
      result([parsed('2024-03-05T05:00:00Z', 'in_transit', 'Arrived at facility'), parsed('2024-03-05T16:00:00Z', 'attempt_failed', 'No access')]),
      'carrier:ups',
      pageAt + 8 * HOUR,
    );
    expect(attempt.pkg.status).toBe('attempt_failed');
    expect(attempt.pkg.statusText).toBe('No access');
  });

  it('uses the summary status when no event has one, and lets it move forward but not back', () => {
    const pkg = makePackage({ status: 'info_received' });
    const onlySummary = mergeTrackResult(pkg, [], result([parsed('2024-03-05T05:00:00Z', null, 'CLOSE BAG')], { status: 'in_transit', statusText: 'transit' }), 'carrier:dhl', NOW);
    expect(onlySummary.pkg.status).toBe('in_transit');
    expect(onlySummary.pkg.statusText).toBe('transit');

    const ofd = [parsed('2024-03-05T08:00:00Z', 'out_for_delivery', 'With delivery courier')];
    const coarse = mergeTrackResult(makePackage({ status: 'in_transit' }), [], result(ofd, { status: 'in_transit' }), 'carrier:dhl', NOW);
    expect(coarse.pkg.status).toBe('out_for_delivery');

    const ahead = mergeTrackResult(makePackage({ status: 'in_transit' }), [], result(ofd, { status: 'delivered', deliveredAt: '2024-03-05T11:00:00Z' }), 'carrier:dhl', NOW);
    expect(ahead.pkg.status).toBe('delivered');
    expect(ahead.pkg.deliveredAt).toBe('2024-03-05T11:00:00Z');
  });

  it('orders local-only times in their zone', () => {
    // 08:00 in New York is 13:00Z, after the 12:00Z exception; read as UTC it would come first.
    const events = [parsed('2024-03-05T12:00:00Z', 'exception', 'Weather delay'), parsed('2024-03-05T08:00:00', 'in_transit', 'Departed')];
    const pkg = makePackage({ status: 'info_received' });
    expect(mergeTrackResult(pkg, [], result(events), 'carrier:ups', NOW, 'America/New_York').pkg.status).toBe('in_transit');
    expect(mergeTrackResult(pkg, [], result(events), 'carrier:ups', NOW).pkg.status).toBe('exception');
  });

  it('takes the delivery time from the newest delivered event when the result has none', () => {
    const out = mergeTrackResult(makePackage(), [], result([parsed('2024-03-05T12:00:00-05:00', 'delivered', 'Delivered')]), 'carrier:ups', NOW);
    expect(out.pkg.deliveredAt).toBe('2024-03-05T12:00:00-05:00');
  });
});

describe('mergeTrackResult: ETA history', () => {
  it('appends every new ETA and keeps the ones before', () => {
    const pkg = makePackage({ eta: { from: '2024-03-06', to: '2024-03-06' }, etaHistory: [] });
    const a = mergeTrackResult(pkg, [], result([], { eta: { from: '2024-03-08', to: '2024-03-08' } }), 'carrier:ups', NOW);
    expect(a.etaChanged).toBe(true);
    expect(a.pkg.eta).toEqual({ from: '2024-03-08', to: '2024-03-08' });
    expect(a.pkg.etaHistory).toEqual([
      { eta: { from: '2024-03-06', to: '2024-03-06' }, seenAt: T0, source: 'unknown' },
      { eta: { from: '2024-03-08', to: '2024-03-08' }, seenAt: NOW, source: 'carrier:ups' },
    ]);
    const same = mergeTrackResult(a.pkg, [], result([], { eta: { from: '2024-03-08', to: '2024-03-08' } }), 'carrier:ups', NOW + HOUR);
    expect(same.etaChanged).toBe(false);
    expect(same.pkg.etaHistory).toHaveLength(2);
    const gone = mergeTrackResult(a.pkg, [], result([]), 'carrier:ups', NOW + HOUR);
    expect(gone.pkg.eta).toEqual({ from: '2024-03-08', to: '2024-03-08' });
    expect(gone.etaChanged).toBe(false);
  });
});

describe('failures', () => {
  it('records a failure without touching history', () => {
    const pkg = makePackage({ failures: 1, etaHistory: [{ eta: { from: '2024-03-06', to: '2024-03-06' }, seenAt: T0, source: 'x' }] });
    const next = recordFailure(pkg, { kind: 'rate_limited', message: 'Too many requests', retryAfterMs: 60_000 }, NOW);
    expect(next.failures).toBe(2);
    expect(next.lastError).toEqual({ kind: 'rate_limited', message: 'Too many requests', at: NOW });
    expect(next.etaHistory).toBe(pkg.etaHistory);
    expect(next.status).toBe(pkg.status);
    expect(next.lastCheckAt).toBe(NOW);
  });

  it('turns a per-number error and a mismatched number into failures, not exceptions', () => {
    const pkg = makePackage();
    const notFound = mergeTrackResult(pkg, [], result([], { error: { kind: 'not_found', message: 'Tracking Information Not Found' } }), 'carrier:ups', NOW);
    expect(notFound.pkg.failures).toBe(1);
    expect(notFound.pkg.lastError?.kind).toBe('not_found');
    expect(notFound.newEvents).toEqual([]);
    const wrong = mergeTrackResult(pkg, [], result([parsed('2024-03-05T12:00:00Z', 'delivered', 'Delivered')], { trackingNumber: '9400100000000000000000' }), 'carrier:ups', NOW);
    expect(wrong.pkg.status).toBe('in_transit');
    expect(wrong.pkg.lastError?.kind).toBe('malformed');
  });
});

describe('mergeShipmentReading', () => {
  const reading = {
    status: 'in_transit' as Status | null,
    statusText: 'Shipped',
    eta: { from: '2024-03-07', to: '2024-03-07' },
    deliveredAt: null,
    trackingNumber: null,
    carrier: null,
    trackUrl: 'https://www.amazon.com/progress-tracker/package/?orderId=1&shipmentId=S',
  };

  it('creates a package from a page', () => {
    const out = mergeShipmentReading(null, reading, { shop: 'amazon', orderId: '113-1', shipmentId: 'S', orderKey: 'amazon:113-1', label: 'Lamp' }, NOW);
    expect(out.statusChanged).toBe(true);
    expect(out.previousStatus).toBeNull();
    expect(out.pkg.id).toBe('amazon:113-1:S');
    expect(out.pkg.status).toBe('in_transit');
    expect(out.pkg.etaHistory).toEqual([{ eta: { from: '2024-03-07', to: '2024-03-07' }, seenAt: NOW, source: 'page:amazon' }]);
    expect(out.pkg.nextCheckAt).toBe(NOW);
    expect(out.pkg.trackUrl).toBe(reading.trackUrl);
  });

  it('never lets a coarse page status downgrade the carrier, but cancelled wins', () => {
    const carrierOfd = makePackage({ status: 'out_for_delivery', statusText: 'Out For Delivery Today', shop: 'amazon' });
    const held = mergeShipmentReading(carrierOfd, reading, {}, NOW);
    expect(held.pkg.status).toBe('out_for_delivery');
    expect(held.pkg.statusText).toBe('Out For Delivery Today');
    expect(held.statusChanged).toBe(false);
    expect(held.pkg.eta).toEqual({ from: '2024-03-07', to: '2024-03-07' });

    const cancelled = mergeShipmentReading(carrierOfd, { ...reading, status: 'cancelled', statusText: 'Cancelled' }, {}, NOW);
    expect(cancelled.pkg.status).toBe('cancelled');
    expect(cancelled.pkg.lastChangeAt).toBe(NOW);

    const delivered = makePackage({ status: 'delivered' });
    expect(mergeShipmentReading(delivered, { ...reading, status: 'cancelled' }, {}, NOW).pkg.status).toBe('delivered');
    expect(mergeShipmentReading(delivered, { ...reading, status: 'returned' }, {}, NOW).pkg.status).toBe('returned');
  });

  it('moves forward and fills what the package lacks without replacing its number', () => {
    const pkg = makePackage({ status: 'in_transit', orderKey: null, trackingNumber: '1Z999AA10123456784' });
    const out = mergeShipmentReading(pkg, { ...reading, status: 'delivered', deliveredAt: '2024-03-06', trackingNumber: 'TBA000' }, { orderKey: 'amazon:113-1', shop: 'amazon' }, NOW);
    expect(out.pkg.status).toBe('delivered');
    expect(out.pkg.deliveredAt).toBe('2024-03-06');
    expect(out.pkg.trackingNumber).toBe('1Z999AA10123456784');
    expect(out.pkg.orderKey).toBe('amazon:113-1');
    expect(out.previousStatus).toBe('in_transit');
  });
});

describe('advanceStatus', () => {
  it.each([
    ['in_transit', null, 'in_transit'],
    ['returned', 'in_transit', 'returned'],
    ['expired', 'in_transit', 'in_transit'],
    ['cancelled', 'info_received', 'cancelled'],
    ['pending', 'info_received', 'info_received'],
    ['attempt_failed', 'out_for_delivery', 'out_for_delivery'],
  ] as Array<[Status, Status | null, Status]>)('%s + %s → %s', (a, b, c) => {
    expect(advanceStatus(a, b)).toBe(c);
  });
  it('calls only progress forward', () => {
    expect(isForward('in_transit', 'delivered')).toBe(true);
    expect(isForward('delivered', 'returned')).toBe(true);
    expect(isForward('out_for_delivery', 'attempt_failed')).toBe(false);
    expect(isForward('exception', 'in_transit')).toBe(false);
  });
});
