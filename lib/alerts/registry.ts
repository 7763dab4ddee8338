/**
 * Every situation rule, in the order their situations are listed. A test checks that each file in rules/ is
 * listed here and has a table test in tests/unit/alerts/rules/<id>.test.ts.
 */
import { attemptFailed } from './rules/attempt-failed';
import { cancelledOrder } from './rules/cancelled-order';
import { delayedCarrierCode } from './rules/delayed-carrier-code';
import { delayedEtaPassed } from './rules/delayed-eta-passed';
import { delivered } from './rules/delivered';
import { etaMovedLater } from './rules/eta-moved-later';
import { exception } from './rules/exception';
import { outForDelivery } from './rules/out-for-delivery';
import { readyForPickup } from './rules/ready-for-pickup';
import { returnedToSender } from './rules/returned-to-sender';
import { stalled } from './rules/stalled';
import { suspectedLost } from './rules/suspected-lost';
import type { RuleEntry } from './types';

export const RULES: readonly RuleEntry[] = [
  // The shopper's "not received" ends the good news of delivery; a suspected loss is a stall gone worse.
  { id: 'suspected-lost', kind: 'suspected_lost', rule: suspectedLost, supersedes: ['delivered', 'stalled'] },
  { id: 'exception', kind: 'exception', rule: exception },
  { id: 'attempt-failed', kind: 'attempt_failed', rule: attemptFailed },
  { id: 'returned-to-sender', kind: 'returned', rule: returnedToSender },
  { id: 'cancelled-order', kind: 'cancelled', rule: cancelledOrder },
  // A delay already says the date moved: "will arrive later" folds into it.
  { id: 'delayed-eta-passed', kind: 'delayed', rule: delayedEtaPassed, supersedes: ['eta_moved'] },
  { id: 'delayed-carrier-code', kind: 'delayed', rule: delayedCarrierCode, supersedes: ['eta_moved'] },
  { id: 'eta-moved-later', kind: 'eta_moved', rule: etaMovedLater },
  { id: 'stalled', kind: 'stalled', rule: stalled },
  { id: 'out-for-delivery', kind: 'out_for_delivery', rule: outForDelivery },
  { id: 'ready-for-pickup', kind: 'ready_for_pickup', rule: readyForPickup },
  { id: 'delivered', kind: 'delivered', rule: delivered },
];
