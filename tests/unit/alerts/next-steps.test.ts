import { describe, expect, it } from 'vitest';
import { CARRIER_CONTACTS, trackingLink } from '../../../lib/alerts/carrier-contacts';
import { CLAIM_WINDOWS, windowDates } from '../../../lib/alerts/claim-windows';
import { nextSteps } from '../../../lib/alerts/next-steps';
import { EN } from '../../support/i18n';
import type { AlertKind, Order } from '../../../lib/model/types';
import { ev, ID, TZ } from './context';
import { makePackage } from '../engine/package-factory';

const NOW = Date.parse('2024-03-20T15:00:00Z');
const order = (seller: string | null): Order => ({
  key: 'amazon:113-1',
  shop: 'amazon',
  orderId: '113-1',
  placedAt: '2024-03-01',
  items: [{ title: 'Lamp', quantity: 1, seller, url: null }],
  total: '$24.00',
  status: 'open',
  kind: 'physical',
  pageUrl: 'https://www.amazon.co.uk/gp/css/order-history',
  orderUrl: null,
  firstSeenAt: 0,
  updatedAt: 0,
});
const pkg = makePackage({
  status: 'in_transit',
  shop: 'amazon',
  orderId: '113-1',
  eta: { from: '2024-03-09', to: '2024-03-09' },
  etaHistory: [
    { eta: { from: '2024-03-05', to: '2024-03-07' }, seenAt: 0, source: 'page:amazon' },
    { eta: { from: '2024-03-09', to: '2024-03-09' }, seenAt: 1, source: 'carrier:ups' },
  ],
});
const events = [ev('2024-03-02T10:00:00-05:00', 'info_received', 'Label created'), ev('2024-03-03T10:00:00-05:00', 'in_transit', 'Picked up')];

describe('nextSteps', () => {
  // [kind, key suffix, expected step ids]
  it.each([
    ['delayed', 'eta:x', ['check_tracking_page', 'contact_carrier', 'contact_seller']],
    ['stalled', 'after:x', ['check_tracking_page', 'contact_carrier', 'contact_seller']],
    ['eta_moved', 'to:x', ['check_tracking_page']],
    ['exception', 'event:x', ['check_tracking_page', 'contact_carrier', 'contact_seller']],
    ['attempt_failed', 'event:x', ['check_tracking_page', 'contact_carrier']],
    ['suspected_lost', 'after:x', ['contact_carrier', 'contact_seller', 'request_refund', 'file_claim']],
    ['suspected_lost', 'not-received', ['check_tracking_page', 'check_around_door', 'ask_neighbours', 'contact_carrier', 'contact_seller', 'request_refund', 'file_claim']],
    ['returned', 'returned', ['contact_seller', 'request_refund']],
    ['cancelled', 'cancelled', ['contact_seller']],
    ['ready_for_pickup', 'event:x', ['pick_up']],
    ['delivered', 'delivered', ['check_around_door']],
    ['out_for_delivery', 'event:x', []],
  ] as Array<[AlertKind, string, string[]]>)('%s (%s)', (kind, cause, ids) => {
    const steps = nextSteps({ alert: { kind, key: `${ID}|${kind}|${cause}` }, pkg, events, order: order(null), now: NOW, timeZone: TZ, t: EN.t });
    expect(steps.map((s) => s.id)).toEqual(ids);
  });

  it('gives the carrier number and link, the order help link, and windows with their last day', () => {
    const steps = nextSteps({ alert: { kind: 'suspected_lost', key: `${ID}|suspected_lost|after:x` }, pkg, events, order: order('Lamps4U'), now: NOW, timeZone: TZ, t: EN.t });
    const carrier = steps.find((s) => s.id === 'contact_carrier')!;
    expect(carrier).toMatchObject({ title: 'Contact UPS', phone: '1-800-742-5877', url: CARRIER_CONTACTS.ups!.helpUrl, detail: 'Have the tracking number ready: 1Z999AA10123456784' });
    expect(steps.find((s) => s.id === 'contact_seller')!.url).toBe('https://www.amazon.co.uk/gp/your-account/order-details?orderID=113-1');
    const refund = steps.find((s) => s.id === 'request_refund')!;
    // A-to-z: from the first promise (Mar 7): opens Mar 10, runs out Jun 5 (90 days).
    expect(refund.windows.map((w) => [w.window.id, w.opensOn, w.closesOn, w.expired])).toEqual([
      ['amazon-a-to-z', '2024-03-10', '2024-06-05', false],
      ['amazon-return', null, null, false],
    ]);
    const claim = steps.find((s) => s.id === 'file_claim')!;
    // UPS: from the scheduled delivery (latest ETA, Mar 9).
    expect(claim.windows.map((w) => [w.window.id, w.closesOn, w.window.verified])).toEqual([
      ['ups-claim-notice', '2024-05-08', false],
      ['ups-lost-investigation', '2024-12-08', true],
    ]);
    expect(claim.detail).toBe('Carriers usually take claims from the sender: ask the seller to file it.');
  });

  it('leaves out A-to-z when Amazon sold it', () => {
    const steps = nextSteps({ alert: { kind: 'returned', key: `${ID}|returned|returned` }, pkg, events, order: order('Amazon.com'), now: NOW, timeZone: TZ, t: EN.t });
    expect(steps.find((s) => s.id === 'request_refund')!.windows.map((w) => w.window.id)).toEqual(['amazon-return']);
  });

  it('puts place and code on the pickup step', () => {
    const [s] = nextSteps({ alert: { kind: 'ready_for_pickup', key: 'k', details: { pickupLocation: 'Hub Locker - Maple', pickupCode: '482913' } }, pkg, events, now: NOW, timeZone: TZ, t: EN.t });
    expect(s!.detail).toBe('At Hub Locker - Maple. Pickup code: 482913. Bring ID if the carrier asks for it.');
    expect(s!.url).toBe('https://wwwapps.ups.com/WebTracking/track?track=yes&trackNums=1Z999AA10123456784');
  });
});

describe('claim windows', () => {
  it('every window names a source and a positive length', () => {
    for (const w of CLAIM_WINDOWS) {
      expect(w.source, w.id).toMatch(/^https:\/\//);
      expect(w.closesAfterDays, w.id).toBeGreaterThan(w.opensAfterDays);
    }
    expect(CLAIM_WINDOWS.filter((w) => w.verified).map((w) => w.id)).toEqual(['amazon-a-to-z', 'ups-lost-investigation', 'dhl-express']);
  });
  it('dates a DHL window from the first scan and says when it ran out', () => {
    const dhl = CLAIM_WINDOWS.find((w) => w.id === 'dhl-express')!;
    const shipped = Date.parse('2024-03-03T15:00:00Z');
    expect(windowDates(dhl, { ship: shipped }, NOW, TZ)).toMatchObject({ opensOn: '2024-03-03', closesOn: '2024-04-02', expired: false });
    expect(windowDates(dhl, { ship: shipped }, Date.parse('2024-04-03T15:00:00Z'), TZ).expired).toBe(true);
    expect(windowDates(dhl, {}, NOW, TZ)).toMatchObject({ opensOn: null, closesOn: null });
  });
  it('builds tracking links only for known carriers', () => {
    expect(trackingLink('usps', '9400 1')).toBe('https://tools.usps.com/go/TrackConfirmAction?tLabels=9400%201');
    expect(trackingLink('royal_mail', 'X')).toBeNull();
    expect(trackingLink(null, 'X')).toBeNull();
  });
});
