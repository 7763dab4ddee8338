/**
 * Issue #18: pages in nl (amazon.nl and nl-BE on amazon.com.be), sv, pl, ja and pt (amazon.com.br) are read
 * through the vocabulary tables (status words, date formats, labels) instead of getting `unsupported-language`.
 * Written fixtures (tests/fixtures/amazon/order-history--<lang>-languages.html, headers say what they are based
 * on): each shows a delivered order with its date, an arriving + shipped one, and a cancelled one; each has a
 * layout-changed copy that must read no order and say so.
 */
import { describe, expect, it } from 'vitest';
import { readDates } from '../../../lib/shops/amazon/status-text';
import { read } from './load-fixture';

const NOW = '2024-11-05T10:00:00Z';
const PAGES = [
  { code: 'nl', host: 'amazon.nl', prefix: '403', eta: '2024-11-06', total: '€ 19,99' },
  { code: 'nl-be', host: 'amazon.com.be', prefix: '404', eta: '2024-11-06', total: '€ 24,99' },
  { code: 'sv', host: 'amazon.se', prefix: '406', eta: '2024-11-06', total: '199,00 kr' },
  { code: 'pl', host: 'amazon.pl', prefix: '407', eta: '2024-11-06', total: '79,99 zł' },
  { code: 'ja', host: 'amazon.co.jp', prefix: '503', eta: '2024-11-07', total: '¥1,980' },
  { code: 'pt-br', host: 'amazon.com.br', prefix: '701', eta: '2024-11-06', total: 'R$ 59,90' },
] as const;

describe('six more languages (issue #18)', () => {
  for (const p of PAGES) {
    it(`${p.code} (${p.host}): delivered with its date, arriving + shipped with its ETA, cancelled; no diagnostic`, () => {
      const r = read(`order-history--${p.code}-languages.html`, `https://www.${p.host}/your-orders/orders`, NOW);
      expect(r.diagnostics).toEqual([]);
      expect(r.orders.map((o) => [o.orderId, o.placedAt, o.status, o.shipments[0]!.status, o.shipments[0]!.deliveredAt, o.shipments[0]!.eta])).toEqual([
        [`${p.prefix}-1111111-2222222`, '2024-11-02', 'delivered', 'delivered', '2024-11-04', null],
        [`${p.prefix}-2222222-2222223`, '2024-11-04', 'open', 'in_transit', null, { from: p.eta, to: p.eta }],
        [`${p.prefix}-3333333-2222224`, '2024-11-04', 'cancelled', 'cancelled', null, null],
      ]);
      expect(r.orders[0]!.total).toBe(p.total);
    });

    it(`${p.code}: layout changed (card and status classes renamed) reads no order and says so`, () => {
      const r = read(`order-history--${p.code}-layout-changed.html`, `https://www.${p.host}/your-orders/orders`, NOW);
      expect(r.orders).toEqual([]);
      expect(r.diagnostics.map((d) => [d.code, d.expected, d.found])).toEqual([
        ['fewer-orders', 3, 0],
        ['unknown-layout', 3, 0],
      ]);
    });
  }

  it('ja dates: "2024年11月2日", "11月7日(木)", "明日" and weekdays', () => {
    const ctx = { now: new Date(NOW), timeZone: 'Asia/Tokyo', language: 'ja' as const };
    expect(readDates('2024年11月2日', ctx, 'past').dates).toEqual([{ date: '2024-11-02' }]);
    expect(readDates('11月7日(木)にお届け予定', ctx, 'future').dates).toEqual([{ date: '2024-11-07' }]);
    expect(readDates('明日お届け予定', ctx, 'future').dates).toEqual([{ date: '2024-11-06' }]);
    expect(readDates('水曜日にお届け予定', ctx, 'future').dates).toEqual([{ date: '2024-11-06' }]);
  });

  it('pl genitive months and accusative weekdays, sv two-word "i morgon", pt hyphenated weekdays', () => {
    const c = (language: 'pl' | 'sv' | 'pt', timeZone: string) => ({ now: new Date(NOW), timeZone, language });
    expect(readDates('Dostawa w środę', c('pl', 'Europe/Warsaw'), 'future').dates).toEqual([{ date: '2024-11-06' }]);
    expect(readDates('1 października 2024', c('pl', 'Europe/Warsaw'), 'past').dates).toEqual([{ date: '2024-10-01' }]);
    expect(readDates('Ankommer i morgon', c('sv', 'Europe/Stockholm'), 'future').dates).toEqual([{ date: '2024-11-06' }]);
    expect(readDates('Chegará quarta-feira, 6 de novembro', c('pt', 'America/Sao_Paulo'), 'future').dates).toEqual([{ date: '2024-11-06' }]);
  });
});
