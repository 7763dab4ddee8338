/**
 * Status text → normalised status + ETA window / delivery time, per locale, against fixed capture times in the
 * marketplace's own zone (issue #4 §4). Dates on Amazon pages have no year: deliveries are in the past, arrivals
 * in the future, so the year rolls over the right way around New Year.
 */
import { describe, expect, it } from 'vitest';
import type { AmazonLanguage } from '../../../lib/shops/amazon/marketplace';
import { parseHeaderDate, parseStatusText } from '../../../lib/shops/amazon/status-text';

interface Row {
  lang: AmazonLanguage;
  tz: string;
  now: string;
  primary: string;
  secondary?: string;
  status: string | null;
  eta?: [string, string] | null;
  deliveredAt?: string | null;
}

// Wednesday 2024-03-20 10:00 in New York (14:00Z).
const NY = { tz: 'America/New_York', now: '2024-03-20T14:00:00Z' };

const rows: Row[] = [
  // en-US
  { lang: 'en', ...NY, primary: 'Arriving tomorrow', status: 'pending', eta: ['2024-03-21', '2024-03-21'] },
  { lang: 'en', ...NY, primary: 'Arriving tomorrow', secondary: 'Shipped', status: 'in_transit', eta: ['2024-03-21', '2024-03-21'] },
  { lang: 'en', ...NY, primary: 'Arriving Wednesday', secondary: 'Shipped', status: 'in_transit', eta: ['2024-03-27', '2024-03-27'] },
  { lang: 'en', ...NY, primary: 'Arriving Friday', secondary: 'Shipped', status: 'in_transit', eta: ['2024-03-22', '2024-03-22'] },
  { lang: 'en', ...NY, primary: 'Now expected March 27 - March 28', status: 'pending', eta: ['2024-03-27', '2024-03-28'] },
  { lang: 'en', ...NY, primary: 'Running late', secondary: 'Now expected March 27 - March 28', status: 'exception', eta: ['2024-03-27', '2024-03-28'] },
  { lang: 'en', ...NY, primary: 'Out for delivery', status: 'out_for_delivery', eta: ['2024-03-20', '2024-03-20'] },
  { lang: 'en', ...NY, primary: 'Arriving today by 8 PM', secondary: 'Out for delivery', status: 'out_for_delivery', eta: ['2024-03-20', '2024-03-20T20:00:00-04:00'] },
  { lang: 'en', ...NY, primary: 'Arriving today 2 PM - 6 PM', secondary: 'Shipped', status: 'in_transit', eta: ['2024-03-20T14:00:00-04:00', '2024-03-20T18:00:00-04:00'] },
  { lang: 'en', ...NY, primary: 'Delivered November 2', status: 'delivered', deliveredAt: '2023-11-02' },
  { lang: 'en', ...NY, primary: 'Delivered March 19', status: 'delivered', deliveredAt: '2024-03-19' },
  { lang: 'en', ...NY, primary: 'Delivered Dec 16, 2023', status: 'delivered', deliveredAt: '2023-12-16' },
  { lang: 'en', ...NY, primary: 'Delivered Sunday', status: 'delivered', deliveredAt: '2024-03-17' },
  { lang: 'en', ...NY, primary: 'Delivered today', status: 'delivered', deliveredAt: '2024-03-20' },
  { lang: 'en', ...NY, primary: 'Delivered yesterday', status: 'delivered', deliveredAt: '2024-03-19' },
  { lang: 'en', ...NY, primary: 'Delivered Friday, March 15 at 8:04 PM', status: 'delivered', deliveredAt: '2024-03-15T20:04:00-04:00' },
  { lang: 'en', ...NY, primary: 'Cancelled', secondary: 'Your order was cancelled. You have not been charged for this order.', status: 'cancelled' },
  { lang: 'en', ...NY, primary: 'Return complete', secondary: 'Your return is complete. Your refund has been issued.', status: 'returned' },
  { lang: 'en', ...NY, primary: 'Refunded', secondary: "There's no need to return your item. Your refund has been issued.", status: 'returned' },
  { lang: 'en', ...NY, primary: 'Shipped', status: 'in_transit' },
  { lang: 'en', ...NY, primary: 'Ready for pickup', secondary: 'Pick up by March 25', status: 'available_for_pickup', eta: null },
  { lang: 'en', ...NY, primary: 'Not yet shipped', status: 'pending' },
  { lang: 'en', ...NY, primary: 'Delivery attempted', status: 'attempt_failed' },
  { lang: 'en', ...NY, primary: 'Purchased at Amazon', status: null },
  { lang: 'en', ...NY, primary: 'Something entirely new', status: null },
  // en-GB / en-CA
  { lang: 'en', tz: 'Europe/London', now: '2024-03-20T10:00:00Z', primary: 'Delivered 2 November', status: 'delivered', deliveredAt: '2023-11-02' },
  { lang: 'en', tz: 'Europe/London', now: '2024-03-20T10:00:00Z', primary: 'Arriving Wednesday', secondary: 'Dispatched', status: 'in_transit', eta: ['2024-03-27', '2024-03-27'] },
  { lang: 'en', tz: 'America/Toronto', now: '2024-03-20T14:00:00Z', primary: 'Canceled', status: 'cancelled' },
  // de
  { lang: 'de', tz: 'Europe/Berlin', now: '2024-12-10T09:00:00Z', primary: 'Zugestellt 5. Dezember', status: 'delivered', deliveredAt: '2024-12-05' },
  { lang: 'de', tz: 'Europe/Berlin', now: '2024-12-10T09:00:00Z', primary: 'Zugestellt am 3. Dez. 2023', status: 'delivered', deliveredAt: '2023-12-03' },
  { lang: 'de', tz: 'Europe/Berlin', now: '2024-12-10T09:00:00Z', primary: 'Lieferung morgen', secondary: 'Versandt', status: 'in_transit', eta: ['2024-12-11', '2024-12-11'] },
  { lang: 'de', tz: 'Europe/Berlin', now: '2024-12-10T09:00:00Z', primary: 'Jetzt voraussichtlich 27. Dezember - 28. Dezember', status: 'pending', eta: ['2024-12-27', '2024-12-28'] },
  { lang: 'de', tz: 'Europe/Berlin', now: '2024-12-10T09:00:00Z', primary: 'Wird heute zugestellt', status: 'out_for_delivery', eta: ['2024-12-10', '2024-12-10'] },
  { lang: 'de', tz: 'Europe/Berlin', now: '2024-12-10T09:00:00Z', primary: 'Storniert', status: 'cancelled' },
  { lang: 'de', tz: 'Europe/Berlin', now: '2024-12-10T09:00:00Z', primary: 'Rücksendung abgeschlossen', status: 'returned' },
  { lang: 'de', tz: 'Europe/Berlin', now: '2024-12-10T09:00:00Z', primary: 'Verspätet', status: 'exception' },
  { lang: 'de', tz: 'Europe/Berlin', now: '2024-12-10T09:00:00Z', primary: 'Abholbereit', status: 'available_for_pickup' },
  // fr
  { lang: 'fr', tz: 'Europe/Paris', now: '2024-11-10T09:00:00Z', primary: 'Livré le 4 novembre', status: 'delivered', deliveredAt: '2024-11-04' },
  { lang: 'fr', tz: 'Europe/Paris', now: '2024-11-10T09:00:00Z', primary: 'Arrivée demain', secondary: 'Expédié', status: 'in_transit', eta: ['2024-11-11', '2024-11-11'] },
  { lang: 'fr', tz: 'Europe/Paris', now: '2024-11-10T09:00:00Z', primary: 'Arrivée mercredi', status: 'pending', eta: ['2024-11-13', '2024-11-13'] },
  { lang: 'fr', tz: 'Europe/Paris', now: '2024-11-10T09:00:00Z', primary: 'En cours de livraison', status: 'out_for_delivery', eta: ['2024-11-10', '2024-11-10'] },
  { lang: 'fr', tz: 'Europe/Paris', now: '2024-11-10T09:00:00Z', primary: 'Annulée', status: 'cancelled' },
  { lang: 'fr', tz: 'Europe/Paris', now: '2024-11-10T09:00:00Z', primary: 'Remboursé', status: 'returned' },
  // it
  { lang: 'it', tz: 'Europe/Rome', now: '2020-11-28T09:00:00Z', primary: 'Arriverà: martedì 01 dicembre', secondary: 'Spedito', status: 'in_transit', eta: ['2020-12-01', '2020-12-01'] },
  { lang: 'it', tz: 'Europe/Rome', now: '2020-11-28T09:00:00Z', primary: 'Consegnato 23 novembre', status: 'delivered', deliveredAt: '2020-11-23' },
  { lang: 'it', tz: 'Europe/Rome', now: '2020-11-28T09:00:00Z', primary: 'In consegna', status: 'out_for_delivery', eta: ['2020-11-28', '2020-11-28'] },
  { lang: 'it', tz: 'Europe/Rome', now: '2020-11-28T09:00:00Z', primary: 'Annullato', status: 'cancelled' },
  { lang: 'it', tz: 'Europe/Rome', now: '2020-11-28T09:00:00Z', primary: 'Rimborsato', status: 'returned' },
  // es
  { lang: 'es', tz: 'Europe/Madrid', now: '2025-03-10T09:00:00Z', primary: 'Entregado 3 de marzo', status: 'delivered', deliveredAt: '2025-03-03' },
  { lang: 'es', tz: 'Europe/Madrid', now: '2025-03-10T09:00:00Z', primary: 'Llega mañana', secondary: 'Enviado', status: 'in_transit', eta: ['2025-03-11', '2025-03-11'] },
  { lang: 'es', tz: 'Europe/Madrid', now: '2025-03-10T09:00:00Z', primary: 'Llega el miércoles', status: 'pending', eta: ['2025-03-12', '2025-03-12'] },
  { lang: 'es', tz: 'Europe/Madrid', now: '2025-03-10T09:00:00Z', primary: 'En reparto', status: 'out_for_delivery', eta: ['2025-03-10', '2025-03-10'] },
  { lang: 'es', tz: 'Europe/Madrid', now: '2025-03-10T09:00:00Z', primary: 'Cancelado', status: 'cancelled' },
  { lang: 'es', tz: 'Europe/Madrid', now: '2025-03-10T09:00:00Z', primary: 'Devolución completada', status: 'returned' },
];

