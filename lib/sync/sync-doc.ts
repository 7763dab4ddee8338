/**
 * What Porchlight keeps in the browser's own `storage.sync` (issue #12 §5), and how it fits: the
 * shopper's tracked numbers with their labels, archive, mute and "not received" flags, the deletions
 * (tombstones, so a parcel deleted in one browser goes in the others) and the settings that do not
 * depend on a permission granted in one browser. Events, carrier answers and carrier keys never sync:
 * each browser fetches its own events, and keys stay where they were typed.
 *
 * Pure: the encoding and the merge take plain values. The merge keeps, per tracking number, each field
 * as a last-writer-wins register (a label changed in one browser and a mute in another both stay), and
 * a deletion as a tombstone that outweighs every write made before it. So it is commutative, associative
 * and idempotent: every browser that has seen the same writes holds the same document, in any order
 * (tests/unit/sync/sync-doc.test.ts checks these as properties).
 *
 * Only the shopper's own choices are registers with a time: a label they typed, archive, mute. A field
 * nobody chose has time 0 and says nothing (a browser that archives delivered parcels by its own rule is
 * not overruled by one that has not yet). What a parcel came with, a shop's item title, travels as its
 * own register (`title`, timed when its browser first saw the parcel) and shows only where the shopper
 * typed no label: so a browser that meets a parcel late never undoes a label given elsewhere.
 *
 * Quotas: https://developer.chrome.com/docs/extensions/reference/api/storage#property-sync
 * (QUOTA_BYTES 102,400, QUOTA_BYTES_PER_ITEM 8,192, MAX_ITEMS 512; a key's size is its length plus
 * its value's JSON length). Firefox has the same limits.
 */
import { z } from 'zod';

export interface SyncEntry {
  /** The tracking number as tracked (the merge key is its upper case). */
  number: string;
  carrier: string | null;
  /** The label the shopper gave it (with archived and muted: their value is meant only when its time is not 0). */
  label: string | null;
  archived: boolean;
  muted: boolean;
  /** The title the parcel came with (a shop's item name), shown where no label was typed. */
  title: string | null;
  /** When the shopper said it never came (epoch ms), or null. */
  notReceivedAt: number | null;
  /** The latest write of this parcel (epoch ms): it exists after a deletion only when this is later. */
  t: number;
  /** When each field was last set (epoch ms, each ≤ `t`; 0: never): per field, the last writer wins. */
  times: Record<SyncField | 'title', number>;
}

/** The shopper's own choices. */
export const SYNC_FIELDS = ['label', 'archived', 'muted'] as const;
export type SyncField = (typeof SYNC_FIELDS)[number];
const DEFAULTS: { label: null; archived: false; muted: false; title: null } = { label: null, archived: false, muted: false, title: null };

export interface SyncTombstone {
  number: string;
  /** When it was deleted (epoch ms). */
  t: number;
}

export interface SyncDoc {
  entries: SyncEntry[];
  tombstones: SyncTombstone[];
  /** The synced settings (a plain object), or null when none was written yet. */
  settings: Record<string, unknown> | null;
  settingsAt: number;
}

export const SYNC_QUOTA = { bytes: 102_400, bytesPerItem: 8_192, maxItems: 512 } as const;

/** Room kept free under the total, for the browser's own accounting and a settings object that grows. */
const MARGIN_BYTES = 4_096;
/** Labels are cut to this many characters in the synced copy (the full label stays local). */
export const SYNC_LABEL_MAX = 60;
/** Deletions older than this are dropped from the document: a browser offline longer keeps its copy. */
export const TOMBSTONE_DAYS = 60;
/** Items the deletions may take (about 230 each): a shopper who clears a long list loses none of it. */
const TOMBSTONE_ITEMS = 6;

const VERSION_KEY = 'pl:v';
const SETTINGS_KEY = 'pl:s';
const TOMBSTONES_PREFIX = 'pl:d';
const CHUNK_PREFIX = 'pl:p';
const FORMAT_VERSION = 1;

export const keyOf = (number: string) => number.toUpperCase();

const ms = z.number().int().nonnegative().max(8.64e15);
/** [number, carrier, label, flags (1 archived, 2 muted), t, notReceivedAt, t − label's time, t − archived's, t − muted's, title, t − title's time]. */
const EntryTuple = z.tuple([
  z.string().min(1).max(64),
  z.string().max(32).nullable(),
  z.string().max(SYNC_LABEL_MAX).nullable(),
  z.number().int().min(0).max(3),
  ms,
  ms.nullable(),
  ms,
  ms,
  ms,
  z.string().max(SYNC_LABEL_MAX).nullable(),
  ms,
]);
const TombTuple = z.tuple([z.string().min(1).max(64), ms]);

