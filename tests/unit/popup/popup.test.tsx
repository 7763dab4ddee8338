import { render } from 'preact';
import { describe, expect, it, vi } from 'vitest';
import { type PopupActions, type PopupData, PopupShell } from '../../../components/popup-shell';
import type { Alert, Package, TrackingEvent } from '../../../lib/model/types';
import { buildPackageDetails } from '../../../lib/view/package-details';
import { buildPopupModel, type SourceStatus } from '../../../lib/view/popup-model';
import { ROWS_PER_PAGE } from '../../../lib/view/rows-per-page';
import { parseTrackingInput } from '../../../lib/scan/parse-input';
import { trackOffers } from '../../../lib/view/track-offers';
import { blankPackage } from '../../../lib/engine/merge';
import { EN } from '../../support/i18n';

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
      timeZone: TZ, ui: EN,
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
    const [g] = buildPopupModel({ packages: [slipped], orders: [], alerts: [], now: NOW, timeZone: TZ, ui: EN }).groups;
    expect(g!.packages[0]!.headline).toMatchObject({ label: 'On the way', line: 'Arriving Wed, Nov 25 · was due tomorrow' });
    const dismissed = { ...alert('late', 'delayed', 'warning'), dismissed: true };
    const late = pkg('late', { eta: { from: '2026-11-20', to: '2026-11-20' } });
    const model = buildPopupModel({ packages: [late], orders: [], alerts: [dismissed], now: NOW, timeZone: TZ, ui: EN });
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
      timeZone: TZ, ui: EN,
      holds: { 'amazon-tracker': { until: NOW + 3_600_000, reason: 'auth', message: 'Sign in to Amazon to refresh' } },
    });
    expect(model.banners).toEqual([
      {
        id: 'amazon-tracker',
        text: 'Sign in to Amazon to refresh (2 packages waiting)',
        count: 2,
        fix: { label: 'Open Amazon and sign in', url: 'https://www.amazon.com/gp/css/order-history' },
      },
    ]);
    expect(model.groups.flatMap((g) => g.packages).map((p) => p.error)).toEqual([null, null, null]);
  });
});

describe('popup lists: current, History, Archived, search (issue #11 §2)', () => {
  const DAY = 86_400_000;
  const base = [
    pkg('recent', { status: 'delivered', deliveredAt: new Date(NOW - 1 * DAY).toISOString(), label: 'Blue socks' }),
    pkg('old', { status: 'delivered', deliveredAt: new Date(NOW - 5 * DAY).toISOString(), label: 'Desk lamp' }),
    pkg('gone', { status: 'cancelled', statusSince: NOW - 10 * DAY, label: 'Cancelled kettle' }),
    pkg('moving', { label: 'Camera', trackingNumber: '1Z999AA10123456784', carrier: 'ups' }),
    pkg('put-away', { archived: true, label: 'Old charger' }),
  ];
  const build = (over: Partial<Parameters<typeof buildPopupModel>[0]> = {}) =>
    buildPopupModel({ packages: base, orders: [], alerts: [], now: NOW, timeZone: TZ, ui: EN, ...over });
  const ids = (m: ReturnType<typeof build>) => m.groups.flatMap((g) => g.packages.map((p) => p.id));

  it('delivered parcels move to History after the setting\'s days (default 3); archived ones to Archived', () => {
    expect(ids(build())).toEqual(['moving', 'recent']);
    expect(ids(build({ view: 'history' }))).toEqual(['old', 'gone']);
    expect(ids(build({ view: 'archived' }))).toEqual(['put-away']);
    expect(build().counts).toEqual({ list: 2, history: 2, archived: 1 });
    expect(ids(build({ historyAfterDays: 7 }))).toEqual(['moving', 'recent', 'old']);
    expect(ids(build({ historyAfterDays: 0 }))).toEqual(['moving']);
  });

  it('search looks in every list, History and Archived matches under their own headings', () => {
    const q = (text: string) => trackOffers(parseTrackingInput(text), new Map(), {}, EN.t).query;
    expect(ids(build({ query: q('lamp') }))).toEqual(['old']);
    expect(build({ query: q('lamp') }).groups.map((g) => g.id)).toEqual(['history']);
    expect(ids(build({ query: q('charger') }))).toEqual(['put-away']);
    expect(ids(build({ query: q('ups') }))).toEqual(['moving']);
    expect(ids(build({ query: q('1Z999AA1 0123456784') }))).toEqual(['moving']);
    expect(ids(build({ query: q('111-0000000-0000000') })).length).toBe(5);
    const none = build({ query: q('piano') });
    expect([none.shown, none.noMatch]).toEqual([0, true]);
  });

  it('a parcel nobody can refresh says so and offers the fix (issue #11 §4)', () => {
    const sources: SourceStatus = { providers: [], needsKey: [{ id: 'ups', carriers: ['ups'] }] };
    const row = build({ sources }).groups.flatMap((g) => g.packages).find((p) => p.id === 'moving')!;
    expect(row.noSource?.text).toBe('Porchlight cannot refresh this UPS number yet: add your free UPS key in Options.');
    expect(row.noSource?.fixes.map((f) => f.kind)).toEqual(['add_key', 'carrier_page']);
    const withKey: SourceStatus = { providers: [{ id: 'ups', carriers: ['ups'] }], needsKey: [] };
    expect(build({ sources: withKey }).groups.flatMap((g) => g.packages).find((p) => p.id === 'moving')!.noSource).toBeNull();
    // Finished parcels need no source.
    expect(build({ sources }).groups.flatMap((g) => g.packages).find((p) => p.id === 'recent')!.noSource).toBeNull();
  });
});

