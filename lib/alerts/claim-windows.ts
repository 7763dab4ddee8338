/**
 * Refund and claim windows as data, each with where its figure comes from (issue #6 §5). `verified`
 * is true only when the figure was read on the owner's own page (a stored copy of it); figures known
 * only from third-party pages are kept, marked `verified: false`, and shown as "check with …".
 * Nothing here is fetched at run time.
 *
 * What the anchors mean for a shopper, who rarely knows the ship date: `ship` is the first carrier
 * scan (pickup/acceptance), `first_eta` the end of the first ETA the package had (Amazon's "maximum
 * estimated delivery date" is the promise made at purchase, which a slipping carrier ETA does not
 * move), `eta` the end of the latest ETA (a carrier's scheduled delivery), `delivery` the delivery time.
 */
import { addDays, zonedDate } from '../model/time';

export type WindowAnchor = 'first_eta' | 'eta' | 'delivery' | 'ship';

export interface ClaimWindow {
  id: string;
  /** Who you ask: the shop or the carrier. */
  party: 'amazon' | 'ups' | 'usps' | 'fedex' | 'dhl';
  title: string;
  /** When it applies, in words. */
  appliesTo: string;
  anchor: WindowAnchor;
  /** The window closes this many days after the anchor. */
  closesAfterDays: number;
  /** The earliest day one may ask, counted from the anchor (A-to-z: 3 days after the latest ETA). */
  opensAfterDays: number;
  /** Who may file: carriers usually give the claim to the sender, so the shopper asks the seller. */
  filedBy: 'buyer' | 'sender_or_recipient' | 'sender';
  source: string;
  verified: boolean;
  note?: string;
}

export const CLAIM_WINDOWS: readonly ClaimWindow[] = [
  {
    id: 'amazon-a-to-z',
    party: 'amazon',
    title: 'Amazon A-to-z Guarantee refund',
    appliesTo: 'Items sold and fulfilled by a third-party seller that did not arrive (or arrived not as described)',
    anchor: 'first_eta',
    closesAfterDays: 90,
    opensAfterDays: 3,
    filedBy: 'buyer',
    source: 'https://www.amazon.com/gp/help/customer/display.html?nodeId=200783670',
    verified: true,
    note: 'Eligible 3 days after the maximum estimated delivery date, or at once when tracking shows delivered; up to 90 days after that date. Contact the seller first (48 h).',
  },
  {
    id: 'amazon-return',
    party: 'amazon',
    title: 'Amazon return for refund or replacement',
    appliesTo: 'Most items, in original or unused condition',
    anchor: 'delivery',
    closesAfterDays: 30,
    opensAfterDays: 0,
    filedBy: 'buyer',
    source: 'https://www.amazon.com/gp/help/customer/display.html?nodeId=201819200',
    verified: false,
    note: 'Figure seen only as a quotation of this page on third-party pages; many items have other windows.',
  },
  {
    id: 'ups-claim-notice',
    party: 'ups',
    title: 'UPS loss or damage claim',
    appliesTo: 'Lost (counted from scheduled delivery) or damaged (from delivery) UPS packages',
    anchor: 'eta',
    closesAfterDays: 60,
    opensAfterDays: 1,
    filedBy: 'sender_or_recipient',
    source: 'https://www.ups.com/us/en/support/file-a-claim.page',
    verified: false,
    note: 'Third-party summaries (e.g. support.webinterpret.com) give 60 days; a loss claim can start 24 h after the expected delivery time.',
  },
  {
    id: 'ups-lost-investigation',
    party: 'ups',
    title: 'UPS lost package investigation',
    appliesTo: 'Lost UPS packages (requested by the shipper)',
    anchor: 'eta',
    closesAfterDays: 274, // nine months
    opensAfterDays: 1,
    filedBy: 'sender',
    source: 'https://www.ups.com/us/en/help-center/sri/faq-cla06.page',
    verified: true,
    note: '"Must be requested within nine months of a package\'s scheduled delivery date" (nine months counted as 274 days).',
  },
  {
    id: 'usps-insured-lost',
    party: 'usps',
    title: 'USPS insurance claim for a lost package',
    appliesTo: 'Insured USPS mail, Priority Mail and Ground Advantage (Priority Mail Express: from day 7)',
    anchor: 'ship',
    closesAfterDays: 60,
    opensAfterDays: 15,
    filedBy: 'sender_or_recipient',
    source: 'https://www.usps.com/help/claims.htm',
    verified: false,
    note: 'Figures from third-party pages quoting USPS (15–60 days after mailing; damage: at once, within 60 days).',
  },
  {
    id: 'fedex-non-delivery',
    party: 'fedex',
    title: 'FedEx claim for non-delivery',
    appliesTo: 'FedEx Express and Ground packages that never arrived',
    anchor: 'ship',
    closesAfterDays: 274, // nine months
    opensAfterDays: 1,
    filedBy: 'sender',
    source: 'https://www.fedex.com/en-us/customer-support/claims.html',
    verified: false,
    note: 'Nine months after FedEx accepted the package per a third-party copy of the FedEx terms; damage or delay: 60 days after delivery (US), 21 days (international).',
  },
  {
    id: 'dhl-express',
    party: 'dhl',
    title: 'DHL Express loss or damage claim',
    appliesTo: 'DHL Express shipments',
    anchor: 'ship',
    closesAfterDays: 30,
    opensAfterDays: 0,
    filedBy: 'sender',
    source: 'https://mydhl.express.dhl/us/en/help-and-support/contact-us/claims/claims-faqs.html',
    verified: true,
    note: '"Within thirty (30) days of the date that DHL accepted the Shipment"; the claim belongs to the bill-to party or shipper.',
  },
];

export interface WindowDates {
  window: ClaimWindow;
  /** First day one may ask (user's calendar), or null when the anchor is unknown. */
  opensOn: string | null;
  /** Last day (user's calendar), or null when the anchor is unknown. */
  closesOn: string | null;
  /** True when today is after the last day. */
  expired: boolean;
}

/** The dates a window opens and runs out, from the anchors known for this package. */
export function windowDates(window: ClaimWindow, anchors: Partial<Record<WindowAnchor, number | null>>, now: number, timeZone: string): WindowDates {
  const at = anchors[window.anchor];
  if (at === undefined || at === null || !Number.isFinite(at)) return { window, opensOn: null, closesOn: null, expired: false };
  const day = zonedDate(at, timeZone);
  const closesOn = addDays(day, window.closesAfterDays);
  return { window, opensOn: addDays(day, window.opensAfterDays), closesOn, expired: zonedDate(now, timeZone) > closesOn };
}

