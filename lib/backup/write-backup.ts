/**
 * "Export backup" (issue #12): the whole database as one JSON document, written in pieces so a
 * history of a million events is never one string. The layout is plain JSON that any parser reads,
 * laid out one record per line (docs/backup-format.md) so an import can read it as a stream too.
 * Keys are sorted and tables go in primary-key order: the same data always gives the same bytes
 * (export → delete all → import → export differs only in `exportedAt`).
 */
import { type BackupTableName, rowsInKeyOrder } from '../db/backup-store';
import type { PorchlightDb } from '../db/database';
import type { Settings } from '../settings';
import type { SealedKeys } from './sealed-keys';
import { BACKUP_FORMAT_NAME, BACKUP_FORMAT_VERSION, BACKUP_TABLES } from './schema';

/** JSON with object keys sorted (arrays keep their order): one spelling per value. */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_k, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : v,
  );
}

export interface BackupMeta {
  now: number;
  appVersion: string;
  settings: Settings;
  /** The shopper's carrier keys, sealed with their passphrase (lib/backup/sealed-keys.ts); absent unless they asked. */
  carrierKeys?: SealedKeys;
}

/** The header line: everything but the tables, left open (`,`) for them. */
export function headerLine(meta: BackupMeta): string {
  const header = canonicalJson({
    format: BACKUP_FORMAT_NAME,
    formatVersion: BACKUP_FORMAT_VERSION,
    exportedAt: new Date(meta.now).toISOString(),
    app: { name: 'Porchlight', version: meta.appVersion },
    settings: meta.settings,
    ...(meta.carrierKeys ? { carrierKeys: meta.carrierKeys } : {}),
  });
  return `${header.slice(0, -1)},\n`;
}

/** The backup file's text, in pieces of about a thousand records. */
export async function* backupChunks(db: PorchlightDb, meta: BackupMeta): AsyncGenerator<string> {
  yield headerLine(meta);
  for (const [i, table] of BACKUP_TABLES.entries()) {
    let first = true;
    let out = `${JSON.stringify(table)}:[`;
    for await (const page of rowsInKeyOrder(db, table as BackupTableName)) {
      for (const row of page) {
        out += `${first ? '\n' : ',\n'}${canonicalJson(row)}`;
        first = false;
      }
      yield out;
      out = '';
    }
    yield `${out}\n]${i === BACKUP_TABLES.length - 1 ? '}' : ','}\n`;
  }
}
