/**
 * Situations through the service and the ingest (issue #19 §7, §9): found by the review of this
 * change, each failed before its fix.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { PorchlightDb } from '../../../lib/db/database';
import { mergeObservation, blankPackage } from '../../../lib/engine/merge';
import type { Observation } from '../../../lib/engine/observation';
import { evaluateAlerts, situationLifecycle } from '../../../lib/alerts/evaluate';
import { alertSettings } from '../../../lib/alerts/settings';
import { decideNotifications } from '../../../lib/notify/decide-notifications';
import { ingestPageReading } from '../../../lib/services/ingest-page';
import { evaluateSituations } from '../../../lib/services/situations';
import { parseSettings } from '../../../lib/settings';
import { EN } from '../../support/i18n';
import type { PageReading, ShipmentReading } from '../../../lib/shops/types';

const NOW = Date.parse('2026-12-02T15:00:00Z'); // 09:00 in Chicago
const ZONE = 'America/Chicago';
const MIN = 60_000;

function shipment(over: Partial<ShipmentReading> = {}): ShipmentReading {
  return { shipmentId: 'S1', statusText: 'Out for delivery', status: 'out_for_delivery', eta: { from: '2026-12-02', to: '2026-12-02' }, deliveredAt: null, trackingNumber: null, carrier: null, trackUrl: null, items: [], ...over };
}
function page(s: ShipmentReading, readAt: number, kind: PageReading['kind'] = 'order-history'): PageReading {
  return {
    kind, shop: 'amazon', url: 'https://www.amazon.com/gp/css/order-history', readAt, diagnostics: [],
    orders: [{ orderId: '113-1', placedAt: '2026-11-28', total: '$5', status: 'open', kind: 'physical', orderUrl: null, items: [{ title: 'Lamp', quantity: 1, seller: null, url: null }], shipments: [s] }],
  };
}

describe('situations from shop pages', () => {
  let db: PorchlightDb;
  beforeEach(() => {
    db = new PorchlightDb(`situations-${Math.random()}`);
  });
  afterEach(() => db.delete());
  const deps = (now: number) => ({ now, shopperZone: ZONE });
  const notify = parseSettings({ notifications: { quietHours: null } }).notifications;

  it('reading the same "Out for delivery" page again is the same situation, told once', async () => {
    await ingestPageReading(db, page(shipment({ status: 'in_transit', statusText: 'Shipped' }), NOW - 60 * MIN), deps(NOW - 60 * MIN));
    await evaluateSituations({ db, now: NOW - 60 * MIN, timeZone: ZONE, ui: EN });
    let told = 0;
    for (const t of [NOW, NOW + 30 * MIN, NOW + 60 * MIN]) {
      await ingestPageReading(db, page(shipment(), t), deps(t));
      const { started } = await evaluateSituations({ db, now: t, timeZone: ZONE, ui: EN });
      told += decideNotifications(started.map((a) => ({ ...a, newsAt: a.newsAt ?? null })), [], notify, t, ZONE, [], EN).notify.length;
    }
    expect((await db.alerts.toArray()).filter((a) => a.kind === 'out_for_delivery')).toHaveLength(1);
    expect(told).toBe(1);
    // The status is out for delivery since the first page that said so.
    expect((await db.packages.toArray())[0]!.statusSince).toBe(NOW);
  });

  it('a later page of the same shop that says less does not move the status back (Shipped → Label created)', async () => {
    await ingestPageReading(db, page(shipment({ status: 'in_transit', statusText: 'Shipped' }), NOW), deps(NOW));
    await ingestPageReading(db, page(shipment({ status: 'info_received', statusText: 'Label created' }), NOW + MIN, 'track-package'), deps(NOW + MIN));
    expect((await db.packages.toArray())[0]!.status).toBe('in_transit');
  });

  it('a page-only parcel still moves sideways on its own page\'s word (out for delivery → attempt failed)', async () => {
    await ingestPageReading(db, page(shipment(), NOW), deps(NOW));
    await ingestPageReading(db, page(shipment({ status: 'attempt_failed', statusText: 'Delivery attempted' }), NOW + 5 * 60 * MIN), deps(NOW + 5 * 60 * MIN));
    expect((await db.packages.toArray())[0]!.status).toBe('attempt_failed');
  });
});

describe('a second source joining the row a situation is keyed by', () => {
  it('Amazon\'s page confirming the carrier\'s "out for delivery" scan starts nothing new, whatever its wording', () => {
    const t0 = Date.parse('2026-12-02T14:00:00Z');
    const world = { now: t0, shopperZone: ZONE };
    const pkg = { ...blankPackage({ trackingNumber: '1Z999AA10123456784', carrier: 'ups', shop: 'amazon', orderId: '113-1', label: 'Lamp' }, t0 - 86_400_000), evaluatedAt: t0 - 86_400_000 };
    const carrier: Observation = {
      source: 'carrier:ups', observedAt: t0, trackingNumber: '1Z999AA10123456784', status: null, statusText: null, eta: null, deliveredAt: null, pickup: null,
      events: [{ time: '2026-12-02T07:58:00-06:00', timeIsLocal: false, status: 'out_for_delivery', code: 'OF', description: 'Out For Delivery Today', location: 'Chicago, IL, US' }],
    };
    const m1 = mergeObservation(pkg, [], carrier, world);
    const settings = alertSettings({});
    const ctx1 = { pkg: m1.pkg, now: t0, settings, timeZone: ZONE, ui: EN };
    const life1 = situationLifecycle(ctx1, [], evaluateAlerts(ctx1).current, false);
    expect(life1.started.map((a) => a.kind)).toEqual(['out_for_delivery']);
    for (const words of ['Out for delivery', 'Your package is out for delivery', 'Out for delivery.', 'Package is out for delivery', 'On the way: out for delivery']) {
      const amazon: Observation = {
        source: 'page:amazon', observedAt: t0 + 10 * MIN, trackingNumber: null, status: 'out_for_delivery', statusText: 'Out for delivery', eta: null, deliveredAt: null, pickup: null,
        events: [{ time: '2026-12-02T08:00:00', timeIsLocal: true, timeZone: ZONE, status: 'out_for_delivery', code: null, description: words, location: null }],
      };
      const m2 = mergeObservation(m1.pkg, m1.put, amazon, { ...world, now: t0 + 10 * MIN });
      expect(m2.put.some((e) => e.parts?.length === 2), words).toBe(true);
      const ctx2 = { pkg: m2.pkg, now: t0 + 10 * MIN, settings, timeZone: ZONE, ui: EN };
      const r = evaluateAlerts(ctx2);
      const life2 = situationLifecycle(ctx2, life1.write, r.current, false, r.superseded);
      expect([life2.started, life2.ended], words).toEqual([[], []]);
    }
  });
});
