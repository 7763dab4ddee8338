/**
 * Time helpers. Rule: a time that carries an offset keeps it; a local wall-clock time (no offset)
 * is marked `timeIsLocal` and is only turned into an instant with the time zone it belongs to.
 * See issue #2 ("never silently read as UTC").
 */

const OFFSET_RE = /(Z|[+-]\d{2}:?\d{2})$/i;

export function hasOffset(iso: string): boolean {
  return OFFSET_RE.test(iso);
}

/**
 * One formatter per time zone, made once: constructing an Intl.DateTimeFormat costs far more than using one
 * (it was 5 of the 8 ms of a first scan of a 10-order Amazon page, issue #18). A zone that does not exist
 * throws on construction and is never cached, so it throws on every call as before.
 */
const FORMATTERS = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let fmt = FORMATTERS.get(timeZone);
  if (!fmt) {
    fmt = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    FORMATTERS.set(timeZone, fmt);
  }
  return fmt;
}

/** True when this runtime's Intl knows `timeZone`; the check makes (and keeps) the zone's one formatter. */
export function isTimeZone(timeZone: string): boolean {
  try {
    formatterFor(timeZone);
    return true;
  } catch {
    return false;
  }
}

export interface ZonedParts {
  readonly year: number;
  readonly month: number;
  readonly day: number;
  readonly hour: number;
  readonly minute: number;
  readonly second: number;
}

/**
 * The last parts read, per zone: building the popup's view asks for the same instant (`now`, a
 * day's start) once per package, and formatToParts was the costliest call of that build at 1,000
 * parcels (issue #13 §4). The parts are frozen, so a caller can never change what the next one reads.
 */
const LAST_PARTS = new Map<string, { epoch: number; parts: ZonedParts }>();

/** Parts of a wall-clock time in `timeZone` at instant `epoch`. */
export function zonedParts(epoch: number, timeZone: string): ZonedParts {
  const last = LAST_PARTS.get(timeZone);
  if (last && last.epoch === epoch) return last.parts;
  const fmt = formatterFor(timeZone);
  const parts: Record<string, string> = {};
  for (const p of fmt.formatToParts(new Date(epoch))) parts[p.type] = p.value;
  const result = Object.freeze({
    year: Number(parts.year),
    month: Number(parts.month),
    day: Number(parts.day),
    hour: Number(parts.hour),
    minute: Number(parts.minute),
    second: Number(parts.second),
  });
  LAST_PARTS.set(timeZone, { epoch, parts: result });
  return result;
}

/** Offset of `timeZone` from UTC at `epoch`, in minutes (e.g. -300 for New York in winter). */
export function zoneOffsetMinutes(epoch: number, timeZone: string): number {
  const p = zonedParts(epoch, timeZone);
  const asUtc = Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second);
  return Math.round((asUtc - Math.floor(epoch / 1000) * 1000) / 60000);
}

/** `YYYY-MM-DDTHH:mm[:ss]` wall-clock time in `timeZone` → epoch ms (DST-correct). */
export function zonedLocalToEpoch(local: string, timeZone: string): number {
  const m = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2}))?)?/.exec(local);
  if (!m) throw new Error(`Not a local ISO time: ${local}`);
  const naive = Date.UTC(+m[1]!, +m[2]! - 1, +m[3]!, +(m[4] ?? 0), +(m[5] ?? 0), +(m[6] ?? 0));
  // Two passes settle DST edges: guess the offset at the naive instant, then at the corrected one.
  let epoch = naive - zoneOffsetMinutes(naive, timeZone) * 60000;
  epoch = naive - zoneOffsetMinutes(epoch, timeZone) * 60000;
  return epoch;
}

function pad(n: number, w = 2): string {
  return String(Math.abs(n)).padStart(w, '0');
}

/** Epoch ms → ISO with the zone's offset, e.g. `2024-03-01T10:00:00-05:00`. */
export function toZonedIso(epoch: number, timeZone: string): string {
  const p = zonedParts(epoch, timeZone);
  const off = zoneOffsetMinutes(epoch, timeZone);
  const sign = off < 0 ? '-' : '+';
  return `${p.year}-${pad(p.month)}-${pad(p.day)}T${pad(p.hour)}:${pad(p.minute)}:${pad(p.second)}${sign}${pad(Math.trunc(Math.abs(off) / 60))}:${pad(Math.abs(off) % 60)}`;
}

/** The calendar date (`YYYY-MM-DD`) at `epoch` in `timeZone`. */
export function zonedDate(epoch: number, timeZone: string): string {
  const p = zonedParts(epoch, timeZone);
  return `${p.year}-${pad(p.month)}-${pad(p.day)}`;
}

/** Adds days to an ISO date (`YYYY-MM-DD`), calendar arithmetic only. */
export function addDays(isoDate: string, days: number): string {
  const [y, m, d] = isoDate.split('-').map(Number) as [number, number, number];
  const t = new Date(Date.UTC(y, m - 1, d + days));
  return t.toISOString().slice(0, 10);
}

/**
 * An event time as an instant for ordering and ageing. Local times need their zone; without one they
 * are placed at UTC+0 *for ordering only* (the stored value keeps `timeIsLocal`).
 */
export function eventEpoch(time: string, timeIsLocal: boolean, timeZone?: string | null): number {
  if (!timeIsLocal || hasOffset(time)) return Date.parse(time);
  if (timeZone) return zonedLocalToEpoch(time, timeZone);
  return Date.parse(`${time.length === 10 ? `${time}T00:00:00` : time}Z`);
}

/** End of an ETA window as an instant: the last millisecond of its last day in `timeZone`. */
export function etaEndEpoch(eta: { to: string }, timeZone: string): number {
  if (eta.to.length > 10) return Date.parse(eta.to);
  return zonedLocalToEpoch(`${addDays(eta.to, 1)}T00:00:00`, timeZone) - 1;
}
