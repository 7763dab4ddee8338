import { describe, expect, it } from 'vitest';
import { badgeCount, badgeText } from '../../../lib/notify/badge';
import { decideNotifications, type NotifiableAlert, toNotificationRecord } from '../../../lib/notify/decide-notifications';
import { quietUntil } from '../../../lib/notify/quiet-hours';
import { parseSettings } from '../../../lib/settings';

/** Settings as the product reads them (stored overrides on the defaults, validated). */
const notifySettings = (over: object = {}) => parseSettings({ notifications: over }).notifications;
import type { AlertKind, AlertSeverity } from '../../../lib/model/types';
import { EN } from '../../support/i18n';

const TZ = 'America/New_York';
const DAY_NOON = Date.parse('2024-03-06T17:00:00Z'); // 12:00 EST
const LATE = Date.parse('2024-03-07T04:00:00Z'); // 23:00 EST on Mar 6
const HOUR = 3_600_000;

function alert(pkg: string, kind: AlertKind, severity: AlertSeverity, since = DAY_NOON - HOUR): NotifiableAlert {
  return { key: `${pkg}|${kind}|x`, packageId: pkg, kind, severity, title: `${pkg} ${kind}`, message: `msg ${pkg}`, since, newsAt: since };
}

describe('quietUntil', () => {
  // [case, window, now, expected end or null]
  it.each([
    ['outside 22–07 at noon', { start: '22:00', end: '07:00' }, DAY_NOON, null],
    ['inside 22–07 before midnight: ends tomorrow 07:00', { start: '22:00', end: '07:00' }, LATE, Date.parse('2024-03-07T12:00:00Z')],
    ['inside 22–07 after midnight: ends today 07:00', { start: '22:00', end: '07:00' }, Date.parse('2024-03-07T08:00:00Z'), Date.parse('2024-03-07T12:00:00Z')],
    ['same-day window 12:00–13:30', { start: '12:00', end: '13:30' }, DAY_NOON, Date.parse('2024-03-06T18:30:00Z')],
    ['end is exclusive', { start: '22:00', end: '07:00' }, Date.parse('2024-03-07T12:00:00Z'), null],
    ['across the DST change (Mar 10): 07:00 EDT', { start: '22:00', end: '07:00' }, Date.parse('2024-03-10T04:00:00Z'), Date.parse('2024-03-10T11:00:00Z')],
    ['malformed window: none', { start: '25:00', end: '07:00' }, LATE, null],
    ['empty window: none', { start: '07:00', end: '07:00' }, LATE, null],
  ] as Array<[string, { start: string; end: string }, number, number | null]>)('%s', (_n, w, now, expected) => {
    expect(quietUntil(w, now, TZ)).toBe(expected);
  });
});

describe('quietUntil around DST changes (never in the past)', () => {
  it('a window ending inside the spring-forward gap ends when the clock jumps past it', () => {
    const now = Date.parse('2024-03-10T06:45:00Z'); // 01:45 EST, before the jump to 03:00 EDT
    expect(quietUntil({ start: '01:00', end: '02:30' }, now, TZ)).toBe(Date.parse('2024-03-10T07:00:00Z'));
  });
  it('a window ending in the repeated hour, asked during its second pass, ends at the second 01:30', () => {
    const now = Date.parse('2024-11-03T06:15:00Z'); // the second 01:15 (EST)
    expect(quietUntil({ start: '00:30', end: '01:30' }, now, TZ)).toBe(Date.parse('2024-11-03T06:30:00Z'));
  });
});

