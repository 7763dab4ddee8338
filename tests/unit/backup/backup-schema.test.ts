/**
 * docs/backup-format.schema.json is generated from the zod schemas that check imports
 * (scripts/backup-schema.ts): it must be up to date, and a real export must pass it in an
 * independent JSON Schema validator (Ajv, draft 2020-12).
 */
import { readFileSync } from 'node:fs';
import Ajv2020 from 'ajv/dist/2020';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { backupChunks } from '../../../lib/backup/write-backup';
import type { PorchlightDb } from '../../../lib/db/database';
import { parseSettings } from '../../../lib/settings';
import { backupJsonSchema, SCHEMA_PATH } from '../../../scripts/backup-schema';
import { collect, seedWorld, WORLD_NOW } from './backup-world';

let db: PorchlightDb;
beforeAll(async () => {
  db = await seedWorld();
});
afterAll(() => db.delete());

describe('the backup JSON Schema', () => {
  it('the committed file is what the zod schemas generate (run scripts/backup-schema.ts after changing them)', () => {
    expect(readFileSync(SCHEMA_PATH, 'utf8')).toBe(backupJsonSchema());
  });

  it('a real export is valid under it, and a broken one is not', async () => {
    const validate = new Ajv2020({ allErrors: true, strict: false }).compile(JSON.parse(readFileSync(SCHEMA_PATH, 'utf8')));
    const doc = JSON.parse(await collect(backupChunks(db, { now: WORLD_NOW, appVersion: '0.1.0', settings: parseSettings({}) })));
    expect(validate(doc), JSON.stringify(validate.errors?.slice(0, 3))).toBe(true);
    doc.packages[0].status = 'teleported';
    expect(validate(doc)).toBe(false);
  });
});
