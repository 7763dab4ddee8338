/**
 * One scan, one timeline row (issue #19 §3). Sources that describe the same moment of a parcel's
 * life (same normalised status, times within {@link SAME_MOMENT_MS}, same or missing place, from
 * different sources) are one event that remembers every source and keeps the richer text: Amazon's
 * track page says "Delivered" at 14:03, the carrier API says `DP` "Delivered, front door" at
 * 14:03:22-05:00; the shopper sees one row with both sources.
 *
 * Order-independent by construction: the merged events are the connected components of the
 * "same moment" relation over every part ever seen, and each component's row is a pure function of
 * its parts (see {@link canonicalEvent}). Stored rows keep their parts, so a later part that joins
 * (or bridges two rows) rebuilds the row from all of them. A part already seen (same key, same
 * source) is a no-op, so merging is idempotent.
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

interface Node {
  packageId: string;
  parts: EventPart[];
  instants: number[];
}

/**
 * Two parts describe one moment when they are the same words at the same time (same key), or when
 * different sources report the same status within a few minutes at the same or an unnamed place.
 */
function sameMoment(pa: EventPart, ia: number, pb: EventPart, ib: number): boolean {
  if (pa.key === pb.key) return true;
  if (pa.status === null || pa.status !== pb.status) return false;
  if (pa.source === pb.source) return false;
  if (!Number.isFinite(ia) || !Number.isFinite(ib) || Math.abs(ia - ib) > SAME_MOMENT_MS) return false;
  return samePlace(pa.location, pb.location);
}

function linked(a: Node, b: Node): boolean {
  for (let i = 0; i < a.parts.length; i++) {
    for (let j = 0; j < b.parts.length; j++) {
      if (sameMoment(a.parts[i]!, a.instants[i]!, b.parts[j]!, b.instants[j]!)) return true;
    }
  }
  return false;
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
  /** Rows to write (new or rebuilt). */
  put: TrackingEvent[];
  /** Keys of stored rows that were folded into another row. */
  remove: string[];
  /** Incoming parts that were not known before (what the sources told us that is new). */
  added: EventPart[];
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
  const known = new Map<string, TrackingEvent>();
  for (const e of stored) for (const p of partsOf(e)) known.set(`${p.key}|${p.source}`, e);

  const fresh: TrackingEvent[] = [];
  const seen = new Set<string>();
  for (const e of incoming) {
    const id = `${e.key}|${e.source}`;
    if (known.has(id) || seen.has(id)) continue;
    seen.add(id);
    fresh.push(e);
  }
  if (fresh.length === 0) return { events: [...stored], put: [], remove: [], added: [] };

  const toNode = (e: TrackingEvent): Node => {
    const parts = partsOf(e);
    return { packageId: e.packageId, parts, instants: parts.map((p) => eventInstant(p, fallbackZone)) };
  };
  const nodes: Node[] = [...stored.map(toNode), ...fresh.map(toNode)];
  const storedCount = stored.length;
  // Union-find over rows and fresh parts. Stored rows are already closed under the relation, so only
  // edges that touch a fresh part can join anything.
  const parent = nodes.map((_, i) => i);
  const find = (i: number): number => {
    while (parent[i] !== i) {
      parent[i] = parent[parent[i]!]!;
      i = parent[i]!;
    }
    return i;
  };
  for (let i = storedCount; i < nodes.length; i++) {
    for (let j = 0; j < nodes.length; j++) {
      if (j === i || (j >= storedCount && j > i)) continue;
      if (find(i) === find(j)) continue;
      if (linked(nodes[i]!, nodes[j]!)) parent[find(i)] = find(j);
    }
  }
  const groups = new Map<number, number[]>();
  for (let i = 0; i < nodes.length; i++) {
    const r = find(i);
    const g = groups.get(r) ?? [];
    g.push(i);
    groups.set(r, g);
  }

  const events: TrackingEvent[] = [];
  const put: TrackingEvent[] = [];
  const remove: string[] = [];
  const added: EventPart[] = [];
  for (const members of groups.values()) {
    const touched = members.some((i) => i >= storedCount);
    if (!touched) {
      for (const i of members) events.push(stored[i]!);
      continue;
    }
    const parts = members.flatMap((i) => nodes[i]!.parts);
    for (const i of members) if (i >= storedCount) added.push(...nodes[i]!.parts);
    const first = nodes[members[0]!]!;
    const row = canonicalEvent(first.packageId, dedupeParts(parts), carrier);
    events.push(row);
    put.push(row);
    for (const i of members) if (i < storedCount && stored[i]!.key !== row.key) remove.push(stored[i]!.key);
  }
  return { events, put, remove, added };
}

function dedupeParts(parts: EventPart[]): EventPart[] {
  const m = new Map<string, EventPart>();
  for (const p of parts) m.set(`${p.key}|${p.source}`, p);
  return [...m.values()];
}
