/**
 * What the shopper can do next, from the situation an alert describes (issue #6 §5). Pure: the alert,
 * the package, its events and order in; an ordered list of steps out, each with the link or phone
 * number it needs and, for refunds and claims, the windows with the dates they run out.
 *
 * Situations → steps:
 *   delayed / stalled / exception → tracking page, carrier (number + link), seller or Amazon
 *   ETA moved later               → tracking page
 *   attempt failed                → tracking page (reschedule, where it is held), carrier
 *   suspected lost, no news       → carrier, seller or Amazon, refund or replacement, carrier claim
 *   delivered but not received    → tracking page (photo, where it was left), around the door,
 *                                   neighbours and the building's mail room, carrier, seller or
 *                                   Amazon, refund or replacement, carrier claim
 *   returned / cancelled          → seller or Amazon (refund), refund or replacement
 *   ready for pickup              → pick it up (place and code when known)
 *   delivered                     → if you cannot find it: around the door
 *   out for delivery              → nothing to do
 */
import { placeEvents } from '../engine/derive';
import { statusRank } from '../model/status';
import { eventEpoch } from '../model/time';
import type { MessageKey, Translate } from '../i18n/translate';
import type { AlertKind, Order, Package, TrackingEvent } from '../model/types';
import { CARRIER_CONTACTS, trackingLink } from './carrier-contacts';
import { CLAIM_WINDOWS, type ClaimWindowData, inWords, type WindowAnchor, type WindowDates, windowDates } from './claim-windows';
import { safeEtaEnd } from './situation';
import type { AlertDetails } from './types';

export type NextStepId =
  | 'check_tracking_page'
  | 'check_around_door'
  | 'ask_neighbours'
  | 'contact_carrier'
  | 'contact_seller'
  | 'request_refund'
  | 'file_claim'
  | 'pick_up';

export interface NextStep {
  id: NextStepId;
  title: string;
  detail: string | null;
  url: string | null;
  /** A phone number to copy (contact carrier). */
  phone: string | null;
  /** Refund / claim windows with their dates (request_refund, file_claim). */
  windows: WindowDates[];
}

export interface NextStepsInput {
  alert: { kind: AlertKind; key: string; details?: AlertDetails };
  pkg: Package;
  events: TrackingEvent[];
  order?: Order | null;
  now: number;
  timeZone: string;
  /** The words (issue #13 §2): titles, details and the windows' words in the shopper's language. */
  t: Translate;
}

function amazonOrderUrl(order: Order | null | undefined, pkg: Package): string | null {
  if (order?.orderUrl) return order.orderUrl;
  const orderId = order?.orderId ?? pkg.orderId;
  if (!orderId || (order?.shop ?? pkg.shop) !== 'amazon') return null;
  let host = 'www.amazon.com';
  try {
    if (order?.pageUrl) host = new URL(order.pageUrl).host;
  } catch {
    // keep the default host
  }
  return `https://${host}/gp/your-account/order-details?orderID=${encodeURIComponent(orderId)}`;
}

/** Sold by someone other than Amazon: the A-to-z Guarantee applies. Unknown sellers count as Amazon. */
function soldByThirdParty(order: Order | null | undefined): boolean {
  return !!order?.items.some((i) => i.seller && !/^amazon(\.|\s|$)/i.test(i.seller.trim()));
}

function anchorsOf(pkg: Package, events: TrackingEvent[], timeZone: string): Partial<Record<WindowAnchor, number | null>> {
  const placed = placeEvents(
    events.filter((e) => e.source !== 'user'),
    timeZone,
  );
  const at = (p: { at: number } | undefined) => (p && Number.isFinite(p.at) ? p.at : null);
  const ship = at(placed.find((p) => p.event.status !== null && statusRank(p.event.status) >= statusRank('in_transit')));
  const deliveredEvent = [...placed].reverse().find((p) => p.event.status === 'delivered');
  let delivery = at(deliveredEvent);
  if (delivery === null && pkg.deliveredAt) {
    const t = eventEpoch(pkg.deliveredAt, !/(Z|[+-]\d\d:?\d\d)$/.test(pkg.deliveredAt), timeZone);
    delivery = Number.isFinite(t) ? t : null;
  }
  const first = pkg.etaHistory[0]?.eta ?? pkg.eta;
  return { ship, delivery, eta: safeEtaEnd(pkg.eta, timeZone), first_eta: safeEtaEnd(first, timeZone) };
}

