import { useState } from 'preact/hooks';
import type { Translate } from '../../lib/i18n/translate';
import type { AlertKind } from '../../lib/model/types';
import type { NotifySettings } from '../../lib/notify/settings';
import { ALERT_KINDS_IN_ORDER, alertKindLabels, DEFAULT_QUIET_HOURS, GROUP_ABOVE_RANGE, type NotifyChange } from '../../lib/view/options-notifications';
import { Switch } from './switch';

export interface NotificationsData {
  t: Translate;
  settings: NotifySettings;
  /** Why the last change was refused (bad time, bad number), or null. */
  error: string | null;
}

export interface NotificationsActions {
  change(change: NotifyChange): void;
}

/** Section 2: which alerts raise a desktop notification, and when. */
export function NotificationsSection({ data, actions }: { data: NotificationsData; actions: NotificationsActions }) {
  const { t, settings: s } = data;
  const labels = alertKindLabels(t);
  // While quiet hours are off the stored value is null: keep the last times on screen.
  const [shownQuiet, setShownQuiet] = useState(s.quietHours ?? DEFAULT_QUIET_HOURS);
  const quiet = s.quietHours ?? shownQuiet;
  const off = !s.enabled;
  return (
    <section class="section" id="notifications" aria-labelledby="notifications-title">
      <h2 id="notifications-title">{t('optionsNotificationsTitle')}</h2>
      <Switch
        id="notify-enabled"
        label={t('optionsNotificationsEnabled')}
        checked={s.enabled}
        hint={off ? t('optionsNotificationsOffHint') : null}
        onChange={(value) => actions.change({ field: 'enabled', value })}
      />
      <fieldset disabled={off}>
        <legend>{t('optionsNotificationsKindsLegend')}</legend>
        {ALERT_KINDS_IN_ORDER.map((kind: AlertKind) => (
          <Switch
            key={kind}
            id={`notify-kind-${kind}`}
            label={labels[kind]}
            checked={s.kinds[kind]}
            onChange={(value) => actions.change({ field: 'kind', kind, value })}
          />
        ))}
      </fieldset>
      <fieldset disabled={off}>
        <legend>{t('optionsNotificationsQuietLegend')}</legend>
        <Switch
          id="notify-quiet"
          label={t('optionsNotificationsQuietSwitch')}
          checked={s.quietHours !== null}
          onChange={(value) => actions.change({ field: 'quietEnabled', value })}
        />
        <div class="inline">
          <label for="notify-quiet-start">{t('optionsNotificationsQuietFrom')}</label>
          <input
            id="notify-quiet-start"
            type="time"
            value={quiet.start}
            disabled={s.quietHours === null}
            onChange={(e) => {
              const value = (e.currentTarget as HTMLInputElement).value;
              setShownQuiet({ ...quiet, start: value });
              actions.change({ field: 'quietStart', value });
            }}
          />
          <label for="notify-quiet-end">{t('optionsNotificationsQuietTo')}</label>
          <input
            id="notify-quiet-end"
            type="time"
            value={quiet.end}
            disabled={s.quietHours === null}
            onChange={(e) => {
              const value = (e.currentTarget as HTMLInputElement).value;
              setShownQuiet({ ...quiet, end: value });
              actions.change({ field: 'quietEnd', value });
            }}
          />
        </div>
        <Switch
          id="notify-critical"
          label={t('optionsNotificationsCritical')}
          checked={s.criticalIgnoresQuietHours}
          onChange={(value) => actions.change({ field: 'critical', value })}
        />
      </fieldset>
      <fieldset disabled={off}>
        <legend>{t('optionsNotificationsGroupingLegend')}</legend>
        <div class="inline">
          <label for="notify-group">{t('optionsNotificationsGroupLabel')}</label>
          <input
            id="notify-group"
            type="number"
            min={GROUP_ABOVE_RANGE.min}
            max={GROUP_ABOVE_RANGE.max}
            step={1}
            value={s.groupAbove}
            onChange={(e) => actions.change({ field: 'groupAbove', value: (e.currentTarget as HTMLInputElement).value })}
          />
          <span>{t('optionsNotificationsGroupUnit')}</span>
        </div>
      </fieldset>
      {data.error && (
        <p class="status status--bad" role="alert">
          {data.error}
        </p>
      )}
    </section>
  );
}
