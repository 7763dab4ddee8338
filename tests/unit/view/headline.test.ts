/**
 * What a card says (issue #19 §6), for every status × every ETA case: no ETA, ETA passed, today,
 * tomorrow, later, slipped (promised earlier, now later). Each cell is the badge and the main line a
 * shopper reads; the invariants below the table are what made the old card contradict itself.
 */
import { describe, expect, it } from 'vitest';
import { blankPackage } from '../../../lib/engine/merge';
import { STATUSES, type Status } from '../../../lib/model/status';
import type { Alert, Eta, Package } from '../../../lib/model/types';
import { cardText } from '../../../lib/view/headline';
import { EN } from '../../support/i18n';

const NOW = Date.parse('2026-11-23T15:00:00Z'); // Mon 09:00 in Chicago
const TZ = 'America/Chicago';
const day = (d: string): Eta => ({ from: d, to: d });

type EtaCase = 'none' | 'past' | 'today' | 'tomorrow' | 'later' | 'slipped';
const ETA_CASES: Record<EtaCase, Pick<Package, 'eta' | 'etaHistory'>> = {
  none: { eta: null, etaHistory: [] },
  past: { eta: day('2026-11-21'), etaHistory: [{ eta: day('2026-11-21'), seenAt: NOW - 5 * 86_400_000, source: 'carrier:ups' }] },
  today: { eta: day('2026-11-23'), etaHistory: [{ eta: day('2026-11-23'), seenAt: NOW - 86_400_000, source: 'carrier:ups' }] },
  tomorrow: { eta: day('2026-11-24'), etaHistory: [{ eta: day('2026-11-24'), seenAt: NOW - 86_400_000, source: 'carrier:ups' }] },
  later: { eta: day('2026-11-27'), etaHistory: [{ eta: day('2026-11-27'), seenAt: NOW - 86_400_000, source: 'carrier:ups' }] },
  slipped: {
    eta: day('2026-11-26'),
    etaHistory: [
      { eta: day('2026-11-22'), seenAt: NOW - 4 * 86_400_000, source: 'carrier:ups' },
      { eta: day('2026-11-26'), seenAt: NOW - 3_600_000, source: 'carrier:ups' },
    ],
  },
};

const situation = (kind: Alert['kind'], severity: Alert['severity'], message: string): Alert => ({
  key: `p|${kind}|x`, packageId: 'p', kind, severity, title: kind, message, createdAt: NOW, notifiedAt: null, dismissed: false, endedAt: null,
});

function pkg(status: Status, etaCase: EtaCase): Package {
  return {
    ...blankPackage({ id: 'p', label: 'Lamp', shop: 'amazon', orderId: '111-0000000-0000000', status, lastChangeAt: NOW, statusText: null }, NOW),
    ...ETA_CASES[etaCase],
    deliveredAt: status === 'delivered' ? '2026-11-23T08:14:00-06:00' : null,
    pickup: status === 'available_for_pickup' ? { location: 'Hub Locker "Maple"', code: '483920', until: '2026-11-26' } : null,
    statusText: status === 'attempt_failed' ? 'No access to the building' : status === 'exception' ? 'Address incomplete' : null,
  };
}

