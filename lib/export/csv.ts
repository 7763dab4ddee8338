/**
 * "Export CSV" (issue #12): one row per event and one per package, RFC 4180 (CRLF, quoted where
 * needed), written with Papa Parse's unparse a page of packages at a time. Text from pages and carriers
 * that a spreadsheet would run as a formula (=, +, -, @, tab or CR first) is prefixed with an
 * apostrophe (OWASP "CSV injection"): the file is data, never code. Only free-text cells are: an
 * offset like `-05:00` is not text from a page.
 */
import Papa from 'papaparse';
import { eventsOfPackages, ordersByKey, rowsInKeyOrder } from '../db/backup-store';
import type { PorchlightDb } from '../db/database';
import { eventEpoch } from '../model/time';
import type { Order, Package, TrackingEvent } from '../model/types';

const OPTIONS = { newline: '\r\n', header: false } as const;
/** Rows as CSV records, each ended by CRLF (RFC 4180 §2.1-2.2). */
const stringify = (rows: string[][]) => `${Papa.unparse(rows, OPTIONS)}\r\n`;

/** A free-text cell, defused for spreadsheets. */
const text = (s: string | null | undefined): string => (s ? (/^[=+\-@\t\r]/.test(s) ? `'${s}` : s) : '');

// Column names and status values are identifiers, the same in every language (issue #13 §2): scripts
// and spreadsheet formulas key on them, and "Import tracking numbers" reads tracking_number back.
export const EVENT_COLUMNS = [
  'tracking_number',
  'carrier',
  'shop',
  'order_id',
  'item',
  'status',
  'description',
  'place',
  'time_utc',
  'time_local',
  'time_zone',
  'source',
] as const;

export const PACKAGE_COLUMNS = [
  'tracking_number',
  'carrier',
  'other_numbers',
  'shop',
  'order_id',
  'order_date',
  'item',
  'status',
  'status_text',
  'eta_from',
  'eta_to',
  'delivered_at',
  'pickup_location',
  'pickup_code',
  'pickup_until',
  'archived',
  'muted',
  'first_seen_utc',
  'last_change_utc',
] as const;

function item(pkg: Package, order: Order | undefined): string {
  return pkg.label ?? order?.items.map((i) => i.title).join('; ') ?? '';
}

const iso = (ms: number | null) => (ms === null ? '' : new Date(ms).toISOString());

/** The event's instant in UTC; a local-only time without its own zone is placed in the shopper's (issue #19 §4). */
function utc(e: TrackingEvent, shopperZone: string): string {
  const at = eventEpoch(e.time, e.timeIsLocal, e.timeIsLocal ? (e.timeZone ?? shopperZone) : null);
  return Number.isFinite(at) ? new Date(at).toISOString() : '';
}

function zoneOf(e: TrackingEvent, shopperZone: string): string {
  if (!e.timeIsLocal) return /(Z|[+-]\d\d:?\d\d)$/i.exec(e.time)?.[0] ?? '';
  return e.timeZone ?? shopperZone;
}

function eventRow(e: TrackingEvent, pkg: Package, order: Order | undefined, shopperZone: string): string[] {
  return [
    text(pkg.trackingNumber),
    text(pkg.carrier),
    text(pkg.shop),
    text(pkg.orderId),
    text(item(pkg, order)),
    e.status ?? '',
    text(e.description),
    text(e.location),
    utc(e, shopperZone),
    text(e.time),
    zoneOf(e, shopperZone),
    text((e.sources ?? [e.source]).join(' ')),
  ];
}

function packageRow(p: Package, order: Order | undefined): string[] {
  return [
    text(p.trackingNumber),
    text(p.carrier),
    text(
      p.numbers
        .map((n) => n.number)
        .filter((n) => n !== p.trackingNumber)
        .join(' '),
    ),
    text(p.shop),
    text(p.orderId),
    text(order?.placedAt),
    text(item(p, order)),
    p.status,
    text(p.statusText),
    text(p.eta?.from),
    text(p.eta?.to),
    text(p.deliveredAt),
    text(p.pickup?.location),
    text(p.pickup?.code),
    text(p.pickup?.until),
    String(p.archived),
    String(p.muted),
    iso(p.firstSeenAt),
    iso(p.lastChangeAt),
  ];
}

const byTime = (zone: string) => (a: TrackingEvent, b: TrackingEvent) =>
  eventEpoch(a.time, a.timeIsLocal, a.timeZone ?? zone) - eventEpoch(b.time, b.timeIsLocal, b.timeZone ?? zone) || (a.key < b.key ? -1 : 1);

/** The events CSV in pieces: packages in id order, each one's events oldest first. */
export async function* eventsCsvChunks(db: PorchlightDb, shopperZone: string): AsyncGenerator<string> {
  yield stringify([[...EVENT_COLUMNS]]);
  for await (const page of rowsInKeyOrder(db, 'packages', 200)) {
    const orders = await ordersByKey(db, page.flatMap((p) => (p.orderKey ? [p.orderKey] : [])));
    const events = await eventsOfPackages(db, page.map((p) => p.id));
    const byPackage = new Map<string, TrackingEvent[]>();
    for (const e of events) {
      const list = byPackage.get(e.packageId);
      if (list) list.push(e);
      else byPackage.set(e.packageId, [e]);
    }
    const rows: string[][] = [];
    for (const p of page) {
      const order = p.orderKey ? orders.get(p.orderKey) : undefined;
      for (const e of (byPackage.get(p.id) ?? []).sort(byTime(shopperZone))) rows.push(eventRow(e, p, order, shopperZone));
    }
    if (rows.length) yield stringify(rows);
  }
}

/** The packages CSV in pieces, in id order. */
export async function* packagesCsvChunks(db: PorchlightDb): AsyncGenerator<string> {
  yield stringify([[...PACKAGE_COLUMNS]]);
  for await (const page of rowsInKeyOrder(db, 'packages')) {
    const orders = await ordersByKey(db, page.flatMap((p) => (p.orderKey ? [p.orderKey] : [])));
    yield stringify(page.map((p) => packageRow(p, p.orderKey ? orders.get(p.orderKey) : undefined)));
  }
}
