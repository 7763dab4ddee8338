/** The CSV exports (issue #12, written with Papa Parse) read back by an independent strict parser (csv-parse), row for row. */
import { parse as parseCsv } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EVENT_COLUMNS, eventsCsvChunks, PACKAGE_COLUMNS, packagesCsvChunks } from '../../../lib/export/csv';
import type { PorchlightDb } from '../../../lib/db/database';
import { collect, HOSTILE, seedWorld } from '../backup/backup-world';

let db: PorchlightDb;
beforeAll(async () => {
  db = await seedWorld();
});
afterAll(() => db.delete());

function parse(text: string): string[][] {
  // Every record ends with CRLF, the last one too (RFC 4180 §2.1-2.2); no bare LF between records.
  expect(text.endsWith('\r\n')).toBe(true);
  // Strict: throws on a stray quote or a row of another width.
  return parseCsv(text, { record_delimiter: '\r\n', relax_quotes: false, relax_column_count: false });
}

describe('events CSV', () => {
  it('one row per event, every column, CRLF records; markup and newlines survive as text', async () => {
    const text = await collect(eventsCsvChunks(db, 'America/Chicago'));
    const [head, ...rows] = parse(text);
    expect(head).toEqual([...EVENT_COLUMNS]);
    expect(rows).toHaveLength(await db.events.count());
    for (const r of rows) expect(r).toHaveLength(EVENT_COLUMNS.length);
    const hostile = rows.filter((r) => r[6] === HOSTILE);
    expect(hostile).toHaveLength(1);
    expect(hostile[0]![7]).toBe(HOSTILE);
  });

  it('times in UTC and as the event said them locally, with the zone', async () => {
    const [, ...rows] = parse(await collect(eventsCsvChunks(db, 'America/Chicago')));
    const col = (name: (typeof EVENT_COLUMNS)[number]) => EVENT_COLUMNS.indexOf(name);
    // 2024-12-10T00:15 wall clock in Chicago is 06:15 UTC.
    const local = rows.find((r) => r[col('time_local')] === '2024-12-10T00:15:00')!;
    expect(local[col('time_utc')]).toBe('2024-12-10T06:15:00.000Z');
    expect(local[col('time_zone')]).toBe('America/Chicago');
    const offset = rows.find((r) => r[col('time_local')] === '2024-12-11T01:15:00-05:00')!;
    expect(offset[col('time_utc')]).toBe('2024-12-11T06:15:00.000Z');
    expect(offset[col('time_zone')]).toBe('-05:00');
    expect(rows.some((r) => r[col('source')] === 'carrier:ups page:amazon')).toBe(true);
  });

  it('a cell a spreadsheet would run as a formula is neutralised', async () => {
    const id = (await db.events.toCollection().first())!.key;
    await db.events.update(id, { description: '=HYPERLINK("https://evil.test","click")' });
    const [, ...rows] = parse(await collect(eventsCsvChunks(db, 'UTC')));
    expect(rows.map((r) => r[6]).filter((d) => d!.includes('HYPERLINK'))).toEqual([`'=HYPERLINK("https://evil.test","click")`]);
  });
});

describe('packages CSV', () => {
  it('one row per package with its order date and item', async () => {
    const [head, ...rows] = parse(await collect(packagesCsvChunks(db)));
    expect(head).toEqual([...PACKAGE_COLUMNS]);
    expect(rows).toHaveLength(await db.packages.count());
    const pickup = rows.find((r) => r[PACKAGE_COLUMNS.indexOf('status')] === 'available_for_pickup')!;
    expect(pickup[PACKAGE_COLUMNS.indexOf('pickup_location')]).toBe('Locker 12, Main St; "north" side');
    expect(pickup[PACKAGE_COLUMNS.indexOf('order_date')]).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  });
});
