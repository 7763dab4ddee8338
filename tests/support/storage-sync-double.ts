/**
 * A double of the browser's `storage.sync` shared by several profiles (issue #12 §5, the two-profile
 * test): one store, each profile's writes seen by the others as change events, and Chrome's quotas
 * enforced with Chrome's own error messages, so a write the real area would refuse fails here too.
 * https://developer.chrome.com/docs/extensions/reference/api/storage#property-sync
 */
import type { SyncArea } from '../../lib/platform/sync';

export const CHROME_SYNC_QUOTA = { bytes: 102_400, bytesPerItem: 8_192, maxItems: 512, writesPerMinute: 120 } as const;

const size = (key: string, value: unknown) => new TextEncoder().encode(key).length + new TextEncoder().encode(JSON.stringify(value)).length;

export interface SyncDouble {
  /** The area as one profile sees it: its writes notify every other profile. */
  profile(name: string): SyncArea;
  /** Called with the writer's name and the changed keys after every write (the others' storage.onChanged). */
  onChanged(fn: (writer: string, keys: string[]) => void): void;
  snapshot(): Record<string, unknown>;
  bytesInUse(): number;
  writes: { writer: string; keys: string[] }[];
}

export function storageSyncDouble(now: () => number = Date.now): SyncDouble {
  const store = new Map<string, string>();
  const listeners: ((writer: string, keys: string[]) => void)[] = [];
  const writes: { writer: string; keys: string[] }[] = [];
  const writeTimes: number[] = [];
  const total = (m: Map<string, string>) => [...m].reduce((n, [k, v]) => n + size(k, JSON.parse(v)), 0);
  const countWrite = () => {
    const t = now();
    while (writeTimes.length && writeTimes[0]! <= t - 60_000) writeTimes.shift();
    if (writeTimes.length >= CHROME_SYNC_QUOTA.writesPerMinute) throw new Error('MAX_WRITE_OPERATIONS_PER_MINUTE quota exceeded');
    writeTimes.push(t);
  };
  const notify = (writer: string, keys: string[]) => {
    writes.push({ writer, keys });
    for (const fn of listeners) fn(writer, keys);
  };
  return {
    profile(name) {
      return {
        async get() {
          return Object.fromEntries([...store].map(([k, v]) => [k, JSON.parse(v)]));
        },
        async set(items) {
          const next = new Map(store);
          for (const [k, v] of Object.entries(items)) {
            if (size(k, v) > CHROME_SYNC_QUOTA.bytesPerItem) throw new Error('QUOTA_BYTES_PER_ITEM quota exceeded');
            next.set(k, JSON.stringify(v));
          }
          if (next.size > CHROME_SYNC_QUOTA.maxItems) throw new Error('MAX_ITEMS quota exceeded');
          if (total(next) > CHROME_SYNC_QUOTA.bytes) throw new Error('QUOTA_BYTES quota exceeded');
          countWrite();
          for (const [k, v] of next) store.set(k, v);
          notify(name, Object.keys(items));
        },
        async remove(keys) {
          countWrite();
          for (const k of keys) store.delete(k);
          notify(name, keys);
        },
      };
    },
    onChanged(fn) {
      listeners.push(fn);
    },
    snapshot: () => Object.fromEntries([...store].map(([k, v]) => [k, JSON.parse(v)])),
    bytesInUse: () => total(store),
    writes,
  };
}
