/**
 * Dates and times as carriers' tracking pages print them (issue #14), in any of their languages:
 * `01/12/2016` (US month first), `14.04.2017` and `Mi, 21.02.18` (day first), `December 29, 2017`,
 * `Friday, May 26, 2017`, `29. Dezember 2017`, ISO `2018-08-01T16:06:00+02:00`; times `10:57 A.M.`,
 * `1:41 pm`, `15:15`, `18:09:21`, `11:09 (ET)`. Pure and table-tested; nothing here guesses a year.
 */

export interface DayParts {
  y: number;
  m: number;
  d: number;
}

export interface TimeParts {
  h: number;
  mi: number;
  s: number | null;
}

export interface DateReading {
  day: DayParts | null;
  time: TimeParts | null;
  /** `+02:00` / `Z` when the text gives the offset (ISO). */
  offset: string | null;
  /** The text with the date, the time, a leading weekday and a zone note removed (a place, often). */
  rest: string;
}

/** Month names in the languages of the carriers' pages (English, German, French, Spanish, Italian, Dutch). */
const MONTHS: Readonly<Record<string, number>> = (() => {
  const names: readonly (readonly string[])[] = [
    ['january', 'jan', 'januar', 'jänner', 'janvier', 'janv', 'enero', 'ene', 'gennaio', 'gen', 'januari'],
    ['february', 'feb', 'februar', 'février', 'fév', 'fevrier', 'febrero', 'febbraio', 'februari'],
    ['march', 'mar', 'märz', 'mär', 'mars', 'marzo', 'maart', 'mrt'],
    ['april', 'apr', 'avril', 'avr', 'abril', 'abr', 'aprile'],
    ['may', 'mai', 'mayo', 'maggio', 'mag', 'mei'],
    ['june', 'jun', 'juni', 'juin', 'junio', 'giugno', 'giu'],
    ['july', 'jul', 'juli', 'juillet', 'juil', 'julio', 'luglio', 'lug'],
    ['august', 'aug', 'août', 'aout', 'agosto', 'ago', 'augustus'],
    ['september', 'sep', 'sept', 'septembre', 'septiembre', 'settembre', 'set'],
    ['october', 'oct', 'oktober', 'okt', 'octobre', 'octubre', 'ottobre', 'ott'],
    ['november', 'nov', 'novembre', 'noviembre'],
    ['december', 'dec', 'dezember', 'dez', 'décembre', 'déc', 'decembre', 'diciembre', 'dic', 'dicembre'],
  ];
  const out: Record<string, number> = {};
  names.forEach((list, i) => {
    for (const n of list) out[n] = i + 1;
  });
  return out;
})();

const MONTH_ALT = Object.keys(MONTHS)
  .sort((a, b) => b.length - a.length)
  .join('|');

/** Weekday names and abbreviations (same languages), removed from the front of a date. */
const WEEKDAY =
  /^\s*(?:mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)(?:day|sday|nesday|rsday|urday)?\.?,?\s+|^\s*(?:mo|di|mi|do|fr|sa|so|montag|dienstag|mittwoch|donnerstag|freitag|samstag|sonntag|lun|mar|mer|jeu|ven|sam|dim|lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche)\.?,\s*/i;

const ISO = /(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2}))?(?:\.\d+)?(Z|[+-]\d{2}:?\d{2})?)?/;
const NUMERIC = /(?<![\d.:/])(\d{1,2})([./-])(\d{1,2})\2(\d{4}|\d{2})(?![\d/])/;
const NAMED_MONTH_FIRST = new RegExp(`\\b(${MONTH_ALT})\\.?\\s+(\\d{1,2})(?:st|nd|rd|th)?,?\\s+(\\d{4})\\b`, 'i');
const NAMED_DAY_FIRST = new RegExp(`\\b(\\d{1,2})(?:\\.|st|nd|rd|th)?\\s+(${MONTH_ALT})\\.?,?\\s+(\\d{4})\\b`, 'i');
const TIME = /(?<![\d:])(\d{1,2}):(\d{2})(?::(\d{2}))?(?:\s*(a\.?\s?m\.?|p\.?\s?m\.?)(?![a-z]))?(?:\s*uhr\b)?(?![\d:])/i;
/** A zone note after a time (`(ET)`, `Eastern Time`), dropped with it. */
const ZONE_NOTE = /^\s*(?:\((?:[A-Z]{1,5})\)|(?:eastern|central|mountain|pacific) time\b|(?:[ECMP][SD]T|UTC|GMT|CES?T|MES?Z)\b)/;

