/**
 * The notification policy (issue #6 §6): which alerts become desktop notifications, now or later.
 * Pure. The caller passes every alert that has not been notified yet (new ones and ones deferred
 * earlier), the keys already notified, and the muted packages; it shows `notify`, stores each
 * notified key (`Alert.notifiedAt`), wakes at the earliest `deferred[].until`, and marks `dropped`
 * alerts as handled so they are not offered again.
 *
 * Rules, in order:
 * 1. A key already notified is never notified again (`duplicate`).
 * 2. Only news (issue #19 §9, lib/alerts/evaluate.ts `isNews`): a situation that ended, was already
 *    true at the package's first reading, happened more than 24 h ago, or was the shopper's own report
 *    is dropped (`not_news`, `own_report`). A first visit to months of order history tells nothing.
 * 3. Notifications off, the kind switched off, or the package muted: dropped (`disabled`, `kind_off`, `muted`).
 * 4. Good/info news older than `goodNewsMaxAgeMs` (by the alert's `since`): dropped (`stale`).
 * 5. One notification per package per decision: the most severe alert wins, the newest among equals;
 *    the others are `superseded` (a parcel that went out for delivery and was delivered overnight
 *    says "delivered", once).
 * 6. Quiet hours: everything waits until they end (`deferred`), except critical alerts when allowed.
 * 7. More than `groupAbove` notifications at once become one grouped notification that opens the list.
 */
import { isNews } from '../alerts/evaluate';
import { plural, type UiText } from '../i18n/translate';
import { stableHash } from '../model/keys';
import type { AlertKind, AlertSeverity, NotificationRecord } from '../model/types';
import { quietUntil } from './quiet-hours';
import type { NotifySettings } from './settings';

/** What the policy needs of an alert (an `AlertDraft` or a stored `Alert` plus its `since`). */
export interface NotifiableAlert {
  key: string;
  packageId: string;
  kind: AlertKind;
  severity: AlertSeverity;
  title: string;
  message: string;
  /** When the situation began; stored alerts without it use `createdAt`. */
  since?: number;
  createdAt?: number;
  /** What tells news (lib/alerts/evaluate.ts): when it happened or was first observed; null = not news. */
  newsAt: number | null;
  baseline?: boolean;
  byUser?: boolean;
  endedAt?: number | null;
}

export interface NotificationDraft {
  /** Stable id for `notifications.create` (same alerts, same id: a re-run replaces, never doubles). */
  id: string;
  alertKeys: string[];
  packageIds: string[];
  title: string;
  message: string;
  /** What a click opens: one package, or the list when grouped. */
  open: { packageId: string } | { list: true };
  /** chrome.notifications priority: 2 critical, 1 warning, 0 otherwise. */
  priority: 0 | 1 | 2;
}

export type DropReason = 'duplicate' | 'not_news' | 'own_report' | 'disabled' | 'kind_off' | 'muted' | 'stale' | 'superseded';

export interface NotificationDecision {
  notify: NotificationDraft[];
  deferred: Array<{ key: string; until: number }>;
  dropped: Array<{ key: string; reason: DropReason }>;
}

const SEVERITY_ORDER: Readonly<Record<AlertSeverity, number>> = { critical: 3, warning: 2, info: 1, good: 0 };

function whenOf(a: NotifiableAlert): number {
  return a.since ?? a.createdAt ?? 0;
}

function draftFor(a: NotifiableAlert): NotificationDraft {
  return {
    id: `porchlight:${stableHash(a.key)}`,
    alertKeys: [a.key],
    packageIds: [a.packageId],
    title: a.title,
    message: a.message,
    open: { packageId: a.packageId },
    priority: a.severity === 'critical' ? 2 : a.severity === 'warning' ? 1 : 0,
  };
}

function grouped(list: NotifiableAlert[], ui: UiText): NotificationDraft {
  const keys = list.map((a) => a.key);
  const shown = list.slice(0, 4).map((a) => a.title);
  const more = list.length - shown.length;
  const top = Math.max(...list.map((a) => SEVERITY_ORDER[a.severity]));
  return {
    id: `porchlight:group:${stableHash(keys.join('\n'))}`,
    alertKeys: keys,
    packageIds: [...new Set(list.map((a) => a.packageId))],
    title: plural(ui, 'notifyGroupTitle', list.length),
    message: shown.join('\n') + (more > 0 ? `\n${ui.t('notifyGroupMore', more)}` : ''),
    open: { list: true },
    priority: top === 3 ? 2 : top === 2 ? 1 : 0,
  };
}

export function decideNotifications(
  alerts: readonly NotifiableAlert[],
  alreadyNotifiedKeys: Iterable<string>,
  settings: NotifySettings,
  now: number,
  timeZone: string,
  mutedPackageIds: Iterable<string>,
  /** The grouped notification's words (issue #13 §2); each alert's own title and message come stored. */
  ui: UiText,
): NotificationDecision {
  const notified = new Set(alreadyNotifiedKeys);
  const muted = new Set(mutedPackageIds);
  const dropped: NotificationDecision['dropped'] = [];
  const seen = new Set<string>();
  const byPackage = new Map<string, NotifiableAlert[]>();

  for (const a of alerts) {
    if (notified.has(a.key) || seen.has(a.key)) {
      dropped.push({ key: a.key, reason: 'duplicate' });
      continue;
    }
    seen.add(a.key);
    let reason: DropReason | null = null;
    if (a.byUser) reason = 'own_report';
    else if (!isNews(a, now)) reason = 'not_news';
    else if (!settings.enabled) reason = 'disabled';
    else if (!settings.kinds[a.kind]) reason = 'kind_off';
    else if (muted.has(a.packageId)) reason = 'muted';
    else if ((a.severity === 'good' || a.severity === 'info') && now - whenOf(a) > settings.goodNewsMaxAgeMs) reason = 'stale';
    if (reason) {
      dropped.push({ key: a.key, reason });
      continue;
    }
    const list = byPackage.get(a.packageId) ?? [];
    list.push(a);
    byPackage.set(a.packageId, list);
  }

  const winners: NotifiableAlert[] = [];
  for (const list of byPackage.values()) {
    list.sort((x, y) => SEVERITY_ORDER[y.severity] - SEVERITY_ORDER[x.severity] || whenOf(y) - whenOf(x) || (x.key < y.key ? -1 : 1));
    winners.push(list[0]!);
    for (const other of list.slice(1)) dropped.push({ key: other.key, reason: 'superseded' });
  }
  winners.sort((x, y) => SEVERITY_ORDER[y.severity] - SEVERITY_ORDER[x.severity] || whenOf(x) - whenOf(y) || (x.key < y.key ? -1 : 1));

  const until = quietUntil(settings.quietHours, now, timeZone);
  const deferred: NotificationDecision['deferred'] = [];
  const ready: NotifiableAlert[] = [];
  for (const a of winners) {
    if (until !== null && !(a.severity === 'critical' && settings.criticalIgnoresQuietHours)) deferred.push({ key: a.key, until });
    else ready.push(a);
  }

  const notify = ready.length > Math.max(1, settings.groupAbove) ? [grouped(ready, ui)] : ready.map(draftFor);
  return { notify, deferred, dropped };
}

/** The history record of a shown notification. */
export function toNotificationRecord(draft: NotificationDraft, now: number): NotificationRecord {
  return { id: draft.id, alertKeys: draft.alertKeys, packageIds: draft.packageIds, title: draft.title, message: draft.message, createdAt: now };
}
