import { type DiagnosticView, NO_DIAGNOSTICS } from '../../lib/view/options-diagnostics';

export interface DiagnosticsData {
  /** Newest first; null while loading. */
  rows: readonly DiagnosticView[] | null;
  /** Result of the last copy or clear. */
  message: string | null;
}

export interface DiagnosticsActions {
  copyReport(): void;
  clear(): void;
}

/** Section 5: pages a reader did not fully understand (issue #4 §7), with a one-click bug report. */
export function DiagnosticsSection({ data, actions }: { data: DiagnosticsData; actions: DiagnosticsActions }) {
  const rows = data.rows;
  const empty = rows !== null && rows.length === 0;
  return (
    <section class="section" id="diagnostics" aria-labelledby="diagnostics-title">
      <h2 id="diagnostics-title">Diagnostics</h2>
      <p class="intro">
        When a shop or carrier page looks different from what Porchlight expects, it notes what it saw here (page kind, layout, counts; no
        order details). Copy the report into a bug report to help fix it.
      </p>
      <div class="buttons">
        <button type="button" class="primary" disabled={rows === null} onClick={() => actions.copyReport()}>
          Copy for a bug report
        </button>
        <button type="button" disabled={rows === null || empty} onClick={() => actions.clear()}>
          Clear
        </button>
      </div>
      {/* Always there, so the result is announced when it appears (issue #13). */}
      <div class="status-slot" role="status">
        {data.message && <p class="status status--info">{data.message}</p>}
      </div>
      {rows === null && <p class="hint">Loading…</p>}
      {empty && <p class="empty">{NO_DIAGNOSTICS}</p>}
      {rows && rows.length > 0 && (
        <ol class="diagnostics">
          {rows.map((r) => (
            <li key={r.id} class="diagnostic">
              <div class="diagnostic__head">
                <time>{r.when}</time>
                <code>{r.code}</code>
              </div>
              <div class="diagnostic__where">{r.where}</div>
              <div class="diagnostic__message">{r.message}</div>
              {r.details && <div class="diagnostic__details">{r.details}</div>}
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
