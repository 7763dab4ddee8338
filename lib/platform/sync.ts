import { browser } from 'wxt/browser';
import { kv, packages as packagesRepo } from '../db/repositories';
import type { PorchlightDb } from '../db/database';
import type { Package } from '../model/types';
import { parseSettings, type Settings, SYNCED_SETTINGS } from '../settings';
import { SYNC_STATUS_KEY } from './sync-status-key';
import {
  type SyncStatus,
  decodeSyncDoc,
  EMPTY_SYNC_DOC,
  encodeSyncDoc,
  isSyncKey,
  keyOf,
  mergeSyncDocs,
  SYNC_FIELDS,
  syncLabel,
  type SyncDoc,
  type SyncEntry,
  type SyncTombstone,
  withSyncableTombstones,
} from '../sync/sync-doc';

/**
 * Sync across the shopper's browsers through the browser's own storage.sync (issue #12 §5), opt-in.
 * One run: read what storage.sync holds, merge it with this browser's own state (lib/sync/sync-doc.ts,
 * each field by its own last writer, per tracking number), apply the difference here through the background's own
 * methods (so a parcel that arrives is tracked, scheduled and refreshed like a typed one), then write
 * back only the items that changed. Runs one at a time; the other browsers see the writes as
 * storage.sync changes and run too, and a run with nothing new writes nothing, so it settles.
 */

/** The part of storage.sync a run uses (the browser's area, or the two-profile test's double). */
export interface SyncArea {
  get(keys: null): Promise<Record<string, unknown>>;
  set(items: Record<string, unknown>): Promise<void>;
  remove(keys: string[]): Promise<void>;
}

export function browserSyncArea(): SyncArea {
  return {
    get: () => browser.storage.sync.get(null),
    set: (items) => browser.storage.sync.set(items),
    remove: (keys) => browser.storage.sync.remove(keys),
  };
}

export { SYNC_STATUS_KEY, type SyncStatus };
const TOMBSTONES_KEY = 'sync:tombstones';
const SETTINGS_SEEN_KEY = 'sync:settings';

/** This browser's deletions, kept so they travel once sync is on (the merge drops the old ones). */
export async function recordDeletions(db: PorchlightDb, numbers: readonly string[], at: number): Promise<void> {
  if (!numbers.length) return;
  const had = (await kv.get<SyncTombstone[]>(db, TOMBSTONES_KEY)) ?? [];
  const merged = mergeSyncDocs({ entries: [], tombstones: had, settings: null, settingsAt: 0 }, { entries: [], tombstones: numbers.map((n) => ({ number: n, t: at })), settings: null, settingsAt: 0 });
  await kv.set(db, TOMBSTONES_KEY, merged.tombstones);
}

/** An undone delete: the parcel is back, so its deletion must not travel. */
export async function forgetDeletions(db: PorchlightDb, numbers: readonly string[]): Promise<void> {
  const gone = new Set(numbers.map(keyOf));
  const had = (await kv.get<SyncTombstone[]>(db, TOMBSTONES_KEY)) ?? [];
  await kv.set(db, TOMBSTONES_KEY, had.filter((d) => !gone.has(keyOf(d.number))));
}

function entryOf(p: Package & { trackingNumber: string }): SyncEntry {
  const u = p.userChanges ?? {};
  // Only the shopper's choices are timed registers; a label nobody typed (a shop's item title) is the
  // parcel's title, as of when this browser first saw it (lib/sync/sync-doc.ts).
  const title = u.label === undefined ? syncLabel(p.label) : null;
  const times = { label: u.label ?? 0, archived: u.archived ?? 0, muted: u.muted ?? 0, title: title === null ? 0 : p.firstSeenAt };
  return {
    number: p.trackingNumber,
    carrier: p.carrier,
    label: u.label === undefined ? null : syncLabel(p.label),
    archived: u.archived === undefined ? false : p.archived,
    muted: u.muted === undefined ? false : p.muted,
    title,
    notReceivedAt: p.timeline.notReceivedAt,
    t: Math.max(p.firstSeenAt, u.at ?? 0, times.label, times.archived, times.muted, times.title, p.timeline.notReceivedAt ?? 0),
    times,
  };
}

