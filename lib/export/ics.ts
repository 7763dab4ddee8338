/**
 * "Export calendar" (issue #12): an iCalendar file (RFC 5545) of the deliveries still expected and
 * the pickup deadlines. Written here rather than with a library: the few properties needed are
 * small, and the writer does what the RFC asks (CRLF, TEXT escaping, lines folded at 75 octets
 * without splitting a character, all-day DATE values with an exclusive end); tests read the output
 * with ical.js, an independent parser. Each package's events keep one UID, and SEQUENCE grows as its
 * ETA moves, so importing a newer export updates the calendar's entries instead of adding copies.
 * What a calendar shows (the calendar's name, each entry's summary and description) is in the
 * options page's language (issue #13 §2); PRODID is an identifier and stays as it is.
 */
import { rowsInKeyOrder } from '../db/backup-store';
import type { PorchlightDb } from '../db/database';
import type { Translate } from '../i18n/translate';
import { TERMINAL_STATUSES } from '../model/status';
import { addDays } from '../model/time';
import type { Package } from '../model/types';
import { STATUS_MESSAGE } from '../view/popup-model';

/** TEXT value escaping (RFC 5545 §3.3.11). */
function escapeText(s: string): string {
  return s.replace(/[\\;,]/g, (c) => `\\${c}`).replace(/\r\n|\r|\n/g, '\\n').replace(/[\u0000-\u0008\u000b-\u001f\u007f]/g, '');
}

const encoder = new TextEncoder();

/** Folds a content line at 75 octets (§3.1), never inside a UTF-8 sequence or a surrogate pair. */
export function foldLine(line: string): string {
  if (encoder.encode(line).length <= 75) return `${line}\r\n`;
  let out = '';
  let cur = '';
  let octets = 0;
  let limit = 75;
  for (const ch of line) {
    const n = encoder.encode(ch).length;
    if (octets + n > limit) {
      out += `${cur}\r\n `;
      cur = '';
      octets = 0;
      limit = 74; // the leading space of a continuation line counts
    }
    cur += ch;
    octets += n;
  }
  return `${out}${cur}\r\n`;
}

const dateValue = (isoDate: string) => isoDate.slice(0, 10).replace(/-/g, '');
const utcValue = (ms: number) => new Date(ms).toISOString().replace(/[-:]/g, '').replace(/\.\d{3}/, '');
const isDate = (s: string) => /^\d{4}-\d{2}-\d{2}$/.test(s);

function what(p: Package): string {
  const number = p.trackingNumber ? `${p.carrier ? `${p.carrier.toUpperCase()} ` : ''}${p.trackingNumber}` : (p.orderId ?? p.id);
  return p.label ? `${p.label} (${number})` : number;
}

function span(from: string, to: string): string[] | null {
  if (isDate(from) && isDate(to)) return [`DTSTART;VALUE=DATE:${dateValue(from)}`, `DTEND;VALUE=DATE:${dateValue(addDays(to, 1))}`];
  const a = Date.parse(from);
  const b = Date.parse(to);
  if (!Number.isFinite(a) || !Number.isFinite(b)) return null;
  return [`DTSTART:${utcValue(a)}`, `DTEND:${utcValue(Math.max(b, a + 60_000))}`];
}

function vevent(uid: string, sequence: number, stamp: number, when: string[], summary: string, description: string, location: string | null): string {
  const lines = [
    'BEGIN:VEVENT',
    `UID:${escapeText(uid)}`,
    `SEQUENCE:${sequence}`,
    `DTSTAMP:${utcValue(stamp)}`,
    ...when,
    `SUMMARY:${escapeText(summary)}`,
    `DESCRIPTION:${escapeText(description)}`,
    ...(location ? [`LOCATION:${escapeText(location)}`] : []),
    'TRANSP:TRANSPARENT',
    'END:VEVENT',
  ];
  return lines.map(foldLine).join('');
}

/** The calendar entries of one package: its expected delivery, its pickup deadline (pure). */
function packageEvents(p: Package, now: number, t: Translate): string {
  if (TERMINAL_STATUSES.has(p.status) || p.archived) return '';
  const uidBase = `${encodeURIComponent(p.id)}@porchlight`;
  let out = '';
  if (p.eta) {
    const when = span(p.eta.from, p.eta.to);
    if (when) {
      const status = `${t(STATUS_MESSAGE[p.status])}${p.statusText ? ` (${p.statusText})` : ''}`;
      const description = [t('icsStatus', status), p.shop && p.orderId ? t('icsOrderAt', p.orderId, p.shop) : null, p.trackUrl].filter(Boolean).join('\n');
      out += vevent(`eta-${uidBase}`, p.etaHistory.length, now, when, t('icsDeliveryExpected', what(p)), description, null);
    }
  }
  if (p.pickup?.until && isDate(p.pickup.until)) {
    const description = [p.pickup.code ? t('icsPickupCode', p.pickup.code) : null, t('icsLastDay', p.pickup.until)].filter(Boolean).join('\n');
    out += vevent(`pickup-${uidBase}`, 0, now, span(p.pickup.until, p.pickup.until)!, t('icsPickUpBy', what(p)), description, p.pickup.location);
  }
  return out;
}

export async function* calendarChunks(db: PorchlightDb, now: number, t: Translate): AsyncGenerator<string> {
  yield ['BEGIN:VCALENDAR', 'VERSION:2.0', 'PRODID:-//Porchlight//Parcel tracker//EN', 'CALSCALE:GREGORIAN', 'METHOD:PUBLISH', `X-WR-CALNAME:${escapeText(t('icsCalendarName'))}`]
    .map(foldLine)
    .join('');
  for await (const page of rowsInKeyOrder(db, 'packages')) {
    const text = page.map((p) => packageEvents(p, now, t)).join('');
    if (text) yield text;
  }
  yield foldLine('END:VCALENDAR');
}
