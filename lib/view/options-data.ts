/**
 * The options page's Data section (issue #12), pure: file names, and the sentences that say what an
 * export, an import or a deletion did.
 */
import type { ImportSummary } from '../backup/import-backup';
import type { TrackingList } from '../backup/tracking-list';
import { zonedDate } from '../model/time';
import { oneLine } from './options-diagnostics';

export type ExportKind = 'backup' | 'events-csv' | 'packages-csv' | 'calendar';

/** The backup's hint when the shopper ticked "include my carrier keys" (the default hint says they are not). */
export const BACKUP_WITH_KEYS_HINT = 'Everything: orders, parcels, their timelines, alerts, labels and settings, and your carrier keys locked with your passphrase (JSON).';

export const EXPORTS: Readonly<Record<ExportKind, { label: string; file: string; ext: string; type: string; hint: string }>> = {
  backup: {
    label: 'Export backup',
    file: 'porchlight-backup',
    ext: 'json',
    type: 'application/json',
    hint: 'Everything: orders, parcels, their timelines, alerts, labels and settings (JSON; carrier keys are not included).',
  },
  'events-csv': { label: 'Export CSV', file: 'porchlight-events', ext: 'csv', type: 'text/csv;charset=utf-8', hint: 'One row per tracking event, for a spreadsheet.' },
  'packages-csv': { label: 'Export parcels CSV', file: 'porchlight-parcels', ext: 'csv', type: 'text/csv;charset=utf-8', hint: 'One row per parcel.' },
  calendar: {
    label: 'Export calendar',
    file: 'porchlight-deliveries',
    ext: 'ics',
    type: 'text/calendar;charset=utf-8',
    hint: 'Expected deliveries and pickup deadlines (.ics); importing a newer one updates the same entries.',
  },
};

export function exportFileName(kind: ExportKind, now: number, timeZone: string): string {
  return `${EXPORTS[kind].file}-${zonedDate(now, timeZone)}.${EXPORTS[kind].ext}`;
}

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

export interface StoredCounts {
  orders: number;
  packages: number;
  events: number;
  alerts: number;
}

export function storedText(c: StoredCounts, usageBytes: number | null): string {
  const size = usageBytes === null ? '' : `, about ${formatBytes(usageBytes)} in all`;
  return `Stored in this browser: ${plural(c.packages, 'parcel')}, ${plural(c.orders, 'order')}, ${plural(c.events, 'tracking event')}, ${plural(c.alerts, 'alert')}${size}.`;
}

export function formatBytes(n: number): string {
  if (n < 1024) return `${n} B`;
  if (n < 1024 * 1024) return `${(n / 1024).toFixed(0)} KB`;
  return `${(n / 1024 / 1024).toFixed(1)} MB`;
}

export function exportedText(kind: ExportKind, name: string, bytes: number): string {
  return `${EXPORTS[kind].label.replace(/^Export /, '').replace(/^./, (c) => c.toUpperCase())} saved as ${name} (${formatBytes(bytes)}).`;
}

const LABELS = { orders: 'order', packages: 'parcel', events: 'event', alerts: 'alert', notifications: 'notification' } as const;

/** "Imported: 12 parcels added, 3 updated; 40 events added; 5 records already here." */
export function importedText(s: ImportSummary): string {
  const parts: string[] = [];
  let unchanged = 0;
  for (const [table, label] of Object.entries(LABELS) as [keyof typeof LABELS, string][]) {
    const t = s.tables[table];
    unchanged += t.unchanged;
    const bits = [t.added ? `${plural(t.added, label)} added` : null, t.updated ? `${t.updated} updated` : null].filter(Boolean);
    if (bits.length) parts.push(bits.join(', '));
  }
  const head = parts.length ? `Imported: ${parts.join('; ')}.` : 'Nothing new in this backup.';
  const same = unchanged ? ` ${plural(unchanged, 'record was', 'records were')} already here.` : '';
  const settings = s.settings ? ' Its settings were restored.' : '';
  return `${head}${same}${settings}`;
}

/** What "Delete all data" removed. */
export function deletedText(rows: Readonly<Record<string, number>>, storageKeys: readonly string[]): string {
  const p = (t: string) => rows[t] ?? 0;
  const stored = [storageKeys.includes('settings') ? 'your settings' : null, storageKeys.includes('credentials') ? 'carrier keys' : null].filter(Boolean);
  return `Deleted ${plural(p('packages'), 'parcel')}, ${plural(p('orders'), 'order')}, ${plural(p('events'), 'tracking event')}, ${plural(p('alerts'), 'alert')} and ${plural(p('notifications'), 'notification record')}${stored.length ? `, and ${stored.join(' and ')}` : ''}. Porchlight is as new in this browser.`;
}

/** What "Import tracking numbers" did: how many were added, already tracked, and why others were not read. */
export function numbersImportedText(list: TrackingList, r: { added: number; known: number }): string {
  const from = list.column ? ` (column "${list.column}")` : '';
  const head =
    list.numbers.length === 0
      ? `No tracking number found in the file${from}.`
      : `${plural(r.added, 'number')} added${r.known ? `, ${r.known} already tracked` : ''}${from}.`;
  const shown = list.rejected.slice(0, 3).map((x) => `"${x.text.slice(0, 40)}": ${x.message}`);
  const more = list.rejected.length > 3 ? ` (and ${list.rejected.length - 3} more)` : '';
  const rejected = shown.length ? ` Not read: ${shown.join('; ')}${more}.` : '';
  const cut = list.cut ? ' The file is long: only its first part was read; import the rest separately.' : '';
  return `${head}${rejected}${cut}`;
}

/** A package as the claim kit's list names it: its label, then its number or order. */
export function claimChoiceLabel(p: { label: string | null; trackingNumber: string | null; orderId: string | null; carrier: string | null; id: string }): string {
  const number = p.trackingNumber ? `${p.carrier ? `${p.carrier.toUpperCase()} ` : ''}${p.trackingNumber}` : p.orderId ? `order ${p.orderId}` : p.id;
  const label = p.label ? oneLine(p.label, 60) : null;
  return label ? `${label} (${number})` : number;
}

export function claimKitSavedText(name: string, bytes: number): string {
  return `Claim kit saved as ${name} (${formatBytes(bytes)}). Open it to print it or save it as PDF.`;
}

export function claimKitFileName(p: { trackingNumber: string | null; orderId: string | null; id: string }, now: number, timeZone: string): string {
  const what = (p.trackingNumber ?? p.orderId ?? p.id).replace(/[^A-Za-z0-9-]+/g, '-').slice(0, 40);
  return `porchlight-claim-${what}-${zonedDate(now, timeZone)}.html`;
}