const pickSynced = (s: Settings): Record<string, unknown> => Object.fromEntries(SYNCED_SETTINGS.map((k) => [k, s[k]]));
/** Settings compared by content, whatever the order of their keys (another browser's copy was built elsewhere). */
function settingsKey(v: unknown): string {
  const sorted = (x: unknown): unknown =>
    Array.isArray(x) ? x.map(sorted) : x && typeof x === 'object' ? Object.fromEntries(Object.keys(x).sort().map((k) => [k, sorted((x as Record<string, unknown>)[k])])) : x;
  return JSON.stringify(sorted(v)) ?? '';
}

export interface SyncDeps {
  db: PorchlightDb;
  area: SyncArea;
  now: () => number;
  loadSettings(): Promise<Settings>;
  saveSettings(s: Settings): Promise<void>;
  /** The background's own ways in, so a synced change is stored as the shopper's own would be. */
  trackInput(numbers: { number: string; carrier: string | null }[], source: string): Promise<unknown>;
  /** `edited`: the value was the shopper's own choice where it was made (false: what the parcel came with). */
  updatePackage(id: string, patch: { archived?: boolean; muted?: boolean; label?: string | null }, at: number, edited: boolean): Promise<unknown>;
  markNotReceived(id: string, at: number): Promise<unknown>;
  deletePackages(ids: string[], at: number): Promise<unknown>;
}

