/**
 * The backup file's records, as zod schemas (issue #12). The same schemas validate every record an
 * import reads and generate the JSON Schema in docs/backup-format.schema.json, so the document and
 * the check cannot drift apart. Each schema is typed against the model (`z.ZodType<Order>`…): a field
 * added to the model without one here fails the typecheck instead of being dropped by an import.
 *
 * Text is bounded (a backup is data, never markup: every string is shown as text) and numbers are
 * finite; anything else is a wrong type and refuses the whole file.
 */
import { z } from 'zod';
import type {
  Alert,
  EtaRecord,
  EventDigest,
  EventPart,
  NotificationRecord,
  Order,
  Package,
  PackageNumber,
  SourceClaim,
  StatusObservation,
  TimelineDigest,
  TrackingEvent,
} from '../model/types';
import { STATUSES } from '../model/status';
import '../settings'; // zod's jitless switch (the extension's CSP forbids eval) is set there.

/** The format this build writes; it reads this one and every older one (lib/backup/upgrade.ts). */
export const BACKUP_FORMAT_VERSION = 1;
export const BACKUP_FORMAT_NAME = 'porchlight-backup';

const text = (max = 20_000) => z.string().max(max);
const id = text(1_000).min(1);
const ms = z.number().finite();
const nullableText = (max = 20_000) => text(max).nullable();
const status = z.enum(STATUSES);

const EtaSchema = z.object({ from: text(64), to: text(64) });
const PickupSchema = z.object({ location: nullableText(), code: nullableText(200), until: nullableText(64) });
const FieldSourceSchema = z.object({ source: text(200), observedAt: ms }).nullable();

const EventPartSchema: z.ZodType<EventPart> = z.object({
  key: id,
  source: text(200),
  status: status.nullable(),
  time: text(64),
  timeIsLocal: z.boolean(),
  timeZone: nullableText(100),
  code: nullableText(200),
  description: text(),
  location: nullableText(),
});

export const EventSchema: z.ZodType<TrackingEvent> = z.object({
  key: id,
  packageId: id,
  time: text(64),
  timeIsLocal: z.boolean(),
  timeZone: nullableText(100).optional(),
  status: status.nullable(),
  code: nullableText(200),
  description: text(),
  location: nullableText(),
  source: text(200),
  sources: z.array(text(200)).max(100).optional(),
  parts: z.array(EventPartSchema).max(100).optional(),
});

export const OrderSchema: z.ZodType<Order> = z.object({
  key: id,
  shop: text(100),
  orderId: text(200),
  placedAt: nullableText(64),
  items: z
    .array(z.object({ title: text(), quantity: z.number().finite().nullable(), seller: nullableText(1_000), url: nullableText(4_000) }))
    .max(1_000),
  total: nullableText(200),
  status: z.enum(['open', 'delivered', 'cancelled', 'returned', 'completed', 'unknown']),
  kind: z.enum(['physical', 'digital', 'gift_card', 'in_store', 'unknown']),
  pageUrl: text(4_000),
  orderUrl: nullableText(4_000),
  firstSeenAt: ms,
  updatedAt: ms,
});

const ClaimSchema: z.ZodType<SourceClaim> = z.object({
  source: text(200),
  observedAt: ms,
  status: status.nullable(),
  statusText: nullableText(),
  eta: EtaSchema.nullable(),
  etaWindowLocal: z.object({ from: text(64), to: text(64) }).nullable().optional(),
  deliveredAt: nullableText(64),
  pickup: PickupSchema.nullable(),
});

const DigestSchema: z.ZodType<EventDigest> = z.object({
  key: id,
  partKeys: z.array(id).max(100).optional(),
  at: ms.nullable(),
  status: status.nullable(),
  code: nullableText(200),
  description: text(),
  location: nullableText(),
  source: text(200),
});

const TimelineSchema: z.ZodType<TimelineDigest> = z.object({
  last: DigestSchema.nullable(),
  episode: z.array(DigestSchema).max(1_000),
  statusEvent: DigestSchema.nullable(),
  international: z.boolean(),
  inCustoms: z.boolean(),
  notReceivedAt: ms.nullable(),
});

const NumberSchema: z.ZodType<PackageNumber> = z.object({
  number: text(100).min(1),
  carrier: nullableText(100),
  relation: z.enum(['primary', 'handoff', 'piece', 'alternate', 'return']),
  source: text(200),
  addedAt: ms,
});

const StatusObservationSchema: z.ZodType<StatusObservation> = z.object({ source: text(200), at: ms, status, text: nullableText() });
const EtaRecordSchema: z.ZodType<EtaRecord> = z.object({ eta: EtaSchema, seenAt: ms, source: text(200) });

