/**
 * "Arriving tomorrow" is a day of the delivery address's calendar. The reader counts it in the zone
 * the caller passes (the content script and the background parser pass the browser's own), else in
 * the marketplace's main zone. Seen in CI at 03:57 UTC: counted in Los Angeles (still the previous
 * day) it was a day early for a shopper in UTC, and the ETA then looked late or moved.
 */
import { describe, expect, it } from 'vitest';
import { amazonReader } from '../../../lib/shops/amazon/index';
import { loadDoc } from './load-fixture';

const URL_ = new URL('https://www.amazon.com/gp/css/order-history');
// 03:57 UTC on Dec 2 is 19:57 on Dec 1 in Los Angeles.
const NOW = new Date('2026-12-02T03:57:00Z');

function etasOf(timeZone?: string): string[] {
  const reading = amazonReader.extract(loadDoc('order-history-amazon-store.html'), URL_, NOW, timeZone ? { timeZone } : undefined);
  return reading.orders.flatMap((o) => o.shipments.map((s) => s.eta?.to ?? '')).filter((d) => d !== '');
}

describe('relative dates follow the shopper\'s zone', () => {
  it('"Arriving tomorrow" is Dec 3 for a shopper in UTC and Dec 2 in the marketplace zone', () => {
    // Three "Arriving tomorrow" cards and one "Arriving Wednesday" (Dec 2, 2026 is a Wednesday:
    // in UTC it is today, so the card means next week; in Los Angeles it is still Tuesday).
    expect(etasOf('UTC')).toEqual(['2026-12-03', '2026-12-03', '2026-12-03', '2026-12-09']);
    expect(etasOf()).toEqual(['2026-12-02', '2026-12-02', '2026-12-02', '2026-12-02']);
  });
  it('an invalid zone falls back to the marketplace zone', () => {
    expect(etasOf('Not/AZone')).toEqual(etasOf());
  });
});
