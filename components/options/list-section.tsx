import { plural, type UiText } from '../../lib/i18n/translate';

/** The popup's list (issue #11 §2): how long a finished parcel stays before it moves to History. */
export function ListSection({
  data,
  actions,
}: {
  data: { ui: UiText; historyAfterDays: number; error: string | null };
  actions: { setHistoryAfterDays(raw: string, final: boolean): void };
}) {
  return (
    <section class="section" id="list" aria-labelledby="list-title">
      <h2 id="list-title">{data.ui.t('optionsListTitle')}</h2>
      <div class="inline field">
        <label for="history-after">{data.ui.t('optionsListHistoryAfter')}</label>
        <input
          id="history-after"
          type="number"
          min={0}
          max={60}
          step={1}
          value={data.historyAfterDays}
          aria-invalid={data.error ? true : undefined}
          aria-describedby={data.error ? 'history-after-error' : undefined}
          onInput={(e) => actions.setHistoryAfterDays((e.currentTarget as HTMLInputElement).value, false)}
          onChange={(e) => actions.setHistoryAfterDays((e.currentTarget as HTMLInputElement).value, true)}
        />
        <span>{plural(data.ui, 'optionsListDays', data.historyAfterDays)}</span>
        {data.error && (
          <span class="field__error" id="history-after-error">
            {data.error}
          </span>
        )}
      </div>
      <p class="hint">{data.ui.t('optionsListHint')}</p>
    </section>
  );
}
