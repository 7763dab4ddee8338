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
import type { MessageKey, Translate } from '../i18n/translate';
import { addDays, zonedDate } from '../model/time';

export type WindowAnchor = 'first_eta' | 'eta' | 'delivery' | 'ship';

/** A window as the data holds it: its words are messages (issue #13 §2), {@link inWords} says them. */
export interface ClaimWindowData {
  id: string;
  /** Who you ask: the shop or the carrier. */
  party: 'amazon' | 'ups' | 'usps' | 'fedex' | 'dhl';
  title: MessageKey;
  /** When it applies, in words. */
  appliesTo: MessageKey;
  anchor: WindowAnchor;
  /** The window closes this many days after the anchor. */
  closesAfterDays: number;
  /** The earliest day one may ask, counted from the anchor (A-to-z: 3 days after the latest ETA). */
  opensAfterDays: number;
  /** Who may file: carriers usually give the claim to the sender, so the shopper asks the seller. */
  filedBy: 'buyer' | 'sender_or_recipient' | 'sender';
  source: string;
  verified: boolean;
  /**
   * What to know about the figure. Porchlight's own words are translated; a quotation of the shop's or
   * carrier's policy stays in the policy's language, in the language's quotation marks.
   */
  note?: MessageKey;
}

/** A window in the shopper's words (the next steps and the claim kit show it). */
export interface ClaimWindow extends Omit<ClaimWindowData, 'title' | 'appliesTo' | 'note'> {
  title: string;
  appliesTo: string;
  note?: string;
}

export function inWords(window: ClaimWindowData, t: Translate): ClaimWindow {
  const { title, appliesTo, note, ...rest } = window;
  return { ...rest, title: t(title), appliesTo: t(appliesTo), ...(note ? { note: t(note) } : {}) };
}

export const CLAIM_WINDOWS: readonly ClaimWindowData[] = [
  {
    id: 'amazon-a-to-z',
    party: 'amazon',
    title: 'alertWindowAmazonAtoZ',
    appliesTo: 'claimWindowAmazonAtoZApplies',
    anchor: 'first_eta',
    closesAfterDays: 90,
    opensAfterDays: 3,
    filedBy: 'buyer',
    source: 'https://www.amazon.com/gp/help/customer/display.html?nodeId=200783670',
    verified: true,
    note: 'claimWindowAmazonAtoZNote',
  },
  {
    id: 'amazon-return',
    party: 'amazon',
    title: 'alertWindowAmazonReturn',
    appliesTo: 'claimWindowAmazonReturnApplies',
    anchor: 'delivery',
    closesAfterDays: 30,
    opensAfterDays: 0,
    filedBy: 'buyer',
    source: 'https://www.amazon.com/gp/help/customer/display.html?nodeId=201819200',
    verified: false,
    note: 'claimWindowAmazonReturnNote',
  },
  {
    id: 'ups-claim-notice',
    party: 'ups',
    title: 'alertWindowUpsClaim',
    appliesTo: 'claimWindowUpsClaimApplies',
    anchor: 'eta',
    closesAfterDays: 60,
    opensAfterDays: 1,
    filedBy: 'sender_or_recipient',
    source: 'https://www.ups.com/us/en/support/file-a-claim.page',
    verified: false,
    note: 'claimWindowUpsClaimNote',
  },
  {
    id: 'ups-lost-investigation',
    party: 'ups',
    title: 'alertWindowUpsInvestigation',
    appliesTo: 'claimWindowUpsInvestigationApplies',
    anchor: 'eta',
    closesAfterDays: 274, // nine months
    opensAfterDays: 1,
    filedBy: 'sender',
    source: 'https://www.ups.com/us/en/help-center/sri/faq-cla06.page',
    verified: true,
    note: 'claimWindowUpsInvestigationNote',
  },
  {
    id: 'usps-insured-lost',
    party: 'usps',
    title: 'alertWindowUspsInsured',
    appliesTo: 'claimWindowUspsInsuredApplies',
    anchor: 'ship',
    closesAfterDays: 60,
    opensAfterDays: 15,
    filedBy: 'sender_or_recipient',
    source: 'https://www.usps.com/help/claims.htm',
    verified: false,
    note: 'claimWindowUspsInsuredNote',
  },
  {
    id: 'fedex-non-delivery',
    party: 'fedex',
    title: 'alertWindowFedexNonDelivery',
    appliesTo: 'claimWindowFedexNonDeliveryApplies',
    anchor: 'ship',
    closesAfterDays: 274, // nine months
    opensAfterDays: 1,
    filedBy: 'sender',
    source: 'https://www.fedex.com/en-us/customer-support/claims.html',
    verified: false,
    note: 'claimWindowFedexNonDeliveryNote',
  },
  {
    id: 'dhl-express',
    party: 'dhl',
    title: 'alertWindowDhlExpress',
    appliesTo: 'claimWindowDhlExpressApplies',
    anchor: 'ship',
    closesAfterDays: 30,
    opensAfterDays: 0,
    filedBy: 'sender',
    source: 'https://mydhl.express.dhl/us/en/help-and-support/contact-us/claims/claims-faqs.html',
    verified: true,
    note: 'claimWindowDhlExpressNote',
  },
];

export interface WindowDates<W = ClaimWindow> {
  window: W;
  /** First day one may ask (user's calendar), or null when the anchor is unknown. */
  opensOn: string | null;
  /** Last day (user's calendar), or null when the anchor is unknown. */
  closesOn: string | null;
  /** True when today is after the last day. */
  expired: boolean;
}

/** The dates a window opens and runs out, from the anchors known for this package. */
export function windowDates<W extends Pick<ClaimWindowData, 'anchor' | 'closesAfterDays' | 'opensAfterDays'>>(
  window: W,
  anchors: Partial<Record<WindowAnchor, number | null>>,
  now: number,
  timeZone: string,
): WindowDates<W> {
  const at = anchors[window.anchor];
  if (at === undefined || at === null || !Number.isFinite(at)) return { window, opensOn: null, closesOn: null, expired: false };
  const day = zonedDate(at, timeZone);
  const closesOn = addDays(day, window.closesAfterDays);
  return { window, opensOn: addDays(day, window.opensAfterDays), closesOn, expired: zonedDate(now, timeZone) > closesOn };
}