// [status, eta case] → [badge, line]
const TABLE: Record<Status, Record<EtaCase, [string, string]>> = {
  pending: {
    none: ['Ordered', 'Not shipped yet'],
    past: ['Late', '2 days late · was expected Sat, Nov 21'],
    today: ['Ordered', 'Arriving today'],
    tomorrow: ['Ordered', 'Arriving tomorrow'],
    later: ['Ordered', 'Arriving Fri, Nov 27'],
    slipped: ['Late', '1 day late · now expected Thu, Nov 26'],
  },
  info_received: {
    none: ['Label created', 'The carrier has not picked it up yet'],
    past: ['Late', '2 days late · was expected Sat, Nov 21'],
    today: ['Label created', 'Arriving today'],
    tomorrow: ['Label created', 'Arriving tomorrow'],
    later: ['Label created', 'Arriving Fri, Nov 27'],
    slipped: ['Late', '1 day late · now expected Thu, Nov 26'],
  },
  in_transit: {
    none: ['On the way', 'On the way'],
    past: ['Late', '2 days late · was expected Sat, Nov 21'],
    today: ['On the way', 'Arriving today'],
    tomorrow: ['On the way', 'Arriving tomorrow'],
    later: ['On the way', 'Arriving Fri, Nov 27'],
    slipped: ['Late', '1 day late · now expected Thu, Nov 26'],
  },
  out_for_delivery: {
    none: ['Out for delivery', 'Arriving today'],
    past: ['Out for delivery', 'Arriving today'],
    today: ['Out for delivery', 'Arriving today'],
    tomorrow: ['Out for delivery', 'Arriving today'],
    later: ['Out for delivery', 'Arriving today'],
    slipped: ['Out for delivery', 'Arriving today'],
  },
  available_for_pickup: Object.fromEntries(
    (Object.keys(ETA_CASES) as EtaCase[]).map((c) => [c, ['Ready for pickup', 'At Hub Locker "Maple"']]),
  ) as Record<EtaCase, [string, string]>,
  attempt_failed: Object.fromEntries(
    (Object.keys(ETA_CASES) as EtaCase[]).map((c) => [c, ['Attempt failed', 'No access to the building']]),
  ) as Record<EtaCase, [string, string]>,
  delivered: Object.fromEntries((Object.keys(ETA_CASES) as EtaCase[]).map((c) => [c, ['Delivered', 'Delivered today at 8:14 AM']])) as Record<EtaCase, [string, string]>,
  exception: Object.fromEntries((Object.keys(ETA_CASES) as EtaCase[]).map((c) => [c, ['Problem', 'Address incomplete']])) as Record<EtaCase, [string, string]>,
  returned: Object.fromEntries((Object.keys(ETA_CASES) as EtaCase[]).map((c) => [c, ['Returned', 'Going back to the sender']])) as Record<EtaCase, [string, string]>,
  cancelled: Object.fromEntries((Object.keys(ETA_CASES) as EtaCase[]).map((c) => [c, ['Cancelled', 'Nothing is on its way']])) as Record<EtaCase, [string, string]>,
  expired: Object.fromEntries(
    (Object.keys(ETA_CASES) as EtaCase[]).map((c) => [c, ['Tracking expired', 'The carrier no longer answers for this number']]),
  ) as Record<EtaCase, [string, string]>,
};

const CELLS = STATUSES.flatMap((status) => (Object.keys(ETA_CASES) as EtaCase[]).map((etaCase) => [status, etaCase] as const));

describe('cardText: every status × ETA case', () => {
  it.each(CELLS)('%s, ETA %s', (status, etaCase) => {
    const { headline } = cardText({ pkg: pkg(status, etaCase), situations: [], now: NOW, timeZone: TZ, ui: EN });
    expect([headline.label, headline.line]).toEqual(TABLE[status][etaCase]);
  });

  it.each(CELLS)('never contradicts itself: %s, ETA %s', (status, etaCase) => {
    const { headline } = cardText({ pkg: pkg(status, etaCase), situations: [], now: NOW, timeZone: TZ, ui: EN });
    const text = `${headline.label} ${headline.line} ${headline.detail ?? ''}`;
    if (status === 'out_for_delivery') expect(text).not.toMatch(/tomorrow|expected/i);
    if (['delivered', 'returned', 'cancelled', 'expired', 'available_for_pickup'].includes(status)) expect(text).not.toMatch(/arriving|expected|late/i);
    if (status === 'delivered') expect(headline.tone).toBe('good');
  });
});

