/**
 * Issue #18: Amazon e-mails keep what they say (order, item, status, promise, Amazon's track link) as a page
 * reading would, whether or not they state a carrier number; and a quoted-printable soft line break left in a
 * message never splits an order id or a tracking number. Real e-mails: tests/fixtures/emails (MIT, see README).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PorchlightDb } from '../../../lib/db/database';
import { joinSoftLineBreaks, readEmailParts } from '../../../lib/email/read-email';
import { ingestPageReading } from '../../../lib/services/ingest-page';
import { parseEml } from '../../../scripts/inspect/parse-eml';

const dir = join(__dirname, '../../fixtures/emails');
// Three saved e-mails have no Date header: they are read "now", a day in the week they were sent.
const NOW = new Date('2020-11-30T10:00:00Z');
const read = async (name: string) => readEmailParts(await parseEml(readFileSync(join(dir, name))), { now: NOW, timeZone: 'America/New_York' });
const brief = async (name: string) => {
  const r = (await read(name)).shopReading;
  const o = r?.orders[0];
  const s = o?.shipments[0];
  return o && s
    ? { kind: r!.kind, orderId: o.orderId, items: o.items.map((i) => i.title), status: s.status, eta: s.eta, number: s.trackingNumber, track: s.trackUrl }
    : null;
};

describe('Amazon e-mails read as the order they describe (issue #18)', () => {
  it('US "has shipped" without a carrier number: the order, in transit, the promised day, the track link', async () => {
    expect(await brief('amazon_shipped.eml')).toMatchObject({
      kind: 'email',
      orderId: '113-5838173-8241820',
      status: 'in_transit',
      eta: { from: '2020-09-11', to: '2020-09-11' },
      number: null,
    });
    for (const f of ['amazon_shipped_alt.eml', 'amazon_shipped_alt_timeformat.eml'])
      expect(await brief(f)).toMatchObject({ status: 'in_transit', eta: { from: '2020-09-11', to: '2020-09-11' } });
  });

  it('running late: exception with the new window and the item named in the e-mail', async () => {
    expect(await brief('amazon_exception.eml')).toEqual({
      kind: 'email',
      orderId: '123-1234567-1234567',
      items: ['Logitech ERGO M575 Wireless...'],
      status: 'exception',
      eta: { from: '2021-03-27', to: '2021-03-28' },
      number: null,
      track: 'https://www.amazon.com/gp/css/shiptrack/view.html',
    });
  });

  it('delivered (US, UK): delivered, no promise; the UK link is Amazon\'s tracker', async () => {
    expect(await brief('amazon_delivered.eml')).toMatchObject({ orderId: '123-1234567-1234567', status: 'delivered', eta: null });
    const uk = await brief('amazon_uk_delivered.eml');
    expect(uk).toMatchObject({ orderId: '205-2169302-5352337', status: 'delivered', eta: null });
    expect(uk!.track).toMatch(/^https:\/\/www\.amazon\.co\.uk\/progress-tracker\/package\?/);
  });

  it('UK dispatch: the Amazon Logistics number joins the order\'s shipment', async () => {
    expect(await brief('amazon_uk_shipped.eml')).toMatchObject({ status: 'in_transit', eta: { from: '2020-12-12', to: '2020-12-12' }, number: 'QA0881872248' });
  });

  it('Italian "Arriverà: martedì 01 dicembre", the text-only "Arriving today" and the forwarded confirmation', async () => {
    expect(await brief('amazon_shipped_it.eml')).toMatchObject({ orderId: '405-5236882-9395563', status: 'in_transit', eta: { from: '2020-12-01', to: '2020-12-01' } });
    // "spedito con il corriere SDA Oversized e il numero di tracciabilità è 350C20177729F": SDA's 13-character
    // waybill, taken because the text names SDA and labels it.
    const it = await read('amazon_shipped_it.eml');
    expect(it.packages.map((p) => [p.trackingNumber, p.carrier])).toEqual([['350C20177729F', 'sda']]);
    expect(it.shopReading!.orders[0]!.shipments[0]).toMatchObject({ trackingNumber: '350C20177729F', carrier: 'sda' });
    expect(await brief('amazon_arriving_today.eml')).toMatchObject({ orderId: '111-7634359-8390444', status: 'in_transit', eta: { from: '2020-11-30', to: '2020-11-30' } });
    expect(await brief('amazon_fwd.eml')).toMatchObject({ orderId: '123-1234567-1234567', status: 'pending', eta: { from: '2022-01-11', to: '2022-01-11' } });
  });

  it('e-mails of other senders, and Amazon Hub notices without an order id, give no shop reading', async () => {
    for (const f of ['ups_delivered.eml', 'walmart_delivered.eml', 'usps_delivered.eml', 'amazon_hub_notice.eml']) expect((await read(f)).shopReading).toBeNull();
  });

  it('without the message\'s date or a now, no reading is made (its dates could not be placed)', () => {
    const r = readEmailParts({ from: 'shipment-tracking@amazon.com', subject: 'Shipped', text: 'Order #113-5838173-8241820\nArriving: Friday, September 11', html: null });
    expect(r.orders).toEqual([{ shop: 'amazon', orderId: '113-5838173-8241820' }]);
    expect(r.shopReading).toBeNull();
  });

  it('the e-mail\'s order is stored with its item and promise though no number was found', async () => {
    const db = new PorchlightDb(`amazon-email-${Math.random()}`);
    try {
      const reading = (await read('amazon_exception.eml')).shopReading!;
      await ingestPageReading(db, reading, { now: NOW.getTime(), shopperZone: 'America/New_York' });
      const [order] = await db.orders.toArray();
      const [pkg] = await db.packages.toArray();
      expect([order!.orderId, order!.items.map((i) => i.title)]).toEqual(['123-1234567-1234567', ['Logitech ERGO M575 Wireless...']]);
      expect([pkg!.status, pkg!.eta, pkg!.label]).toEqual(['exception', { from: '2021-03-27', to: '2021-03-28' }, 'Logitech ERGO M575 Wireless...']);
    } finally {
      await db.delete();
    }
  });
});

describe('quoted-printable soft line breaks (issue #18)', () => {
  const mk = (body: string) =>
    `From: help@walmart.com\r\nSubject: Delivered\r\nContent-Type: text/plain; charset=utf-8\r\nContent-Transfer-Encoding: quoted-printable\r\n\r\n${body}`;

  it('an order id and a tracking number split by a soft break with transport padding are read whole', async () => {
    // RFC 2045 §6.7 allows spaces between the "=" and the line break; the dev decoder left them in.
    const r = readEmailParts(await parseEml(mk('Order #2000137-6789= \r\n5124 shipped with UPS 1Z879E93034=\t\r\n6834440')));
    expect(r.orders).toEqual([{ shop: 'walmart', orderId: '2000137-67895124' }]);
    expect(r.packages.map((p) => p.trackingNumber)).toEqual(['1Z879E930346834440']);
  });

  it('a message shown raw by a webmail (soft breaks left in the text) reads the same', () => {
    const r = readEmailParts({ from: 'shipment-tracking@amazon.com', subject: null, text: 'Order #113-58381=\n73-8241820, UPS 1Z879E9303=\n46834440', html: null });
    expect(r.orders).toEqual([{ shop: 'amazon', orderId: '113-5838173-8241820' }]);
    expect(r.packages.map((p) => p.trackingNumber)).toEqual(['1Z879E930346834440']);
  });

  it('only breaks between letters, digits or dashes are joined', () => {
    expect(joinSoftLineBreaks('a = \nb')).toBe('a = \nb');
    expect(joinSoftLineBreaks('x=\n\ny')).toBe('x=\n\ny');
    expect(joinSoftLineBreaks('A1=\nB2')).toBe('A1B2');
  });
});
