/**
 * The one normalised status set used everywhere (pages, carrier APIs, database, UI, alerts).
 *
 * Mapping rules (every reader and parser follows them; see README "Status model"):
 * - `pending`: the shop knows the order but nothing has shipped and no carrier has the parcel ("Not yet shipped", "Ordered").
 * - `info_received`: a label exists; the carrier has the data but not the parcel ("Label created", "Shipment information sent").
 * - `in_transit`: the carrier has the parcel and it is moving ("Shipped", "Arrived at facility", "Departed", customs clearance).
 * - `out_for_delivery`: on the vehicle for final delivery today.
 * - `available_for_pickup`: waiting at a locker, post office or pickup point ("Ready for pickup").
 * - `attempt_failed`: a delivery attempt was made and failed (no access, nobody home); the carrier will retry or hold it.
 * - `delivered`: handed over or left at the address / pickup point (terminal).
 * - `exception`: something is wrong and needs attention (damaged, held in customs, address problem, delay code, lost).
 * - `returned`: going back or gone back to the sender, return complete, refunded after return (terminal).
 * - `cancelled`: the order or shipment was cancelled before delivery (terminal).
 * - `expired`: tracking stopped answering (the carrier no longer knows the number after a long silence) (terminal).
 *
 * A status that a source cannot map with confidence is *not* guessed: parsers return `null` for that event, and
 * {@link mergeStatus} never lets such an ambiguous event downgrade a package.
 */
export const STATUSES = [
  'pending',
  'info_received',
  'in_transit',
  'out_for_delivery',
  'available_for_pickup',
  'attempt_failed',
  'delivered',
  'exception',
  'returned',
  'cancelled',
  'expired',
] as const;

export type Status = (typeof STATUSES)[number];

/** Statuses after which a package is finished: no more refreshes beyond a grace period. */
export const TERMINAL_STATUSES: ReadonlySet<Status> = new Set(['delivered', 'returned', 'cancelled', 'expired']);

export function isTerminal(status: Status): boolean {
  return TERMINAL_STATUSES.has(status);
}

/**
 * Progress along the happy path, 0..1, for progress bars. Off-path statuses sit where the parcel
 * usually is when they happen.
 */
export const STATUS_PROGRESS: Readonly<Record<Status, number>> = {
  pending: 0.05,
  info_received: 0.2,
  in_transit: 0.5,
  exception: 0.5,
  attempt_failed: 0.8,
  out_for_delivery: 0.85,
  available_for_pickup: 0.9,
  delivered: 1,
  returned: 1,
  cancelled: 1,
  expired: 1,
};

/**
 * Forward order of the normal life of a parcel. Used to decide whether a newer event from a less
 * reliable source may move a package backwards (it may not, unless it is newer *and* from the carrier).
 */
const RANK: Readonly<Record<Status, number>> = {
  pending: 0,
  info_received: 1,
  in_transit: 2,
  exception: 2,
  attempt_failed: 3,
  out_for_delivery: 3,
  available_for_pickup: 4,
  delivered: 5,
  returned: 5,
  cancelled: 5,
  expired: 5,
};

export function statusRank(status: Status): number {
  return RANK[status];
}
