/**
 * The text "Copy for a bug report" puts on the clipboard (issue #4 §7). It stays in English in every
 * language of the page (issue #13 §2): the maintainers read it, and a report reads the same whoever
 * sent it.
 */
import type { DiagnosticRecord } from '../db/database';
import { oneLine } from './options-diagnostics';

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
