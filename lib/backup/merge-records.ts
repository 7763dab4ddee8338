/**
 * How a record from a backup meets the row already stored under the same key (issue #12: no
 * duplicates, newer data wins per field). Pure; each function returns the row to store, or the
 * stored row itself when the backup adds nothing (then nothing is written).
 *
 * - Orders: the row updated later wins field by field; a field it leaves empty (null) keeps the
 *   other row's value.
 * - Packages: the derived fields follow their provenance (status, ETA, delivery, pickup: whichever
 *   side observed it later); every source's latest claim, the status log, the ETA history and the
 *   numbers are unions; the rest is the later-updated row's, as for orders.
 * - Events: the same key is the same moment; the sources and parts that reported it are unioned.
 * - Alerts: a situation's facts only accumulate (ended, dismissed, notified): what either side
 *   knows is kept.
 * - Notifications: records of what was shown; never change.
 */
import { numberKeysOf } from '../engine/merge';
import type { Alert, EtaRecord, NotificationRecord, Order, Package, StatusObservation, TrackingEvent } from '../model/types';
import { STATUS_LOG_CAP } from '../model/types';
import { canonicalJson } from './write-backup';

const same = (a: unknown, b: unknown) => canonicalJson(a) === canonicalJson(b);

/** The stored row when `next` says the same, else `next`. */
function keepIfSame<T>(stored: T, next: T): T {
  return same(stored, next) ? stored : next;
}

/** Later-updated wins per field; an empty (null) field falls back to the other side. */
function newerPerField<T extends { updatedAt: number }>(stored: T, incoming: T): T {
  const [newer, older] = incoming.updatedAt > stored.updatedAt ? [incoming, stored] : [stored, incoming];
  const out: Record<string, unknown> = { ...older, ...newer };
  for (const [k, v] of Object.entries(newer)) if (v === null && (older as Record<string, unknown>)[k] != null) out[k] = (older as Record<string, unknown>)[k];
  return out as T;
}

export function mergeOrder(stored: Order, incoming: Order): Order {
  return keepIfSame(stored, newerPerField(stored, incoming));
}

function byKey<T>(list: readonly T[], key: (x: T) => string): T[] {
  const seen = new Map<string, T>();
  for (const x of list) if (!seen.has(key(x))) seen.set(key(x), x);
  return [...seen.values()];
}

const observed = (p: Package, field: keyof Package['provenance']) => p.provenance[field]?.observedAt ?? -Infinity;

export function mergePackage(stored: Package, incoming: Package): Package {
  const base = newerPerField(stored, incoming);
  const pick = (field: keyof Package['provenance']) => (observed(incoming, field) > observed(stored, field) ? incoming : stored);
  const st = pick('status');
  const eta = pick('eta');
  const dl = pick('deliveredAt');
  const pu = pick('pickup');
  const claims = { ...stored.claims };
  for (const [source, claim] of Object.entries(incoming.claims)) {
    if (!claims[source] || claim.observedAt > claims[source].observedAt) claims[source] = claim;
  }
  const statusLog: StatusObservation[] = byKey([...stored.statusLog, ...incoming.statusLog], (o) => `${o.source}|${o.at}|${o.status}`)
    .sort((a, b) => a.at - b.at || (a.source < b.source ? -1 : a.source > b.source ? 1 : 0))
    .slice(-STATUS_LOG_CAP);
  const etaHistory: EtaRecord[] = byKey([...stored.etaHistory, ...incoming.etaHistory], (r) => `${r.eta.from}|${r.eta.to}|${r.seenAt}|${r.source}`).sort(
    (a, b) => a.seenAt - b.seenAt,
  );
  const numbers = byKey([...stored.numbers, ...incoming.numbers], (n) => `${n.number.toUpperCase()}|${n.relation}`);
  const merged: Package = {
    ...base,
    status: st.status,
    statusText: st.statusText,
    statusSince: st.statusSince,
    eta: eta.eta,
    etaWindowLocal: eta.etaWindowLocal,
    deliveredAt: dl.deliveredAt,
    pickup: pu.pickup,
    provenance: { status: st.provenance.status, eta: eta.provenance.eta, deliveredAt: dl.provenance.deliveredAt, pickup: pu.provenance.pickup },
    claims,
    statusLog,
    etaHistory,
    numbers,
    numberKeys: numberKeysOf(numbers),
    firstSeenAt: Math.min(stored.firstSeenAt, incoming.firstSeenAt),
  };
  return keepIfSame(stored, merged);
}

export function mergeEvent(stored: TrackingEvent, incoming: TrackingEvent): TrackingEvent {
  const sources = [...new Set([...(stored.sources ?? [stored.source]), ...(incoming.sources ?? [incoming.source])])].sort();
  const parts = stored.parts || incoming.parts ? byKey([...(stored.parts ?? []), ...(incoming.parts ?? [])], (p) => p.key) : undefined;
  const merged: TrackingEvent = { ...stored, sources };
  if (parts) merged.parts = parts;
  return keepIfSame(stored, merged);
}

export function mergeAlert(stored: Alert, incoming: Alert): Alert {
  const merged: Alert = { ...incoming, ...stored };
  for (const k of ['notifiedAt', 'handledAt', 'dismissedAt', 'endedAt', 'endReason', 'newsAt'] as const) {
    if (stored[k] == null && incoming[k] != null) (merged as unknown as Record<string, unknown>)[k] = incoming[k];
  }
  merged.dismissed = stored.dismissed || incoming.dismissed;
  if (merged.endedAt != null) merged.open = 0;
  return keepIfSame(stored, merged);
}

export function mergeNotification(stored: NotificationRecord): NotificationRecord {
  return stored;
}
