/**
 * The options page's Data section (issue #12), pure: file names, and the sentences that say what an
 * export, an import or a deletion did, in the page's language (issue #13 §2).
 */
import type { ImportSummary } from '../backup/import-backup';
import type { BackupProblem } from '../backup/read-backup';
import type { BackupTable } from '../backup/schema';
import type { TrackingList } from '../backup/tracking-list';
import { type MessageKey, plural, type PluralKey, type UiText } from '../i18n/translate';
import { zonedDate } from '../model/time';
import { oneLine } from './options-diagnostics';
import { rejectText } from './track-offers';

export type ExportKind = 'backup' | 'events-csv' | 'packages-csv' | 'calendar';

export const EXPORTS: Readonly<Record<ExportKind, { label: MessageKey; saved: MessageKey; file: string; ext: string; type: string; hint: MessageKey }>> = {
  backup: { label: 'optionsDataExportBackup', saved: 'optionsDataSavedBackup', file: 'porchlight-backup', ext: 'json', type: 'application/json', hint: 'optionsDataExportBackupHint' },
  'events-csv': { label: 'optionsDataExportEvents', saved: 'optionsDataSavedEvents', file: 'porchlight-events', ext: 'csv', type: 'text/csv;charset=utf-8', hint: 'optionsDataExportEventsHint' },
  'packages-csv': { label: 'optionsDataExportParcels', saved: 'optionsDataSavedParcels', file: 'porchlight-parcels', ext: 'csv', type: 'text/csv;charset=utf-8', hint: 'optionsDataExportParcelsHint' },
  calendar: { label: 'optionsDataExportCalendar', saved: 'optionsDataSavedCalendar', file: 'porchlight-deliveries', ext: 'ics', type: 'text/calendar;charset=utf-8', hint: 'optionsDataExportCalendarHint' },
};

export function exportFileName(kind: ExportKind, now: number, timeZone: string): string {
  return `${EXPORTS[kind].file}-${zonedDate(now, timeZone)}.${EXPORTS[kind].ext}`;
}

export interface StoredCounts {
  orders: number;
  packages: number;
  events: number;
  alerts: number;
}

/** "1 parcel, 2 orders, 3 tracking events, 4 alerts". */
export function storedList(ui: UiText, c: StoredCounts): string {
  return [plural(ui, 'optionsDataParcels', c.packages), plural(ui, 'optionsDataOrders', c.orders), plural(ui, 'optionsDataTrackingEvents', c.events), plural(ui, 'optionsDataAlerts', c.alerts)].join(', ');
}

export function storedText(ui: UiText, c: StoredCounts, usageBytes: number | null): string {
  const size = usageBytes === null ? '' : ui.t('optionsDataStoredSize', formatBytes(usageBytes, ui.locale));
  // One substitution: Chrome reads "$1$2" as a named placeholder "$1$".
  return ui.t('optionsDataStored', `${storedList(ui, c)}${size}`);
}

/** What the "Delete all data" confirmation says will go. */
export function deleteWarningText(ui: UiText, c: StoredCounts): string {
  return ui.t('optionsDataDeleteWarning', storedList(ui, c));
}

/** Units are symbols, the same in every language; the number is the locale's ("2.5 MB", "2,5 MB"), without grouping as before. */
export function formatBytes(n: number, locale: string): string {
  const num = (v: number, digits: number) => new Intl.NumberFormat(locale, { minimumFractionDigits: digits, maximumFractionDigits: digits, useGrouping: false }).format(v);
  if (n < 1024) return `${num(n, 0)} B`;
  if (n < 1024 * 1024) return `${num(n / 1024, 0)} KB`;
  return `${num(n / 1024 / 1024, 1)} MB`;
}

export function exportedText(ui: UiText, kind: ExportKind, name: string, bytes: number): string {
  return ui.t(EXPORTS[kind].saved, name, formatBytes(bytes, ui.locale));
}