const FLAG_ARCHIVED = 1;
const FLAG_MUTED = 2;

const bytes = (s: string) => new TextEncoder().encode(s).length;
const itemSize = (key: string, value: unknown) => bytes(key) + bytes(JSON.stringify(value));

function toTuple(e: SyncEntry): z.infer<typeof EntryTuple> {
  return [
    e.number,
    e.carrier,
    syncLabel(e.label),
    (e.archived ? FLAG_ARCHIVED : 0) | (e.muted ? FLAG_MUTED : 0),
    e.t,
    e.notReceivedAt,
    e.t - e.times.label,
    e.t - e.times.archived,
    e.t - e.times.muted,
    syncLabel(e.title),
    e.t - e.times.title,
  ];
}

/**
 * A label as the synced copy holds it: trimmed, at most SYNC_LABEL_MAX UTF-16 units and never half a
 * surrogate pair (an emoji cut in two is not a string storage.sync keeps as written), empty as null.
 * Every browser compares labels in this form, so the full label kept locally is not overwritten by its own cut.
 */
export function syncLabel(l: string | null): string | null {
  if (l === null) return null;
  let cut = l.trim().slice(0, SYNC_LABEL_MAX);
  if (/[\uD800-\uDBFF]$/.test(cut)) cut = cut.slice(0, -1);
  cut = cut.trimEnd();
  return cut || null;
}
/** Values at the same time are ordered by this (nothing is least: a value loses to any value). */
const rank = (v: unknown) => (v === null ? '' : (JSON.stringify(v) ?? ''));

interface Register<V> {
  v: V;
  at: number;
}
/** The later of two registers; at the same time, a deterministic order (so two browsers pick the same). */
function later<V>(a: Register<V>, b: Register<V>): Register<V> {
  if (a.at !== b.at) return a.at > b.at ? a : b;
  return rank(a.v) >= rank(b.v) ? a : b;
}

/** One parcel's writes merged: `deletedAt` outweighs every field write made at or before it. */
function mergeEntries(all: readonly SyncEntry[], deletedAt: number): SyncEntry | null {
  // Every write of the parcel counts as a sign of it: a copy whose own `t` lags its fields cannot decide alone.
  const t = Math.max(...all.map((e) => Math.max(e.t, e.times.label, e.times.archived, e.times.muted, e.times.title, e.notReceivedAt ?? 0)));
  if (!(t > deletedAt)) return null;
  const carrier = all.map((e) => ({ v: e.carrier, at: e.t })).reduce(later).v;
  const field = <F extends SyncField | 'title'>(f: F): Register<SyncEntry[F]> => {
    // A field at time 0 was never set: it is its default, whatever a damaged copy says.
    const writes = all
      .filter((e) => e.times[f] > deletedAt && e.times[f] > 0)
      .map((e): Register<SyncEntry[F]> => ({ v: (f === 'label' || f === 'title' ? syncLabel(e[f] as string | null) : e[f]) as SyncEntry[F], at: e.times[f] }));
    // No write since the deletion: the field starts again from its default (at time 0).
    return writes.length ? writes.reduce(later) : { v: DEFAULTS[f] as SyncEntry[F], at: 0 };
  };
  const label = field('label');
  const archived = field('archived');
  const muted = field('muted');
  const title = field('title');
  const reports = all.map((e) => e.notReceivedAt).filter((x): x is number => x !== null && x > deletedAt);
  return {
    number: all.map((e) => ({ v: e.number, at: e.t })).reduce(later).v,
    carrier,
    label: label.v,
    archived: archived.v,
    muted: muted.v,
    title: title.v,
    // The latest report since the deletion (the earliest would not survive a deletion between them:
    // the property test found that order dependence).
    notReceivedAt: reports.length ? Math.max(...reports) : null,
    t,
    times: { label: label.at, archived: archived.at, muted: muted.at, title: title.at },
  };
}

/**
 * The merge of two documents: per tracking number (any case) every field's latest write since the
 * latest deletion, the deletion itself (kept, so an older copy of the parcel cannot bring it back), and
 * the later settings.
 */
