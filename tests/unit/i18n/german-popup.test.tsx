/**
 * The popup in German (issue #13 §2): the model built with the German messages and rendered by the
 * popup's components says German words and German dates; carrier names, numbers and the shop's
 * item names stay as they are.
 */
import { render } from 'preact';
import { describe, expect, it, vi } from 'vitest';
import { type PopupActions, PopupShell } from '../../../components/popup-shell';
import { blankPackage } from '../../../lib/engine/merge';
import type { Package } from '../../../lib/model/types';
import { STATUSES } from '../../../lib/model/status';
import { cardText } from '../../../lib/view/headline';
import { buildPackageDetails } from '../../../lib/view/package-details';
import { ageText, buildPopupModel } from '../../../lib/view/popup-model';
import { DE, EN } from '../../support/i18n';

const NOW = Date.parse('2026-11-23T15:00:00Z'); // Monday, 09:00 in Chicago
const TZ = 'America/Chicago';

function pkg(id: string, over: Partial<Package>): Package {
  return {
    ...blankPackage({ id, shop: 'amazon', orderId: '111-0000000-0000000', label: id, status: 'in_transit', lastChangeAt: NOW, nextCheckAt: null, firstSeenAt: NOW }, NOW),
    ...over,
  };
}

const parcels = [
  pkg('Wanderschuhe', { status: 'delivered', deliveredAt: '2026-11-21T20:14:00Z', trackingNumber: '1Z999AA10123456784', carrier: 'ups' }),
  pkg('Kaffeemühle', { status: 'out_for_delivery', eta: { from: '2026-11-23', to: '2026-11-24T02:00:00Z' }, trackingNumber: '1Z999AA10123456784', carrier: 'ups' }),
];

const actions = () => new Proxy({}, { get: () => vi.fn() }) as unknown as PopupActions;

function shell(ui: typeof DE) {
  const model = buildPopupModel({ packages: parcels, orders: [], alerts: [], now: NOW, timeZone: TZ, ui });
  const root = document.createElement('div');
  render(<PopupShell data={{ t: ui.t, loading: false, model, query: '', offers: [], reasons: [], refreshing: false, busy: false, message: null, undo: null, open: null, ordersLinks: [] }} actions={actions()} />, root);
  const row = (id: string) => root.querySelector(`[data-package-id="${id}"]`)!;
  return { root, model, row };
}

