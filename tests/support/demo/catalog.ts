/**
 * The demo world: a handful of orders in a local amazon.com-shaped shop, each shipped with the
 * simulated "Porchlight Demo Carrier", each with a scripted life. The demo shop
 * (./shop.ts) and the demo carrier (../carrier-server/providers/demo.ts) both read this list, so
 * what the shop shows and what the carrier answers agree.
 */

/**
 * The shopper's time zone: this machine's, where the browser runs beside the demo server. The
 * simulated world's calendar ("today", promised dates) follows it, as a real shop's and carrier's
 * dates follow the delivery address, where the shopper is. With the carrier's zone instead, a
 * parcel promised "today" in Chicago read as late in a UTC browser between 00:00 and 06:00 UTC
 * (seen in CI at 03:57 UTC: the delay warning superseded the out-for-delivery notification).
 * Event times keep the carrier's own offset: those are instants, the same in any zone.
 */
export const SHOPPER_ZONE = Intl.DateTimeFormat().resolvedOptions().timeZone;

/** PLDEMO + 7 digits + a GS1-style mod-10 check digit (weights 3,1,3,1,3,1,3). */
export function demoNumber(serial: string): string {
  if (!/^\d{7}$/.test(serial)) throw new Error('demo serial must be 7 digits');
  let sum = 0;
  for (let i = 0; i < 7; i++) sum += Number(serial[i]) * (i % 2 === 0 ? 3 : 1);
  return `PLDEMO${serial}${(10 - (sum % 10)) % 10}`;
}

export type Scenario = 'on-time' | 'delayed' | 'pickup' | 'just-ordered';

export interface DemoStep {
  /** Steps after the start (one step = `stepMs`, 30 s in the demo). */
  at: number;
  code: string;
  text: string;
  location: string;
}

export interface DemoShipment {
  orderId: string;
  shipmentId: string;
  item: string;
  price: string;
  number: string;
  scenario: Scenario;
  /** Days from the start until the promised delivery (0 = today). */
  promisedInDays: number;
}

export const DEMO_SHIPMENTS: DemoShipment[] = [
  {
    orderId: '113-0000001-0000001',
    shipmentId: 'DmoShp001',
    item: 'Porch light, LED, dusk-to-dawn sensor',
    price: '$34.99',
    number: demoNumber('1000001'),
    scenario: 'on-time',
    promisedInDays: 0,
  },
  {
    orderId: '113-0000002-0000002',
    shipmentId: 'DmoShp002',
    item: 'Doormat, coir, "Hello"',
    price: '$19.49',
    number: demoNumber('1000002'),
    scenario: 'delayed',
    promisedInDays: 0,
  },
  {
    orderId: '113-0000003-0000003',
    shipmentId: 'DmoShp003',
    item: 'Parcel drop box, lockable',
    price: '$89.00',
    number: demoNumber('1000003'),
    scenario: 'pickup',
    promisedInDays: 1,
  },
  {
    orderId: '113-0000004-0000004',
    shipmentId: 'DmoShp004',
    item: 'Smart doorbell, battery',
    price: '$59.99',
    number: demoNumber('1000004'),
    scenario: 'on-time',
    promisedInDays: 1,
  },
];

const HUB = 'Columbus, OH, US';
const LOCAL = 'Springfield, IL, US';

/** The scripted life of each scenario, in steps. */
export const SCENARIOS: Record<Scenario, DemoStep[]> = {
  'on-time': [
    { at: 0, code: 'LC', text: 'Shipping label created', location: 'Seattle, WA, US' },
    { at: 1, code: 'PU', text: 'Picked up by the carrier', location: 'Seattle, WA, US' },
    { at: 2, code: 'IT', text: 'Departed facility', location: HUB },
    { at: 3, code: 'AR', text: 'Arrived at delivery station', location: LOCAL },
    { at: 4, code: 'OFD', text: 'Out for delivery', location: LOCAL },
    { at: 6, code: 'DL', text: 'Delivered, left at front door', location: LOCAL },
  ],
  delayed: [
    { at: 0, code: 'LC', text: 'Shipping label created', location: 'Reno, NV, US' },
    { at: 1, code: 'PU', text: 'Picked up by the carrier', location: 'Reno, NV, US' },
    { at: 2, code: 'IT', text: 'Departed facility', location: HUB },
    { at: 4, code: 'DY', text: 'Delayed: severe weather; new delivery date set', location: HUB },
  ],
  pickup: [
    { at: 0, code: 'LC', text: 'Shipping label created', location: 'Tracy, CA, US' },
    { at: 2, code: 'IT', text: 'In transit to pickup point', location: HUB },
    { at: 5, code: 'RP', text: 'Ready for pickup at Porchlight Locker "Maple", code 483920', location: LOCAL },
  ],
  'just-ordered': [{ at: 0, code: 'LC', text: 'Shipping label created', location: 'Seattle, WA, US' }],
};

/** Steps after which the delayed scenario's promise slips by two days. */
export const DELAY_STEP = 4;
