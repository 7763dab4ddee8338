/**
 * Amazon status lines → a normalised status plus an ETA window or a delivery time.
 *
 * Dates on Amazon pages are partial ("November 2", "Wednesday", "tomorrow") and relative to the day the
 * page was rendered in the shopper's calendar. They are resolved against `now` in the marketplace's time
 * zone (never UTC). See issue #4 and ../shared/docs/amazon-pages.md §1.5.
 *
 * Which year a month/day without one belongs to (issue #19 point 5, "Wrong year on order lists"):
 * - On an order whose placed date is known (`StatusContext.placedOn`: list cards and details pages), every
 *   month/day on its lines is the first such date on or after the day the order was placed. Today only bounds
 *   it from above, and only for deliveries: something delivered happened, and "today" is read with one day of
 *   slack for a page rendered in a zone ahead of ours.
 *   - "Delivered November 2" (also a secondary "Delivered …" line, "Delivered Friday, January 3 at 8:04 PM"):
 *     the first November 2 on or after the placed day, if it is no later than tomorrow; else null (the page
 *     contradicts itself; the date is unknown, never a guess a year off). The order gives the year, so a
 *     weekday beside the date is not used to pick one.
 *   - "Arriving November 5", "Now expected March 27 - March 28", "Running late" + "Now expected …": the first
 *     such date on or after the placed day, whether it lies before or after today (a late promise stays in
 *     the past; the page can be read long after); a range's end is the first on or after its start. null
 *     only when no such date comes within 8 years (29 February).
 *   - "Cancelled", "Return complete", "Refunded", "Ready for pickup": no date is read from these lines
 *     (a return or refund date is not a delivery; a pickup line's date is a deadline).
 * - Without a placed date (track-package pages), the year is chosen by direction: a delivery date lies in the
 *   past, an arrival date in the future (a late parcel's promised date may lie a little in the past).
 * - Relative words (today, tomorrow, yesterday, "Arriving Wednesday", "Delivered Sunday") count from the read
 *   day in every case: the page was rendered then, and the placed date says nothing about them.
 * - A date with its year ("Delivered Dec 16, 2023", the "Order placed November 1, 2024" header) is as written.
 */
import type { Status } from '../../model/status';
import { addDays, toZonedIso, zonedDate, zonedLocalToEpoch } from '../../model/time';
import type { Eta } from '../../model/types';
import type { AmazonLanguage } from './marketplace';
import { type LanguageVocabulary, normalise, type PhraseMeaning, VOCABULARY } from './vocabulary';

export interface StatusContext {
  now: Date;
  timeZone: string;
  language: AmazonLanguage;
  /** US style "11/2" numeric dates; unused by words-based dates. */
  monthFirst?: boolean;
  /**
   * The day the order was placed (ISO date, from its own header, which carries a year), when known: month/day
   * dates on that order's lines are the first such date on or after it (see the rules above, issue #19 point 5).
   */
  placedOn?: string | null;
}

interface StatusMeaning {
  /** Normalised status, or null when the wording is not understood (never guessed). */
  status: Status | null;
  /** What the primary line said, before the secondary line refined it. */
  meaning: PhraseMeaning | null;
  eta: Eta | null;
  /** ISO date, or date-time with the zone's offset when the page gives a time. */
  deliveredAt: string | null;
}

type Direction = 'past' | 'future' | 'any';

interface DateSpec {
  /** Resolved calendar date, YYYY-MM-DD. */
  date: string;
}

interface TimeSpec {
  hour: number;
  minute: number;
}

/** Which phrase a line starts with, in `language` first and English second (pages can be switched to English). */
export function classifyPhrase(line: string, language: AmazonLanguage): PhraseMeaning | null {
  const text = normalise(line).replace(/^[\s:,.-]+/, '');
  if (!text) return null;
  const langs: AmazonLanguage[] = language === 'en' ? ['en'] : [language, 'en'];
  for (const l of langs) {
    for (const [re, meaning] of VOCABULARY[l].phrases) if (re.test(text)) return meaning;
  }
  return null;
}