describe('parseStatusText', () => {
  for (const r of rows) {
    it(`${r.lang} "${r.primary}"${r.secondary ? ` / "${r.secondary}"` : ''} → ${r.status}`, () => {
      const m = parseStatusText(r.primary, r.secondary ?? null, { now: new Date(r.now), timeZone: r.tz, language: r.lang });
      expect(m.status).toBe(r.status);
      if (r.eta !== undefined) expect(m.eta).toEqual(r.eta ? { from: r.eta[0], to: r.eta[1] } : null);
      if (r.deliveredAt !== undefined) expect(m.deliveredAt).toBe(r.deliveredAt);
      if (r.status !== 'delivered') expect(m.deliveredAt).toBeNull();
    });
  }

  it('resolves "tomorrow" in the marketplace zone, not UTC', () => {
    // 2024-03-21 02:00Z is still 20 March in New York (22:00) but already 21 March in Berlin (03:00).
    const now = new Date('2024-03-21T02:00:00Z');
    expect(parseStatusText('Arriving tomorrow', null, { now, timeZone: 'America/New_York', language: 'en' }).eta).toEqual({
      from: '2024-03-21',
      to: '2024-03-21',
    });
    expect(parseStatusText('Lieferung morgen', null, { now, timeZone: 'Europe/Berlin', language: 'de' }).eta).toEqual({
      from: '2024-03-22',
      to: '2024-03-22',
    });
  });

  describe('year rollover', () => {
    const dec30 = { now: new Date('2024-12-30T15:00:00Z'), timeZone: 'America/New_York', language: 'en' as const };
    const jan2 = { now: new Date('2025-01-02T15:00:00Z'), timeZone: 'America/New_York', language: 'en' as const };
    it('an arrival in January read on 30 December is next year', () => {
      expect(parseStatusText('Arriving January 3', 'Shipped', dec30).eta).toEqual({ from: '2025-01-03', to: '2025-01-03' });
    });
    it('a window across New Year ends in the next year', () => {
      expect(parseStatusText('Now expected December 31 - January 2', null, dec30).eta).toEqual({ from: '2024-12-31', to: '2025-01-02' });
    });
    it('a delivery on 3 January read on 30 December was last January (deliveries are in the past)', () => {
      expect(parseStatusText('Delivered January 3', null, dec30).deliveredAt).toBe('2024-01-03');
    });
    it('a weekday names the year: "Delivered Monday, March 25" read in 2026 is 2024', () => {
      const nov2026 = { now: new Date('2026-11-23T15:00:00Z'), timeZone: 'America/New_York', language: 'en' as const };
      expect(parseStatusText('Delivered Monday, March 25', null, nov2026).deliveredAt).toBe('2024-03-25');
      // Without a weekday, the latest past March 25.
      expect(parseStatusText('Delivered March 25', null, nov2026).deliveredAt).toBe('2026-03-25');
    });
    it('a delivery on 28 December read on 2 January was last year', () => {
      expect(parseStatusText('Delivered December 28', null, jan2).deliveredAt).toBe('2024-12-28');
    });
    it('a late parcel promised for 28 December, read on 2 January, stays in December', () => {
      expect(parseStatusText('Running late', 'Now expected December 28', jan2).eta).toEqual({ from: '2024-12-28', to: '2024-12-28' });
    });
  });

  it('reads header dates in every language', () => {
    const ctx = (language: AmazonLanguage) => ({ now: new Date('2025-01-10T12:00:00Z'), timeZone: 'UTC', language });
    expect(parseHeaderDate('November 1, 2024', ctx('en'))).toBe('2024-11-01');
    expect(parseHeaderDate('1 November 2024', ctx('en'))).toBe('2024-11-01');
    expect(parseHeaderDate('3. Dezember 2024', ctx('de'))).toBe('2024-12-03');
    expect(parseHeaderDate('2 févr. 2024', ctx('fr'))).toBe('2024-02-02');
    expect(parseHeaderDate('25 novembre 2020', ctx('it'))).toBe('2020-11-25');
    expect(parseHeaderDate('1 de marzo de 2024', ctx('es'))).toBe('2024-03-01');
    expect(parseHeaderDate('31 November 2024', ctx('en'))).toBeNull();
    expect(parseHeaderDate('', ctx('en'))).toBeNull();
  });
});
