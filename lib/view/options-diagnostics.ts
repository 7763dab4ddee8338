/**
 * The options page's "Diagnostics" section, pure (issue #4 §7): what a reader recorded about pages it
 * did not fully understand, as rows for the page in its language (issue #13 §2); the plain-text bug
 * report the user can paste is bug-report.ts. The records hold no personal data (page kind, layout
 * fingerprint, counts, codes); a record's code and message are the reader's own, shown as they are.
 */
import type { DiagnosticRecord } from '../db/database';
import type { UiText } from '../i18n/translate';

export interface DiagnosticView {
  id: string;
  when: string;
  /** "amazon · www.amazon.com · order-history". */
  where: string;
  code: string;
  message: string;
  /** "layout 2024-grid · expected 10, found 7", or null when there is nothing to add. */
  details: string | null;
}

/** Text from pages and readers is data: one line, no control characters, bounded length. */
export function oneLine(text: string, max = 500): string {
  const flat = text.replace(/[\u0000-\u001f\u007f\u2028\u2029]+/g, ' ').replace(/\s+/g, ' ').trim();
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
}

/** English reads the day before the month and a 24-hour clock (en-GB), whoever's English; other languages their own. */
function when(at: number, timeZone: string, locale: string): string {
  return new Date(at).toLocaleString(locale.toLowerCase().startsWith('en') ? 'en-GB' : locale, {
    timeZone,
    year: 'numeric',
    month: 'short',
    day: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  });
}

function details(r: DiagnosticRecord, { t }: UiText): string | null {
  const parts: string[] = [];
  if (r.layout) parts.push(t('optionsDiagnosticsLayout', oneLine(r.layout, 120)));
  if (r.expected !== null || r.found !== null) {
    // As strings: a count in a record is written as it was counted, not as a locale's number.
    const count = (n: number | null) => (n === null ? t('optionsDiagnosticsUnknown') : String(n));
    parts.push(t('optionsDiagnosticsCounts', count(r.expected), count(r.found)));
  }
  return parts.length ? parts.join(' · ') : null;
}

/** Newest first, whatever order the records come in. */
export function diagnosticViews(records: readonly DiagnosticRecord[], timeZone: string, ui: UiText): DiagnosticView[] {
  return [...records]
    .sort((a, b) => b.at - a.at || (b.id ?? 0) - (a.id ?? 0))
    .map((r, i) => ({
      id: String(r.id ?? `row-${i}`),
      when: when(r.at, timeZone, ui.locale),
      where: [r.shop, r.host, r.pageKind].map((s) => oneLine(s, 120)).filter(Boolean).join(' · '),
      code: oneLine(r.code, 120),
      message: oneLine(r.message),
      details: details(r, ui),
    }));
}
