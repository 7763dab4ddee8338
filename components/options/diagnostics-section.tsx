import type { Translate } from '../../lib/i18n/translate';
import type { DiagnosticView } from '../../lib/view/options-diagnostics';

export interface DiagnosticsData {
  t: Translate;
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
  const { t, rows } = data;
  const empty = rows !== null && rows.length === 0;
  return (
    <section class="section" id="diagnostics" aria-labelledby="diagnostics-title">
      <h2 id="diagnostics-title">{t('optionsDiagnosticsTitle')}</h2>
      <p class="intro">{t('optionsDiagnosticsIntro')}</p>
      <div class="buttons">
        <button type="button" class="primary" disabled={rows === null} onClick={() => actions.copyReport()}>
          {t('optionsDiagnosticsCopy')}
        </button>
        <button type="button" disabled={rows === null || empty} onClick={() => actions.clear()}>
          {t('optionsDiagnosticsClear')}
        </button>
      </div>
      {/* Always there, so the result is announced when it appears (issue #13). */}
      <div class="status-slot" role="status">
        {data.message && <p class="status status--info">{data.message}</p>}
      </div>
      {rows === null && <p class="hint">{t('optionsDiagnosticsLoading')}</p>}
      {empty && <p class="empty">{t('optionsDiagnosticsNone')}</p>}
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
