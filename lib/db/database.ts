import Dexie, { type EntityTable } from 'dexie';
import type { Alert, NotificationRecord, Order, Package, TrackingEvent } from '../model/types';

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

/** A refresh job in flight: persisted so a worker killed mid-refresh resumes without loss. */
export interface JobRecord {
  id: string;
  provider: string;
  packageIds: string[];
  startedAt: number;
  attempt: number;
}

export interface KeyValue {
  key: string;
  value: unknown;
}

/**
 * The one database. Schema changes add a new `version(n)` with an upgrade that migrates old rows;
 * never edit a released version (https://dexie.org/docs/Tutorial/Design#database-versioning).
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

  constructor(name = 'porchlight') {
    super(name);
    this.version(1).stores({
      orders: 'key, shop, orderId, updatedAt',
      packages: 'id, trackingNumber, [shop+orderId], orderKey, status, nextCheckAt, updatedAt',
      events: 'key, packageId, [packageId+time]',
      alerts: 'key, packageId, kind, createdAt',
      notifications: 'id, createdAt',
      diagnostics: '++id, at, code',
      jobs: 'id, provider, startedAt',
      kv: 'key',
    });
  }
}

let shared: PorchlightDb | null = null;

/** The database of this extension context (one connection per context). */
export function getDb(): PorchlightDb {
  shared ??= new PorchlightDb();
  return shared;
}
