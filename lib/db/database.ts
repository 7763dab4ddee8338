import Dexie, { type EntityTable, type Transaction } from 'dexie';
import type { RefreshJob } from '../engine/job-state';
import type { Alert, NotificationRecord, Order, Package, TrackingEvent } from '../model/types';
import { AMAZON_BLOCKED_MESSAGES } from '../model/sources';
import { DATA_CHANGED_CHANNEL } from './data-changed';
import { HOLDS_KEY } from './holds';
import { upgradePackageToV2 } from './upgrade-v2';

/** A diagnostic a reader recorded about a page it did not fully understand (no personal data). */
export interface DiagnosticRecord {
  id?: number;
  at: number;
  shop: string;
  host: string;
  pageKind: string;
  code: string;
  message: string;
  layout: string | null;
  expected: number | null;
  found: number | null;
}

/** A refresh job (lib/engine/job-state.ts): persisted before its request, so a killed worker's job is replayed. */
export type JobRecord = RefreshJob;

export interface KeyValue {
  key: string;
  value: unknown;
}

/**
 * The one database. Schema changes add a new `version(n)` with an upgrade that migrates old rows;
 * never edit a released version (https://dexie.org/docs/Tutorial/Design#database-versioning).
 *
 * Version 2 (issue #19): packages keep every source's latest claim, their numbers (indexed, so a
 * hand-off number finds the parcel), field provenance and a timeline digest; events remember every
 * source that reported them; alerts are situations with an end; jobs carry a lease.
 */
export class PorchlightDb extends Dexie {
  orders!: EntityTable<Order, 'key'>;
  packages!: EntityTable<Package, 'id'>;
  events!: EntityTable<TrackingEvent, 'key'>;
  alerts!: EntityTable<Alert, 'key'>;
  notifications!: EntityTable<NotificationRecord, 'id'>;
  diagnostics!: EntityTable<DiagnosticRecord, 'id'>;
  jobs!: EntityTable<JobRecord, 'id'>;
  kv!: EntityTable<KeyValue, 'key'>;

  /**
   * `zone` places the local-only times of packages migrated from schema 1 (the shopper's zone, as the
   * engine would have placed them then).
   */
  constructor(name = 'porchlight', zone = Intl.DateTimeFormat().resolvedOptions().timeZone) {
    super(name);
    this.version(1).stores(SCHEMA_V1);
    this.version(2)
      .stores(SCHEMA_V2)
      .upgrade((tx) => upgradeToV2(tx, zone));
    // Every connection announces its writes, the tests' as the extension's: one stack (issue #13 §3).
    announceWrites(this);
  }
}

export const SCHEMA_V1 = {
  orders: 'key, shop, orderId, updatedAt',
  packages: 'id, trackingNumber, [shop+orderId], orderKey, status, nextCheckAt, updatedAt',
  events: 'key, packageId, [packageId+time]',
  alerts: 'key, packageId, kind, createdAt',
  notifications: 'id, createdAt',
  diagnostics: '++id, at, code',
  jobs: 'id, provider, startedAt',
  kv: 'key',
} as const;

export const SCHEMA_V2 = {
  ...SCHEMA_V1,
  packages: 'id, trackingNumber, *numberKeys, [shop+orderId], orderKey, status, nextCheckAt, updatedAt',
  alerts: 'key, packageId, kind, createdAt, open',
  jobs: 'id, provider, startedAt, leaseUntil',
} as const;

