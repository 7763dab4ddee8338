/**
 * Situations with a start and an end (issue #19 §7), and what is news (§9). Each test here failed on
 * the alert store that raised keys once and never ended them.
 */
import { describe, expect, it } from 'vitest';
import { evaluateAlerts, isNews, NEWS_WINDOW_MS, situationLifecycle } from '../../../lib/alerts/evaluate';
import type { AlertContext } from '../../../lib/alerts/types';
import type { Alert, Order } from '../../../lib/model/types';
import { ctx, ev } from './context';


/** Evaluates `c` against `stored` like the service does, returning the rows after the step. */
function step(c: AlertContext, stored: Alert[], first = false): { rows: Alert[]; started: Alert[]; ended: Alert[] } {
  const r = evaluateAlerts(c);
  const life = situationLifecycle(c, stored, r.current, first, r.superseded);
  const byKey = new Map(stored.map((a) => [a.key, a]));
  for (const w of life.write) byKey.set(w.key, w);
  return { rows: [...byKey.values()], started: life.started, ended: life.ended };
}

const current = (rows: Alert[]) => rows.filter((a) => !a.endedAt).map((a) => a.kind).sort();

describe('situation lifecycle', () => {
  const ofd = ev('2024-03-05T13:00:00Z', 'out_for_delivery', 'Out for delivery');
  const dl = ev('2024-03-05T17:00:00Z', 'delivered', 'Delivered, front porch');

  it('delivered ends "arrives today"', () => {
    const a = step(ctx('2024-03-05T14:00:00Z', { status: 'out_for_delivery' }, [ofd]), []);
    expect(current(a.rows)).toEqual(['out_for_delivery']);
    const b = step(ctx('2024-03-05T18:00:00Z', { status: 'delivered' }, [ofd, dl]), a.rows);
    expect(current(b.rows)).toEqual(['delivered']);
    expect(b.ended).toEqual([expect.objectContaining({ kind: 'out_for_delivery', endReason: 'resolved', endedAt: Date.parse('2024-03-05T18:00:00Z') })]);
  });

  it('delivered ends late and stalled', () => {
    const moving = ev('2024-03-01T10:00:00Z', 'in_transit', 'Departed');
    const late = ctx('2024-03-06T12:00:00Z', { status: 'in_transit', eta: { from: '2024-03-04', to: '2024-03-04' } }, [moving]);
    const a = step(late, []);
    expect(current(a.rows)).toEqual(['delayed', 'stalled']);
    const done = ev('2024-03-06T13:00:00Z', 'delivered', 'Delivered');
    const b = step(ctx('2024-03-06T14:00:00Z', { status: 'delivered', eta: { from: '2024-03-04', to: '2024-03-04' } }, [moving, done]), a.rows);
    expect(current(b.rows)).toEqual(['delivered']);
  });

  it('a new carrier scan ends stalled', () => {
    const moving = ev('2024-03-01T10:00:00Z', 'in_transit', 'Departed');
    const a = step(ctx('2024-03-06T12:00:00Z', { status: 'in_transit' }, [moving]), []);
    expect(current(a.rows)).toEqual(['stalled']);
    const b = step(ctx('2024-03-06T13:00:00Z', { status: 'in_transit' }, [moving, ev('2024-03-06T12:30:00Z', 'in_transit', 'Arrived')]), a.rows);
    expect(current(b.rows)).toEqual([]);
    expect(b.ended[0]).toMatchObject({ kind: 'stalled', endReason: 'resolved' });
  });

  it('"I did not receive this" supersedes delivered and is never news to the shopper', () => {
    const a = step(ctx('2024-03-05T18:00:00Z', { status: 'delivered' }, [dl]), []);
    const report = { ...ev('2024-03-05T19:00:00Z', null, 'You marked this package as not received', 'not_received'), source: 'user' };
    const b = step(ctx('2024-03-05T19:00:00Z', { status: 'delivered' }, [dl, report]), a.rows);
    expect(current(b.rows)).toEqual(['suspected_lost']);
    expect(b.ended[0]).toMatchObject({ kind: 'delivered', endReason: 'superseded:suspected_lost' });
    expect(b.started[0]).toMatchObject({ kind: 'suspected_lost', severity: 'critical', byUser: true });
    expect(isNews(b.started[0]!, Date.parse('2024-03-05T19:00:00Z'))).toBe(false);
  });

  it('a folded situation ("will arrive later" inside "delayed") that outlives the delay is not news days later', () => {
    const slip = { eta: { from: '2024-03-08', to: '2024-03-08' }, etaHistory: [
      { eta: { from: '2024-03-06', to: '2024-03-06' }, seenAt: Date.parse('2024-03-01T10:00:00Z'), source: 'carrier:ups' },
      { eta: { from: '2024-03-08', to: '2024-03-08' }, seenAt: Date.parse('2024-03-05T10:00:00Z'), source: 'carrier:ups' },
    ] };
    const dy = ev('2024-03-05T10:00:00Z', 'exception', 'Delay: weather', 'DY');
    const a = step(ctx('2024-03-05T11:00:00Z', { status: 'exception', ...slip }, [dy]), []);
    expect(current(a.rows)).toEqual(['delayed']);
    expect(a.rows.find((r) => r.kind === 'eta_moved')).toMatchObject({ open: 0, endReason: 'superseded:delayed' });
    // The parcel moves on: the delay ends; the slip still holds, as the same situation reopened.
    const b = step(ctx('2024-03-07T11:00:00Z', { status: 'in_transit', ...slip }, [dy, ev('2024-03-07T09:00:00Z', 'in_transit', 'Departed')]), a.rows);
    expect(current(b.rows)).toEqual(['eta_moved']);
    expect(b.started).toEqual([]);
  });

  it('a cause that holds again is the same situation reopened, not new news', () => {
    const a = step(ctx('2024-03-05T14:00:00Z', { status: 'out_for_delivery' }, [ofd]), []);
    const told = a.rows.map((r) => ({ ...r, notifiedAt: Date.parse('2024-03-05T14:00:00Z') }));
    const b = step(ctx('2024-03-05T15:00:00Z', { status: 'out_for_delivery', archived: true }, [ofd]), told);
    expect(current(b.rows)).toEqual([]);
    const c = step(ctx('2024-03-05T16:00:00Z', { status: 'out_for_delivery' }, [ofd]), b.rows);
    expect(current(c.rows)).toEqual(['out_for_delivery']);
    expect(c.started).toEqual([]);
    expect(c.rows[0]!.notifiedAt).toBe(Date.parse('2024-03-05T14:00:00Z'));
  });
});

