/**
 * Issue #17 point 3: the e-mail reader on mutated real e-mails (subject, text and HTML parts edited
 * apart), and the backup reader and importer on mutated real backups (a seeded database's own export
 * with lines cut, doubled or edited, hostile text inserted). Never a throw other than the importer's
 * named BackupError; a refused import leaves the database exactly as it was, an accepted one leaves
 * every row valid by the stored schemas.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importBackup } from '../../../lib/backup/import-backup';
import { BackupError, readBackup } from '../../../lib/backup/read-backup';
import { RECORD_SCHEMAS } from '../../../lib/backup/schema';
import { backupChunks } from '../../../lib/backup/write-backup';
import type { PorchlightDb } from '../../../lib/db/database';
import { type EmailParts, readEmailParts } from '../../../lib/email/read-email';
import { parseSettings } from '../../../lib/settings';
import { backupErrorText } from '../../../lib/view/options-data';
import { parseEml } from '../../../scripts/inspect/parse-eml';
import { chunked, collect, seedWorld, WORLD_NOW } from '../backup/backup-world';
import { EN } from '../../support/i18n';
import { invalidRows } from '../../support/invalid-rows';
import { countRuns, mutated, withinHangLimit } from './fuzz-support';

const EMAILS = join(__dirname, '../../fixtures/emails');

describe('fuzz: e-mail reader (issue #17)', () => {
  it('readEmailParts: 6,000 mutated real e-mails, never a throw, every number named with its carrier', async () => {
    const runs = 6_000;
    const parts: EmailParts[] = await Promise.all(
      readdirSync(EMAILS)
        .filter((f) => f.endsWith('.eml'))
        .map((f) => parseEml(readFileSync(join(EMAILS, f)))),
    );
    const field = (xs: (string | null | undefined)[]) => fc.oneof(fc.constant(null), mutated(xs.filter((x): x is string => !!x).map((x) => x.slice(0, 20_000))));
    fc.assert(
      fc.property(
        fc.nat({ max: parts.length - 1 }),
        field(parts.map((p) => p.subject)),
        field(parts.map((p) => p.text)),
        field(parts.map((p) => p.html)),
        (i, subject, text, html) => {
          const base = parts[i]!;
          const r = withinHangLimit('readEmailParts', () =>
            readEmailParts({ ...base, subject: subject ?? base.subject, text: text ?? base.text, html: html ?? base.html }, { now: new Date('2024-11-30T10:00:00Z'), timeZone: 'America/New_York' }),
          );
          for (const p of r.packages) {
            expect(p.trackingNumber).toMatch(/^[A-Z0-9]+$/);
            expect(p.carrier.length).toBeGreaterThan(0);
          }
        },
      ),
      { numRuns: runs, seed: 1901 },
    );
    countRuns('email', runs);
  }, 600_000);
});

describe('fuzz: backup reader and importer (issue #17)', () => {
  const SETTINGS = parseSettings({});
  const meta = { now: WORLD_NOW, appVersion: '0.1.0', settings: SETTINGS };
  let db: PorchlightDb;
  let good: string;
  let lines: string[];
  beforeAll(async () => {
    db = await seedWorld(`fuzz-backup-${Math.random()}`);
    good = await collect(backupChunks(db, meta));
    lines = good.split('\n');
  });
  afterAll(() => db.delete());

  /** The backup with whole lines cut, doubled or swapped, then character edits. */
  const mutatedBackup = () =>
    fc
      .tuple(fc.array(fc.tuple(fc.nat(), fc.integer({ min: 0, max: 2 })), { maxLength: 4 }), fc.boolean())
      .chain(([lineEdits, chars]) => {
        const ls = [...lines];
        for (const [at, op] of lineEdits) {
          const k = at % ls.length;
          if (op === 0) ls.splice(k, 1);
          else if (op === 1) ls.splice(k, 0, ls[k]!);
          else [ls[k], ls[(k + 1) % ls.length]] = [ls[(k + 1) % ls.length]!, ls[k]!];
        }
        const text = ls.join('\n');
        return chars ? mutated([text]) : fc.constant(text);
      });

  it('readBackup: 5,000 mutated backups, a named BackupError or records that are each valid', async () => {
    const runs = 5_000;
    let refused = 0;
    await fc.assert(
      fc.asyncProperty(mutatedBackup(), fc.integer({ min: 1, max: 4096 }), async (text, size) => {
        try {
          for await (const item of readBackup(chunked(text, size)())) {
            if (item.kind === 'record') expect(RECORD_SCHEMAS[item.table].safeParse(item.value).success).toBe(true);
          }
        } catch (err) {
          expect(err).toBeInstanceOf(BackupError);
          expect(backupErrorText(EN, (err as BackupError).problem).length).toBeGreaterThan(10);
          refused++;
        }
      }),
      { numRuns: runs, seed: 1902 },
    );
    // Most mutations break the file; some (a doubled record, an edit inside a text) leave a valid one.
    expect(refused).toBeGreaterThan(runs / 4);
    expect(refused).toBeLessThan(runs);
    countRuns('backup-read', runs);
  }, 600_000);

  it('importBackup: 300 mutated backups into the seeded database, refused with nothing written or imported with every row valid', async () => {
    const runs = 300;
    let imported = 0;
    await fc.assert(
      fc.asyncProperty(mutatedBackup(), async (text) => {
        const before = await collect(backupChunks(db, meta));
        try {
          await importBackup(db, chunked(text), SETTINGS);
          imported++;
          expect(await invalidRows(db)).toEqual([]);
        } catch (err) {
          expect(err).toBeInstanceOf(BackupError);
          expect(await collect(backupChunks(db, meta))).toBe(before);
        }
      }),
      { numRuns: runs, seed: 1903 },
    );
    expect(imported).toBeGreaterThan(0);
    countRuns('backup-import', runs);
  }, 600_000);
});