export function nextSteps(input: NextStepsInput): NextStep[] {
  const { alert, pkg, events, order, now, timeZone, t } = input;
  const contact = pkg.carrier ? CARRIER_CONTACTS[pkg.carrier] : undefined;
  const link = trackingLink(pkg.carrier, pkg.trackingNumber);
  const isAmazon = (order?.shop ?? pkg.shop) === 'amazon';
  const orderUrl = amazonOrderUrl(order, pkg) ?? order?.orderUrl ?? null;
  const anchors = anchorsOf(pkg, events, timeZone);
  const dates = (ws: ClaimWindowData[]) => ws.map((w) => windowDates(inWords(w, t), anchors, now, timeZone));

  const step = (id: NextStepId, title: string, detail: string | null, url: string | null = null, phone: string | null = null, windows: WindowDates[] = []): NextStep => ({
    id,
    title,
    detail,
    url,
    phone,
    windows,
  });

  const trackingPage = (detail: MessageKey) => step('check_tracking_page', t('alertStepTrackingPage'), t(detail), pkg.trackUrl ?? link);
  const carrier = () =>
    step(
      'contact_carrier',
      contact ? t('alertStepContactCarrier', contact.name) : t('alertStepContactTheCarrier'),
      pkg.trackingNumber ? t('alertDetailNumberReady', pkg.trackingNumber) : null,
      contact?.helpUrl ?? link,
      contact?.phone ?? null,
    );
  const seller = (detail: MessageKey) => step('contact_seller', t(isAmazon ? 'alertStepContactAmazonOrSeller' : 'alertStepContactSeller'), t(detail), orderUrl);
  const refund = () => {
    const ws = isAmazon ? CLAIM_WINDOWS.filter((w) => (w.id === 'amazon-a-to-z' ? soldByThirdParty(order) : w.party === 'amazon')) : [];
    return step(
      'request_refund',
      t('alertStepRefund'),
      t(isAmazon ? 'alertDetailRefundAmazon' : 'alertDetailRefundSeller'),
      orderUrl,
      null,
      dates(ws),
    );
  };
  const claim = () => {
    const ws = pkg.carrier ? CLAIM_WINDOWS.filter((w) => w.party === pkg.carrier) : [];
    return step(
      'file_claim',
      contact ? t('alertStepClaim', contact.name) : t('alertStepClaimTheCarrier'),
      ws.some((w) => w.filedBy === 'sender') ? t('alertDetailClaimBySender') : null,
      contact?.helpUrl ?? null,
      null,
      dates(ws),
    );
  };

  switch (alert.kind) {
    case 'delayed':
    case 'stalled':
      return [trackingPage('alertDetailDelayedTracking'), carrier(), seller('alertDetailDelayedSeller')];
    case 'eta_moved':
      return [trackingPage('alertDetailEtaMovedTracking')];
    case 'exception':
      return [trackingPage('alertDetailExceptionTracking'), carrier(), seller('alertDetailExceptionSeller')];
    case 'attempt_failed':
      return [trackingPage('alertDetailAttemptTracking'), carrier()];
    case 'suspected_lost':
      if (alert.key.endsWith('|not-received')) {
        return [
          trackingPage('alertDetailNotReceivedTracking'),
          step('check_around_door', t('alertStepAroundDoor'), t('alertDetailAroundDoor')),
          step('ask_neighbours', t('alertStepNeighbours'), t('alertDetailNeighbours')),
          carrier(),
          seller('alertDetailNotReceivedSeller'),
          refund(),
          claim(),
        ];
      }
      return [carrier(), seller('alertDetailLostSeller'), refund(), claim()];
    case 'returned':
      return [seller('alertDetailReturnedSeller'), refund()];
    case 'cancelled':
      return [seller('alertDetailCancelledSeller')];
    case 'ready_for_pickup': {
      const place = alert.details?.pickupLocation;
      const code = alert.details?.pickupCode;
      const detail = [place ? t('alertDetailPickupAt', place) : null, code ? t('alertDetailPickupCode', code) : null, t('alertDetailPickupId')].filter(Boolean).join(' ');
      return [step('pick_up', t('alertStepPickUp'), detail, pkg.trackUrl ?? link)];
    }
    case 'delivered':
      return [step('check_around_door', t('alertStepCantFind'), t('alertDetailCantFind'))];
    case 'out_for_delivery':
      return [];
  }
}
