import { describe, expect, it } from 'vitest';
import { suspectedLost } from '../../../../lib/alerts/rules/suspected-lost';
import { observedEvents } from '../../../../lib/engine/merge';
import { notReceivedReport } from '../../../../lib/engine/user-report';
import { makePackage } from '../../engine/package-factory';
import type { Status } from '../../../../lib/model/status';
import type { TrackingEvent } from '../../../../lib/model/types';
import { ctx, ev, ID } from '../context';

const moving = ev('2024-03-01T10:00:00Z', 'in_transit', 'Departed facility', 'DP');
const abroad = [ev('2024-03-01T10:00:00Z', 'in_transit', 'Export scan', null, 'SHENZHEN, CN')];
const deliveredEv = ev('2024-03-05T16:00:00Z', 'delivered', 'Delivered, front door', 'DL');
const report = observedEvents(makePackage(), notReceivedReport(Date.parse('2024-03-06T12:00:00Z')), 'UTC')[0]!;

// [case, now, status, events, expected key or null]
const TABLE: Array<[string, string, Status, TrackingEvent[], string | null]> = [
  ['domestic quiet 7 days: not yet', '2024-03-08T10:00:00Z', 'in_transit', [moving], null],
  ['domestic quiet over 7 days', '2024-03-08T10:00:01Z', 'in_transit', [moving], `${ID}|suspected_lost|after:${moving.key}`],
  ['international quiet 19 days: not yet', '2024-03-20T10:00:00Z', 'in_transit', abroad, null],
  ['international quiet over 20 days', '2024-03-21T10:00:01Z', 'in_transit', abroad, `${ID}|suspected_lost|after:${abroad[0]!.key}`],
  ['out for delivery then silence', '2024-03-09T10:00:00Z', 'out_for_delivery', [{ ...moving, status: 'out_for_delivery' }], `${ID}|suspected_lost|after:${moving.key}`],
  ['label only: never handed over, not lost', '2024-03-20T10:00:00Z', 'info_received', [{ ...moving, status: 'info_received' }], null],
  ['at a pickup point: not lost', '2024-03-20T10:00:00Z', 'available_for_pickup', [moving], null],
  ['delivered and marked not received', '2024-03-06T13:00:00Z', 'delivered', [moving, deliveredEv, report], `${ID}|suspected_lost|not-received`],
  ['delivered, no complaint', '2024-03-30T13:00:00Z', 'delivered', [moving, deliveredEv], null],
];

describe('suspected-lost', () => {
  it.each(TABLE)('%s', (_n, now, status, events, key) => {
    expect(suspectedLost(ctx(now, { status }, events))?.key ?? null).toBe(key);
  });
  it('is critical, dated from the report, and the report does not count as carrier news', () => {
    const d = suspectedLost(ctx('2024-03-06T13:00:00Z', { status: 'delivered' }, [deliveredEv, report]));
    expect(d).toMatchObject({ severity: 'critical', since: Date.parse('2024-03-06T12:00:00Z') });
    expect(report).toMatchObject({ source: 'user', status: null, code: 'not_received' });
  });
});
