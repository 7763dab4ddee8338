import type { AlertSettings } from '../../lib/alerts/types';
import type { MessageKey, Translate } from '../../lib/i18n/translate';
import { THRESHOLD_FIELDS, type ThresholdField, type ThresholdKey, thresholdValue } from '../../lib/view/options-notifications';

export interface AlertThresholdsData {
  t: Translate;
  settings: AlertSettings;
  /** Per-field messages for values that were refused. */
  errors: Readonly<Partial<Record<ThresholdKey, string>>>;
  /** Combinations that make no sense (lost before stalled). */
  warnings: readonly string[];
}

export interface AlertThresholdsActions {
  /** `final`: the field was left (change); otherwise typed (input), when an invalid value is not reported yet. */
  change(key: ThresholdKey, raw: string, final: boolean): void;
}

const GROUPS: { id: ThresholdField['group']; legend: MessageKey; hint: MessageKey }[] = [
  { id: 'stalled', legend: 'optionsThresholdsStalledLegend', hint: 'optionsThresholdsStalledHint' },
  { id: 'lost', legend: 'optionsThresholdsLostLegend', hint: 'optionsThresholdsLostHint' },
  { id: 'eta', legend: 'optionsThresholdsLateLegend', hint: 'optionsThresholdsLateHint' },
];

const UNITS: Record<ThresholdField['unit'], MessageKey> = { days: 'optionsThresholdsUnitDays', hours: 'optionsThresholdsUnitHours' };

/** Section 3: when a parcel counts as stalled, lost or late. */
export function AlertThresholdsSection({ data, actions }: { data: AlertThresholdsData; actions: AlertThresholdsActions }) {
  const { t } = data;
  return (
    <section class="section" id="thresholds" aria-labelledby="thresholds-title">
      <h2 id="thresholds-title">{t('optionsThresholdsTitle')}</h2>
      {GROUPS.map((g) => (
        <fieldset key={g.id}>
          <legend>{t(g.legend)}</legend>
          <p class="hint">{t(g.hint)}</p>
          {THRESHOLD_FIELDS.filter((f) => f.group === g.id).map((f) => {
            const id = `threshold-${f.key.replace('.', '-')}`;
            const err = data.errors[f.key];
            return (
              <div class="inline field" key={f.key}>
                <label for={id}>{t(f.label)}</label>
                <input
                  id={id}
                  type="number"
                  min={f.min}
                  max={f.max}
                  step={f.step}
                  value={thresholdValue(data.settings, f.key)}
                  aria-invalid={err ? true : undefined}
                  aria-describedby={err ? `${id}-error` : undefined}
                  // While typing a valid value clears the error at once; a wrong one is reported when the field is left.
                  onInput={(e) => actions.change(f.key, (e.currentTarget as HTMLInputElement).value, false)}
                  onChange={(e) => actions.change(f.key, (e.currentTarget as HTMLInputElement).value, true)}
                />
                <span>{t(UNITS[f.unit])}</span>
                {err && (
                  <span class="field__error" id={`${id}-error`}>
                    {err}
                  </span>
                )}
              </div>
            );
          })}
        </fieldset>
      ))}
      {/* Always there, so a warning is announced as the value that causes it is typed (issue #13). */}
      <div class="status-slot" role="status">
        {data.warnings.map((w) => (
          <p key={w} class="status status--warn">
            {w}
          </p>
        ))}
      </div>
    </section>
  );
}
