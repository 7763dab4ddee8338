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
 * Quotas: https://developer.chrome.com/docs/extensions/reference/api/storage#property-sync
 * (QUOTA_BYTES 102,400, QUOTA_BYTES_PER_ITEM 8,192, MAX_ITEMS 512; a key's size is its length plus
 * its value's JSON length). Firefox has the same limits.
 */
import { z } from 'zod';

export interface SyncEntry {
  /** The tracking number as tracked (the merge key is its upper case). */
  number: string;
  carrier: string | null;
  label: string | null;
  archived: boolean;
  muted: boolean;
  /** When the shopper said it never came (epoch ms), or null. */
  notReceivedAt: number | null;
  /** The latest write of this parcel (epoch ms): it exists after a deletion only when this is later. */
  t: number;
  /** When each field was last set (epoch ms, each ≤ `t`): per field, the last writer wins. */
  times: Record<SyncField, number>;
}

export const SYNC_FIELDS = ['label', 'archived', 'muted'] as const;
export type SyncField = (typeof SYNC_FIELDS)[number];
const DEFAULTS: { label: null; archived: false; muted: false } = { label: null, archived: false, muted: false };

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

const VERSION_KEY = 'pl:v';
const SETTINGS_KEY = 'pl:s';
const TOMBSTONES_KEY = 'pl:d';
const CHUNK_PREFIX = 'pl:p';
const FORMAT_VERSION = 1;

export const keyOf = (number: string) => number.toUpperCase();

const ms = z.number().int().nonnegative().max(8.64e15);
/** [number, carrier, label, flags, t, notReceivedAt, t − label's time, t − archived's, t − muted's]. */
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
    e.label === null ? null : e.label.slice(0, SYNC_LABEL_MAX),
    (e.archived ? FLAG_ARCHIVED : 0) | (e.muted ? FLAG_MUTED : 0),
    e.t,
    e.notReceivedAt,
    e.t - e.times.label,
    e.t - e.times.archived,
    e.t - e.times.muted,
  ];
}

const canonicalLabel = (l: string | null) => (l === null ? null : l.slice(0, SYNC_LABEL_MAX));
const json = (v: unknown) => JSON.stringify(v) ?? 'undefined';

/** The later of two registers; at the same time, a deterministic order (so two browsers pick the same). */
function later<V>(a: { v: V; at: number }, b: { v: V; at: number }) {
  if (a.at !== b.at) return a.at > b.at ? a : b;
  return json(a.v) >= json(b.v) ? a : b;
}

/** One parcel's writes merged: `deletedAt` outweighs every field write made at or before it. */
function mergeEntries(all: readonly SyncEntry[], deletedAt: number): SyncEntry | null {
  // Every write of the parcel counts as a sign of it: a copy whose own `t` lags its fields cannot decide alone.
  const t = Math.max(...all.map((e) => Math.max(e.t, e.times.label, e.times.archived, e.times.muted, e.notReceivedAt ?? 0)));
  if (!(t > deletedAt)) return null;
  const carrier = all.map((e) => ({ v: e.carrier, at: e.t })).reduce(later).v;
  const field = <F extends SyncField>(f: F) => {
    const writes = all.filter((e) => e.times[f] > deletedAt).map((e) => ({ v: (f === 'label' ? canonicalLabel(e.label) : e[f]) as SyncEntry[F], at: e.times[f] }));
    // No write since the deletion: the field starts again from its default (at time 0).
    return writes.length ? writes.reduce(later) : { v: DEFAULTS[f] as SyncEntry[F], at: 0 };
  };
  const label = field('label');
  const archived = field('archived');
  const muted = field('muted');
  const reports = all.map((e) => e.notReceivedAt).filter((x): x is number => x !== null && x > deletedAt);
  return {
    number: all.map((e) => ({ v: e.number, at: e.t })).reduce(later).v,
    carrier,
    label: label.v,
    archived: archived.v,
    muted: muted.v,
    // The latest report since the deletion (the earliest would not survive a deletion between them:
    // the property test found that order dependence).
    notReceivedAt: reports.length ? Math.max(...reports) : null,
    t,
    times: { label: label.at, archived: archived.at, muted: muted.at },
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

  // Deletions: the newest that fit in one item, within their days.
  const cutoff = now - TOMBSTONE_DAYS * 86_400_000;
  const tombs: z.infer<typeof TombTuple>[] = [];
  for (const d of [...doc.tombstones].filter((d) => d.t >= cutoff).sort((x, y) => y.t - x.t)) {
    const next = [...tombs, [d.number, d.t] as z.infer<typeof TombTuple>];
    if (itemSize(TOMBSTONES_KEY, next) > quota.bytesPerItem) break;
    tombs.push([d.number, d.t]);
  }
  items[TOMBSTONES_KEY] = tombs;
  used += itemSize(TOMBSTONES_KEY, tombs);

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
  if (version !== FORMAT_VERSION) return { doc: EMPTY_SYNC_DOC, problems: [`synced data is format ${String(version)}, this version reads ${FORMAT_VERSION}: left as it is`] };
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
      const [number, carrier, label, flags, at, notReceivedAt, dl, da, dm] = t.data;
      if (dl > at || da > at || dm > at || (notReceivedAt !== null && notReceivedAt > at)) {
        problems.push(`${key}: an unreadable entry`);
        continue;
      }
      entries.push({
        number,
        carrier,
        label,
        archived: (flags & FLAG_ARCHIVED) !== 0,
        muted: (flags & FLAG_MUTED) !== 0,
        notReceivedAt,
        t: at,
        times: { label: at - dl, archived: at - da, muted: at - dm },
      });
    }
  }
  const tombs = z.array(TombTuple).safeParse(items[TOMBSTONES_KEY] ?? []);
  if (!tombs.success) problems.push(`${TOMBSTONES_KEY}: unreadable deletions`);
  const settings = z.tuple([ms, z.record(z.string(), z.unknown()).nullable()]).safeParse(items[SETTINGS_KEY] ?? [0, null]);
  if (!settings.success) problems.push(`${SETTINGS_KEY}: unreadable settings`);
  return {
    doc: mergeSyncDocs(EMPTY_SYNC_DOC, {
      entries,
      tombstones: tombs.success ? tombs.data.map(([number, t]) => ({ number, t })) : [],
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