describe('situations that end with time', () => {
  it('a delivery holds three days, a cancellation seven, a return fourteen; then they end', () => {
    const delivered = ctx('2026-01-10T12:00:00Z', { status: 'delivered' }, [ev('2026-01-06T10:00:00Z', 'delivered', 'Delivered')]);
    expect(evaluateAlerts(delivered).current).toEqual([]);
    const recent = ctx('2026-01-08T12:00:00Z', { status: 'delivered' }, [ev('2026-01-06T10:00:00Z', 'delivered', 'Delivered')]);
    expect(evaluateAlerts(recent).current.map((d) => d.kind)).toEqual(['delivered']);
    const returned = ctx('2026-01-10T12:00:00Z', { status: 'returned' }, [ev('2025-12-20T10:00:00Z', 'returned', 'Returned to sender')]);
    expect(evaluateAlerts(returned).current).toEqual([]);
  });
});

describe('news', () => {
  const order = (placedAt: string, status: Order['status'] = 'open'): Order => ({
    key: 'amazon:1', shop: 'amazon', orderId: '1', placedAt, items: [], total: null, status, kind: 'physical',
    pageUrl: 'https://www.amazon.com/', orderUrl: null, firstSeenAt: 0, updatedAt: 0,
  });

  it('a months-old delivery read for the first time is not news; a fresh one is, exactly once', () => {
    // Delivered long ago: not a situation any more (it held three days), so nothing to tell.
    const old = step(ctx('2026-01-10T12:00:00Z', { status: 'delivered', deliveredAt: '2024-11-02' }), [], true);
    expect(old.started).toEqual([]);
    const lastWeek = step(ctx('2026-01-10T12:00:00Z', { status: 'delivered', deliveredAt: '2026-01-08' }), [], true);
    expect(lastWeek.started[0]).toMatchObject({ kind: 'delivered', baseline: true });
    expect(isNews(lastWeek.started[0]!, Date.parse('2026-01-10T12:00:00Z'))).toBe(false);
    const fresh = step(ctx('2026-01-10T12:00:00Z', { status: 'delivered' }, [ev('2026-01-10T10:00:00Z', 'delivered', 'Delivered')]), [], true);
    expect(fresh.started).toHaveLength(1);
    expect(isNews(fresh.started[0]!, Date.parse('2026-01-10T12:00:00Z'))).toBe(true);
  });

  it('a cancellation with no time of its own: news only for a fresh order at its first reading, or when it appears later', () => {
    const now = Date.parse('2026-01-10T12:00:00Z');
    const read = { status: 'cancelled' as const, statusSince: now };
    const oldOrder = step(ctx('2026-01-10T12:00:00Z', read, [], { order: order('2025-10-01', 'cancelled') }), [], true);
    expect(isNews(oldOrder.started[0]!, now)).toBe(false);
    const freshOrder = step(ctx('2026-01-10T12:00:00Z', read, [], { order: order('2026-01-10', 'cancelled') }), [], true);
    expect(isNews(freshOrder.started[0]!, now)).toBe(true);
    const later = step(ctx('2026-01-10T12:00:00Z', read, [], { order: order('2025-10-01', 'cancelled') }), [], false);
    expect(isNews(later.started[0]!, now)).toBe(true);
  });

  it('news lasts 24 hours from when it happened', () => {
    const now = Date.parse('2026-01-10T12:00:00Z');
    const a = step(ctx('2026-01-10T12:00:00Z', { status: 'out_for_delivery' }, [ev('2026-01-10T08:00:00Z', 'out_for_delivery', 'Out')]), []);
    const s = a.started[0]!;
    expect(isNews(s, now)).toBe(true);
    expect(isNews(s, Date.parse('2026-01-10T08:00:00Z') + NEWS_WINDOW_MS + 1)).toBe(false);
    expect(isNews({ ...s, endedAt: now }, now)).toBe(false);
  });

  it('a situation true at the first reading stays not news when its key changes', () => {
    const e1 = ev('2026-01-09T08:00:00Z', 'exception', 'Address problem');
    const a = step(ctx('2026-01-10T12:00:00Z', { status: 'exception' }, [e1]), [], true);
    expect(a.started[0]).toMatchObject({ kind: 'exception', baseline: true });
    // A second exception scan that the carrier backdates differently: a new episode key, same condition.
    const e0 = ev('2026-01-09T07:00:00Z', 'exception', 'Address problem, earlier scan');
    const b = step(ctx('2026-01-10T13:00:00Z', { status: 'exception' }, [e0, e1]), a.rows);
    expect(b.started).toHaveLength(1);
    expect(b.started[0]).toMatchObject({ baseline: true, newsAt: null });
  });
});
