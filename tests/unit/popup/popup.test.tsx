import { render } from 'preact';
import { describe, expect, it, vi } from 'vitest';
import { PackageList, type PackageListActions } from '../../../components/package-list';
import type { Alert, Package, TrackingEvent } from '../../../lib/model/types';
import { buildPackageDetails } from '../../../lib/view/package-details';
import { buildPopupModel } from '../../../lib/view/popup-model';
import { blankPackage } from '../../../lib/engine/merge';

const NOW = Date.parse('2026-11-23T15:00:00Z'); // 09:00 in Chicago
const TZ = 'America/Chicago';

function pkg(id: string, over: Partial<Package> = {}): Package {
  return {
    ...blankPackage({ id, shop: 'amazon', orderId: '111-0000000-0000000', label: id, status: 'in_transit', lastChangeAt: NOW, nextCheckAt: null, firstSeenAt: NOW }, NOW),
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
    const { groups } = buildPopupModel({
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

  it('a slipped ETA says the new date and the old one; a dismissed line leaves attention', () => {
    const slipped = pkg('p', {
      eta: { from: '2026-11-25', to: '2026-11-25' },
      etaHistory: [
        { eta: { from: '2026-11-24', to: '2026-11-24' }, seenAt: NOW - 1, source: 'carrier:ups' },
        { eta: { from: '2026-11-25', to: '2026-11-25' }, seenAt: NOW, source: 'carrier:ups' },
      ],
    });
    const [g] = buildPopupModel({ packages: [slipped], orders: [], alerts: [], now: NOW, timeZone: TZ }).groups;
    expect(g!.packages[0]!.headline).toMatchObject({ label: 'On the way', line: 'Arriving Wed, Nov 25 · was due tomorrow' });
    const dismissed = { ...alert('late', 'delayed', 'warning'), dismissed: true };
    const late = pkg('late', { eta: { from: '2026-11-20', to: '2026-11-20' } });
    const model = buildPopupModel({ packages: [late], orders: [], alerts: [dismissed], now: NOW, timeZone: TZ });
    expect(model.groups.map((x) => x.id)).toEqual(['on_the_way']);
    expect(model.groups[0]!.packages[0]!.attention).toBeNull();
  });

  it('a source blocked for all its packages is one banner, not a line on every card (issue #19 §11)', () => {
    const signIn = { kind: 'auth', message: 'Sign in to Amazon to refresh', at: NOW };
    const model = buildPopupModel({
      packages: [pkg('a', { lastError: signIn }), pkg('b', { lastError: signIn, carrier: 'amazon', trackingNumber: 'TBA123456789012' }), pkg('c')],
      orders: [],
      alerts: [],
      now: NOW,
      timeZone: TZ,
      holds: { 'amazon-tracker': { until: NOW + 3_600_000, reason: 'auth', message: 'Sign in to Amazon to refresh' } },
    });
    expect(model.banners).toEqual([{ id: 'amazon-tracker', text: 'Sign in to Amazon to refresh (2 packages waiting)', count: 2 }]);
    expect(model.groups.flatMap((g) => g.packages).map((p) => p.error)).toEqual([null, null, null]);
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
    dismiss: vi.fn(),
  });

  it('renders page text as text, never HTML, and wires actions', () => {
    const evil = '<img src=x onerror=alert(1)>Shoes';
    const model = buildPopupModel({
      packages: [pkg('a', { label: evil, trackingNumber: '1Z999AA10123456784', carrier: 'ups', eta: { from: '2026-11-20', to: '2026-11-20' } })],
      orders: [],
      alerts: [{ ...alert('a', 'delayed', 'warning'), message: evil }],
      now: NOW,
      timeZone: TZ,
    });
    const root = document.createElement('div');
    const a = actions();
    render(<PackageList data={{ ...model, loading: false, refreshing: false, message: null, details: null }} actions={a} />, root);
    expect(root.querySelector('img')).toBeNull();
    expect(root.textContent).toContain(evil);
    (root.querySelector('[data-package-id="a"] .pkg__title') as HTMLButtonElement).click();
    expect(a.toggle).toHaveBeenCalledWith('a');
    [...root.querySelectorAll('button')].find((b) => b.textContent === 'Carrier page')!.click();
    expect(a.openTracking).toHaveBeenCalledWith('a');
    [...root.querySelectorAll('button')].find((b) => b.textContent === 'Archive')!.click();
    expect(a.archive).toHaveBeenCalledWith('a', true);
    // One attention line, dismissable.
    expect(root.querySelectorAll('.pkg__attention')).toHaveLength(1);
    (root.querySelector('.pkg__dismiss') as HTMLButtonElement).click();
    expect(a.dismiss).toHaveBeenCalledWith('a|delayed|x');
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
    const model = buildPopupModel({ packages: [p], orders: [], alerts: [], now: NOW, timeZone: TZ });
    render(<PackageList data={{ ...model, loading: false, refreshing: false, message: null, details }} actions={a} />, root);
    expect(root.querySelector('.details__timeline')?.textContent).toContain('Louisville, KY');
    (root.querySelector('.details__not-received') as HTMLButtonElement).click();
    expect(a.markNotReceived).toHaveBeenCalledWith('d');
  });
});