const MEANING_STATUS: Partial<Record<PhraseMeaning, Status>> = {
  cancelled: 'cancelled',
  returned: 'returned',
  out_for_delivery: 'out_for_delivery',
  delivered: 'delivered',
  available_for_pickup: 'available_for_pickup',
  attempt_failed: 'attempt_failed',
  // "Running late" is a delay the shop itself flags: status.ts puts delays under `exception`.
  late: 'exception',
  exception: 'exception',
  shipped: 'in_transit',
  info_received: 'info_received',
  pending: 'pending',
};

/**
 * Reads a shipment's primary line ("Arriving tomorrow") and optional secondary line ("Shipped").
 * "Arriving …" alone means only that a date is promised; without "Shipped" (or a later state) in the
 * secondary line it is `pending`, so a list page never claims more than it shows.
 */
export function parseStatusText(primary: string | null, secondary: string | null, ctx: StatusContext): StatusMeaning {
  const p = primary?.trim() || null;
  const s = secondary?.trim() || null;
  const pm = p ? classifyPhrase(p, ctx.language) : null;
  const sm = s ? classifyPhrase(s, ctx.language) : null;
  const out: StatusMeaning = { status: null, meaning: pm, eta: null, deliveredAt: null };

  let status: Status | null = pm ? (MEANING_STATUS[pm] ?? null) : null;
  if (pm === 'arriving') {
    status = sm && sm !== 'arriving' ? (MEANING_STATUS[sm] ?? 'pending') : 'pending';
  } else if (pm === null && sm) {
    status = MEANING_STATUS[sm] ?? null;
  } else if ((pm === 'late' || pm === 'exception') && sm === 'delivered') {
    status = 'delivered';
  }
  out.status = status;

  if (status === 'delivered') {
    const source = pm === 'delivered' ? p : sm === 'delivered' ? s : p;
    out.deliveredAt = source ? resolveDelivered(source, ctx) : null;
  } else if (status && status !== 'cancelled' && status !== 'returned' && status !== 'available_for_pickup') {
    // (A pickup line's date is a collection deadline, not an arrival.)
    // An ETA can be in either line: "Arriving Wednesday" / "Running late" + "Now expected March 27 - March 28".
    out.eta =
      (p && (pm === 'arriving' || pm === 'late' || pm === 'out_for_delivery') ? resolveEta(p, ctx) : null) ??
      (s ? resolveEta(s, ctx) : null);
    if (!out.eta && status === 'out_for_delivery') {
      const today = todayIn(ctx.now, ctx.timeZone);
      out.eta = { from: today, to: today };
    }
  }
  return out;
}

/** The delivery date (or date-time with offset) in a "Delivered …" line, or null when it names none. */
function resolveDelivered(text: string, ctx: StatusContext): string | null {
  const { dates, times } = readDates(text, ctx, 'past');
  const d = dates[0];
  if (!d) return null;
  const t = times[0];
  if (!t) return d.date;
  const local = `${d.date}T${pad(t.hour)}:${pad(t.minute)}:00`;
  return toZonedIso(zonedLocalToEpoch(local, ctx.timeZone), ctx.timeZone);
}

/** The promised window in an "Arriving …" / "Now expected …" line, or null when it names no date. */
function resolveEta(text: string, ctx: StatusContext): Eta | null {
  const { dates, times } = readDates(text, ctx, 'future');
  const first = dates[0];
  if (!first) return null;
  const last = dates[dates.length - 1]!;
  let from = first.date;
  // ISO dates compare as strings; a window never ends before it starts.
  let to = last.date;
  if (to < from) to = from;
  // "Arriving today 2 PM - 6 PM" / "by 8 PM": keep the hours, with the zone's offset.
  if (dates.length === 1 && times.length > 0) {
    const at = (d: string, t: TimeSpec) =>
      toZonedIso(zonedLocalToEpoch(`${d}T${pad(t.hour)}:${pad(t.minute)}:00`, ctx.timeZone), ctx.timeZone);
    if (times.length >= 2) {
      from = at(first.date, times[0]!);
      to = at(first.date, times[times.length - 1]!);
    } else to = at(first.date, times[0]!);
  }
  return { from, to };
}

