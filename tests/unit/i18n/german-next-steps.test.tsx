/**
 * What to do next, in German (issue #13 §2): the steps of lib/alerts/next-steps.ts, built with the
 * German messages and rendered by the popup's package view, say German words and German dates;
 * carrier names, phone numbers, tracking numbers and the pickup place stay as they are.
 */
import { render } from 'preact';
import { describe, expect, it, vi } from 'vitest';
import { type PopupActions, PopupShell } from '../../../components/popup-shell';
import { blankPackage } from '../../../lib/engine/merge';
import { NOT_RECEIVED_CODE } from '../../../lib/engine/user-report';
import type { Alert, AlertKind, Package, TrackingEvent } from '../../../lib/model/types';
import { buildPackageDetails } from '../../../lib/view/package-details';
import { buildPopupModel } from '../../../lib/view/popup-model';
import { DE, EN } from '../../support/i18n';

const NOW = Date.parse('2026-11-23T15:00:00Z');
const TZ = 'America/Chicago';

const p: Package = {
  ...blankPackage({ id: 'Stehlampe', shop: 'amazon', orderId: '111-0000000-0000000', label: 'Stehlampe', status: 'delivered', lastChangeAt: NOW, nextCheckAt: null, firstSeenAt: NOW }, NOW),
  eta: { from: '2026-11-20', to: '2026-11-21' },
  deliveredAt: '2026-11-21T20:14:00Z',
  trackingNumber: '1Z999AA10123456784',
  carrier: 'ups',
};

const alert = (kind: AlertKind, cause: string, details?: Record<string, unknown>): Alert => ({
  key: `${p.id}|${kind}|${cause}`,
  packageId: p.id,
  kind,
  severity: 'warning',
  title: 'stored title',
  message: 'stored message',
  createdAt: NOW,
  notifiedAt: null,
  dismissed: false,
  details,
});

const actions = () => new Proxy({}, { get: () => vi.fn() }) as unknown as PopupActions;

/** The package view's next steps, rendered: per step its title, detail and deadlines. */
function stepsShown(ui: typeof DE, a: Alert) {
  const details = buildPackageDetails({ pkg: p, events: [], alerts: [a], now: NOW, timeZone: TZ, ui });
  const row = buildPopupModel({ packages: [p], orders: [], alerts: [], now: NOW, timeZone: TZ, ui, everywhere: true }).groups[0]!.packages[0]!;
  const root = document.createElement('div');
  render(<PopupShell data={{ t: ui.t, loading: false, model: buildPopupModel({ packages: [], orders: [], alerts: [], now: NOW, timeZone: TZ, ui }), query: '', offers: [], reasons: [], refreshing: false, busy: false, message: null, undo: null, open: { row, details }, ordersLinks: [] }} actions={actions()} />, root);
  return [...root.querySelectorAll('.next > li')].map((li) => ({
    id: li.getAttribute('data-step'),
    title: li.querySelector('strong')!.textContent,
    detail: li.querySelector('.next__detail')?.textContent ?? null,
    deadlines: [...li.querySelectorAll('.next__deadline')].map((d) => d.textContent),
  }));
}

describe('next steps in German', () => {
  it('a parcel marked delivered but not received: every step in German, UPS and the number as they are', () => {
    const de = stepsShown(DE, alert('suspected_lost', 'not-received'));
    expect(de.map((s) => s.title)).toEqual([
      'Sendungsverfolgung ansehen',
      'Rund um die Haustür nachsehen',
      'Nachbarn und Poststelle fragen',
      'UPS kontaktieren',
      'Amazon oder den Verkäufer kontaktieren',
      'Erstattung oder Ersatz anfordern',
      'Reklamation bei UPS einreichen',
    ]);
    expect(de.find((s) => s.id === 'contact_carrier')!.detail).toBe('Halten Sie die Sendungsnummer bereit: 1Z999AA10123456784');
    expect(de.find((s) => s.id === 'contact_seller')!.detail).toBe('Melden Sie es als nicht erhalten.');
    // The windows' titles are German too, in the German deadline line.
    const deadlines = de.flatMap((s) => s.deadlines);
    expect(deadlines.some((d) => d!.includes('Amazon-Rücksendung für Erstattung oder Ersatz'))).toBe(true);
    expect(deadlines.some((d) => d!.includes('UPS-Reklamation bei Verlust oder Beschädigung'))).toBe(true);
    // Nothing of the English steps is left: each German text differs from its English one.
    const en = stepsShown(EN, alert('suspected_lost', 'not-received'));
    expect(en.map((s) => s.id)).toEqual(de.map((s) => s.id));
    const same = de.flatMap((s, i) => [s.title, s.detail, ...s.deadlines].filter((x, j) => x !== null && x === [en[i]!.title, en[i]!.detail, ...en[i]!.deadlines][j]));
    expect(same).toEqual([]);
  });

  it('ready for pickup: the place and the code as the carrier wrote them, inside German sentences', () => {
    const de = stepsShown(DE, alert('ready_for_pickup', 'event:x', { pickupLocation: 'Packstation 123, Hauptstr. 5', pickupCode: '4711' }));
    expect(de).toEqual([{ id: 'pick_up', title: 'Abholen', detail: 'Abholstelle: Packstation 123, Hauptstr. 5. Abholcode: 4711. Bringen Sie einen Ausweis mit, falls der Paketdienst danach fragt.', deadlines: [] }]);
  });

  it('delivered: where to look, in German', () => {
    expect(stepsShown(DE, alert('delivered', 'delivered'))).toEqual([
      { id: 'check_around_door', title: 'Nicht gefunden? Rund um die Haustür nachsehen', detail: 'Dann bei Nachbarn oder der Poststelle; ist es dort nicht, markieren Sie es als nicht erhalten.', deadlines: [] },
    ]);
  });
});

describe("the shopper's own report in the timeline (issue #13 §2)", () => {
  it('"not received" is said in the popup\'s language, though it is stored in English; a carrier\'s words stay as written', () => {
    const events: TrackingEvent[] = [
      { key: 'u', packageId: p.id, time: new Date(NOW).toISOString(), timeIsLocal: false, status: null, code: NOT_RECEIVED_CODE, description: 'You marked this package as not received', location: null, source: 'user' },
      { key: 'c', packageId: p.id, time: new Date(NOW - 3_600_000).toISOString(), timeIsLocal: false, status: 'delivered', code: 'D', description: 'Delivered, front door', location: 'Austin, TX', source: 'carrier:ups' },
    ];
    const text = (ui: typeof DE) => buildPackageDetails({ pkg: p, events, alerts: [], now: NOW, timeZone: TZ, ui }).timeline.map((e) => e.text);
    expect(text(DE)).toEqual(['Sie haben dieses Paket als nicht erhalten markiert', 'Delivered, front door']);
    expect(text(EN)).toEqual(['You marked this package as not received', 'Delivered, front door']);
  });
});