const ADDED: Readonly<Record<keyof ImportSummary['tables'] & ('orders' | 'packages' | 'events' | 'alerts' | 'notifications'), PluralKey>> = {
  orders: 'optionsDataOrdersAdded',
  packages: 'optionsDataParcelsAdded',
  events: 'optionsDataEventsAdded',
  alerts: 'optionsDataAlertsAdded',
  notifications: 'optionsDataNotificationsAdded',
};

/** "Imported: 12 parcels added, 3 updated; 40 events added; 5 records already here." */
export function importedText(ui: UiText, s: ImportSummary): string {
  const parts: string[] = [];
  let unchanged = 0;
  for (const [table, key] of Object.entries(ADDED) as [keyof typeof ADDED, PluralKey][]) {
    const t = s.tables[table];
    unchanged += t.unchanged;
    const bits = [t.added ? plural(ui, key, t.added) : null, t.updated ? ui.t('optionsDataUpdated', t.updated) : null].filter(Boolean);
    if (bits.length) parts.push(bits.join(', '));
  }
  const head = parts.length ? ui.t('optionsDataImported', parts.join('; ')) : ui.t('optionsDataNothingNew');
  const same = unchanged ? plural(ui, 'optionsDataAlreadyHere', unchanged) : null;
  const settings = s.settings ? ui.t('optionsDataSettingsRestored') : null;
  return [head, same, settings].filter(Boolean).join(' ');
}

/** What "Delete all data" removed. */
export function deletedText(ui: UiText, rows: Readonly<Record<string, number>>, storageKeys: readonly string[]): string {
  const p = (t: string) => rows[t] ?? 0;
  const stored = [storageKeys.includes('settings') ? ui.t('optionsDataYourSettings') : null, storageKeys.includes('credentials') ? ui.t('optionsDataCarrierKeys') : null].filter(
    (x): x is string => x !== null,
  );
  const also = stored.length ? ui.t('optionsDataDeletedAlso', stored.length === 2 ? ui.t('optionsDataAnd', stored[0]!, stored[1]!) : stored[0]!) : '';
  return ui.t(
    'optionsDataDeleted',
    plural(ui, 'optionsDataParcels', p('packages')),
    plural(ui, 'optionsDataOrders', p('orders')),
    plural(ui, 'optionsDataTrackingEvents', p('events')),
    plural(ui, 'optionsDataAlerts', p('alerts')),
    `${plural(ui, 'optionsDataNotificationRecords', p('notifications'))}${also}`,
  );
}

/** A record of a table as the reader names it: 'package "ups:1Z…"'. */
const RECORD: Readonly<Record<BackupTable, MessageKey>> = {
  orders: 'backupErrorOrder',
  packages: 'backupErrorPackage',
  events: 'backupErrorEvent',
  alerts: 'backupErrorAlert',
  notifications: 'backupErrorNotification',
};

/**
 * What is wrong with a backup, or with the passphrase of its carrier keys, in the page's language
 * (the reader gives a code and its facts: lib/backup/read-backup.ts). Line numbers are written as
 * the file counts them, without grouping; what JSON.parse and zod said stays as they said it.
 */
export function backupErrorText(ui: UiText, p: BackupProblem): string {
  const { t } = ui;
  const record = (table: BackupTable, key: string | null) => (key === null ? t(RECORD[table]) : t('backupErrorNamed', t(RECORD[table]), key));
  switch (p.code) {
    case 'empty':
      return t('backupErrorEmpty');
    case 'truncated':
      return t('backupErrorTruncated');
    case 'not_json_start':
      return t('backupErrorNotJsonStart');
    case 'no_format':
      return t(p.where === 'first_line' ? 'backupErrorNoFormatFirstLine' : 'backupErrorNoFormatFile', p.format);
    case 'header_not_json':
      return t('backupErrorHeaderNotJson', p.detail);
    case 'too_big':
      return t('backupErrorTooBig', p.mb);
    case 'newer':
      return t('backupErrorNewer', String(p.version), String(p.supported));
    case 'header_invalid':
      return t('backupErrorHeaderInvalid', p.issue);
    case 'record_invalid':
      return t('backupErrorRecordInvalid', String(p.line), record(p.table, p.key), p.issue);
    case 'line_too_long':
      return t('backupErrorLineTooLong', String(p.line), p.mb);
    case 'after_end':
      return t('backupErrorAfterEnd', String(p.line));
    case 'expected_list':
      return t('backupErrorExpectedList', String(p.line), p.table);
    case 'list_closed_wrong':
      return t('backupErrorListClosedWrong', String(p.line), p.table);
    case 'line_not_json':
      return t('backupErrorLineNotJson', String(p.line), p.detail);
    case 'file_not_json':
      return t('backupErrorFileNotJson', p.detail);
    case 'no_list':
      return t('backupErrorNoList', p.table);
    case 'duplicate':
      return t('backupErrorDuplicate', String(p.line), record(p.table, p.key));
    case 'orphan':
      return t('backupErrorOrphan', String(p.line), record(p.table, p.key), p.packageId);
    case 'passphrase_short':
      return t('backupErrorPassphraseShort', p.min);
    case 'wrong_passphrase':
      return t('backupErrorWrongPassphrase');
    case 'keys_unknown':
      return t('backupErrorKeysUnknown');
  }
}

