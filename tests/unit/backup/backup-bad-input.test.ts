/**
 * Issue #12 "Bad input": every broken file is refused with a message naming the problem, and the
 * database is exactly as it was (compared as a whole export before and after).
 */
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importBackup } from '../../../lib/backup/import-backup';
import { BackupError } from '../../../lib/backup/read-backup';
import { backupChunks } from '../../../lib/backup/write-backup';
import type { PorchlightDb } from '../../../lib/db/database';
import { parseSettings } from '../../../lib/settings';
import { backupErrorText } from '../../../lib/view/options-data';
import { EN } from '../../support/i18n';
import { chunked, collect, seedWorld, WORLD_NOW } from './backup-world';

const SETTINGS = parseSettings({});
const meta = { now: WORLD_NOW, appVersion: '0.1.0', settings: SETTINGS };

let db: PorchlightDb;
let good: string;
let lines: string[];
beforeAll(async () => {
  db = await seedWorld();
  good = await collect(backupChunks(db, meta));
  lines = good.split('\n');
});
afterAll(() => db.delete());

const snapshot = () => collect(backupChunks(db, meta));

async function refused(text: string | (() => AsyncIterable<string>), message: RegExp) {
  const before = await snapshot();
  const err = await importBackup(db, typeof text === 'string' ? chunked(text) : text, SETTINGS).then(
    () => null,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(BackupError);
  // What the options page shows (issue #13 §2: the reader gives a code, the page the sentence).
  expect(backupErrorText(EN, (err as BackupError).problem)).toMatch(message);
  expect(await snapshot()).toBe(before);
}

/** The backup with one record line replaced (the record's JSON edited by `edit`). */
function withRecord(table: string, edit: (r: Record<string, unknown>) => void): string {
  const start = lines.indexOf(`"${table}":[`);
  const i = start + 1;
  const comma = lines[i]!.endsWith(',');
  const r = JSON.parse(comma ? lines[i]!.slice(0, -1) : lines[i]!);
  edit(r);
  const copy = [...lines];
  copy[i] = JSON.stringify(r) + (comma ? ',' : '');
  return copy.join('\n');
}

describe('a backup that is not right is refused whole', () => {
  it('an empty file', () => refused('', /The file is empty/));
  it('only whitespace', () => refused('  \r\n\n', /The file is empty/));
  it('a truncated file (cut in the middle of a record)', () => refused(good.slice(0, Math.floor(good.length * 0.6)), /not valid JSON|truncated/));
  it('a truncated file (cut at a line end)', () => refused(lines.slice(0, lines.length - 4).join('\n'), /truncated/));
  it('wrong JSON', () => refused(good.replace('"events":[\n{', '"events":[\n{{'), /Line \d+ is not valid JSON/));
  it('JSON that is not a backup', () => refused('{"hello": "world"}', /not a Porchlight backup/));
  it('a CSV file', () => refused('tracking,carrier\n1Z999AA10123456784,ups\n', /not a Porchlight backup: it does not start with a JSON object/));
  it('a backup from a newer version', () => refused(good.replace('"formatVersion":1', '"formatVersion":7'), /newer Porchlight \(format 7\).*up to 1/));
  it('a wrong type in a record', () =>
    refused(
      withRecord('packages', (r) => {
        r.status = 42;
      }),
      /Line \d+: package ".+" is not valid \(status:/,
    ));
  it('a missing field', () =>
    refused(
      withRecord('events', (r) => {
        delete r.time;
      }),
      /event ".+" is not valid \(time:/,
    ));
  it('a duplicated id', () => {
    const start = lines.indexOf('"packages":[');
    const copy = [...lines];
    copy.splice(start + 1, 0, lines[start + 1]!.endsWith(',') ? lines[start + 1]! : `${lines[start + 1]!},`);
    return refused(copy.join('\n'), /package ".+" is listed twice/);
  });
  it('an event of a package the backup does not have', () =>
    refused(
      withRecord('events', (r) => {
        r.packageId = 'ups:NOPE';
      }),
      /belongs to package "ups:NOPE", which the backup does not have/,
    ));
  it('100 MB of junk (read in pieces, refused at its first line)', () => {
    let read = 0;
    const junk = async function* () {
      const piece = 'x'.repeat(1 << 20);
      for (let i = 0; i < 100; i++) {
        read++;
        yield piece;
      }
    };
    return refused(junk, /not a Porchlight backup/).then(() => expect(read).toBeLessThan(10));
  });
  it('100 MB of junk that starts like JSON (bounded, never parsed whole)', () => {
    const junk = async function* () {
      yield '{';
      const piece = 'y'.repeat(1 << 20);
      for (let i = 0; i < 100; i++) yield piece;
    };
    return refused(junk, /over 64 MB/);
  });
  it('a byte-order mark and CRLF line ends are read like the original', async () => {
    const crlf = `\uFEFF${good.replace(/\n/g, '\r\n')}`;
    const summary = await importBackup(db, chunked(crlf), SETTINGS);
    expect(summary.tables.events.added + summary.tables.events.updated).toBe(0);
  });
  it('any cut of the file is refused and changes nothing (property)', async () => {
    const before = await snapshot();
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 0, max: good.length - 3 }), async (cut) => {
        const err = await importBackup(db, chunked(good.slice(0, cut)), SETTINGS).then(
          () => null,
          (e: unknown) => e,
        );
        expect(err).toBeInstanceOf(BackupError);
      }),
      { numRuns: 25 },
    );
    expect(await snapshot()).toBe(before);
  });
});
