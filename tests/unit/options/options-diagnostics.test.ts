import { describe, expect, it } from 'vitest';
import type { DiagnosticRecord } from '../../../lib/db/database';
import { buildBugReport } from '../../../lib/view/bug-report';
import { diagnosticViews, oneLine } from '../../../lib/view/options-diagnostics';
import { EN } from '../../support/i18n';

const OLD: DiagnosticRecord = {
  id: 1,
  at: Date.parse('2026-03-01T08:00:00Z'),
  shop: 'amazon',
  host: 'www.amazon.com',
  pageKind: 'order-history',
  code: 'fewer-orders-than-page-says',
  message: 'Page says 10 orders, read 7',
  layout: 'h2024-grid',
  expected: 10,
  found: 7,
};
const NEW: DiagnosticRecord = {
  id: 2,
  at: Date.parse('2026-03-02T21:15:00Z'),
  shop: 'amazon',
  host: 'www.amazon.co.uk',
  pageKind: 'order-details',
  code: 'unknown-layout',
  message: 'No known order card\n<b>markup</b>',
  layout: null,
  expected: null,
  found: null,
};

describe('diagnosticViews', () => {
  it('lists newest first, in the user zone, text flattened to one line', () => {
    expect(diagnosticViews([OLD, NEW], 'Europe/Berlin', EN)).toEqual([
      {
        id: '2',
        when: '2 Mar 2026, 22:15',
        where: 'amazon · www.amazon.co.uk · order-details',
        code: 'unknown-layout',
        message: 'No known order card <b>markup</b>',
        details: null,
      },
      {
        id: '1',
        when: '1 Mar 2026, 09:00',
        where: 'amazon · www.amazon.com · order-history',
        code: 'fewer-orders-than-page-says',
        message: 'Page says 10 orders, read 7',
        details: 'layout h2024-grid · expected 10, found 7',
      },
    ]);
  });
  it('says "unknown" for a missing count', () => {
    expect(diagnosticViews([{ ...OLD, found: null }], 'UTC', EN)[0]!.details).toBe('layout h2024-grid · expected 10, found unknown');
  });
});

describe('oneLine', () => {
  it('removes control characters and line breaks and bounds the length', () => {
    expect(oneLine('a\u0000b\r\n\tc\u2028d')).toBe('a b c d');
    expect(oneLine('x'.repeat(10), 5)).toBe('xxxx…');
  });
});

describe('buildBugReport', () => {
  it('is plain text with the version, the browser and every record, newest first', () => {
    const text = buildBugReport({
      version: '0.1.0',
      userAgent: 'Mozilla/5.0 (X11; Linux x86_64) Chrome/156.0.0.0',
      records: [OLD, NEW],
      now: Date.parse('2026-03-03T10:00:00Z'),
    });
    expect(text).toBe(
      [
        'Porchlight diagnostics report',
        'Extension version: 0.1.0',
        'Browser: Mozilla/5.0 (X11; Linux x86_64) Chrome/156.0.0.0',
        'Generated: 2026-03-03T10:00:00.000Z',
        'Records: 2 (newest first)',
        '',
        '#1 2026-03-02T21:15:00.000Z',
        '  shop: amazon',
        '  host: www.amazon.co.uk',
        '  page kind: order-details',
        '  code: unknown-layout',
        '  message: No known order card <b>markup</b>',
        '  layout: -',
        '  expected: -',
        '  found: -',
        '',
        '#2 2026-03-01T08:00:00.000Z',
        '  shop: amazon',
        '  host: www.amazon.com',
        '  page kind: order-history',
        '  code: fewer-orders-than-page-says',
        '  message: Page says 10 orders, read 7',
        '  layout: h2024-grid',
        '  expected: 10',
        '  found: 7',
        '',
      ].join('\n'),
    );
  });
  it('works with no records and no user agent', () => {
    expect(buildBugReport({ version: '1.2.3', userAgent: '', records: [], now: 0 })).toBe(
      'Porchlight diagnostics report\nExtension version: 1.2.3\nBrowser: unknown\nGenerated: 1970-01-01T00:00:00.000Z\nRecords: 0\n',
    );
  });
  it('cannot be forged by a record: a message with line breaks stays on its line', () => {
    const text = buildBugReport({ version: '1', userAgent: 'ua', records: [{ ...OLD, message: 'x\nExtension version: 9.9.9' }], now: 0 });
    expect(text.split('\n').filter((l) => l.startsWith('Extension version:'))).toEqual(['Extension version: 1']);
  });
});
