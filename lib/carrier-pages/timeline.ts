/**
 * The shared half of the carrier-page reader (issue #14): rows of text fragments, however a page
 * laid them out (table cells, a definition list, `<hr>`-separated blocks, the objects of a JSON
 * list), become timeline events. A fragment may carry the role its column label or JSON key names;
 * otherwise its content decides: the fragment with a date is the time (what follows the date in it
 * is the place, as DHL prints "Mi, 21.02.18 08:18 Köln, Deutschland"), the one in the carrier's
 * status words is the description, and a short comma-separated or upper-case one is the place.
 */
import type { ParsedEvent } from '../carriers/client';
import type { Status } from '../model/status';
import { type DayParts, eventTime, readDateTime } from './dates';
import type { CarrierPageHints } from './hints';

export type FragmentRole = 'date' | 'place' | 'description' | 'code' | 'offset';

export interface Fragment {
  text: string;
  /** What the page's label (column header, `data-label`, JSON key) says the fragment is. */
  role: FragmentRole | null;
}

export type Row = readonly Fragment[];

/** Status of `text` in the site's words: a status, `null` for a phrase that says nothing, undefined when no phrase matches. */
export function statusOf(text: string, hints: Pick<CarrierPageHints, 'statuses'>): Status | null | undefined {
  const lower = text.toLowerCase();
  for (const [match, status] of hints.statuses) {
    if (typeof match === 'string' ? lower.includes(match) : match.test(text)) return status;
  }
  return undefined;
}

/**
 * Text that reads like a place: short, not a sentence, upper case ("ISC NEW YORK NY(USPS)") or
 * "City, Country" whose last part is one or two words ("Wilhelmsburg, Austria", "BURLINGTON, NC 27215";
 * not "Delivered, Left with Individual").
 */
function looksLikePlace(text: string): boolean {
  if (text.length > 80 || /[.!?]$/.test(text) || /\.\s/.test(text)) return false;
  const letters = text.replace(/[^A-Za-zÀ-ÿ]/g, '');
  if (letters.length < 2) return false;
  const upper = letters.replace(/[^A-ZÀ-Þ]/g, '').length;
  if (upper / letters.length >= 0.7) return true;
  const last = text.slice(text.lastIndexOf(',') + 1).trim();
  return text.includes(',') && last.split(/\s+/).length <= 2;
}

/** Empty markers pages print for "no place" (`--`). */
function blank(text: string): boolean {
  return /^[-–—\s/.]*$/.test(text);
}

export interface TimelineReading {
  events: ParsedEvent[];
  /** Rows with a description but no date the reader could read (USPS prints some). */
  undated: number;
}

/**
 * Events of `rows`, in page order. A row with only a date is a day heading for the rows under it that
 * give only a time. A row without a description is no event.
 */
export function eventsOf(rows: readonly Row[], hints: CarrierPageHints, monthFirst: boolean): TimelineReading {
  const events: ParsedEvent[] = [];
  let undated = 0;
  let heading: DayParts | null = null;
  let placeAbove: string | null = null;
  for (const row of rows) {
    const used = new Set<number>();
    let day: DayParts | null = null;
    let time: ReturnType<typeof readDateTime>['time'] = null;
    let offset: string | null = null;
    let placeFromDate: string | null = null;
    // The time: the first fragment with a date (labelled ones first), then a bare time elsewhere.
    const order = [...row.keys()].sort((a, b) => Number(row[b]!.role === 'date') - Number(row[a]!.role === 'date'));
    for (const i of order) {
      const f = row[i]!;
      if (f.role !== null && f.role !== 'date') continue;
      const r = readDateTime(f.text, monthFirst);
      if (!r.day && !(r.time && r.rest === '')) continue;
      if (r.day && !day) {
        day = r.day;
        time = r.time ?? time;
        offset = r.offset;
        placeFromDate = /[A-Za-zÀ-ÿ]{2}/.test(r.rest) ? r.rest : null;
        used.add(i);
      } else if (!r.day && r.time && !time) {
        time = r.time;
        used.add(i);
      } else if (f.role === 'date') used.add(i);
    }
    for (const [i, f] of row.entries()) {
      if (f.role === 'offset' && /^(?:Z|[+-]\d{2}:\d{2})$/.test(f.text.trim())) {
        offset = offset ?? f.text.trim();
        used.add(i);
      }
    }
    const free = [...row.keys()].filter((i) => !used.has(i));
    const take = (pred: (f: Fragment) => boolean): Fragment | null => {
      const i = free.find((k) => !used.has(k) && pred(row[k]!));
      if (i === undefined) return null;
      used.add(i);
      return row[i]!;
    };
    const code = take((f) => f.role === 'code' && !blank(f.text))?.text.trim() ?? null;
    const labelledPlace = take((f) => f.role === 'place');
    const description =
      take((f) => f.role === 'description' && statusOf(f.text, hints) !== undefined) ??
      take((f) => f.role === 'description' && !blank(f.text)) ??
      take((f) => f.role === null && statusOf(f.text, hints) !== undefined && !looksLikePlace(f.text)) ??
      take((f) => f.role === null && statusOf(f.text, hints) !== undefined) ??
      take((f) => f.role === null && !looksLikePlace(f.text) && !blank(f.text));
    const place: string | null =
      (labelledPlace ? (labelledPlace.text === '' ? placeAbove : blank(labelledPlace.text) ? null : labelledPlace.text) : null) ??
      placeFromDate ??
      take((f) => f.role === null && looksLikePlace(f.text))?.text ??
      null;

    if (!description) {
      // A date alone on its row: the day the rows under it belong to.
      if (day && row.every((f, i) => used.has(i) || blank(f.text))) heading = day;
      continue;
    }
    if (labelledPlace) placeAbove = place;
    const on = day ?? (time ? heading : null);
    if (!on) {
      undated++;
      continue;
    }
    const when = eventTime(on, time, offset);
    const byCode = code && hints.codeStatus ? hints.codeStatus(code) : null;
    events.push({
      time: when.time,
      timeIsLocal: when.timeIsLocal,
      status: byCode ?? statusOf(description.text, hints) ?? null,
      code,
      description: description.text,
      location: place,
    });
  }
  return { events, undated };
}
