/**
 * The options page's "Diagnostics" section, pure (issue #4 §7): what a reader recorded about pages it
 * did not fully understand, as rows for the page and as a plain-text bug report the user can paste.
 * The records hold no personal data (page kind, layout fingerprint, counts, codes); the report adds
 * only the extension version and the browser's user agent.
 */
import type { DiagnosticRecord } from '../db/database';

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

function when(at: number, timeZone: string): string {
  return new Date(at).toLocaleString('en-GB', {
    timeZone,
    year: 'numeric',
    month: 'short',
    day: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  });
}

function details(r: DiagnosticRecord): string | null {
  const parts: string[] = [];
  if (r.layout) parts.push(`layout ${oneLine(r.layout, 120)}`);
  if (r.expected !== null || r.found !== null) {
    parts.push(`expected ${r.expected ?? 'unknown'}, found ${r.found ?? 'unknown'}`);
  }
  return parts.length ? parts.join(' · ') : null;
}

/** Newest first, whatever order the records come in. */
export function diagnosticViews(records: readonly DiagnosticRecord[], timeZone: string): DiagnosticView[] {
  return [...records]
    .sort((a, b) => b.at - a.at || (b.id ?? 0) - (a.id ?? 0))
    .map((r, i) => ({
      id: String(r.id ?? `row-${i}`),
      when: when(r.at, timeZone),
      where: [r.shop, r.host, r.pageKind].map((s) => oneLine(s, 120)).filter(Boolean).join(' · '),
      code: oneLine(r.code, 120),
      message: oneLine(r.message),
      details: details(r),
    }));
}

export interface BugReportInput {
  version: string;
  userAgent: string;
  records: readonly DiagnosticRecord[];
  now: number;
}

/**
 * The text "Copy for a bug report" puts on the clipboard. Times are UTC ISO so a maintainer in any
 * zone reads them the same way; every record field is on its own `key: value` line.
 */
export function buildBugReport(input: BugReportInput): string {
  const records = [...input.records].sort((a, b) => b.at - a.at || (b.id ?? 0) - (a.id ?? 0));
  const lines = [
    'Porchlight diagnostics report',
    `Extension version: ${oneLine(input.version, 40) || 'unknown'}`,
    `Browser: ${oneLine(input.userAgent, 300) || 'unknown'}`,
    `Generated: ${new Date(input.now).toISOString()}`,
    `Records: ${records.length}${records.length ? ' (newest first)' : ''}`,
  ];
  for (const [i, r] of records.entries()) {
    lines.push(
      '',
      `#${i + 1} ${new Date(r.at).toISOString()}`,
      `  shop: ${oneLine(r.shop, 120)}`,
      `  host: ${oneLine(r.host, 120)}`,
      `  page kind: ${oneLine(r.pageKind, 120)}`,
      `  code: ${oneLine(r.code, 120)}`,
      `  message: ${oneLine(r.message)}`,
      `  layout: ${r.layout === null ? '-' : oneLine(r.layout, 120)}`,
      `  expected: ${r.expected ?? '-'}`,
      `  found: ${r.found ?? '-'}`,
    );
  }
  return `${lines.join('\n')}\n`;
}

export const NO_DIAGNOSTICS = 'No problems recorded.';