/** Schema 1 → 2: every row keeps what it had and gains the new fields (tests/unit/db/migration.test.ts). */
async function upgradeToV2(tx: Transaction, zone: string): Promise<void> {
  const events = (await tx.table('events').toArray()) as TrackingEvent[];
  const byPackage = new Map<string, TrackingEvent[]>();
  for (const e of events) {
    const list = byPackage.get(e.packageId) ?? [];
    list.push(e);
    byPackage.set(e.packageId, list);
  }
  await tx
    .table('events')
    .toCollection()
    .modify((e: TrackingEvent) => {
      e.sources ??= [e.source];
      e.timeZone ??= null;
    });
  await tx
    .table('packages')
    .toCollection()
    .modify((p: Package) => {
      Object.assign(p, upgradePackageToV2(p, byPackage.get(p.id) ?? [], zone));
    });
  await tx
    .table('alerts')
    .toCollection()
    .modify((a: Alert) => {
      a.endedAt ??= null;
      a.open ??= a.endedAt ? 0 : 1;
      a.endReason ??= null;
      a.dismissedAt ??= a.dismissed ? a.createdAt : null;
      // Decided on before situations had an end: never offered to the shopper again.
      a.baseline ??= true;
      a.newsAt ??= null;
    });
  // Jobs of schema 1 had no lease: a job left behind is replayed at once.
  await tx
    .table('jobs')
    .toCollection()
    .modify((j: Record<string, unknown>) => {
      const startedAt = typeof j.startedAt === 'number' ? j.startedAt : 0;
      j.numbers ??= [];
      j.createdAt ??= startedAt;
      j.leaseUntil ??= startedAt;
      j.committed ??= [];
      j.attempt ??= 1;
    });
  // The Amazon tracker's sign-in backoff moves to the one table of provider holds.
  const kv = tx.table('kv');
  const until = (await kv.get('amazonTracker.blockedUntil'))?.value;
  const step = (await kv.get('amazonTracker.backoffStep'))?.value;
  if (typeof until === 'number') {
    const holds = ((await kv.get(HOLDS_KEY))?.value as Record<string, unknown> | undefined) ?? {};
    holds['amazon-tracker'] = { until, reason: 'auth', message: AMAZON_BLOCKED_MESSAGES['sign-in'], step: typeof step === 'number' ? step : 1 };
    await kv.put({ key: HOLDS_KEY, value: holds });
  }
  await kv.bulkDelete(['amazonTracker.blockedUntil', 'amazonTracker.backoffStep']);
}

let shared: PorchlightDb | null = null;

/** The database of this extension context (one connection per context). */
export function getDb(): PorchlightDb {
  if (!shared) shared = new PorchlightDb();
  return shared;
}

/** Writes this close together are one message on the channel (a round's batches, a page of orders). */
const ANNOUNCE_MS = 50;

/**
 * Every write committed by this context is posted on DATA_CHANGED_CHANNEL (issue #13 §3), once per
 * 50 ms. Only this context's own transactions: a write another context made reaches this one too
 * (Dexie relays `storagemutated`), and that context announces it itself — announcing the relay as
 * well had the popup ask two or three times for one write in the options page. A DBCore middleware
 * sees exactly the transactions this connection runs; the announcement waits for their commit.
 */
function announceWrites(db: PorchlightDb): void {
  if (typeof BroadcastChannel === 'undefined') return;
  const channel = new BroadcastChannel(DATA_CHANGED_CHANNEL);
  // Node (the test tiers) would otherwise stay alive for an open channel; browsers have no unref.
  (channel as { unref?: () => void }).unref?.();
  let timer: ReturnType<typeof setTimeout> | undefined;
  const announce = () => {
    if (timer !== undefined) return;
    timer = setTimeout(() => {
      timer = undefined;
      channel.postMessage({ changed: true });
    }, ANNOUNCE_MS);
  };
  // A page that closes within those 50 ms (the options tab right after a restore) says it first.
  if (typeof addEventListener === 'function') {
    addEventListener('pagehide', () => {
      if (timer === undefined) return;
      clearTimeout(timer);
      timer = undefined;
      channel.postMessage({ changed: true });
    });
  }
  const written = new WeakSet<object>();
  db.use({
    stack: 'dbcore',
    name: 'porchlight-announce-writes',
    create: (down) => ({
      ...down,
      table: (name) => {
        const table = down.table(name);
        return {
          ...table,
          mutate: (req) => {
            // The IndexedDB core's transaction is the IDBTransaction itself: its `complete` is the commit.
            const tx = req.trans as unknown as EventTarget;
            if (!written.has(tx)) {
              written.add(tx);
              tx.addEventListener('complete', announce, { once: true });
            }
            return table.mutate(req);
          },
        };
      },
    }),
  });
}

/**
 * Calls `fn` after any write to the database is committed, here or in another of the extension's
 * contexts (Dexie's `storagemutated`, which Dexie relays between pages and the worker over a
 * BroadcastChannel): the worker drops the popup view's snapshot (issue #13 §3). Open popups are told
 * by the context that wrote (announceWrites), not from here.
 */
export function onDataChanged(fn: () => void): () => void {
  const listener = () => fn();
  Dexie.on('storagemutated', listener);
  return () => Dexie.on('storagemutated').unsubscribe(listener);
}