describe('cardText: situations and details', () => {
  it('a second line says only what the card does not already say', () => {
    const p = { ...pkg('in_transit', 'tomorrow'), statusText: 'Arriving tomorrow · Shipped' };
    expect(cardText({ pkg: p, situations: [], now: NOW, timeZone: TZ, ui: EN }).headline.detail).toBeNull();
    const scanned = { ...p, timeline: { ...p.timeline, last: { key: 'k', at: NOW, status: 'in_transit' as const, code: 'DP', description: 'Departed facility', location: 'Columbus, OH, US', source: 'carrier:ups' } } };
    expect(cardText({ pkg: scanned, situations: [], now: NOW, timeZone: TZ, ui: EN }).headline.detail).toBe('Departed facility · Columbus, OH, US');
    const ofd = { ...pkg('out_for_delivery', 'today'), statusText: 'Out for delivery' };
    expect(cardText({ pkg: ofd, situations: [], now: NOW, timeZone: TZ, ui: EN }).headline.detail).toBeNull();
    const delayed = { ...pkg('exception', 'slipped'), statusText: 'Delayed: severe weather' };
    const c = cardText({ pkg: delayed, situations: [situation('delayed', 'warning', 'The carrier reports: Delayed: severe weather')], now: NOW, timeZone: TZ, ui: EN });
    expect(c.headline.detail).toBeNull();
  });

  it('a date months away says its year', () => {
    const old = { ...pkg('delivered', 'none'), deliveredAt: '2024-11-01' };
    expect(cardText({ pkg: old, situations: [], now: NOW, timeZone: TZ, ui: EN }).headline.line).toBe('Delivered Fri, Nov 1, 2024');
  });

  it('out for delivery says the hours of today\'s window', () => {
    const p = { ...pkg('out_for_delivery', 'none'), eta: { from: '2026-11-23T14:00:00-06:00', to: '2026-11-23T18:00:00-06:00' } };
    expect(cardText({ pkg: p, situations: [], now: NOW, timeZone: TZ, ui: EN }).headline.line).toBe('Arriving today between 2:00 PM and 6:00 PM');
    const by = { ...p, eta: { from: '2026-11-23', to: '2026-11-23T20:00:00-06:00' } };
    expect(cardText({ pkg: by, situations: [], now: NOW, timeZone: TZ, ui: EN }).headline.line).toBe('Arriving today by 8:00 PM');
  });

  it('pickup says where, until when and the code; delivered says where it was left', () => {
    const pick = cardText({ pkg: pkg('available_for_pickup', 'none'), situations: [], now: NOW, timeZone: TZ, ui: EN }).headline;
    expect(pick.detail).toBe('Pickup code 483920 · Until Thu, Nov 26');
    const p = { ...pkg('delivered', 'none'), timeline: { ...pkg('delivered', 'none').timeline, statusEvent: { key: 'k', at: NOW, status: 'delivered' as const, code: 'DL', description: 'Delivered, left at front door', location: 'Springfield, IL, US', source: 'carrier:demo' } } };
    expect(cardText({ pkg: p, situations: [], now: NOW, timeZone: TZ, ui: EN }).headline.detail).toBe('Delivered, left at front door · Springfield, IL, US');
  });

  it('a carrier delay is "Delayed", a warning, with the new date; not a red "Problem"', () => {
    const p = { ...pkg('exception', 'slipped'), statusText: 'Delayed: severe weather' };
    const delayed = situation('delayed', 'warning', 'The carrier reports: Delayed: severe weather');
    const c = cardText({ pkg: p, situations: [delayed, situation('eta_moved', 'info', 'Now expected Nov 26')], now: NOW, timeZone: TZ, ui: EN });
    expect(c.headline).toMatchObject({ label: 'Delayed', tone: 'warning', line: '1 day late · now expected Thu, Nov 26', detail: null });
    expect(c.attention).toMatchObject({ kind: 'delayed', severity: 'warning', text: 'The carrier reports: Delayed: severe weather', folded: 0 });
  });

  it('one attention line: the most severe situation, the others folded; a dismissed one leaves', () => {
    const stalled = situation('stalled', 'warning', 'No tracking update for 5 days.');
    const lost = { ...situation('suspected_lost', 'critical', 'No tracking update for 9 days.'), key: 'p|suspected_lost|y' };
    const c = cardText({ pkg: pkg('in_transit', 'none'), situations: [stalled, lost], now: NOW, timeZone: TZ, ui: EN });
    expect(c.attention).toMatchObject({ kind: 'suspected_lost', folded: 1 });
    expect(cardText({ pkg: pkg('in_transit', 'none'), situations: [{ ...lost, dismissed: true }], now: NOW, timeZone: TZ, ui: EN }).attention).toBeNull();
    expect(cardText({ pkg: pkg('in_transit', 'none'), situations: [{ ...lost, endedAt: NOW }], now: NOW, timeZone: TZ, ui: EN }).attention).toBeNull();
  });

  it('"not received": the green delivered line gives way', () => {
    const c = cardText({ pkg: pkg('delivered', 'none'), situations: [situation('suspected_lost', 'critical', 'The carrier says it was delivered, but you did not get it.')], now: NOW, timeZone: TZ, ui: EN });
    expect(c.headline).toMatchObject({ label: 'Not received', tone: 'problem', line: 'You marked it not received', detail: 'The carrier says it was delivered today at 8:14 AM' });
    expect(c.attention?.severity).toBe('critical');
  });
  it('a number the shopper added, with no event yet, says only that the carrier has not answered (issue #11)', () => {
    const added = blankPackage({ id: 'ups:1Z', trackingNumber: '1Z999AA10123456784', carrier: 'ups', status: 'pending', lastChangeAt: NOW, statusText: 'Added from selection' }, NOW);
    expect(cardText({ pkg: added, situations: [], now: NOW, timeZone: 'America/Chicago', ui: EN }).headline).toEqual({
      label: 'Added',
      tone: 'neutral',
      line: 'No update from the carrier yet',
      detail: null,
    });
  });
});
