/** The popup's list (issue #11 §2): how long a finished parcel stays before it moves to History. */
export function ListSection({
  data,
  actions,
}: {
  data: { historyAfterDays: number; error: string | null };
  actions: { setHistoryAfterDays(raw: string, final: boolean): void };
}) {
  return (
    <section class="section" id="list" aria-labelledby="list-title">
      <h2 id="list-title">The list</h2>
      <div class="inline field">
        <label for="history-after">Move delivered, cancelled and returned parcels to History after</label>
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
        <span>{data.historyAfterDays === 1 ? 'day' : 'days'}</span>
        {data.error && (
          <span class="field__error" id="history-after-error">
            {data.error}
          </span>
        )}
      </div>
      <p class="hint">A parcel that needs your attention stays in the list. History and Archived are one click away in the popup, and its search looks in both.</p>
    </section>
  );
}