describe('decideNotifications', () => {
  const s = notifySettings();

  it('notifies one per alert and never twice for the same key', () => {
    const a = alert('p1', 'delayed', 'warning');
    const first = decideNotifications([a], [], s, DAY_NOON, TZ, [], EN);
    expect(first.notify).toEqual([
      { id: first.notify[0]!.id, alertKeys: ['p1|delayed|x'], packageIds: ['p1'], title: 'p1 delayed', message: 'msg p1', open: { packageId: 'p1' }, priority: 1 },
    ]);
    const again = decideNotifications([a], ['p1|delayed|x'], s, DAY_NOON + HOUR, TZ, [], EN);
    expect(again.notify).toEqual([]);
    expect(again.dropped).toEqual([{ key: 'p1|delayed|x', reason: 'duplicate' }]);
    // the same key twice in one call is one notification
    expect(decideNotifications([a, a], [], s, DAY_NOON, TZ, [], EN).notify).toHaveLength(1);
  });

  // [case, settings override, muted, alert, expected drop reason]
  it.each([
    ['kind switched off', { kinds: { out_for_delivery: false } }, [], alert('p1', 'out_for_delivery', 'good'), 'kind_off'],
    ['package muted', {}, ['p1'], alert('p1', 'delayed', 'warning'), 'muted'],
    ['all off', { enabled: false }, [], alert('p1', 'delayed', 'warning'), 'disabled'],
    ['old good news (first install)', {}, [], alert('p1', 'delivered', 'good', DAY_NOON - 30 * 24 * HOUR), 'not_news'],
    ['good news past the good-news age but within the day', { goodNewsMaxAgeMs: HOUR }, [], alert('p1', 'delivered', 'good', DAY_NOON - 3 * HOUR), 'stale'],
    ['a situation already true at the first reading', {}, [], { ...alert('p1', 'returned', 'critical'), baseline: true }, 'not_news'],
    ['the shopper\'s own report', {}, [], { ...alert('p1', 'suspected_lost', 'critical'), byUser: true }, 'own_report'],
    ['a situation with no time of its own at the first reading', {}, [], { ...alert('p1', 'cancelled', 'info'), newsAt: null }, 'not_news'],
  ] as Array<[string, object, string[], NotifiableAlert, string]>)('drops: %s', (_n, over, muted, a, reason) => {
    const r = decideNotifications([a], [], notifySettings(over), DAY_NOON, TZ, muted, EN);
    expect(r.notify).toEqual([]);
    expect(r.dropped).toEqual([{ key: a.key, reason }]);
  });

  it('tells only news (issue #19 §9): a warning that happened a month ago is not, one that just happened is', () => {
    expect(decideNotifications([alert('p1', 'delayed', 'warning', DAY_NOON - 30 * 24 * HOUR)], [], s, DAY_NOON, TZ, [], EN).dropped).toEqual([{ key: 'p1|delayed|x', reason: 'not_news' }]);
    expect(decideNotifications([alert('p1', 'delayed', 'warning', DAY_NOON - 23 * HOUR)], [], s, DAY_NOON, TZ, [], EN).notify).toHaveLength(1);
  });

  it('tells one thing per package: the most severe, then the newest', () => {
    const ofd = alert('p1', 'out_for_delivery', 'good', DAY_NOON - 3 * HOUR);
    const dl = alert('p1', 'delivered', 'good', DAY_NOON - HOUR);
    const r1 = decideNotifications([ofd, dl], [], s, DAY_NOON, TZ, [], EN);
    expect(r1.notify.map((n) => n.alertKeys)).toEqual([['p1|delivered|x']]);
    expect(r1.dropped).toEqual([{ key: 'p1|out_for_delivery|x', reason: 'superseded' }]);
    const lost = alert('p2', 'suspected_lost', 'critical', DAY_NOON - 5 * HOUR);
    const stalled = alert('p2', 'stalled', 'warning', DAY_NOON - HOUR);
    expect(decideNotifications([stalled, lost], [], s, DAY_NOON, TZ, [], EN).notify.map((n) => [n.alertKeys[0], n.priority])).toEqual([['p2|suspected_lost|x', 2]]);
  });

  it('defers during quiet hours until they end, critical breaks through only when allowed', () => {
    const a = alert('p1', 'delayed', 'warning', LATE - HOUR);
    const lost = alert('p2', 'suspected_lost', 'critical', LATE - HOUR);
    const r = decideNotifications([a, lost], [], s, LATE, TZ, [], EN);
    expect(r.notify).toEqual([]);
    expect(r.deferred).toEqual([
      { key: 'p2|suspected_lost|x', until: Date.parse('2024-03-07T12:00:00Z') },
      { key: 'p1|delayed|x', until: Date.parse('2024-03-07T12:00:00Z') },
    ]);
    const loud = decideNotifications([a, lost], [], notifySettings({ criticalIgnoresQuietHours: true }), LATE, TZ, [], EN);
    expect(loud.notify.map((n) => n.alertKeys[0])).toEqual(['p2|suspected_lost|x']);
    expect(loud.deferred.map((d) => d.key)).toEqual(['p1|delayed|x']);
    // After quiet hours the deferred alert is offered again and shown.
    const morning = decideNotifications([a], ['p2|suspected_lost|x'], s, Date.parse('2024-03-07T12:00:00Z'), TZ, [], EN);
    expect(morning.notify.map((n) => n.alertKeys[0])).toEqual(['p1|delayed|x']);
  });

  it('groups many at once into one notification that opens the list', () => {
    const many = ['p1', 'p2', 'p3', 'p4', 'p5', 'p6'].map((p, i) => alert(p, 'delivered', i === 2 ? 'warning' : 'good'));
    const r = decideNotifications(many, [], s, DAY_NOON, TZ, [], EN);
    expect(r.notify).toHaveLength(1);
    const g = r.notify[0]!;
    expect(g.title).toBe('6 package updates');
    expect(g.message).toBe('p3 delivered\np1 delivered\np2 delivered\np4 delivered\n…and 2 more');
    expect(g.open).toEqual({ list: true });
    expect(g.alertKeys).toHaveLength(6);
    expect(g.priority).toBe(1);
    expect(toNotificationRecord(g, 42)).toEqual({ id: g.id, alertKeys: g.alertKeys, packageIds: g.packageIds, title: g.title, message: g.message, createdAt: 42 });
    // exactly the threshold: separate notifications
    expect(decideNotifications(many.slice(0, 3), [], s, DAY_NOON, TZ, [], EN).notify).toHaveLength(3);
  });
});

describe('badge', () => {
  const packages = [
    { id: 'a', archived: false, muted: false },
    { id: 'b', archived: false, muted: false },
    { id: 'c', archived: true, muted: false },
    { id: 'd', archived: false, muted: true },
    { id: 'e', archived: false, muted: false },
  ];
  it('counts packages, not alerts, that need attention now', () => {
    const current = [
      { key: 'a1', packageId: 'a', severity: 'warning' as const },
      { key: 'a2', packageId: 'a', severity: 'critical' as const },
      { key: 'b1', packageId: 'b', severity: 'good' as const },
      { key: 'c1', packageId: 'c', severity: 'critical' as const },
      { key: 'd1', packageId: 'd', severity: 'warning' as const },
      { key: 'e1', packageId: 'e', severity: 'warning' as const },
    ];
    expect(badgeCount(packages, current)).toBe(2);
    expect(badgeCount(packages, current, ['e1'])).toBe(1);
  });
  it.each([
    [0, ''],
    [3, '3'],
    [99, '99'],
    [140, '99+'],
    [Number.NaN, ''],
  ])('text for %d is "%s"', (n, text) => {
    expect(badgeText(n)).toBe(text);
  });
});
