/**
 * One scan, one timeline row (issue #19 §3). Sources that describe the same moment of a parcel's
 * life (same normalised status, times within {@link SAME_MOMENT_MS}, same or missing place, from
 * different sources) are one event that remembers every source and keeps the richer text: Amazon's
 * track page says "Delivered" at 14:03, the carrier API says `DP` "Delivered, front door" at
 * 14:03:22-05:00; the shopper sees one row with both sources.
 *
 * Order-independent by construction: rows are recomputed from every part ever seen (stored rows keep
 * their parts). Parts with the same words at the same time are one moment whatever their sources;
 * then candidate pairs from different sources are joined closest in time first, a join that would
 * put two different scans of one source in one row being skipped (a page line between the carrier's
 * "Arrived" and "Departed" joins one of them, never both). Each row is a pure function of its parts
 * (see {@link canonicalEvent}). A part already seen (same key, same source) is the same scan told
 * again: the two tellings become one part by {@link samePartJoin}, a fixed choice per field whatever
 * came first (a page that names the place in one line and not in the next, CI seed -114823456), so
 * merging stays idempotent and order-independent.
 */
import { eventEpoch, hasOffset } from '../model/time';
import type { EventPart, TrackingEvent } from '../model/types';
import { sourceRank } from '../model/sources';

/** "Within a few minutes": carriers and shop pages stamp the same scan to the minute, rarely further apart. */
export const SAME_MOMENT_MS = 5 * 60_000;

/** The instant of an event: its offset, else its own zone, else the fallback (the shopper's zone). */
export function eventInstant(e: Pick<TrackingEvent, 'time' | 'timeIsLocal' | 'timeZone'>, fallbackZone: string | null): number {
  try {
    const t = eventEpoch(e.time, e.timeIsLocal, e.timeZone ?? fallbackZone);
    return Number.isFinite(t) ? t : Number.NaN;
  } catch {
    return Number.NaN;
  }
}

/** 2: an instant with an offset; 1: a wall-clock time with its zone; 0.5: a wall-clock time alone; 0: a date. */
function precision(p: Pick<EventPart, 'time' | 'timeIsLocal' | 'timeZone'>): number {
  if (p.time.length <= 10) return 0;
  if (!p.timeIsLocal || hasOffset(p.time)) return 2;
  return p.timeZone ? 1 : 0.5;
}

export function partsOf(e: TrackingEvent): EventPart[] {
  if (e.parts && e.parts.length > 0) return e.parts;
  return [
    {
      key: e.key,
      source: e.source,
      status: e.status,
      time: e.time,
      timeIsLocal: e.timeIsLocal,
      timeZone: e.timeZone ?? null,
      code: e.code,
      description: e.description,
      location: e.location,
    },
  ];
}

function placeTokens(location: string | null): string[] | null {
  if (!location) return null;
  const t = location
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter(Boolean);
  return t.length ? t : null;
}

/** Same place, or one of them does not say: "Springfield, IL, US" ~ "SPRINGFIELD IL" ~ null. */
function samePlace(a: string | null, b: string | null): boolean {
  const ta = placeTokens(a);
  const tb = placeTokens(b);
  if (!ta || !tb) return true;
  if (ta[0] === tb[0]) return true;
  const [small, big] = ta.length <= tb.length ? [ta, new Set(tb)] : [tb, new Set(ta)];
  return small.every((t) => big.has(t));
}

/** Different sources, the same status, within a few minutes, at the same or an unnamed place. */
function sameMoment(pa: EventPart, ia: number, pb: EventPart, ib: number): boolean {
  if (pa.status === null || pa.status !== pb.status) return false;
  if (pa.source === pb.source) return false;
  if (!Number.isFinite(ia) || !Number.isFinite(ib) || Math.abs(ia - ib) > SAME_MOMENT_MS) return false;
  return samePlace(pa.location, pb.location);
}

const norm = (s: string) => s.replace(/\s+/g, ' ').trim();

/** The row for a set of parts that describe one moment: a pure function of the set. */
export function canonicalEvent(packageId: string, parts: EventPart[], carrier: string | null): TrackingEvent {
  const byKey = [...parts].sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : a.source < b.source ? -1 : 1));
  const rank = (p: EventPart) => sourceRank(p.source, carrier);
  const ordered = [...byKey].sort((a, b) => rank(b) - rank(a) || precision(b) - precision(a));
  const primary = ordered[0]!;
  // The same words can carry a status from one source and none from another: the most trusted says.
  const status = ordered.find((p) => p.status !== null)?.status ?? null;
  const timed = [...byKey].sort((a, b) => precision(b) - precision(a) || rank(b) - rank(a))[0]!;
  const code = ordered.find((p) => p.code !== null)?.code ?? null;
  const description = [...ordered].sort((a, b) => norm(b.description).length - norm(a.description).length)[0]!.description;
  const location =
    [...ordered].filter((p) => p.location).sort((a, b) => rank(b) - rank(a) || b.location!.length - a.location!.length)[0]?.location ??
    null;
  const sources = [...new Set(byKey.map((p) => p.source))].sort();
  const event: TrackingEvent = {
    key: byKey[0]!.key,
    packageId,
    time: timed.time,
    timeIsLocal: timed.timeIsLocal,
    timeZone: timed.timeZone,
    status,
    code,
    description,
    location,
    source: primary.source,
    sources,
  };
  if (byKey.length > 1) event.parts = byKey;
  return event;
}

export interface EventMergeResult {
  /** Every event of the package after the merge (merged rows), any order. */
  events: TrackingEvent[];
  /** Rows to write (new, or rebuilt). */
  put: TrackingEvent[];
  /** Keys of stored rows that no longer exist (folded into another row). */
  remove: string[];
  /** Incoming parts that were not known before (what the sources told us that is new). */
  added: EventPart[];
}