export const PackageSchema: z.ZodType<Package> = z.object({
  id,
  trackingNumber: nullableText(100),
  shipmentId: nullableText(200),
  carrier: nullableText(100),
  numbers: z.array(NumberSchema).max(100),
  numberKeys: z.array(text(100)).max(100),
  orderKey: nullableText(1_000),
  shop: nullableText(100),
  orderId: nullableText(200),
  label: nullableText(),
  status,
  statusText: nullableText(),
  statusSince: ms.nullable(),
  eta: EtaSchema.nullable(),
  etaWindowLocal: z.object({ from: text(64), to: text(64) }).nullable(),
  etaHistory: z.array(EtaRecordSchema).max(1_000),
  deliveredAt: nullableText(64),
  pickup: PickupSchema.nullable(),
  provenance: z.object({ status: FieldSourceSchema, eta: FieldSourceSchema, deliveredAt: FieldSourceSchema, pickup: FieldSourceSchema }),
  claims: z.record(text(200), ClaimSchema),
  statusLog: z.array(StatusObservationSchema).max(1_000),
  lastEvent: EventSchema.nullable(),
  timeline: TimelineSchema,
  lastChangeAt: ms,
  nextCheckAt: ms.nullable(),
  lastCheckAt: ms.nullable(),
  lastError: z.object({ kind: text(200), message: text(), at: ms, provider: text(200).optional() }).nullable(),
  failures: z.number().int().min(0),
  trackUrl: nullableText(4_000),
  archived: z.boolean(),
  muted: z.boolean(),
  firstSeenAt: ms,
  userChanges: z.object({ at: ms.optional(), label: ms.optional(), archived: ms.optional(), muted: ms.optional() }).optional(),
  evaluatedAt: ms.nullable(),
  updatedAt: ms,
});

export const AlertSchema: z.ZodType<Alert> = z.object({
  key: id,
  packageId: id,
  kind: z.enum([
    'delayed',
    'eta_moved',
    'stalled',
    'suspected_lost',
    'exception',
    'attempt_failed',
    'returned',
    'cancelled',
    'out_for_delivery',
    'ready_for_pickup',
    'delivered',
  ]),
  severity: z.enum(['good', 'info', 'warning', 'critical']),
  title: text(),
  message: text(),
  createdAt: ms,
  notifiedAt: ms.nullable(),
  handledAt: ms.nullable().optional(),
  since: ms.optional(),
  details: z.record(text(200), z.unknown()).optional(),
  dismissed: z.boolean(),
  dismissedAt: ms.nullable().optional(),
  endedAt: ms.nullable().optional(),
  open: z.union([z.literal(0), z.literal(1)]).optional(),
  endReason: nullableText(200).optional(),
  newsAt: ms.nullable().optional(),
  baseline: z.boolean().optional(),
  byUser: z.boolean().optional(),
});

export const NotificationSchema: z.ZodType<NotificationRecord> = z.object({
  id,
  alertKeys: z.array(id).max(1_000),
  packageIds: z.array(id).max(1_000),
  title: text(),
  message: text(),
  createdAt: ms,
});

/** Carrier keys sealed with the shopper's passphrase (lib/backup/sealed-keys.ts); only when they asked. */
export const SealedKeysSchema = z.object({
  cipher: z.literal('AES-256-GCM'),
  kdf: z.literal('PBKDF2-SHA256'),
  iterations: z.number().int().min(100_000).max(10_000_000),
  salt: z.string().regex(/^[A-Za-z0-9+/]+=*$/).max(64),
  iv: z.string().regex(/^[A-Za-z0-9+/]+=*$/).max(64),
  /** The keys as JSON ({ provider: { field: value } }), encrypted; the GCM tag at its end. */
  data: z.string().regex(/^[A-Za-z0-9+/]+=*$/).max(1_000_000),
});

/** The first line of a backup: what it is, which format, when it was made. */
export const HeaderSchema = z.object({
  format: z.literal(BACKUP_FORMAT_NAME),
  formatVersion: z.number().int().min(1),
  exportedAt: text(64),
  app: z.object({ name: z.literal('Porchlight'), version: text(64) }),
  /** Settings as stored (lib/settings.ts); read through parseSettings, so an unknown field falls back to its default. */
  settings: z.record(z.string(), z.unknown()),
  /** Present only when the shopper ticked "include my carrier keys". */
  carrierKeys: SealedKeysSchema.optional(),
});

/** The record tables of a backup, in the order they are written and imported. */
export const RECORD_SCHEMAS = {
  orders: OrderSchema,
  packages: PackageSchema,
  events: EventSchema,
  alerts: AlertSchema,
  notifications: NotificationSchema,
} as const;

export type BackupTable = keyof typeof RECORD_SCHEMAS;
export const BACKUP_TABLES = Object.keys(RECORD_SCHEMAS) as BackupTable[];