describe('the popup in German', () => {
  it('says delivered and out for delivery in German, with German dates and times', () => {
    const { root, model, row } = shell(DE);
    expect(model.groups.map((g) => g.title)).toEqual(['Heute erwartet', 'Kürzlich zugestellt']);
    expect(row('Kaffeemühle').querySelector('.pkg__status')!.textContent).toBe('In Zustellung');
    expect(row('Kaffeemühle').querySelector('.pkg__line')!.textContent).toBe('Zustellung heute bis 20:00 Uhr');
    expect(row('Wanderschuhe').querySelector('.pkg__status')!.textContent).toBe('Zugestellt');
    expect(row('Wanderschuhe').querySelector('.pkg__line')!.textContent).toBe('Zugestellt Sa., 21. Nov. um 14:14 Uhr');
    // Carrier names and the shop stay as they are; the popup's own words are German.
    expect(row('Wanderschuhe').querySelector('.pkg__meta')!.textContent).toBe('Amazon · UPS');
    expect(root.querySelector('.popup__refresh')!.textContent).toBe('Aktualisieren');
    expect([...root.querySelectorAll('.tabs__tab')].map((b) => b.firstChild!.textContent)).toEqual(['Aktuell', 'Verlauf', 'Archiviert']);
    expect(root.querySelector('#box')!.getAttribute('placeholder')).toBe('Suchen oder Sendungsnummern einfügen');
  });

  it('ages and plurals in German: one day, two days, minutes and hours, older dates', () => {
    expect([1, 2].map((d) => ageText(DE, NOW - d * 86_400_000, NOW, TZ))).toEqual(['vor 1 Tag', 'vor 2 Tagen']);
    expect([ageText(DE, NOW - 5 * 60_000, NOW, TZ), ageText(DE, NOW - 3 * 3_600_000, NOW, TZ), ageText(DE, NOW, NOW, TZ)]).toEqual(['vor 5 Min.', 'vor 3 Std.', 'gerade eben']);
    expect(ageText(DE, Date.parse('2026-11-03T18:00:00Z'), NOW, TZ)).toBe('3. Nov.');
    expect(ageText(EN, Date.parse('2026-11-03T18:00:00Z'), NOW, TZ)).toBe('Nov 3');
  });

  it('every status, with and without an ETA, has a German badge and line (none left in English)', () => {
    const etas = [null, { from: '2026-11-23', to: '2026-11-23' }, { from: '2026-11-25', to: '2026-11-27' }, { from: '2026-11-20', to: '2026-11-20' }];
    const english: string[] = [];
    for (const status of STATUSES) {
      for (const eta of etas) {
        const p = pkg('x', { status, eta, shop: status === 'pending' ? null : 'amazon', orderId: status === 'pending' ? null : '111-0000000-0000000' });
        const de = cardText({ pkg: p, situations: [], now: NOW, timeZone: TZ, ui: DE }).headline;
        const en = cardText({ pkg: p, situations: [], now: NOW, timeZone: TZ, ui: EN }).headline;
        expect(de.label && de.line).toBeTruthy();
        // "Problem" is German too; every other badge and every line differs from the English.
        if (de.label === en.label && de.label !== 'Problem') english.push(`${status} label ${de.label}`);
        if (de.line === en.line) english.push(`${status} line ${de.line}`);
      }
    }
    expect(english).toEqual([]);
  });

  it('the same parcels in English read as before (the messages carry the English unchanged)', () => {
    const { row } = shell(EN);
    expect(row('Kaffeemühle').querySelector('.pkg__line')!.textContent).toBe('Arriving today by 8:00 PM');
    expect(row('Wanderschuhe').querySelector('.pkg__line')!.textContent).toBe('Delivered Sat, Nov 21 at 2:14 PM');
  });

  it("a delivered parcel's own view: German steps, headings and buttons; the timeline's day in German", () => {
    const p = parcels[0]!;
    const details = buildPackageDetails({
      pkg: p,
      events: [{ key: 'e1', packageId: p.id, at: Date.parse('2026-11-21T20:14:00Z'), time: '2026-11-21T20:14:00Z', timeZone: TZ, timeIsLocal: false, status: 'delivered', code: 'D', description: '', location: 'Springfield, IL, US', source: 'carrier:ups' }] as never,
      alerts: [],
      now: NOW,
      timeZone: TZ,
      ui: DE,
    });
    const row = buildPopupModel({ packages: [p], orders: [], alerts: [], now: NOW, timeZone: TZ, ui: DE, everywhere: true }).groups[0]!.packages[0]!;
    const root = document.createElement('div');
    render(<PopupShell data={{ t: DE.t, loading: false, model: buildPopupModel({ packages: [], orders: [], alerts: [], now: NOW, timeZone: TZ, ui: DE }), query: '', offers: [], reasons: [], refreshing: false, busy: false, message: null, undo: null, open: { row, details }, ordersLinks: [] }} actions={actions()} />, root);
    expect([...root.querySelectorAll('.step')].map((s) => s.textContent)).toEqual(['Bestellt', 'Versandt', 'Unterwegs', 'In Zustellung', 'Zugestellt']);
    expect(root.querySelector('.steps')!.getAttribute('aria-valuetext')).toBe('Schritt 5 von 5: Zugestellt');
    expect(root.querySelector('.event__day')!.textContent).toBe('Sa., 21. Nov.');
    expect(root.querySelector('.event__time')!.textContent).toBe('14:14');
    expect(root.querySelector('.event__text')!.textContent).toBe('Zugestellt');
    expect([...root.querySelectorAll('h2')].map((h) => h.textContent)).toEqual(['Sendungsnummer', 'Bestellung', 'Sendungsverlauf']);
    expect(root.querySelector('.view__delete')!.textContent).toBe('Löschen');
    expect(root.querySelector('.view__section p')!.textContent).toContain('1Z999AA10123456784');
    expect([...root.querySelectorAll('.view__section p')].map((x) => x.textContent)).toContain('Bestellung 111-0000000-0000000 bei Amazon');
  });
});