const partId = (p: EventPart) => `${p.key}|${p.source}`;

/** The fuller of two tellings of a text: one that says something, then the longer, then a fixed order. */
function fuller<T extends string>(a: T | null, b: T | null): T | null {
  if (a === null || a === '') return b ?? a;
  if (b === null || b === '') return a;
  if (a.length !== b.length) return a.length > b.length ? a : b;
  return a >= b ? a : b;
}

/**
 * One part from two tellings of the same scan by the same source (same key: same time, code and
 * words). Each field is the fuller of the two, and the time's reading (local or not, and its zone)
 * is the more precise one, so the result is commutative, associative and idempotent: the rows do not
 * depend on which telling came first or how often each came.
 */
function samePartJoin(a: EventPart, b: EventPart): EventPart {
  const when =
    precision(a) !== precision(b)
      ? precision(a) > precision(b)
        ? a
        : b
      : `${a.timeIsLocal}|${a.timeZone ?? ''}` >= `${b.timeIsLocal}|${b.timeZone ?? ''}`
        ? a
        : b;
  return {
    key: a.key,
    source: a.source,
    status: fuller(a.status, b.status),
    time: a.time,
    timeIsLocal: when.timeIsLocal,
    timeZone: when.timeZone,
    code: fuller(a.code, b.code),
    description: fuller(a.description, b.description) ?? a.description,
    location: fuller(a.location, b.location),
  };
}

/** The fields samePartJoin may change (key, source and time are the same in both tellings). */
const JOINED_FIELDS = ['status', 'timeIsLocal', 'timeZone', 'code', 'description', 'location'] as const;
const samePart = (a: EventPart, b: EventPart) => JOINED_FIELDS.every((f) => (a[f] ?? null) === (b[f] ?? null));

/** Groups parts into rows (see the file header). Pure; depends only on the set of parts. */
export function groupParts(parts: readonly EventPart[], fallbackZone: string | null): EventPart[][] {
  const sorted = [...parts].sort((a, b) => cmp(partId(a), partId(b)));
  const n = sorted.length;
  const at = sorted.map((p) => eventInstant(p, fallbackZone));
  const parent = sorted.map((_, i) => i);
  const sources = sorted.map((p) => new Set([p.source]));
  const keys = sorted.map((p) => new Set([p.key]));
  const find = (i: number): number => {
    while (parent[i] !== i) {
      parent[i] = parent[parent[i]!]!;
      i = parent[i]!;
    }
    return i;
  };
  const join = (a: number, b: number) => {
    const ra = find(a);
    const rb = find(b);
    if (ra === rb) return;
    parent[rb] = ra;
    for (const s of sources[rb]!) sources[ra]!.add(s);
    for (const k of keys[rb]!) keys[ra]!.add(k);
  };
  // The same words at the same time are one moment, whoever said them.
  const byKey = new Map<string, number>();
  for (let i = 0; i < n; i++) {
    const first = byKey.get(sorted[i]!.key);
    if (first === undefined) byKey.set(sorted[i]!.key, i);
    else join(first, i);
  }
  // Then the closest pairs of different sources, never two different scans of one source in a row.
  const pairs: Array<[number, number, number]> = [];
  for (let i = 0; i < n; i++) {
    for (let j = i + 1; j < n; j++) {
      if (sameMoment(sorted[i]!, at[i]!, sorted[j]!, at[j]!)) pairs.push([Math.abs(at[i]! - at[j]!), i, j]);
    }
  }
  pairs.sort((x, y) => x[0] - y[0] || x[1] - y[1] || x[2] - y[2]);
  for (const [, i, j] of pairs) {
    const ri = find(i);
    const rj = find(j);
    if (ri === rj) continue;
    let clash = false;
    for (const s of sources[rj]!) if (sources[ri]!.has(s)) clash = true;
    if (!clash) join(ri, rj);
  }
  const groups = new Map<number, EventPart[]>();
  for (let i = 0; i < n; i++) {
    const r = find(i);
    const g = groups.get(r) ?? [];
    g.push(sorted[i]!);
    groups.set(r, g);
  }
  return [...groups.values()];
}

const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

function sameRow(a: TrackingEvent, b: TrackingEvent): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/**
 * Merges incoming events (one part each, as sources report them) into a package's stored rows.
 * `fallbackZone` places local times that carry no zone of their own.
 */
export function mergeEvents(
  stored: readonly TrackingEvent[],
  incoming: readonly TrackingEvent[],
  fallbackZone: string | null,
  carrier: string | null,
): EventMergeResult {
  const known = new Map<string, EventPart>();
  for (const e of stored) for (const p of partsOf(e)) known.set(partId(p), p);
  const added: EventPart[] = [];
  let retold = false;
  for (const e of incoming) {
    for (const p of partsOf(e)) {
      const id = partId(p);
      const before = known.get(id);
      if (!before) {
        known.set(id, p);
        added.push(p);
        continue;
      }
      const joined = samePartJoin(before, p);
      if (samePart(joined, before)) continue;
      known.set(id, joined);
      retold = true;
    }
  }
  if (added.length === 0 && !retold) return { events: [...stored], put: [], remove: [], added: [] };
  const packageId = stored[0]?.packageId ?? incoming[0]!.packageId;
  const rows = groupParts([...known.values()], fallbackZone).map((g) => canonicalEvent(packageId, g, carrier));
  const before = new Map(stored.map((e) => [e.key, e]));
  const put = rows.filter((r) => !before.has(r.key) || !sameRow(before.get(r.key)!, r));
  const keep = new Set(rows.map((r) => r.key));
  const remove = stored.filter((e) => !keep.has(e.key)).map((e) => e.key);
  return { events: rows, put, remove, added };
}
