/**
 * The options page's "Notifications" and "Alert thresholds" sections, pure: plain labels for every
 * alert kind in the page's language (issue #13 §2, the translator passed in), and checked updates of `settings.notifications` (NotifySettings) and
 * `settings.alerts` (AlertSettings). Each update returns either the new settings or a message saying
 * what is wrong with the input, so a bad value is never stored (the stored schema, lib/settings.ts,
 * would silently fall back to the default instead).
 */
import type { AlertSettings } from '../alerts/types';
import { plural, type MessageKey, type Translate, type UiText } from '../i18n/translate';
import type { AlertKind } from '../model/types';
import type { NotifySettings } from '../notify/settings';

/** Every alert kind, in the order the page lists them (most serious first). A Record so none is missed. */
const ALERT_KIND_KEYS: Readonly<Record<AlertKind, MessageKey>> = {
  suspected_lost: 'optionsNotificationsKindSuspectedLost',
  exception: 'optionsNotificationsKindException',
  attempt_failed: 'optionsNotificationsKindAttemptFailed',
  delayed: 'optionsNotificationsKindDelayed',
  eta_moved: 'optionsNotificationsKindEtaMoved',
  stalled: 'optionsNotificationsKindStalled',
  returned: 'optionsNotificationsKindReturned',
  cancelled: 'optionsNotificationsKindCancelled',
  ready_for_pickup: 'optionsNotificationsKindReadyForPickup',
  out_for_delivery: 'optionsNotificationsKindOutForDelivery',
  delivered: 'optionsNotificationsKindDelivered',
};

export const ALERT_KINDS_IN_ORDER = Object.keys(ALERT_KIND_KEYS) as AlertKind[];

/** Every kind's label, in the page's language. */
export function alertKindLabels(t: Translate): Readonly<Record<AlertKind, string>> {
  return Object.fromEntries(ALERT_KINDS_IN_ORDER.map((k) => [k, t(ALERT_KIND_KEYS[k])])) as Record<AlertKind, string>;
}

export type Checked<T> = { ok: true; value: T } | { ok: false; error: string };

const HHMM = /^([01]\d|2[0-3]):[0-5]\d$/;

/** A `<input type="time">` value as stored (`HH:MM`, 24 h); browsers may add seconds, which we drop. */
export function parseTime(t: Translate, raw: string): Checked<string> {
  const v = raw.trim().slice(0, 5);
  return HHMM.test(v) ? { ok: true, value: v } : { ok: false, error: t('optionsFieldTime') };
}

/** A number typed into an input, inside [min, max]. */
export function parseNumber(t: Translate, raw: string, min: number, max: number, opts: { integer?: boolean } = {}): Checked<number> {
  const typed = raw.trim();
  const n = typed === '' ? Number.NaN : Number(typed);
  if (!Number.isFinite(n)) return { ok: false, error: t('optionsFieldNumber') };
  if (opts.integer && !Number.isInteger(n)) return { ok: false, error: t('optionsFieldWholeNumber') };
  if (n < min || n > max) return { ok: false, error: t('optionsFieldRange', min, max) };
  return { ok: true, value: n };
}

/** What the notifications form can change. */
export type NotifyChange =
  | { field: 'enabled'; value: boolean }
  | { field: 'kind'; kind: AlertKind; value: boolean }
  | { field: 'quietEnabled'; value: boolean }
  | { field: 'quietStart' | 'quietEnd'; value: string }
  | { field: 'critical'; value: boolean }
  | { field: 'groupAbove'; value: string };

/** Limits of the group threshold (the stored schema accepts 1…20). */
export const GROUP_ABOVE_RANGE = { min: 1, max: 20 } as const;

/** The times quiet hours get when switched on with none remembered. */
export const DEFAULT_QUIET_HOURS = { start: '22:00', end: '07:00' } as const;

/**
 * Applies one change. `remembered` are the last quiet hours shown, so switching quiet hours off and on
 * again keeps the user's times (the stored value is `null` while they are off).
 */
export function applyNotifyChange(
  t: Translate,
  s: NotifySettings,
  change: NotifyChange,
  remembered: { start: string; end: string } = DEFAULT_QUIET_HOURS,
): Checked<NotifySettings> {
  switch (change.field) {
    case 'enabled':
      return { ok: true, value: { ...s, enabled: change.value } };
    case 'kind':
      return { ok: true, value: { ...s, kinds: { ...s.kinds, [change.kind]: change.value } } };
    case 'critical':
      return { ok: true, value: { ...s, criticalIgnoresQuietHours: change.value } };
    case 'quietEnabled':
      return { ok: true, value: { ...s, quietHours: change.value ? { ...(s.quietHours ?? remembered) } : null } };
    case 'quietStart':
    case 'quietEnd': {
      const time = parseTime(t, change.value);
      if (!time.ok) return time;
      const base = s.quietHours ?? remembered;
      const quietHours = change.field === 'quietStart' ? { ...base, start: time.value } : { ...base, end: time.value };
      if (quietHours.start === quietHours.end) return { ok: false, error: t('optionsNotificationsQuietSame') };
      return { ok: true, value: { ...s, quietHours } };
    }
    case 'groupAbove': {
      const n = parseNumber(t, change.value, GROUP_ABOVE_RANGE.min, GROUP_ABOVE_RANGE.max, { integer: true });
      return n.ok ? { ok: true, value: { ...s, groupAbove: n.value } } : n;
    }
  }
}

