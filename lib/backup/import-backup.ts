/**
 * "Import backup" (issue #12): the file is read twice. The first pass checks everything (format,
 * version, every record against the schema, duplicated keys, events and alerts of packages the
 * backup lacks) and writes nothing; the second merges it into the database in one transaction
 * (lib/backup/merge-records.ts), so a problem found anywhere leaves the database as it was.
 */
import { existingRows, inImportTransaction, PRIMARY_KEY, putRows, type BackupRows } from '../db/backup-store';
import type { PorchlightDb } from '../db/database';
import { parseSettings, type Settings } from '../settings';
import { mergeAlert, mergeEvent, mergeNotification, mergeOrder, mergePackage } from './merge-records';
import { BackupError, type BackupHeader, type BackupItem, readBackup } from './read-backup';
import { BACKUP_TABLES, type BackupTable } from './schema';
import { canonicalJson } from './write-backup';

export interface TableSummary {
  added: number;
  updated: number;
  /** Already stored, and the backup adds nothing to it. */
  unchanged: number;
}

export interface ImportSummary {
  tables: Record<BackupTable, TableSummary>;
  header: BackupHeader;
  /** The backup's settings, when they should replace this browser's (see {@link settingsToRestore}). */
  settings: Settings | null;
}

/** Opens the file from its start (called once per pass). */
export type OpenText = () => AsyncIterable<string>;

const BATCH = 500;

type Merge<T extends BackupTable> = (stored: BackupRows[T], incoming: BackupRows[T]) => BackupRows[T];
const MERGE: { [T in BackupTable]: Merge<T> } = {
  orders: mergeOrder,
  packages: mergePackage,
  events: mergeEvent,
  alerts: mergeAlert,
  notifications: mergeNotification,
};

const keyOf = (table: BackupTable, row: object) => String((row as Record<string, unknown>)[PRIMARY_KEY[table]]);

/** First pass: throws {@link BackupError} at the first problem; returns the header. */
async function check(open: OpenText): Promise<BackupHeader> {
  let header: BackupHeader | null = null;
  const keys = Object.fromEntries(BACKUP_TABLES.map((t) => [t, new Set<string>()])) as Record<BackupTable, Set<string>>;
  for await (const item of readBackup(open())) {
    if (item.kind === 'header') {
      header = item.header;
      continue;
    }
    const key = keyOf(item.table, item.value);
    const seen = keys[item.table];
    if (seen.has(key)) throw new BackupError({ code: 'duplicate', line: item.line, table: item.table, key: key.slice(0, 80) });
    seen.add(key);
    if ((item.table === 'events' || item.table === 'alerts') && !keys.packages.has(item.value.packageId)) {
      throw new BackupError({ code: 'orphan', line: item.line, table: item.table, key: key.slice(0, 80), packageId: item.value.packageId.slice(0, 80) });
    }
  }
  if (!header) throw new BackupError({ code: 'empty' });
  return header;
}

/** The backup's settings replace this browser's only where the shopper never changed them (a fresh or wiped browser). */
export function settingsToRestore(current: Settings, backup: Record<string, unknown>): Settings | null {
  const restored = parseSettings(backup);
  const untouched = canonicalJson(current) === canonicalJson(parseSettings({}));
  return untouched && canonicalJson(restored) !== canonicalJson(current) ? restored : null;
}

export async function importBackup(db: PorchlightDb, open: OpenText, currentSettings: Settings): Promise<ImportSummary> {
  const header = await check(open);
  const tables = Object.fromEntries(BACKUP_TABLES.map((t) => [t, { added: 0, updated: 0, unchanged: 0 }])) as Record<BackupTable, TableSummary>;

  await inImportTransaction(db, async (wait) => {
    let batch: Extract<BackupItem, { kind: 'record' }>[] = [];
    const flush = async () => {
      if (!batch.length) return;
      const table = batch[0]!.table;
      const rows = batch.map((b) => b.value as BackupRows[typeof table]);
      batch = [];
      const stored = await existingRows(db, table, rows.map((r) => keyOf(table, r)));
      const write: BackupRows[typeof table][] = [];
      const merge = MERGE[table] as Merge<typeof table>;
      for (const [i, row] of rows.entries()) {
        const old = stored[i];
        if (!old) {
          tables[table].added++;
          write.push(row);
          continue;
        }
        const merged = merge(old, row);
        if (merged === old) tables[table].unchanged++;
        else {
          tables[table].updated++;
          write.push(merged);
        }
      }
      await putRows(db, table, write);
    };
    const items = readBackup(open())[Symbol.asyncIterator]();
    for (;;) {
      const next = await wait(items.next());
      if (next.done) break;
      const item = next.value;
      if (item.kind === 'header') continue;
      if (batch.length && (batch[0]!.table !== item.table || batch.length >= BATCH)) await flush();
      batch.push(item);
    }
    await flush();
  });
  return { tables, header, settings: settingsToRestore(currentSettings, header.settings) };
}
