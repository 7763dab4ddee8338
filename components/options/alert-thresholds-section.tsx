import type { AlertSettings } from '../../lib/alerts/types';
import { THRESHOLD_FIELDS, type ThresholdField, type ThresholdKey, thresholdValue } from '../../lib/view/options-notifications';

export interface AlertThresholdsData {
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

const GROUPS: { id: ThresholdField['group']; legend: string; hint: string }[] = [
  { id: 'stalled', legend: 'Stalled after (days without news)', hint: 'A parcel with no new carrier event for this long is flagged as stalled.' },
  { id: 'lost', legend: 'Suspected lost after (days without news)', hint: 'A moving parcel silent for this long may be lost: the alert says what to do.' },
  { id: 'eta', legend: 'Late', hint: 'How long after the end of the expected day a parcel counts as late.' },
];

/** Section 3: when a parcel counts as stalled, lost or late. */
export function AlertThresholdsSection({ data, actions }: { data: AlertThresholdsData; actions: AlertThresholdsActions }) {
  return (
    <section class="section" id="thresholds" aria-labelledby="thresholds-title">
      <h2 id="thresholds-title">Alert thresholds</h2>
      {GROUPS.map((g) => (
        <fieldset key={g.id}>
          <legend>{g.legend}</legend>
          <p class="hint">{g.hint}</p>
          {THRESHOLD_FIELDS.filter((f) => f.group === g.id).map((f) => {
            const id = `threshold-${f.key.replace('.', '-')}`;
            const err = data.errors[f.key];
            return (
              <div class="inline field" key={f.key}>
                <label for={id}>{f.label}</label>
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
                <span>{f.unit}</span>
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
