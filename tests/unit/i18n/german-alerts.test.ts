// @vitest-environment node
/**
 * The situations' titles and messages in German (issue #13 §2): the rules, given the German
 * translator, say German words and German dates, with the plural the count needs; what the carrier
 * wrote, the shopper's label and the number stay as they are. The popup's attention line shows the
 * stored message, so this is the German it shows.
 */
import { describe, expect, it } from 'vitest';
import { delivered as deliveredRule } from '../../../lib/alerts/rules/delivered';
import { delayedEtaPassed } from '../../../lib/alerts/rules/delayed-eta-passed';
import { etaMovedLater } from '../../../lib/alerts/rules/eta-moved-later';
import { readyForPickup } from '../../../lib/alerts/rules/ready-for-pickup';
import { stalled } from '../../../lib/alerts/rules/stalled';
import { suspectedLost } from '../../../lib/alerts/rules/suspected-lost';
import { formatEta } from '../../../lib/alerts/situation';
import { decideNotifications } from '../../../lib/notify/decide-notifications';
import { parseSettings } from '../../../lib/settings';
import type { AlertContext } from '../../../lib/alerts/types';
import { ctx, ev } from '../alerts/context';
import { DE, EN } from '../../support/i18n';

const de = (c: AlertContext): AlertContext => ({ ...c, ui: DE });
const moving = ev('2024-03-01T10:00:00Z', 'in_transit', 'Departed facility', 'DP', 'Louisville, KY, US');

describe('situations in German', () => {
  it('stalled: the days counted in German, the carrier’s last words as written', () => {
    const d = stalled(de(ctx('2024-03-06T11:00:00Z', { status: 'in_transit', label: 'Schreibtischlampe' }, [moving])));
    expect(d).toMatchObject({ title: 'Schreibtischlampe: seit 5 Tagen keine Bewegung', message: 'Keine neue Sendungsinfo – seit 5 Tagen; zuletzt: Departed facility.' });
  });

  it('without a label: the tracking number in a German phrase', () => {
    const d = stalled(de(ctx('2024-03-06T11:00:00Z', { status: 'in_transit', label: null, trackingNumber: '1Z999AA10123456784' }, [moving])));
    expect(d?.title).toBe('Paket 1Z999AA10123456784: seit 5 Tagen keine Bewegung');
  });

  it('late and moved: German dates; one day is singular', () => {
    const eta = { from: '2024-03-07', to: '2024-03-07' };
    expect(delayedEtaPassed(de(ctx('2024-03-10T12:00:00Z', { status: 'in_transit', eta, label: 'Lampe' })))).toMatchObject({
      title: 'Lampe ist überfällig',
      message: 'Erwartet: 7. März. Das Paket ist noch nicht zugestellt (2 Tage überfällig).',
    });
    expect(delayedEtaPassed(de(ctx('2024-03-09T12:00:00Z', { status: 'in_transit', eta, label: 'Lampe' })))?.message).toBe('Erwartet: 7. März. Das Paket ist noch nicht zugestellt (1 Tag überfällig).');
    const rec = (d: string, at: string) => ({ eta: { from: d, to: d }, observedAt: Date.parse(at), source: 'carrier:ups' });
    const h = [rec('2024-03-07', '2024-03-04T10:00:00Z'), rec('2024-03-08', '2024-03-06T10:00:00Z')];
    expect(etaMovedLater(de(ctx('2024-03-06T12:00:00Z', { etaHistory: h as never, eta: h[1]!.eta, label: 'Lampe' })))).toMatchObject({ title: 'Lampe kommt später', message: 'Jetzt erwartet: 8. März (vorher 7. März).' });
    // English keeps its own dates: "Mar 7", and a range with a dash.
    expect(formatEta({ from: '2024-03-07', to: '2024-03-09' }, EN.locale)).toBe('Mar 7–Mar 9');
    expect(formatEta({ from: '2024-12-30', to: '2024-12-30' }, DE.locale)).toBe('30. Dez.');
  });

  it('not received and lost: German, and nothing left of the English', () => {
    const lost = (ui: typeof DE) => suspectedLost({ ...ctx('2024-03-12T11:00:00Z', { status: 'in_transit', label: 'Lampe' }, [moving]), ui });
    expect(lost(DE)).toMatchObject({ title: 'Lampe ist möglicherweise verloren gegangen', message: 'Seit 11 Tagen keine neue Sendungsinfo.' });
    expect(lost(EN)).toMatchObject({ title: 'Lampe may be lost', message: 'No tracking update for 11 days.' });
  });

  it('pickup and delivered: the place, the code and the carrier’s words as written', () => {
    const c = ctx('2024-03-06T11:00:00Z', { status: 'available_for_pickup', label: 'Lampe', pickup: { location: 'Packstation 123', code: '4711', until: null } }, [
      ev('2024-03-06T09:00:00Z', 'available_for_pickup', 'Ready for pickup', 'RP'),
    ]);
    expect(readyForPickup(de(c))).toMatchObject({ title: 'Lampe liegt zur Abholung bereit', message: 'Abholstelle: Packstation 123. Abholcode: 4711.' });
    const delivered = deliveredRule(de(ctx('2024-03-06T11:00:00Z', { status: 'delivered', label: 'Lampe', statusText: null }, [])));
    expect(delivered).toMatchObject({ title: 'Lampe wurde zugestellt', message: 'Zugestellt.' });
  });

  it("many notifications at once: the grouped one in German, each alert's title as stored", () => {
    const now = Date.parse('2024-03-06T17:00:00Z');
    const many = ['Lampe', 'Tisch', 'Stuhl', 'Regal', 'Sofa', 'Teppich'].map((p) => ({ key: `${p}|delivered|x`, packageId: p, kind: 'delivered' as const, severity: 'good' as const, title: `${p} wurde zugestellt`, message: 'Zugestellt.', since: now - 3_600_000, newsAt: now - 3_600_000 }));
    const g = decideNotifications(many, [], parseSettings({}).notifications, now, 'America/New_York', [], DE).notify[0]!;
    expect(g.title).toBe('6 Neuigkeiten zu Ihren Paketen');
    const lines = g.message.split('\n');
    expect(lines.slice(0, 4).every((l) => l.endsWith(' wurde zugestellt'))).toBe(true);
    expect(lines.slice(4)).toEqual(['… und 2 weitere']);
  });
});