/** The problems whose sentence already says that nothing was imported (the rest get "Nothing was changed."). */
const SAYS_NOTHING_IMPORTED: ReadonlySet<BackupProblem['code']> = new Set(['truncated', 'file_not_json', 'duplicate']);

/** "cut.json was not imported. The file ends too early: …". */
export function notImportedText(ui: UiText, fileName: string, p: BackupProblem): string {
  const why = backupErrorText(ui, p);
  return ui.t('optionsDataNotImported', fileName, SAYS_NOTHING_IMPORTED.has(p.code) ? why : `${why} ${ui.t('optionsDataNothingChanged')}`);
}

/** What "Import tracking numbers" did: how many were added, already tracked, and why others were not read (the parser's reasons, as the popup's box says them). */
export function numbersImportedText(ui: UiText, list: TrackingList, r: { added: number; known: number }): string {
  const { t } = ui;
  const from = list.column ? ` ${t('optionsDataFromColumn', list.column)}` : '';
  const head =
    list.numbers.length === 0 ? t('optionsDataNoNumber', from) : plural(ui, 'optionsDataNumbersAdded', r.added, `${r.known ? t('optionsDataAlreadyTracked', r.known) : ''}${from}`);
  // Each reason is a sentence; in the list its full stop would double the list's own ("typo..").
  const shown = list.rejected.slice(0, 3).map((x) => t('optionsDataRejected', x.text.slice(0, 40), rejectText(x, t).replace(/\.$/, '')));
  const more = list.rejected.length > 3 ? ` ${t('optionsDataMore', list.rejected.length - 3)}` : '';
  const rejected = shown.length ? t('optionsDataNotRead', `${shown.join('; ')}${more}`) : null;
  const cut = list.cut ? t('optionsDataCut') : null;
  return [head, rejected, cut].filter(Boolean).join(' ');
}

/** A package as the claim kit's list names it: its label, then its number or order. */
export function claimChoiceLabel(ui: UiText, p: { label: string | null; trackingNumber: string | null; orderId: string | null; carrier: string | null; id: string }): string {
  const number = p.trackingNumber ? `${p.carrier ? `${p.carrier.toUpperCase()} ` : ''}${p.trackingNumber}` : p.orderId ? ui.t('optionsDataOrderNumber', p.orderId) : p.id;
  const label = p.label ? oneLine(p.label, 60) : null;
  return label ? `${label} (${number})` : number;
}

export function claimKitSavedText(ui: UiText, name: string, bytes: number): string {
  return ui.t('optionsDataClaimKitSaved', name, formatBytes(bytes, ui.locale));
}

export function claimKitFileName(p: { trackingNumber: string | null; orderId: string | null; id: string }, now: number, timeZone: string): string {
  const what = (p.trackingNumber ?? p.orderId ?? p.id).replace(/[^A-Za-z0-9-]+/g, '-').slice(0, 40);
  return `porchlight-claim-${what}-${zonedDate(now, timeZone)}.html`;
}
