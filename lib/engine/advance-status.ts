/**
 * The one transition rule for a package's status, used by the carrier merge (event by event, oldest
 * first) and by the page merge. Issue #6 §3: status derivation never downgrades on an ambiguous event,
 * yet a *newer carrier event* may legitimately move a parcel sideways or back (out for delivery →
 * attempt failed, exception → in transit, out for delivery → in transit when it missed the van).
 *
 * Rules (`current` is what the package shows, `next` the status of a newer piece of evidence):
 * 1. `next === null` (ambiguous: DHL `unknown`, UPS `NA`, Ship24 null codes) never changes anything.
 * 2. `delivered` only gives way to `returned` (a later return scan); everything else after delivery is
 *    noise or a carrier correction the shopper reports through "not received" (see suspected-lost rule).
 * 3. `returned` is final.
 * 4. `cancelled` gives way to evidence that the carrier has the parcel after all (rank ≥ in transit):
 *    a voided label that then gets scanned was not cancelled.
 * 5. `expired` gives way to anything: tracking came back.
 * 6. Once the carrier has the parcel (rank ≥ in transit), `pending`/`info_received` are echoes
 *    (re-printed labels, late manifest records) and are ignored.
 * 7. Otherwise the newer evidence wins.
 */
import { type Status, statusRank } from '../model/status';

export function advanceStatus(current: Status, next: Status | null): Status {
  if (next === null || next === current) return current;
  switch (current) {
    case 'delivered':
      return next === 'returned' ? next : current;
    case 'returned':
      return current;
    case 'cancelled':
      return statusRank(next) >= statusRank('in_transit') ? next : current;
    case 'expired':
      return next;
    default:
      if (statusRank(current) >= statusRank('in_transit') && statusRank(next) < statusRank('in_transit')) return current;
      return next;
  }
}

/**
 * True when moving from `current` to `next` is plain progress (further along the normal life, or a
 * delivered parcel coming back), which any source may report. Anything else (sideways or backwards)
 * needs a newer carrier event to back it.
 */
export function isForward(current: Status, next: Status): boolean {
  if (advanceStatus(current, next) !== next || next === current) return false;
  if (current === 'delivered') return next === 'returned';
  return statusRank(next) > statusRank(current);
}
