import { render } from 'preact';
import { describe, expect, it, vi } from 'vitest';
import { PackageList, type PackageListActions } from '../../../components/package-list';
import type { Alert, Package, TrackingEvent } from '../../../lib/model/types';
import { buildPackageDetails } from '../../../lib/view/package-details';
import { buildPopupModel, etaLabel } from '../../../lib/view/popup-model';

const NOW = Date.parse('2026-11-23T15:00:00Z'); // 09:00 in Chicago
const TZ = 'America/Chicago';

function pkg(id: string, over: Partial<Package> = {}): Package {
  return {
    id,
    trackingNumber: null,
    shipmentId: null,
    carrier: null,
    orderKey: null,
    shop: 'amazon',
    orderId: '111-0000000-0000000',
    label: id,
    status: 'in_transit',
    statusText: null,
    eta: null,
    etaHistory: [],
    deliveredAt: null,
    lastEvent: null,
    lastChangeAt: NOW,
    nextCheckAt: null,
    lastCheckAt: null,
    lastError: null,
    failures: 0,
    trackUrl: null,
    archived: false,
    muted: false,
    firstSeenAt: NOW,
    updatedAt: NOW,
    ...over,
  };
}

const alert = (packageId: string, kind: Alert['kind'], severity: Alert['severity']): Alert => ({
  key: `${packageId}|${kind}|x`,
  packageId,
  kind,
  severity,
  title: `${kind} title`,
  message: 'm',
  createdAt: NOW,
  notifiedAt: null,
  dismissed: false,
});

describe('popup model', () => {
  it('groups by what needs attention, in order', () => {
    const groups = buildPopupModel({
      packages: [
        pkg('late', { eta: { from: '2026-11-20', to: '2026-11-20' } }),
        pkg('ofd', { status: 'out_for_delivery' }),
        pkg('done', { status: 'delivered' }),
        pkg('later', { eta: { from: '2026-11-26', to: '2026-11-27' } }),
        pkg('hidden', { archived: true }),
        pkg('gone', { status: 'cancelled' }),
      ],
      orders: [],
      alerts: [alert('late', 'delayed', 'warning')],
      now: NOW,
      timeZone: TZ,
    });
    expect(groups.map((g) => [g.id, g.packages.map((p) => p.id)])).toEqual([
      ['attention', ['late']],
      ['today', ['ofd']],
      ['on_the_way', ['later']],
      ['delivered', ['done']],
      ['closed', ['gone']],
    ]);
  });

  it('labels ETAs relative to the user’s today and shows a slipped ETA', () => {
    expect(etaLabel({ from: '2026-11-23', to: '2026-11-23' }, NOW, TZ)).toBe('today');
    expect(etaLabel({ from: '2026-11-24', to: '2026-11-24' }, NOW, TZ)).toBe('tomorrow');
    expect(etaLabel({ from: '2026-11-26', to: '2026-11-27' }, NOW, TZ)).toBe('Thu, Nov 26 – Fri, Nov 27');
    const [g] = buildPopupModel({
      packages: [
        pkg('p', {
          eta: { from: '2026-11-25', to: '2026-11-25' },
          etaHistory: [
            { eta: { from: '2026-11-24', to: '2026-11-24' }, seenAt: NOW - 1, source: 'carrier:ups' },
            { eta: { from: '2026-11-25', to: '2026-11-25' }, seenAt: NOW, source: 'carrier:ups' },
          ],
        }),
      ],
      orders: [],
      alerts: [],
      now: NOW,
      timeZone: TZ,
    });
    expect(g!.packages[0]).toMatchObject({ etaLabel: 'Wed, Nov 25', originalEtaLabel: 'tomorrow' });
  });
});

describe('popup components', () => {
  const actions = (): PackageListActions => ({
    refresh: vi.fn(),
    scanPage: vi.fn(),
    openTracking: vi.fn(),
    openShop: vi.fn(),
    archive: vi.fn(),
    mute: vi.fn(),
    toggle: vi.fn(),
    openUrl: vi.fn(),
    copy: vi.fn(),
    markNotReceived: vi.fn(),
  });

  it('renders page text as text, never HTML, and wires actions', () => {
    const evil = '<img src=x onerror=alert(1)>Shoes';
    const groups = buildPopupModel({
      packages: [pkg('a', { label: evil, trackingNumber: '1Z999AA10123456784', carrier: 'ups' })],
      orders: [],
      alerts: [],
      now: NOW,
      timeZone: TZ,
    });
    const root = document.createElement('div');
    const a = actions();
    render(<PackageList data={{ groups, loading: false, refreshing: false, message: null, details: null }} actions={a} />, root);
    expect(root.querySelector('img')).toBeNull();
    expect(root.textContent).toContain(evil);
    (root.querySelector('[data-package-id="a"] .pkg__title') as HTMLButtonElement).click();
    expect(a.toggle).toHaveBeenCalledWith('a');
    [...root.querySelectorAll('button')].find((b) => b.textContent === 'Carrier page')!.click();
    expect(a.openTracking).toHaveBeenCalledWith('a');
    [...root.querySelectorAll('button')].find((b) => b.textContent === 'Archive')!.click();
    expect(a.archive).toHaveBeenCalledWith('a', true);
  });

  it('opened package: timeline newest first, next steps, and "not received" for a delivered parcel', () => {
    const p = pkg('d', { status: 'delivered', carrier: 'ups', trackingNumber: '1Z999AA10123456784', deliveredAt: '2026-11-22T14:00:00-06:00' });
    const events: TrackingEvent[] = [
      { key: 'k1', packageId: 'd', time: '2026-11-21T08:00:00-06:00', timeIsLocal: false, status: 'in_transit', code: 'I', description: 'Departed', location: 'Louisville, KY', source: 'carrier:ups' },
      { key: 'k2', packageId: 'd', time: '2026-11-22T14:00:00-06:00', timeIsLocal: false, status: 'delivered', code: 'D', description: 'Delivered', location: 'Chicago, IL', source: 'carrier:ups' },
    ];
    const details = buildPackageDetails({ pkg: p, events, alerts: [alert('d', 'delivered', 'good')], now: NOW, timeZone: TZ });
    expect(details.timeline.map((e) => e.text)).toEqual(['Delivered', 'Departed']);
    expect(details.canMarkNotReceived).toBe(true);
    expect(details.steps.length).toBeGreaterThan(0);
    const root = document.createElement('div');
    const a = actions();
    const groups = buildPopupModel({ packages: [p], orders: [], alerts: [], now: NOW, timeZone: TZ });
    render(<PackageList data={{ groups, loading: false, refreshing: false, message: null, details }} actions={a} />, root);
    expect(root.querySelector('.details__timeline')?.textContent).toContain('Louisville, KY');
    (root.querySelector('.details__not-received') as HTMLButtonElement).click();
    expect(a.markNotReceived).toHaveBeenCalledWith('d');
  });
});