// Intl.DateTimeFormat is costly to build (lib/model/time.ts builds one per call): the calendar day of a
// capture time is computed once per (instant, zone) and reused for every line on the page.
let todayCache: { epoch: number; zone: string; date: string } | null = null;
function todayIn(now: Date, timeZone: string): string {
  const epoch = now.getTime();
  if (todayCache && todayCache.epoch === epoch && todayCache.zone === timeZone) return todayCache.date;
  todayCache = { epoch, zone: timeZone, date: zonedDate(epoch, timeZone) };
  return todayCache.date;
}

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

const TIME_12 = /\b(\d{1,2})(?:[:.](\d{2}))?\s*([ap])\.?\s?m\b\.?/g;
const TIME_24 = /\b([01]?\d|2[0-3])(?::|h)([0-5]\d)\b(?:\s*uhr)?/g;

function readTimes(text: string): { times: TimeSpec[]; rest: string } {
  const times: TimeSpec[] = [];
  let rest = text.replace(TIME_12, (_m, h: string, mi: string | undefined, ap: string) => {
    let hour = Number(h) % 12;
    if (ap === 'p') hour += 12;
    times.push({ hour, minute: Number(mi ?? 0) });
    return ' ';
  });
  rest = rest.replace(TIME_24, (_m, h: string, mi: string) => {
    times.push({ hour: Number(h), minute: Number(mi) });
    return ' ';
  });
  return { times, rest };
}

function wordIndex(token: string, names: readonly string[], minPrefix = 3): number {
  if (token.length < minPrefix) return -1;
  let found = -1;
  for (let i = 0; i < names.length; i++) {
    const n = names[i]!;
    if (n === token) return i;
    if (n.startsWith(token)) {
      if (found >= 0) return -1; // ambiguous prefix ("jui" for juin/juillet)
      found = i;
    }
  }
  return found;
}

function monthOf(token: string, vocabs: LanguageVocabulary[]): number {
  for (const v of vocabs) {
    const i = wordIndex(token, v.months);
    if (i >= 0) return i + 1;
  }
  return 0;
}

function weekdayOf(token: string, vocabs: LanguageVocabulary[]): number {
  for (const v of vocabs) {
    const i = v.weekdays.indexOf(token);
    if (i >= 0) return i;
    const a = v.weekdayAbbrevs?.findIndex((list) => list.includes(token)) ?? -1;
    if (a >= 0) return a;
  }
  return -1;
}

function relativeOf(token: string, vocabs: LanguageVocabulary[]): number | null {
  for (const v of vocabs) {
    const r = v.relative[token];
    if (r !== undefined) return r;
  }
  return null;
}

function weekdayOfDate(iso: string): number {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d)).getUTCDay();
}

