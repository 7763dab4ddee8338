/**
 * Links a page gives for its parcels pass the URL policy before they are kept (issue #10 §3,
 * lib/url-policy.ts): https on the carrier's tracking hosts or the page's own host; anything else is
 * replaced by the carrier's own tracking page and reported.
 */
import { describe, expect, it } from 'vitest';
import { readGenericPage } from '../../../lib/shops/generic/read-generic-page';

const NOW = new Date('2024-03-26T12:00:00Z');
const PAGE = new URL('https://shop.example/orders/55512');
const UPS = '1Z879E930346834440';
const UPS_PAGE = `https://www.ups.com/track?loc=en_US&tracknum=${UPS}`;

function schemaPage(trackingUrl: string): string {
  const item = { '@context': 'https://schema.org', '@type': 'ParcelDelivery', trackingNumber: UPS, provider: { '@type': 'Organization', name: 'UPS' }, trackingUrl };
  return `<script type="application/ld+json">${JSON.stringify(item)}</script>`;
}

const read = (html: string) => readGenericPage(new DOMParser().parseFromString(html, 'text/html'), PAGE, NOW);

describe('generic reader: links from the page', () => {
  it.each<[string, string, string]>([
    ['javascript:', 'javascript:alert(document.cookie)', 'not_https'],
    ['another host', `https://evil.test/track?n=${UPS}`, 'evil.test'],
    ['a look-alike host', `https://www.ups.com.evil.test/track?tracknum=${UPS}`, 'www.ups.com.evil.test'],
    ['userinfo', `https://www.ups.com@evil.test/track?tracknum=${UPS}`, 'userinfo'],
    ['plain http', `http://www.ups.com/track?tracknum=${UPS}`, 'not_https'],
  ])('drops a schema.org trackingUrl with %s for the carrier’s own page, and says so', (_name, trackingUrl, said) => {
    const r = read(schemaPage(trackingUrl));
    expect(r.packages).toHaveLength(1);
    expect(r.packages[0]).toMatchObject({ trackingNumber: UPS, carrier: 'ups', trackUrl: UPS_PAGE });
    expect(r.diagnostics).toHaveLength(1);
    expect(r.diagnostics[0]!.code).toBe('url_refused');
    expect(r.diagnostics[0]!.message).toContain(said);
  });

  it("keeps a trackingUrl on the carrier's tracking hosts or on the page's own host", () => {
    expect(read(schemaPage(`https://www.ups.com/track?tracknum=${UPS}`)).packages[0]!.trackUrl).toBe(`https://www.ups.com/track?tracknum=${UPS}`);
    expect(read(schemaPage('/orders/55512/tracking')).packages[0]!.trackUrl).toBe('https://shop.example/orders/55512/tracking');
    expect(read(schemaPage('https://shop.example/t/1')).diagnostics).toEqual([]);
  });

  it('keeps no link at all for a number no carrier claims when the link is foreign', () => {
    const item = { '@type': 'ParcelDelivery', trackingNumber: 'XQ12345', trackingUrl: 'https://evil.test/x' };
    const r = read(`<script type="application/ld+json">${JSON.stringify(item)}</script>`);
    expect(r.packages[0]).toMatchObject({ trackingNumber: 'XQ12345', carrier: null, trackUrl: null });
    expect(r.diagnostics.map((d) => d.code)).toEqual(['url_refused']);
  });

  it("follows a click tracker's wrapped carrier link, never the tracker", () => {
    const tracker = `https://click.mailer.example/c?u=${encodeURIComponent(`https://www.ups.com/track?tracknum=${UPS}`)}`;
    const r = read(`<a href="${tracker}">Track your parcel</a>`);
    expect(r.packages.map((p) => [p.trackingNumber, p.source, p.trackUrl])).toEqual([[UPS, 'link', `https://www.ups.com/track?tracknum=${UPS}`]]);
  });

  it("replaces a plain-http carrier link by the carrier's https page", () => {
    const r = read(`<a href="http://www.ups.com/track?tracknum=${UPS}">Track</a>`);
    expect(r.packages[0]).toMatchObject({ trackingNumber: UPS, source: 'link', trackUrl: UPS_PAGE });
    expect(r.diagnostics[0]!.message).toContain('not_https');
  });

  it('reports a bounded number of dropped links on a hostile page', () => {
    const anchors = Array.from({ length: 200 }, (_, i) => `<a href="http://www.ups.com/track?tracknum=${UPS}&i=${i}">x</a>`).join('');
    expect(read(anchors).diagnostics.length).toBeLessThanOrEqual(20);
  });
});