export type ThresholdKey =
  | 'stalled.labelCreated'
  | 'stalled.domesticTransit'
  | 'stalled.internationalTransit'
  | 'stalled.customs'
  | 'lost.domestic'
  | 'lost.international'
  | 'etaGraceHours';

export interface ThresholdField {
  key: ThresholdKey;
  label: MessageKey;
  unit: 'days' | 'hours';
  min: number;
  max: number;
  step: number;
  group: 'stalled' | 'lost' | 'eta';
}

/** Ranges match the stored schema (lib/settings.ts): days 0.5…90, grace hours 0…72. */
export const THRESHOLD_FIELDS: readonly ThresholdField[] = [
  { key: 'stalled.labelCreated', label: 'optionsThresholdsLabelCreated', unit: 'days', min: 0.5, max: 90, step: 0.5, group: 'stalled' },
  { key: 'stalled.domesticTransit', label: 'optionsThresholdsDomesticTransit', unit: 'days', min: 0.5, max: 90, step: 0.5, group: 'stalled' },
  { key: 'stalled.internationalTransit', label: 'optionsThresholdsInternationalTransit', unit: 'days', min: 0.5, max: 90, step: 0.5, group: 'stalled' },
  { key: 'stalled.customs', label: 'optionsThresholdsCustoms', unit: 'days', min: 0.5, max: 90, step: 0.5, group: 'stalled' },
  { key: 'lost.domestic', label: 'optionsThresholdsLostDomestic', unit: 'days', min: 0.5, max: 90, step: 0.5, group: 'lost' },
  { key: 'lost.international', label: 'optionsThresholdsLostInternational', unit: 'days', min: 0.5, max: 90, step: 0.5, group: 'lost' },
  { key: 'etaGraceHours', label: 'optionsThresholdsGraceHours', unit: 'hours', min: 0, max: 72, step: 1, group: 'eta' },
];

export function thresholdValue(a: AlertSettings, key: ThresholdKey): number {
  switch (key) {
    case 'stalled.labelCreated':
      return a.stalledDays.labelCreated;
    case 'stalled.domesticTransit':
      return a.stalledDays.domesticTransit;
    case 'stalled.internationalTransit':
      return a.stalledDays.internationalTransit;
    case 'stalled.customs':
      return a.stalledDays.customs;
    case 'lost.domestic':
      return a.lostDays.domestic;
    case 'lost.international':
      return a.lostDays.international;
    case 'etaGraceHours':
      return a.etaGraceHours;
  }
}

/** Sets one threshold from what was typed. A stalled-days value above its lost-days value is allowed but flagged by {@link thresholdWarnings}. */
export function applyThreshold(t: Translate, a: AlertSettings, key: ThresholdKey, raw: string): Checked<AlertSettings> {
  const field = THRESHOLD_FIELDS.find((f) => f.key === key);
  if (!field) return { ok: false, error: t('optionsThresholdsUnknown', key) };
  const n = parseNumber(t, raw, field.min, field.max);
  if (!n.ok) return n;
  const v = n.value;
  switch (key) {
    case 'stalled.labelCreated':
    case 'stalled.domesticTransit':
    case 'stalled.internationalTransit':
    case 'stalled.customs': {
      const stage = key.slice('stalled.'.length) as keyof AlertSettings['stalledDays'];
      return { ok: true, value: { ...a, stalledDays: { ...a.stalledDays, [stage]: v } } };
    }
    case 'lost.domestic':
      return { ok: true, value: { ...a, lostDays: { ...a.lostDays, domestic: v } } };
    case 'lost.international':
      return { ok: true, value: { ...a, lostDays: { ...a.lostDays, international: v } } };
    case 'etaGraceHours':
      return { ok: true, value: { ...a, etaGraceHours: v } };
  }
}


/** Settings that make no sense together: a parcel would be "lost" before it is "stalled". */
export function thresholdWarnings(ui: UiText, a: AlertSettings): string[] {
  const out: string[] = [];
  /** "1 day", "0.5 days", "3 days". */
  const days = (n: number) => plural(ui, 'optionsThresholdsDays', n);
  const domesticStall = Math.max(a.stalledDays.labelCreated, a.stalledDays.domesticTransit);
  if (a.lostDays.domestic < domesticStall) {
    out.push(ui.t('optionsThresholdsDomesticWarning', days(a.lostDays.domestic), days(domesticStall)));
  }
  const intlStall = Math.max(a.stalledDays.internationalTransit, a.stalledDays.customs);
  if (a.lostDays.international < intlStall) {
    out.push(ui.t('optionsThresholdsInternationalWarning', days(a.lostDays.international), days(intlStall)));
  }
  return out;
}
