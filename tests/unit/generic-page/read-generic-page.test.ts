import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readGenericPage } from '../../../lib/shops/generic/read-generic-page';

const NOW = new Date('2024-03-26T12:00:00Z');
const load = (html: string) => new DOMParser().parseFromString(html, 'text/html');
const fixture = readFileSync(join(__dirname, '../../fixtures/generic-pages/order-shipped--schema-org.html'), 'utf8');

describe('readGenericPage', () => {
  const r = readGenericPage(load(fixture), new URL('https://shop.example/orders/55512'), NOW);

  it('reads JSON-LD ParcelDelivery with provider, ETA and order', () => {
    expect(r.packages.find((p) => p.trackingNumber === '1Z879E930346834440')).toEqual({
      trackingNumber: '1Z879E930346834440',
      carrier: 'ups',
      service: 'UPS Ground',
      confidence: 0.99,
      verified: true,
      source: 'schema',
      trackUrl: 'https://www.ups.com/track?tracknum=1Z879E930346834440',
      eta: { from: '2024-03-27', to: '2024-03-28' },
      orderId: '55512',
    });
  });
  it('reads microdata Order with a nested ParcelDelivery', () => {
    expect(r.packages.find((p) => p.trackingNumber === '986578788855')).toMatchObject({ carrier: 'fedex', source: 'schema', orderId: '55513' });
    expect(r.orders).toEqual([
      { orderId: '55512', status: 'open', statusText: 'OrderInTransit', trackingNumbers: ['1Z879E930346834440'] },
      { orderId: '55513', status: 'delivered', statusText: 'OrderDelivered', trackingNumbers: ['986578788855'] },
    ]);
  });
  it('takes numbers from carrier links and labelled text, and nothing else', () => {
    expect(r.packages.map((p) => [p.trackingNumber, p.carrier, p.source])).toEqual([
      ['1Z879E930346834440', 'ups', 'schema'],
      ['986578788855', 'fedex', 'schema'],
      ['9400111202555842332669', 'usps', 'link'],
      ['JVGL0999999990', 'dhl', 'text'],
    ]);
    expect(r.readAt).toBe(NOW.getTime());
  });
  it('survives malicious and deeply nested markup', () => {
    const deep = `<script type="application/ld+json">${'['.repeat(5000)}${']'.repeat(5000)}</script>${'<div>'.repeat(20000)}UPS tracking: 1Z879E930346834440${'</div>'.repeat(20000)}`;
    const out = readGenericPage(load(deep), new URL('https://x.example/'), NOW);
    // Whatever the DOM implementation manages on 20,000 nested elements, the reader returns a result.
    expect(out.url).toBe('https://x.example/');
    expect(out.packages.map((p) => p.trackingNumber)).toEqual(out.errors.some((e) => e.startsWith('text')) ? [] : ['1Z879E930346834440']);
    expect(readGenericPage(load(''), new URL('https://x.example/'), NOW).packages).toEqual([]);
  });
});
