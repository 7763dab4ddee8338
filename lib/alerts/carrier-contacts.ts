/**
 * How to reach a carrier, as data with sources. Tracking links are the URL templates of the
 * tracking_number_data project (MIT; /work/shared/fixtures/tracking-numbers/reference-formats),
 * upgraded to https. Phone numbers: `verified` only when read on the carrier's own page.
 */
export interface CarrierContact {
  name: string;
  /** `%s` is replaced by the tracking number. */
  trackingUrl: string;
  helpUrl: string;
  phone: string | null;
  source: string;
  verified: boolean;
}

export const CARRIER_CONTACTS: Readonly<Record<string, CarrierContact>> = {
  ups: {
    name: 'UPS',
    trackingUrl: 'https://wwwapps.ups.com/WebTracking/track?track=yes&trackNums=%s',
    helpUrl: 'https://www.ups.com/us/en/support/contact-us.page',
    phone: '1-800-742-5877',
    source: 'UPS "1-800-PICK-UPS" as quoted on third-party pages',
    verified: false,
  },
  usps: {
    name: 'USPS',
    trackingUrl: 'https://tools.usps.com/go/TrackConfirmAction?tLabels=%s',
    helpUrl: 'https://www.usps.com/help/missing-mail.htm',
    phone: '1-800-275-8777',
    source: 'not checked against usps.com here',
    verified: false,
  },
  fedex: {
    name: 'FedEx',
    trackingUrl: 'https://www.fedex.com/apps/fedextrack/?tracknumbers=%s',
    helpUrl: 'https://www.fedex.com/en-us/customer-support.html',
    phone: '1-800-463-3339',
    source: 'not checked against fedex.com here',
    verified: false,
  },
  dhl: {
    name: 'DHL',
    trackingUrl: 'https://www.dhl.com/en/express/tracking.html?brand=DHL&AWB=%s',
    helpUrl: 'https://mydhl.express.dhl/us/en/help-and-support.html',
    phone: '1-800-225-5345',
    source: 'https://mydhl.express.dhl/us/en/help-and-support/contact-us/claims/claims-faqs.html (DHL Express US)',
    verified: true,
  },
};

export function trackingLink(carrier: string | null, trackingNumber: string | null): string | null {
  if (!carrier || !trackingNumber) return null;
  const c = CARRIER_CONTACTS[carrier];
  return c ? c.trackingUrl.replace('%s', encodeURIComponent(trackingNumber)) : null;
}