export function mergeSyncDocs(a: SyncDoc, b: SyncDoc): SyncDoc {
  const entries = new Map<string, SyncEntry[]>();
  for (const e of [...a.entries, ...b.entries]) {
    const k = keyOf(e.number);
    entries.set(k, [...(entries.get(k) ?? []), e]);
  }
  const tombs = new Map<string, number>();
  for (const d of [...a.tombstones, ...b.tombstones]) {
    const k = keyOf(d.number);
    tombs.set(k, Math.max(tombs.get(k) ?? 0, d.t));
  }
  const merged: SyncEntry[] = [];
  for (const [k, list] of entries) {
    const e = mergeEntries(list, tombs.get(k) ?? -1);
    if (e) merged.push(e);
  }
  const settings = later({ v: a.settings, at: a.settingsAt }, { v: b.settings, at: b.settingsAt });
  const byKey = <T extends { number: string }>(x: T, y: T) => (keyOf(x.number) < keyOf(y.number) ? -1 : 1);
  return {
    entries: merged.sort(byKey),
    tombstones: [...tombs].map(([number, t]) => ({ number, t })).sort(byKey),
    settings: settings.v,
    settingsAt: settings.at,
  };
}

/** The deletions the synced copy holds: the newest within TOMBSTONE_DAYS, as many as TOMBSTONE_ITEMS items take. */
function tombstoneChunks(tombstones: readonly SyncTombstone[], now: number, bytesPerItem: number): z.infer<typeof TombTuple>[][] {
  const cutoff = now - TOMBSTONE_DAYS * 86_400_000;
  const chunks: z.infer<typeof TombTuple>[][] = [];
  let chunk: z.infer<typeof TombTuple>[] = [];
  let size = 0;
  for (const d of [...tombstones].filter((d) => d.t >= cutoff).sort((x, y) => y.t - x.t || (keyOf(x.number) < keyOf(y.number) ? -1 : 1))) {
    const tuple: z.infer<typeof TombTuple> = [d.number, d.t];
    const tupleBytes = bytes(JSON.stringify(tuple));
    if (chunk.length && size + 1 + tupleBytes > bytesPerItem) {
      chunks.push(chunk);
      if (chunks.length === TOMBSTONE_ITEMS) return chunks;
      chunk = [];
    }
    // The item's size as storage.sync counts it: key + "[" + tuples joined by "," + "]".
    if (!chunk.length) size = bytes(`${TOMBSTONES_PREFIX}${chunks.length}`) + 2;
    size += tupleBytes + (chunk.length ? 1 : 0);
    chunk.push(tuple);
  }
  if (chunk.length) chunks.push(chunk);
  return chunks;
}

/**
 * The document with only the deletions its synced copy can hold. Every browser merges this form, so a
 * deletion too old (or one too many) to travel is forgotten everywhere alike: a browser that still has
 * the parcel brings it back, rather than the two rewriting each other's copy for ever.
 */
export function withSyncableTombstones(doc: SyncDoc, now: number): SyncDoc {
  const kept = new Set(tombstoneChunks(doc.tombstones, now, SYNC_QUOTA.bytesPerItem).flat().map(([n, t]) => `${keyOf(n)} ${t}`));
  return { ...doc, tombstones: doc.tombstones.filter((d) => kept.has(`${keyOf(d.number)} ${d.t}`)) };
}

export interface EncodedSyncDoc {
  /** The items to hold in storage.sync, every one within the per-item quota, all within the total. */
  items: Record<string, unknown>;
  /** Entries that fit, and those that did not (the oldest changes are left out first). */
  synced: number;
  left: number;
}

/** The document as storage.sync items: most recently changed parcels first, until the quota is full. */
export function encodeSyncDoc(doc: SyncDoc, now: number, quota: { bytes: number; bytesPerItem: number; maxItems: number } = SYNC_QUOTA): EncodedSyncDoc {
  const items: Record<string, unknown> = { [VERSION_KEY]: FORMAT_VERSION, [SETTINGS_KEY]: [doc.settingsAt, doc.settings] };
  const budget = quota.bytes - MARGIN_BYTES;
  let used = itemSize(VERSION_KEY, FORMAT_VERSION) + itemSize(SETTINGS_KEY, items[SETTINGS_KEY]);

  // Deletions: the newest, within their days and items.
  for (const [i, chunk] of tombstoneChunks(doc.tombstones, now, quota.bytesPerItem).entries()) {
    items[`${TOMBSTONES_PREFIX}${i}`] = chunk;
    used += itemSize(`${TOMBSTONES_PREFIX}${i}`, chunk);
  }

  const ordered = [...doc.entries].sort((x, y) => y.t - x.t || (keyOf(x.number) < keyOf(y.number) ? -1 : 1));
  let synced = 0;
  let chunk: z.infer<typeof EntryTuple>[] = [];
  let chunkIndex = 0;
  // The chunk's size as storage.sync counts it (key + "[" + tuples joined by "," + "]"), kept as it grows.
  const emptySize = () => bytes(`${CHUNK_PREFIX}${chunkIndex}`) + 2;
  let chunkBytes = emptySize();
  const flush = () => {
    if (!chunk.length) return;
    items[`${CHUNK_PREFIX}${chunkIndex++}`] = chunk;
    chunk = [];
    chunkBytes = emptySize();
  };
  for (const e of ordered) {
    const tuple = toTuple(e);
    const tupleBytes = bytes(JSON.stringify(tuple));
    const grow = () => tupleBytes + (chunk.length ? 1 : 0);
    if (chunk.length && chunkBytes + grow() > quota.bytesPerItem) flush();
    // The chunk being filled needs an item of its own.
    if (Object.keys(items).length + 1 > quota.maxItems) break;
    const added = grow() + (chunk.length ? 0 : chunkBytes);
    if (chunkBytes + grow() > quota.bytesPerItem || used + added > budget) break;
    used += added;
    chunkBytes += grow();
    chunk.push(tuple);
    synced++;
  }
  flush();
  return { items, synced, left: ordered.length - synced };
}