describe('popup components', () => {
  const actions = (): PopupActions => ({
    setQuery: vi.fn(),
    setView: vi.fn(),
    track: vi.fn(),
    choose: vi.fn(),
    open: vi.fn(),
    back: vi.fn(),
    refresh: vi.fn(),
    refreshOne: vi.fn(),
    scanPage: vi.fn(),
    undo: vi.fn(),
    openTracking: vi.fn(),
    openShop: vi.fn(),
    openUrl: vi.fn(),
    openOptions: vi.fn(),
    copy: vi.fn(),
    rename: vi.fn(),
    mute: vi.fn(),
    archive: vi.fn(),
    markNotReceived: vi.fn(),
    saveClaimKit: vi.fn(),
    remove: vi.fn(),
    dismiss: vi.fn(),
    more: vi.fn(),
  });
  const data = (over: Partial<PopupData> & { model: PopupData['model'] }): PopupData => ({
    t: EN.t,
    loading: false,
    query: '',
    offers: [],
    reasons: [],
    refreshing: false,
    busy: false,
    message: null,
    undo: null,
    open: null,
    ordersLinks: [{ label: 'Your orders on Amazon.com', url: 'https://www.amazon.com/gp/css/order-history' }],
    ...over,
  });
  const button = (root: Element, text: string | RegExp) =>
    [...root.querySelectorAll('button')].find((b) => (typeof text === 'string' ? b.textContent === text : text.test(b.textContent ?? ''))) as HTMLButtonElement;

  it('renders page text as text, never HTML; a row is one button with one attention mark', () => {
    const evil = '<img src=x onerror=alert(1)>Shoes';
    const model = buildPopupModel({
      packages: [pkg('a', { label: evil, trackingNumber: '1Z999AA10123456784', carrier: 'ups', eta: { from: '2026-11-20', to: '2026-11-20' } })],
      orders: [],
      alerts: [{ ...alert('a', 'delayed', 'warning'), message: evil }],
      now: NOW,
      timeZone: TZ, ui: EN,
    });
    const root = document.createElement('div');
    const a = actions();
    render(<PopupShell data={data({ model })} actions={a} />, root);
    expect(root.querySelector('img')).toBeNull();
    expect(root.textContent).toContain(evil);
    const row = root.querySelector('[data-package-id="a"]')!;
    expect(row.querySelectorAll('button')).toHaveLength(1);
    expect(row.querySelectorAll('.pkg__attention')).toHaveLength(1);
    expect(row.querySelector('.pkg__attention')!.getAttribute('aria-label')).toContain(evil);
    expect(root.querySelector('[data-group="attention"] ul')!.getAttribute('role')).toBe('list');
    (row.querySelector('.pkg__open') as HTMLButtonElement).click();
    expect(a.open).toHaveBeenCalledWith('a');
    button(root, /^History/).click();
    expect(a.setView).toHaveBeenCalledWith('history');
  });

  it('the box offers each number with its carrier, a choice when formats overlap, and reasons', () => {
    const gls = '12345678902';
    const parsed = parseTrackingInput(`1Z999AA10123456784 ${gls}, 1Z999AA10123456785`);
    const box = trackOffers(parsed, new Map(), {}, EN.t);
    const model = buildPopupModel({ packages: [pkg('x')], orders: [], alerts: [], now: NOW, timeZone: TZ, ui: EN, query: box.query });
    const root = document.createElement('div');
    const a = actions();
    render(<PopupShell data={data({ model, query: 'typed', offers: box.offers, reasons: box.reasons })} actions={a} />, root);
    const offers = [...root.querySelectorAll('[data-offer]')].map((o) => o.getAttribute('data-offer'));
    expect(offers[0]).toBe('1Z999AA10123456784');
    expect(root.querySelector('[data-offer="1Z999AA10123456784"]')!.textContent).toContain('UPS');
    expect(root.querySelector('.box__reason')!.textContent).toContain('check digit does not match');
    expect(root.querySelector('#box-status')!.getAttribute('role')).toBe('status');
    // The button and Enter hand over the box's text as it is then, never the offers shown: those come
    // from the background a moment after each key, and may still be the text's before the last key.
    button(root, /^Track/).click();
    expect(a.track).toHaveBeenLastCalledWith('typed');
    const input = root.querySelector<HTMLInputElement>('#box')!;
    input.value = '1Z999AA10123456784';
    input.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true }));
    expect(a.track).toHaveBeenLastCalledWith('1Z999AA10123456784');
  });

  it('an already tracked number offers to open its package instead', () => {
    const box = trackOffers(parseTrackingInput('1Z999AA10123456784'), new Map([['1Z999AA10123456784', 'ups:1Z999AA10123456784']]), {}, EN.t);
    const root = document.createElement('div');
    const a = actions();
    render(<PopupShell data={data({ model: buildPopupModel({ packages: [], orders: [], alerts: [], now: NOW, timeZone: TZ, ui: EN }), query: 'x', offers: box.offers })} actions={a} />, root);
    expect(button(root, /^Track/)).toBeUndefined();
    button(root, 'Already tracked: open').click();
    expect(a.open).toHaveBeenCalledWith('ups:1Z999AA10123456784');
  });

  it('the empty popup explains the three ways in, with the orders link', () => {
    const root = document.createElement('div');
    const a = actions();
    render(<PopupShell data={data({ model: buildPopupModel({ packages: [], orders: [], alerts: [], now: NOW, timeZone: TZ, ui: EN }) })} actions={a} />, root);
    expect(root.querySelector('.welcome')!.textContent).toMatch(/Open your orders.*Paste a tracking number.*right-click/s);
    button(root, 'Your orders on Amazon.com').click();
    expect(a.openUrl).toHaveBeenCalledWith('https://www.amazon.com/gp/css/order-history');
  });

  it('a long group shows its first rows and a named "Show more" button; the heading counts them all (issue #13 §4)', () => {
    const n = 2 * ROWS_PER_PAGE + 10;
    const many = Array.from({ length: n }, (_, i) => pkg(`p${String(i).padStart(2, '0')}`, { lastChangeAt: NOW - i }));
    const paged = (pages: Record<string, number>) => buildPopupModel({ packages: many, orders: [], alerts: [], now: NOW, timeZone: TZ, ui: EN, pages });
    const full = buildPopupModel({ packages: many, orders: [], alerts: [], now: NOW, timeZone: TZ, ui: EN });
    expect(full.groups[0]!.packages).toHaveLength(n);
    const root = document.createElement('div');
    const a = actions();
    render(<PopupShell data={data({ model: paged({}) })} actions={a} />, root);
    expect(root.querySelectorAll('[data-package-id]')).toHaveLength(ROWS_PER_PAGE);
    expect(root.querySelector('[data-group="on_the_way"] .group__count')!.textContent).toBe(String(n));
    // The first rows are the group's first rows, in its order.
    expect(root.querySelector('[data-package-id]')!.getAttribute('data-package-id')).toBe(full.groups[0]!.packages[0]!.id);
    const more = button(root, `Show ${ROWS_PER_PAGE} more`);
    expect(more.type).toBe('button');
    // Described by its group's heading, so two groups' "Show 15 more" are told apart.
    const describedBy = more.getAttribute('aria-describedby')!;
    expect(root.querySelector(`#${describedBy}`)!.textContent).toContain('On the way');
    more.click();
    expect(a.more).toHaveBeenCalledWith('on_the_way');
    // The last page adds what is left; with every row shown there is no button.
    render(<PopupShell data={data({ model: paged({ on_the_way: 2 }) })} actions={a} />, root);
    expect(root.querySelectorAll('[data-package-id]')).toHaveLength(2 * ROWS_PER_PAGE);
    expect(button(root, 'Show 10 more')).toBeDefined();
    render(<PopupShell data={data({ model: paged({ on_the_way: 3 }) })} actions={a} />, root);
    expect(root.querySelectorAll('[data-package-id]')).toHaveLength(n);
    expect(root.querySelector('.group__more')).toBeNull();
  });

  it('an undo is offered after an action', () => {
    const root = document.createElement('div');
    const a = actions();
    render(<PopupShell data={data({ model: buildPopupModel({ packages: [pkg('x')], orders: [], alerts: [], now: NOW, timeZone: TZ, ui: EN }), undo: { text: 'Deleted: x.' } })} actions={a} />, root);
    expect(root.querySelector('.popup__status')!.getAttribute('role')).toBe('status');
    expect(root.querySelector('.popup__status')!.textContent).toContain('Deleted: x.');
    button(root, 'Undo').click();
    expect(a.undo).toHaveBeenCalled();
  });

  it('the status region stays one element, in place, as a package opens and closes (issue #13)', () => {
    const p = pkg('n', { carrier: 'ups', trackingNumber: '1Z999AA10123456784' });
    const model = buildPopupModel({ packages: [p], orders: [], alerts: [], now: NOW, timeZone: TZ, ui: EN });
    const row = model.groups[0]!.packages[0]!;
    const details = buildPackageDetails({ pkg: p, events: [], alerts: [], order: null, now: NOW, timeZone: TZ, ui: EN });
    const root = document.createElement('div');
    const a = actions();
    render(<PopupShell data={data({ model })} actions={a} />, root);
    const region = root.querySelector('.popup__status')!;
    expect(region.getAttribute('role')).toBe('status');
    expect(region.textContent).toBe('');
    // Neither replaced nor moved: a live region taken out of the page and put back is a new one to
    // the browser, and what it says as it comes back is often not announced.
    const moves: Node[] = [];
    const watch = new MutationObserver((records) => records.forEach((r) => moves.push(...r.removedNodes)));
    watch.observe(root, { childList: true, subtree: true });
    // Tracking one number writes the result and opens its view in the same render.
    render(<PopupShell data={data({ model, open: { row, details }, message: 'Now tracking 1 new package.' })} actions={a} />, root);
    expect(root.querySelector('[data-view-package="n"]')).not.toBeNull();
    expect(root.querySelector('.popup__status')).toBe(region);
    expect(region.textContent).toBe('Now tracking 1 new package.');
    render(<PopupShell data={data({ model, message: 'Undone.' })} actions={a} />, root);
    expect(root.querySelector('.popup__status')).toBe(region);
    moves.push(...watch.takeRecords().flatMap((r) => [...r.removedNodes]));
    watch.disconnect();
    expect(moves.filter((n) => n === region || n.contains(region))).toEqual([]);
  });

  it('a failure is said in its own alert region, a result politely; neither region inside the other, both kept (issue #13)', () => {
    const model = buildPopupModel({ packages: [pkg('a')], orders: [], alerts: [], now: NOW, timeZone: TZ, ui: EN });
    const root = document.createElement('div');
    render(<PopupShell data={data({ model })} actions={actions()} />, root);
    const polite = root.querySelector('[role="status"].popup__status')!;
    const alert = root.querySelector('[role="alert"].popup__alert')!;
    expect(alert.textContent).toBe('');
    expect(polite.contains(alert) || alert.contains(polite)).toBe(false);
    render(<PopupShell data={data({ model, message: { error: 'Refresh failed: offline' } })} actions={actions()} />, root);
    expect(root.querySelector('.popup__alert')).toBe(alert);
    expect(alert.textContent).toBe('Refresh failed: offline');
    expect(polite.textContent).toBe('');
    render(<PopupShell data={data({ model, message: 'Checked 1 package on its way, 0 changed.' })} actions={actions()} />, root);
    expect(alert.textContent).toBe('');
    expect(polite.textContent).toBe('Checked 1 package on its way, 0 changed.');
    // The only alert region is that one: standing banners and a package's attention are no live regions.
    expect(root.querySelectorAll('[role="alert"]')).toHaveLength(1);
  });

  it('the same failure twice is said twice: a new node in the alert region each time (review of issue #13)', () => {
    const model = buildPopupModel({ packages: [pkg('a')], orders: [], alerts: [], now: NOW, timeZone: TZ, ui: EN });
    const root = document.createElement('div');
    render(<PopupShell data={data({ model, message: { error: 'Refresh failed: offline' }, messageSeq: 1 })} actions={actions()} />, root);
    const first = root.querySelector('.popup__alert p')!;
    render(<PopupShell data={data({ model, message: { error: 'Refresh failed: offline' }, messageSeq: 2 })} actions={actions()} />, root);
    const second = root.querySelector('.popup__alert p')!;
    expect(second.textContent).toBe('Refresh failed: offline');
    expect(second).not.toBe(first);
    expect(first.isConnected).toBe(false);
  });

  it('package view: progress, timeline newest first by day, number, order, every action wired', () => {
    const p = pkg('d', { status: 'delivered', carrier: 'ups', trackingNumber: '1Z999AA10123456784', deliveredAt: '2026-11-22T14:00:00-06:00', orderKey: 'amazon:111-0000000-0000000' });
    const events: TrackingEvent[] = [
      { key: 'k0', packageId: 'd', time: '2025-12-30T08:00:00', timeIsLocal: true, timeZone: 'America/New_York', status: 'info_received', code: 'M', description: 'Label created', location: 'New York, NY', source: 'carrier:ups' },
      { key: 'k1', packageId: 'd', time: '2026-11-21T08:00:00-06:00', timeIsLocal: false, status: 'in_transit', code: 'I', description: 'Departed', location: 'Louisville, KY', source: 'carrier:ups' },
      { key: 'k2', packageId: 'd', time: '2026-11-22T14:00:00-06:00', timeIsLocal: false, status: 'delivered', code: 'D', description: 'Delivered', location: 'Chicago, IL', source: 'carrier:ups' },
    ];
    const order = { key: 'amazon:111-0000000-0000000', shop: 'amazon', orderId: '111-0000000-0000000', placedAt: '2026-11-18', items: [{ title: 'Camera', quantity: 2, seller: 'Acme', url: null }], total: '$24.37', status: 'open' as const, kind: 'physical' as const, pageUrl: 'https://www.amazon.com/', orderUrl: 'https://www.amazon.com/gp/your-account/order-details?orderID=111-0000000-0000000', firstSeenAt: NOW, updatedAt: NOW };
    const details = buildPackageDetails({ pkg: p, events, alerts: [alert('d', 'delivered', 'good')], order, now: NOW, timeZone: TZ, ui: EN });
    expect(details.timeline.map((e) => e.text)).toEqual(['Delivered', 'Departed', 'Label created']);
    // In the event's own zone, its short name when it is not the shopper's; the year when not this year.
    expect(details.timeline[2]).toMatchObject({ day: 'Tue, Dec 30, 2025', time: '8:00 AM EST' });
    expect(details.timeline[0]).toMatchObject({ day: 'Sun, Nov 22', time: '2:00 PM' });
    expect(details.progress).toEqual({ steps: ['Ordered', 'Shipped', 'In transit', 'Out for delivery', 'Delivered'], current: 4, stopped: null });
    expect(details.canMarkNotReceived).toBe(true);
    const model = buildPopupModel({ packages: [p], orders: [order], alerts: [], now: NOW, timeZone: TZ, ui: EN });
    const row = model.groups[0]!.packages[0]!;
    const root = document.createElement('div');
    const a = actions();
    render(<PopupShell data={data({ model, open: { row, details } })} actions={a} />, root);
    expect(root.querySelector('.timeline')!.textContent).toContain('Louisville, KY');
    // The progress is a progressbar named after the package, its step in words (issue #13).
    const bar = root.querySelector('[role="progressbar"]')!;
    expect(bar.getAttribute('aria-label')).toBe(`Progress of ${row.title}`);
    expect([bar.getAttribute('aria-valuemin'), bar.getAttribute('aria-valuenow'), bar.getAttribute('aria-valuemax')]).toEqual(['1', '5', '5']);
    expect(bar.getAttribute('aria-valuetext')).toBe('Step 5 of 5: Delivered');
    expect(root.querySelector('.step--done:last-child')!.textContent).toBe('Delivered');
    expect(root.textContent).toContain('2 × Camera');
    expect(root.textContent).toContain('sold by Acme');
    button(root, '← Back').click();
    expect(a.back).toHaveBeenCalled();
    button(root, 'Copy number').click();
    expect(a.copy).toHaveBeenCalledWith('1Z999AA10123456784');
    button(root, 'UPS page').click();
    expect(a.openTracking).toHaveBeenCalledWith('d');
    button(root, 'Refresh').click();
    expect(a.refreshOne).toHaveBeenCalledWith('d');
    button(root, 'Mute').click();
    expect(a.mute).toHaveBeenCalledWith('d', true);
    button(root, 'Archive').click();
    expect(a.archive).toHaveBeenCalledWith('d', true);
    button(root, 'I did not receive this').click();
    expect(a.markNotReceived).toHaveBeenCalledWith('d');
    button(root, 'Save claim kit').click();
    expect(a.saveClaimKit).toHaveBeenCalledWith('d');
    button(root, 'Delete').click();
    expect(a.remove).toHaveBeenCalledWith('d');
  });
});
