import { RECORD_SCHEMAS } from '../../lib/backup/schema';
import type { PorchlightDb } from '../../lib/db/database';

/**
 * Every stored row of the record tables that today's schema refuses (empty when the database is
 * valid): what the fuzz suites and the schema fixtures check stored data against (issue #17).
 */
export async function invalidRows(db: PorchlightDb): Promise<string[]> {
  const bad: string[] = [];
  for (const [table, schema] of Object.entries(RECORD_SCHEMAS)) {
    for (const row of await db.table(table).toArray()) {
      const r = schema.safeParse(row);
      if (!r.success) bad.push(`${table} ${JSON.stringify(row).slice(0, 80)}: ${r.error.issues.map((i) => `${i.path.join('.')} ${i.message}`).join('; ')}`);
    }
  }
  return bad;
}