function validDay(y: number, m: number, d: number): DayParts | null {
  if (m < 1 || m > 12 || d < 1 || d > 31 || y < 1990 || y > 2100) return null;
  const probe = new Date(Date.UTC(y, m - 1, d));
  return probe.getUTCMonth() === m - 1 ? { y, m, d } : null;
}

function fullYear(y: string): number {
  const n = Number(y);
  return y.length === 2 ? 2000 + n : n;
}

function cut(text: string, start: number, length: number): string {
  return `${text.slice(0, start)} ${text.slice(start + length)}`;
}

/**
 * Finds one date and one time in `text`. `monthFirst` decides `01/02/2016` (true: 2 January, the US
 * reading; the default for `/`); dots and dashes are always day first, and a first number above 12
 * is a day whatever the hint.
 */
export function readDateTime(text: string, monthFirst = true): DateReading {
  let rest = text;
  let day: DayParts | null = null;
  let time: TimeParts | null = null;
  let offset: string | null = null;

  const iso = ISO.exec(rest);
  if (iso) {
    day = validDay(Number(iso[1]), Number(iso[2]), Number(iso[3]));
    if (day && iso[4]) time = { h: Number(iso[4]), mi: Number(iso[5]), s: iso[6] ? Number(iso[6]) : null };
    if (day && iso[7]) offset = iso[7] === 'Z' ? 'Z' : iso[7].includes(':') ? iso[7] : `${iso[7].slice(0, 3)}:${iso[7].slice(3)}`;
    if (day) rest = cut(rest, iso.index, iso[0].length);
  }
  if (!day) {
    const n = NUMERIC.exec(rest);
    if (n) {
      const a = Number(n[1]);
      const b = Number(n[3]);
      const y = fullYear(n[4]!);
      const mFirst = n[2] === '/' && monthFirst && a <= 12;
      day = mFirst ? validDay(y, a, b) : validDay(y, b, a);
      if (day) rest = cut(rest, n.index, n[0].length);
    }
  }
  if (!day) {
    const m = NAMED_MONTH_FIRST.exec(rest);
    if (m) {
      day = validDay(Number(m[3]), MONTHS[m[1]!.toLowerCase()]!, Number(m[2]));
      if (day) rest = cut(rest, m.index, m[0].length);
    }
  }
  if (!day) {
    const m = NAMED_DAY_FIRST.exec(rest);
    if (m) {
      day = validDay(Number(m[3]), MONTHS[m[2]!.toLowerCase()]!, Number(m[1]));
      if (day) rest = cut(rest, m.index, m[0].length);
    }
  }
  if (!time) {
    const t = TIME.exec(rest);
    if (t) {
      let h = Number(t[1]);
      const mi = Number(t[2]);
      const half = t[4]?.toLowerCase().replace(/[\s.]/g, '');
      if (half === 'pm' && h < 12) h += 12;
      if (half === 'am' && h === 12) h = 0;
      if (h <= 23 && mi <= 59) {
        time = { h, mi, s: t[3] ? Number(t[3]) : null };
        const after = rest.slice(t.index + t[0].length);
        const note = ZONE_NOTE.exec(after);
        rest = `${rest.slice(0, t.index)} ${note ? after.slice(note[0].length) : after}`;
      }
    }
  }
  if (day) rest = rest.replace(WEEKDAY, ' ');
  // What separated the date from the time ("at", ",") is not a place.
  rest = rest
    .replace(/\s+/g, ' ')
    .replace(/^(?:\s|[,;:\-–]|\bat\b|\bum\b|\bà\b)+/i, '')
    .replace(/(?:\s|[,;:\-–]|\bat\b|\bum\b)+$/i, '')
    .trim();
  return { day, time, offset, rest };
}

const pad = (n: number) => String(n).padStart(2, '0');

/**
 * The event time in the carriers' client shape: `YYYY-MM-DDTHH:MM[:SS]` local (no zone: the merge
 * places it where it happened), with its offset when the page gave one, or the bare day.
 */
export function eventTime(day: DayParts, time: TimeParts | null, offset: string | null): { time: string; timeIsLocal: boolean } {
  const date = `${day.y}-${pad(day.m)}-${pad(day.d)}`;
  if (!time) return { time: date, timeIsLocal: true };
  const clock = `${pad(time.h)}:${pad(time.mi)}${time.s === null ? '' : `:${pad(time.s)}`}`;
  if (offset) return { time: `${date}T${time.s === null ? `${clock}:00` : clock}${offset}`, timeIsLocal: false };
  return { time: `${date}T${clock}`, timeIsLocal: true };
}