function iso(y: number, m: number, d: number): string | null {
  const t = new Date(Date.UTC(y, m - 1, d));
  if (t.getUTCMonth() !== m - 1 || t.getUTCDate() !== d) return null; // 31 November, 30 February
  return `${String(y).padStart(4, '0')}-${pad(m)}-${pad(d)}`;
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** Days between two ISO dates (b - a). */
function dayDiff(a: string, b: string): number {
  return Math.round((Date.parse(`${b}T00:00:00Z`) - Date.parse(`${a}T00:00:00Z`)) / 86_400_000);
}

/**
 * Picks the year of a month/day with no year. With `placedOn` (the order's placed day), see
 * {@link firstSincePlaced}. Otherwise past: the latest such date no later than tomorrow (one day of slack for a
 * page rendered in a zone ahead of ours). Future: the earliest such date no earlier than 60 days ago (a late
 * parcel's promise stays in the past for a while). Any: the nearest. `notBefore` is the date before it on the
 * same line (the start of a range).
 */
function resolveYear(
  m: number,
  d: number,
  today: string,
  dir: Direction,
  notBefore?: string,
  weekday = -1,
  placedOn?: string | null,
): string | null {
  if (placedOn) {
    const floor = notBefore && notBefore > placedOn ? notBefore : placedOn;
    return firstSincePlaced(m, d, floor, dir === 'past' ? addDays(today, 1) : null);
  }
  const y = Number(today.slice(0, 4));
  let candidates = [y - 1, y, y + 1].map((yy) => iso(yy, m, d)).filter((x): x is string => x !== null);
  // "Monday, March 25": the weekday names the year (2024 here), whatever the capture time suggests.
  if (weekday >= 0) {
    // A past date may be years old (issue #18: the real 2018 track pages read today): twelve years back hold
    // every weekday of a month/day, so the weekday always finds its year; arrivals look only 3 years around.
    const back = dir === 'past' ? 12 : 3;
    const years = Array.from({ length: back + 2 }, (_, i) => y - back + i).map((yy) => iso(yy, m, d)).filter((x): x is string => x !== null);
    const matching = years.filter((c) => new Date(`${c}T00:00:00Z`).getUTCDay() === weekday);
    const nearest = matching.sort((a, b) => Math.abs(dayDiff(today, a)) - Math.abs(dayDiff(today, b)))[0];
    if (nearest && !candidates.some((c) => new Date(`${c}T00:00:00Z`).getUTCDay() === weekday)) return nearest;
    if (matching.length) candidates = candidates.filter((c) => new Date(`${c}T00:00:00Z`).getUTCDay() === weekday);
  }
  if (candidates.length === 0) return null;
  if (notBefore) return candidates.find((c) => c >= notBefore) ?? null;
  if (dir === 'past') {
    const limit = addDays(today, 1);
    return [...candidates].reverse().find((c) => c <= limit) ?? null;
  }
  if (dir === 'future') {
    const limit = addDays(today, -60);
    return candidates.find((c) => c >= limit) ?? null;
  }
  return candidates.reduce((best, c) => (Math.abs(dayDiff(today, c)) < Math.abs(dayDiff(today, best)) ? c : best));
}

/**
 * The first month `m`, day `d` on or after `floor` (the order's placed day, or a range's start), or null when
 * it falls after `ceiling` (a delivery later than tomorrow did not happen) or does not come within 8 years
 * (29 February around 2100). Issue #19 point 5: resolved against today alone, "Delivered November 2" on an
 * order placed 2024-11-01 and read in January 2026 was 2025-11-02.
 */
function firstSincePlaced(m: number, d: number, floor: string, ceiling: string | null): string | null {
  const y0 = Number(floor.slice(0, 4));
  for (let y = y0; y <= y0 + 8; y++) {
    const c = iso(y, m, d);
    if (c === null || c < floor) continue;
    return ceiling !== null && c > ceiling ? null : c;
  }
  return null;
}

/**
 * Japanese dates have no spaces ("2024年11月2日", "11月5日(火)にお届け予定", "明日"): rewritten as tokens the reader
 * knows (day, then the month as `tsuki<N>`, then the year; the ja vocabulary's months), the parenthesised weekday
 * mark dropped (the date already names the day), relative words and weekdays set apart. Issue #18.
 */
function japaneseDates(text: string): string {
  return text
    .replace(/[（(][日月火水木金土][)）]/g, ' ')
    .replace(/(?:(\d{4})\s*年\s*)?(\d{1,2})\s*月\s*(\d{1,2})\s*日/g, (_m, y: string | undefined, mo: string, d: string) => ` ${d} tsuki${Number(mo)} ${y ?? ''} `)
    .replace(/(明後日|今日|本日|明日|昨日)/g, ' $1 ')
    .replace(/([日月火水木金土]曜日)/g, ' $1 ');
}

/**
 * Reads every date in a line, in order. Understands "November 2", "Nov 2, 2023", "2 November", "2. Nov. 2023",
 * "2 de noviembre de 2024", "martedì 01 dicembre", weekdays ("Wednesday": the next one ahead for arrivals,
 * the last one before today for deliveries), and today/tomorrow/yesterday in each language.
 */
export function readDates(
  text: string,
  ctx: StatusContext,
  dir: Direction,
): { dates: DateSpec[]; times: TimeSpec[] } {
  const vocabs = ctx.language === 'en' ? [VOCABULARY.en] : [VOCABULARY[ctx.language], VOCABULARY.en];
  const filler = VOCABULARY[ctx.language].filler;
  const today = todayIn(ctx.now, ctx.timeZone);
  const placedOn = ctx.placedOn && ISO_DATE.test(ctx.placedOn) ? ctx.placedOn : null;
  const { times, rest } = readTimes(normalise(ctx.language === 'ja' ? japaneseDates(text) : text));
  // Keep hyphenated words (apres-demain) but split date ranges ("27 - 28", "27.-28.").
  const tokens = rest
    .replace(/[,;:()!?"«»/]/g, ' ')
    .replace(/(\d)\.(?=\s|-|$)/g, '$1 ')
    .replace(/(\d)-(\d)/g, '$1 - $2')
    .replace(/([a-z])\.(?=\s|$)/g, '$1')
    .split(' ')
    .filter((t) => t && t !== '.');

  const dates: DateSpec[] = [];
  const isDay = (t: string | undefined) => t !== undefined && /^\d{1,2}$/.test(t) && +t >= 1 && +t <= 31;
  const isYear = (t: string | undefined) => t !== undefined && /^(19|20)\d{2}$/.test(t);
  const next = (i: number) => {
    let j = i + 1;
    while (j < tokens.length && filler.has(tokens[j]!) && tokens[j] !== '-') j++;
    return j;
  };

  let pendingWeekday = -1;
  const push = (date: string | null) => {
    if (date) dates.push({ date });
    pendingWeekday = -1;
  };
  const prev = () => dates[dates.length - 1]?.date;

  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    const rel = relativeOf(t, vocabs);
    if (rel !== null) {
      push(addDays(today, rel));
      continue;
    }
    const wd = weekdayOf(t, vocabs);
    if (wd >= 0) {
      pendingWeekday = wd;
      // A weekday followed by a date ("Friday, January 3", "martedì 01 dicembre") only names that date.
      const j = next(i);
      if (isDay(tokens[j]) || monthOf(tokens[j] ?? '', vocabs)) continue;
      const delta = weekdayOfDate(today);
      let diff = dir === 'past' ? -((delta - wd + 7) % 7 || 7) : (wd - delta + 7) % 7 || 7;
      if (dir === 'any' && diff > 3) diff -= 7;
      push(addDays(today, diff));
      continue;
    }
    if (isDay(t)) {
      const j = next(i);
      const m = monthOf(tokens[j] ?? '', vocabs);
      if (m) {
        let k = next(j);
        let year: number | null = null;
        if (isYear(tokens[k])) year = Number(tokens[k]);
        else k = j;
        const date = year !== null ? iso(year, m, +t) : resolveYear(m, +t, today, dir, prev(), pendingWeekday, placedOn);
        push(date);
        i = k;
        continue;
      }
      // "27 - 28 mars": a bare day before a range dash takes the month of the day after it.
      if (tokens[j] === '-' && isDay(tokens[j + 1])) {
        const mm = monthOf(tokens[next(j + 1)] ?? '', vocabs);
        if (mm) push(resolveYear(mm, +t, today, dir, prev(), pendingWeekday, placedOn));
      }
      continue;
    }
    const m = monthOf(t, vocabs);
    if (m) {
      const j = next(i);
      if (isDay(tokens[j])) {
        let k = next(j);
        let year: number | null = null;
        if (isYear(tokens[k])) year = Number(tokens[k]);
        else k = j;
        push(
          year !== null
            ? iso(year, m, Number(tokens[j]))
            : resolveYear(m, Number(tokens[j]), today, dir, prev(), pendingWeekday, placedOn),
        );
        i = k;
      }
    }
  }
  if (pendingWeekday >= 0 && dates.length === 0) {
    // Defensive: a weekday that was followed by something that turned out not to be a date.
    const delta = weekdayOfDate(today);
    const diff = dir === 'past' ? -((delta - pendingWeekday + 7) % 7 || 7) : (pendingWeekday - delta + 7) % 7 || 7;
    dates.push({ date: addDays(today, diff) });
  }
  return { dates, times };
}

/** A date as a page's header prints it ("November 1, 2024", "1. November 2024", "1 nov 2024") → ISO date. */
export function parseHeaderDate(text: string, ctx: StatusContext): string | null {
  return readDates(text, ctx, 'past').dates[0]?.date ?? null;
}
