import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { htmlLinks, htmlToText } from '../../../lib/email/html-to-text';
import { readEmailParts } from '../../../lib/email/read-email';
import { parseEml } from '../../../scripts/inspect/parse-eml';

const dir = join(__dirname, '../../fixtures/emails');
/** A saved .eml decoded by the dev tooling, then read by the extension's readEmailParts. */
const readEml = async (raw: string | Uint8Array) => readEmailParts(await parseEml(raw));
const read = (name: string) => readEml(readFileSync(join(dir, name)));
const brief = async (name: string) => {
  const r = await read(name);
  return { orders: r.orders, packages: r.packages.map((p) => [p.trackingNumber, p.carrier, p.verified]) };
};

describe('readEmailParts on the shared e-mails (GROUND-TRUTH.md)', () => {
  it('UPS: the sanitised 1Z from UPS’s own e-mail is taken, unverified', async () => {
    expect(await brief('ups_out_for_delivery.eml')).toEqual({ orders: [], packages: [['1Z2345YY0678901234', 'ups', false]] });
    expect(await brief('ups_delivered.eml')).toEqual({ orders: [], packages: [['1Z2345YY0678901234', 'ups', false]] });
  });
  it('FedEx: number in the subject only; 20-digit SmartPost number', async () => {
    expect(await brief('fedex_delivered.eml')).toEqual({ orders: [], packages: [['885814254426', 'fedex', false]] });
    expect(await brief('fedex_out_for_delivery.eml')).toEqual({ orders: [], packages: [['61290912345678912345', 'fedex', false]] });
  });
  it('USPS: link in a message whose body has no blank line after the headers', async () => {
    const r = await brief('usps_out_for_delivery.eml');
    expect(r.packages).toContainEqual(['92748931508577307776690000', 'usps', true]);
    expect(await brief('usps_delivered.eml')).toEqual({ orders: [], packages: [['92001901755477000000000000', 'usps', false]] });
  });
  it('Royal Mail, Evri, GLS, Poczta Polska', async () => {
    expect((await brief('royal_mail_uk_delivered.eml')).packages).toEqual([['MA038501234GB', 'royal_mail', false]]);
    expect((await brief('evri_delivered.eml')).packages).toEqual([['H01QPZ0007431687', 'evri', true]]);
    expect((await brief('gls_delivered.eml')).packages).toEqual([['90346692444', 'gls', true]]);
    expect((await brief('poczta_polska_delivering.eml')).packages).toEqual([['00111222333444555666', 'poczta_polska', false]]);
  });
  it('Amazon UK: the Amazon Logistics number and the order ids', async () => {
    expect(await brief('amazon_uk_shipped.eml')).toEqual({
      orders: [
        { shop: 'amazon', orderId: '123-4567890-1234567' },
        { shop: 'amazon', orderId: '202-5744269-7075523' },
      ],
      packages: [['QA0881872248', 'amazon', true]],
    });
  });
  it('Amazon and Walmart e-mails without a tracking number give orders and no package', async () => {
    expect(await brief('amazon_shipped.eml')).toEqual({
      orders: [
        { shop: 'amazon', orderId: '123-1234567-1234567' },
        { shop: 'amazon', orderId: '113-5838173-8241820' },
      ],
      packages: [],
    });
    expect(await brief('walmart_delivered.eml')).toEqual({ orders: [{ shop: 'walmart', orderId: '2000137-67895124' }], packages: [] });
  });
  it('bad input gives an empty reading, never an exception', async () => {
    expect(await readEml('')).toMatchObject({ orders: [], packages: [] });
    expect(await readEml(new Uint8Array([0, 255, 1, 2, 3]))).toMatchObject({ orders: [], packages: [] });
    const nested = `Content-Type: text/html\n\n${'<div>'.repeat(50_000)}1Z879E930346834440${'</div>'.repeat(50_000)}`;
    expect((await readEml(nested)).packages.map((p) => p.trackingNumber)).toEqual(['1Z879E930346834440']);
  });
});

describe('readEmailParts (pure)', () => {
  it('reads a webmail message already split into parts', () => {
    const r = readEmailParts({
      from: 'noreply@shop.example',
      subject: 'Your order has shipped',
      text: null,
      html: '<p>Carrier: FedEx<br>Tracking number: <a href="https://www.fedex.com/fedextrack/?trknbr=986578788855">986578788855</a></p>',
    });
    expect(r.packages).toEqual([
      expect.objectContaining({ trackingNumber: '986578788855', carrier: 'fedex', verified: true, source: 'text+link' }),
    ]);
  });
});

describe('html helpers', () => {
  it('drops scripts and styles, decodes entities, keeps link targets as data', () => {
    expect(htmlToText('<style>a{}</style><p>A&amp;B&#39;s <b>1Z</b></p><script>x()</script>')).toBe("\nA&B's 1Z\n");
    expect(htmlLinks(`<a href="https://x.test/?a=1&amp;b=2">x</a><a href=https://gls-group.eu/track/1>y</a>`)).toEqual([
      'https://x.test/?a=1&b=2',
      'https://gls-group.eu/track/1',
    ]);
  });
});
