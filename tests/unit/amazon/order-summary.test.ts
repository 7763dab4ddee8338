/**
 * Issue #18: Amazon's printable order summaries / invoices (`/gp/css/summary/print.html`,
 * `/gp/digital/your-account/order-summary.html`): matched, read by their words in each language (order id,
 * placed date, items with quantity, seller and price, grand total), and a changed layout says what it missed.
 * Written fixtures: tests/fixtures/amazon-summary (each file's header says what it is based on).
 */
import { describe, expect, it } from 'vitest';
import { PorchlightDb } from '../../../lib/db/database';
import { ingestPageReading } from '../../../lib/services/ingest-page';
import { amazonReader } from '../../../lib/shops/amazon/index';
import { read } from './load-fixture';

const DIR = '../amazon-summary';
const US = 'https://www.amazon.com/gp/css/summary/print.html/ref=ppx_yo_dt_b_invoice_o00?ie=UTF8&orderID=112-7654321-1234567';
const NOW = '2026-12-02T15:00:00Z';

describe('printable order summaries (issue #18)', () => {
  it('the reader matches the summary and invoice URLs on every marketplace', () => {
    for (const u of [US, 'https://www.amazon.de/gp/css/summary/print.html?orderID=302-1234567-7654321', 'https://www.amazon.com/gp/digital/your-account/order-summary.html?orderID=D01-1234567-7654321'])
      expect(amazonReader.matches(new URL(u)), u).toBe(true);
  });

  it('amazon.com, two shipments: id, placed date, grand total, every item with its price; no parcel claimed', () => {
    const r = read(`${DIR}/summary--us-two-shipments.html`, US, NOW);
    expect([r.kind, r.diagnostics]).toEqual(['order-summary', []]);
    const o = r.orders[0]!;
    expect([o.orderId, o.placedAt, o.total, o.kind, o.status, o.shipments]).toEqual(['112-7654321-1234567', '2018-12-26', '$52.97', 'physical', 'unknown', []]);
    expect(o.items).toEqual([
      { title: 'Stainless Steel French Press Coffee Maker, 34 oz', quantity: 1, seller: 'Kitchen Goods Co', url: null, price: '$24.99' },
      { title: 'Burr Coffee Grinder Cleaning Brush', quantity: 2, seller: 'Amazon.com Services, Inc', url: null, price: '$5.49' },
      { title: 'Ceramic Pour-Over Dripper, White', quantity: 1, seller: 'Amazon.com Services, Inc', url: null, price: '$14.50' },
    ]);
  });

  it('amazon.de: German labels, "3. Februar 2020", EUR prices', () => {
    const r = read(`${DIR}/summary--de-versandt.html`, 'https://www.amazon.de/gp/css/summary/print.html?orderID=302-1234567-7654321', NOW);
    expect(r.diagnostics).toEqual([]);
    const o = r.orders[0]!;
    expect([o.orderId, o.placedAt, o.total]).toEqual(['302-1234567-7654321', '2020-02-03', 'EUR 41,98']);
    expect(o.items.map((i) => [i.title, i.seller, i.price])).toEqual([
      ['Wasserkocher Edelstahl 1,7 Liter', 'Amazon EU S.a.r.L.', 'EUR 29,99'],
      ['Entkalker für Wasserkocher, 2 Stück', 'Haushalt Müller GmbH', 'EUR 11,99'],
    ]);
  });

  // Issue #18: a summary in every language the reader has words for: the placed date "3 <February> 2020" in that
  // language's form, the marketplace's money format, "2 <of>:" quantities, sellers with and without a profile link.
  it.each([
    ['fr', 'amazon.fr', '405-1234567-7654321', 'EUR 41,97', [["Bouilloire électrique inox 1,7 L", 1, "Amazon EU S.à r.l.", "EUR 29,99"], ["Détartrant pour bouilloire", 2, "Maison Dupont SARL", "EUR 5,99"]]],
    ['it', 'amazon.it', '405-2345678-8765432', 'EUR 41,97', [["Bollitore elettrico acciaio 1,7 litri", 1, "Amazon EU S.à r.l.", "EUR 29,99"], ["Decalcificante per bollitore", 2, "Casa Rossi Srl", "EUR 5,99"]]],
    ['es', 'amazon.es', '405-3456789-9876543', 'EUR 41,97', [["Hervidor eléctrico de acero 1,7 l", 1, "Amazon EU S.à r.l.", "EUR 29,99"], ["Descalcificador para hervidor", 2, "Hogar García SL", "EUR 5,99"]]],
    ['nl', 'amazon.nl', '405-4567890-1987654', '€ 41,97', [["Waterkoker roestvrij staal 1,7 liter", 1, "Amazon EU S.à r.l.", "€ 29,99"], ["Ontkalker voor waterkoker", 2, "Huishouden de Vries BV", "€ 5,99"]]],
    ['sv', 'amazon.se', '405-5678901-2198765', '418,80 kr', [["Vattenkokare rostfritt stål 1,7 liter", 1, "Amazon EU S.à r.l.", "299,00 kr"], ["Avkalkningsmedel för vattenkokare", 2, "Hushåll Andersson AB", "59,90 kr"]]],
    ['pl', 'amazon.pl', '405-6789012-3219876', '179,97 zł', [["Czajnik elektryczny stal nierdzewna 1,7 l", 1, "Amazon EU S.à r.l.", "129,99 zł"], ["Odkamieniacz do czajnika", 2, "Dom Kowalski Sp. z o.o.", "24,99 zł"]]],
    ['ja', 'amazon.co.jp', '250-7890123-4321987', '￥ 3,960', [["電気ケトル ステンレス 1.7L", 1, "Amazon.co.jp", "￥ 2,980"], ["ケトル用 クエン酸 洗浄剤", 2, "山田家庭用品株式会社", "￥ 490"]]],
    ['pt', 'amazon.com.br', '702-8901234-5432198', 'R$ 149,80', [["Chaleira elétrica inox 1,7 litro", 1, "Amazon.com.br", "R$ 129,90"], ["Descalcificante para chaleira", 2, "Casa Silva Ltda", "R$ 9,95"]]],
  ] as const)('%s (%s): id, placed date, total, items with quantity, seller and price, no diagnostic', (lang, host, id, total, items) => {
    const r = read(`${DIR}/summary--${lang}-two-shipments.html`, `https://www.${host}/gp/css/summary/print.html?orderID=${id}`, NOW);
    expect([r.kind, r.diagnostics]).toEqual(['order-summary', []]);
    const o = r.orders[0]!;
    expect([o.orderId, o.placedAt, o.total, o.shipments]).toEqual([id, '2020-02-03', total, []]);
    expect(o.items.map((i) => [i.title, i.quantity, i.seller, i.price])).toEqual(items);
  });

  it('a digital order summary is a digital order', () => {
    const r = read(`${DIR}/summary--digital.html`, 'https://www.amazon.com/gp/digital/your-account/order-summary.html?orderID=D01-1234567-7654321', NOW);
    expect(r.orders.map((o) => [o.orderId, o.kind, o.total, o.items[0]?.price])).toEqual([['D01-1234567-7654321', 'digital', '$9.99', '$9.99']]);
  });

  it('layout changed (no "1 of:" rows): id, date and total kept, no item guessed, an incomplete-summary diagnostic', () => {
    const r = read(`${DIR}/summary--layout-changed.html`, US, NOW);
    expect(r.orders.map((o) => [o.orderId, o.placedAt, o.total, o.items])).toEqual([['112-7654321-1234567', '2018-12-26', '$52.97', []]]);
    expect(r.diagnostics).toEqual([expect.objectContaining({ code: 'incomplete-summary', pageKind: 'order-summary', found: 0 })]);
  });

  it('stored: the order keeps its items and prices, and no package is made from a summary', async () => {
    const db = new PorchlightDb(`summary-${Math.random()}`);
    try {
      await ingestPageReading(db, read(`${DIR}/summary--us-two-shipments.html`, US, NOW), { now: Date.parse(NOW), shopperZone: 'America/Chicago' });
      const [order] = await db.orders.toArray();
      expect(order!.items.map((i) => i.price)).toEqual(['$24.99', '$5.49', '$14.50']);
      expect(await db.packages.count()).toBe(0);
    } finally {
      await db.delete();
    }
  });
});
