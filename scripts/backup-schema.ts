// `node --import tsx scripts/backup-schema.ts`: writes docs/backup-format.schema.json, the JSON
// Schema of a backup file, from the zod schemas that validate imports (lib/backup/schema.ts, issue
// #12). tests/unit/backup/backup-schema.test.ts fails when the committed file is out of date.
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { BACKUP_FORMAT_VERSION, HeaderSchema, RECORD_SCHEMAS } from '../lib/backup/schema';

export const SCHEMA_PATH = 'docs/backup-format.schema.json';

export function backupJsonSchema(): string {
  const doc = HeaderSchema.extend({
    orders: z.array(RECORD_SCHEMAS.orders),
    packages: z.array(RECORD_SCHEMAS.packages),
    events: z.array(RECORD_SCHEMAS.events),
    alerts: z.array(RECORD_SCHEMAS.alerts),
    notifications: z.array(RECORD_SCHEMAS.notifications),
  }).meta({
    title: `Porchlight backup, format ${BACKUP_FORMAT_VERSION}`,
    description: 'Generated from lib/backup/schema.ts by scripts/backup-schema.ts; see docs/backup-format.md.',
  });
  return `${JSON.stringify(z.toJSONSchema(doc, { target: 'draft-2020-12' }), null, 2)}\n`;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  writeFileSync(SCHEMA_PATH, backupJsonSchema());
  console.log(`wrote ${SCHEMA_PATH}`);
}