export interface DecodedSyncDoc {
  doc: SyncDoc;
  /** What was unreadable and ignored (another version's document, a damaged item). */
  problems: string[];
}

export const EMPTY_SYNC_DOC: SyncDoc = { entries: [], tombstones: [], settings: null, settingsAt: 0 };

/** Reads what storage.sync holds; anything unreadable is skipped with a problem, never thrown. */
export function decodeSyncDoc(items: Record<string, unknown>): DecodedSyncDoc {
  const problems: string[] = [];
  const version = items[VERSION_KEY];
  if (version === undefined) return { doc: EMPTY_SYNC_DOC, problems };
  if (version !== FORMAT_VERSION) return { doc: EMPTY_SYNC_DOC, problems: [`synced data is format ${JSON.stringify(version) ?? typeof version}, this version reads ${FORMAT_VERSION}: left as it is`] };
  const entries: SyncEntry[] = [];
  for (const key of Object.keys(items).filter((k) => k.startsWith(CHUNK_PREFIX)).sort()) {
    const chunk = z.array(z.unknown()).safeParse(items[key]);
    if (!chunk.success) {
      problems.push(`${key}: not a list`);
      continue;
    }
    for (const raw of chunk.data) {
      const t = EntryTuple.safeParse(raw);
      if (!t.success) {
        problems.push(`${key}: an unreadable entry`);
        continue;
      }
      const [number, carrier, label, flags, at, notReceivedAt, dl, da, dm, title, dt] = t.data;
      if (dl > at || da > at || dm > at || dt > at || (notReceivedAt !== null && notReceivedAt > at)) {
        problems.push(`${key}: an unreadable entry`);
        continue;
      }
      entries.push({
        number,
        carrier,
        label,
        archived: (flags & FLAG_ARCHIVED) !== 0,
        muted: (flags & FLAG_MUTED) !== 0,
        title,
        notReceivedAt,
        t: at,
        times: { label: at - dl, archived: at - da, muted: at - dm, title: at - dt },
      });
    }
  }
  const tombstones: SyncTombstone[] = [];
  for (const key of Object.keys(items).filter((k) => k.startsWith(TOMBSTONES_PREFIX)).sort()) {
    const tombs = z.array(TombTuple).safeParse(items[key]);
    if (tombs.success) tombstones.push(...tombs.data.map(([number, t]) => ({ number, t })));
    else problems.push(`${key}: unreadable deletions`);
  }
  const settings = z.tuple([ms, z.record(z.string(), z.unknown()).nullable()]).safeParse(items[SETTINGS_KEY] ?? [0, null]);
  if (!settings.success) problems.push(`${SETTINGS_KEY}: unreadable settings`);
  return {
    doc: mergeSyncDocs(EMPTY_SYNC_DOC, {
      entries,
      tombstones,
      settings: settings.success ? settings.data[1] : null,
      settingsAt: settings.success ? settings.data[0] : 0,
    }),
    problems,
  };
}

/** Keys of storage.sync this document owns (so stale chunks are removed when the list shrinks). */
export function isSyncKey(key: string): boolean {
  return key.startsWith('pl:');
}

/** What the options page shows about sync. */
export interface SyncStatus {
  at: number;
  /** Parcels in the synced copy, and parcels left out because storage.sync is full (the oldest changes). */
  synced: number;
  left: number;
  /** The browser refused a write (quota, rate limit, signed out), in its words; null when all went. */
  error: string | null;
  /** Parts of the synced copy this version could not read (left as they are). */
  problems: string[];
}