export function createSync(deps: SyncDeps) {
  const { db, area, now } = deps;
  let chain: Promise<unknown> = Promise.resolve();
  // Numbers this browser refused to track (a format it does not know): not offered again at every run
  // while the worker lives (a newer version, after a restart, gets its chance).
  const refused = new Set<string>();

  /** This browser's own state as a (not yet merged) document, and its packages by number. */
  async function localDoc(settings: Settings, remote: SyncDoc): Promise<{ doc: SyncDoc; byKey: Map<string, Package> }> {
    const byKey = new Map<string, Package>();
    const entries: SyncEntry[] = [];
    for (const p of await packagesRepo.all(db)) {
      if (!p.trackingNumber) continue;
      byKey.set(keyOf(p.trackingNumber), p);
      entries.push(entryOf(p as Package & { trackingNumber: string }));
    }
    const tombstones = (await kv.get<SyncTombstone[]>(db, TOMBSTONES_KEY)) ?? [];
    // The settings carry the time this browser last saw them change (checked at each run). A browser
    // that never synced takes what the others agreed on, rather than its defaults winning as "newer".
    const subset = pickSynced(settings);
    const seen = await kv.get<{ at: number; json: string }>(db, SETTINGS_SEEN_KEY);
    if (!seen && remote.settings) return { doc: { entries, tombstones, settings: null, settingsAt: 0 }, byKey };
    const settingsAt = seen && seen.json === settingsKey(subset) ? seen.at : now();
    return { doc: { entries, tombstones, settings: subset, settingsAt }, byKey };
  }

  async function applyHere(local: SyncDoc, target: SyncDoc, byKey: Map<string, Package>, settings: Settings): Promise<void> {
    const had = new Map(mergeSyncDocs(local, EMPTY_SYNC_DOC).entries.map((e) => [keyOf(e.number), e]));
    // Parcels new here are tracked together (one round for all), 500 at a time as the popup's box allows.
    const fresh = target.entries.filter((e) => !byKey.has(keyOf(e.number)) && !refused.has(keyOf(e.number)));
    for (let i = 0; i < fresh.length; i += 500) {
      const batch = fresh.slice(i, i + 500);
      await deps.trackInput(batch.map((e) => ({ number: e.number, carrier: e.carrier })), 'sync');
    }
    const ids = new Map((await packagesRepo.all(db)).flatMap((p) => (p.trackingNumber ? [[keyOf(p.trackingNumber), p.id] as const] : [])));
    for (const e of fresh) if (!ids.has(keyOf(e.number))) refused.add(keyOf(e.number));
    for (const e of target.entries) {
      const mine = had.get(keyOf(e.number));
      if (mine && JSON.stringify(mine) === JSON.stringify(e)) continue;
      const id = ids.get(keyOf(e.number));
      // A number this browser cannot track (a format it does not know) stays in the synced copy only.
      if (!id) continue;
      // Each choice that differs is stored with the time it was made where it was made, so the next merge
      // agrees; a field nobody chose (time 0) is left as this browser has it.
      for (const f of SYNC_FIELDS) {
        if (e.times[f] === 0 || (mine && mine[f] === e[f] && mine.times[f] === e.times[f])) continue;
        await deps.updatePackage(id, { [f]: e[f] }, e.times[f], true);
      }
      // No label typed anywhere: the title another browser saw first shows here too (not as the shopper's choice).
      if (e.times.label === 0 && e.title !== null && syncLabel(byKey.get(keyOf(e.number))?.label ?? null) !== e.title) {
        await deps.updatePackage(id, { label: e.title }, e.times.title, false);
      }
      if (e.notReceivedAt !== null && mine?.notReceivedAt == null) await deps.markNotReceived(id, e.notReceivedAt);
    }
    const kept = new Set(target.entries.map((e) => keyOf(e.number)));
    const deleted = target.tombstones.filter((d) => byKey.has(keyOf(d.number)) && !kept.has(keyOf(d.number)));
    for (const d of deleted) await deps.deletePackages([byKey.get(keyOf(d.number))!.id], d.t);
    await kv.set(db, TOMBSTONES_KEY, target.tombstones);
    let held = settings;
    if (target.settings && target.settingsAt > local.settingsAt) {
      const next = parseSettings({ ...settings, ...Object.fromEntries(SYNCED_SETTINGS.filter((k) => k in target.settings!).map((k) => [k, target.settings![k]])) });
      // Saved only when it changes something here (a save re-plans scripts and refreshes every parcel).
      if (settingsKey(pickSynced(next)) !== settingsKey(pickSynced(settings))) await deps.saveSettings(next);
      held = next;
    }
    // Remembered as this browser holds them (parsed), so the next run does not take its own form for a change.
    await kv.set(db, SETTINGS_SEEN_KEY, { at: target.settingsAt, json: settingsKey(pickSynced(held)) });
  }

  async function runOnce(): Promise<SyncStatus | null> {
    const settings = await deps.loadSettings();
    if (!settings.sync) return null;
    let status: SyncStatus;
    try {
      const stored = await area.get(null);
      const remote = decodeSyncDoc(stored);
      const { doc: local, byKey } = await localDoc(settings, remote.doc);
      // Only the deletions the synced copy can hold take part (withSyncableTombstones): otherwise a
      // browser that still remembers one the copy dropped would rewrite the copy at every run.
      const tombstones = withSyncableTombstones(mergeSyncDocs({ ...EMPTY_SYNC_DOC, tombstones: local.tombstones }, { ...EMPTY_SYNC_DOC, tombstones: remote.doc.tombstones }), now()).tombstones;
      const target = mergeSyncDocs({ ...local, tombstones }, { ...remote.doc, tombstones: [] });
      await applyHere(local, target, byKey, settings);
      const encoded = encodeSyncDoc(target, now());
      const changed = Object.fromEntries(Object.entries(encoded.items).filter(([k, v]) => JSON.stringify(stored[k]) !== JSON.stringify(v)));
      const stale = Object.keys(stored).filter((k) => isSyncKey(k) && !(k in encoded.items));
      status = { at: now(), synced: encoded.synced, left: encoded.left, error: null, problems: remote.problems };
      try {
        if (Object.keys(changed).length) await area.set(changed);
        if (stale.length) await area.remove(stale);
      } catch (err) {
        // Over a quota or the write rate, or signed out: said in the options page; the next change retries.
        status.error = err instanceof Error ? err.message : String(err);
      }
    } catch (err) {
      // storage.sync unreadable, or this browser's database refused a write: said too, nothing half-written
      // is taken for synced (each write here is its own transaction; the next run starts again from both sides).
      const had = await kv.get<SyncStatus>(db, SYNC_STATUS_KEY).catch(() => undefined);
      status = { at: now(), synced: had?.synced ?? 0, left: had?.left ?? 0, error: err instanceof Error ? err.message : String(err), problems: had?.problems ?? [] };
    }
    await kv.set(db, SYNC_STATUS_KEY, status);
    return status;
  }

  return {
    /** One run after any already running (a change during a run gets its own run). */
    run(): Promise<SyncStatus | null> {
      const next = chain.then(runOnce, runOnce);
      chain = next.catch(() => undefined);
      return next;
    },
  };
}
