/**
 * The background's notices in German (issue #13 §2): "Track …" on a selection and "Scan this page"
 * tell the shopper what happened in the browser's language; the count is in the sentence, with the
 * plural it needs. The context menus and the name a page scan gives a parcel are German too.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { PorchlightDb } from '../../lib/db/database';
import { type BackgroundApp, createBackgroundApp } from '../../lib/platform/background-app';
import { DE } from '../support/i18n';

const NOW = Date.parse('2026-11-23T15:00:00Z');

describe('notices in German', () => {
  let db: PorchlightDb;
  let app: BackgroundApp;
  let tab: { html: string; url: string };
  beforeEach(() => {
    fakeBrowser.reset();
    db = new PorchlightDb(`german-notices-${Math.random()}`);
    // No carrier can answer here: nothing leaves the test.
    app = createBackgroundApp(db, { ui: () => DE, now: () => NOW, timeZone: 'Europe/Berlin', fetch: () => Promise.reject(new Error('offline')), clients: [] });
    (fakeBrowser as unknown as { scripting: unknown }).scripting = { executeScript: vi.fn(async () => [{ result: tab }]) };
  });
  afterEach(async () => {
    await app.idle();
    await db.delete();
  });
  const shown = (create: { mock: { calls: unknown[][] } }) => create.mock.calls.map((c) => c[1] as { title: string; message: string }).map((o) => [o.title, o.message]);

  it('a selection: nothing found, one new, then already tracked', async () => {
    const create = vi.spyOn(fakeBrowser.notifications, 'create');
    await app.trackSelection('Vielen Dank für Ihre Bestellung');
    await app.trackSelection('Ihre Sendung 1Z999AA10123456784 ist unterwegs');
    await app.trackSelection('1Z999AA10123456784');
    expect(shown(create)).toEqual([
      ['Keine Sendungsnummer gefunden', 'Porchlight hat im markierten Text keine gültige Sendungsnummer gefunden.'],
      ['1 neues Paket wird verfolgt', '1 Paket hinzugefügt. Öffnen Sie Porchlight über die Symbolleiste, um es zu sehen.'],
      ['Bereits verfolgt', 'Porchlight verfolgt diese Nummer bereits.'],
    ]);
  });

  it('a selection with an order number only: the parser’s reason in German', async () => {
    const create = vi.spyOn(fakeBrowser.notifications, 'create');
    await app.trackSelection('Bestellung 112-5939971-8962610');
    expect(shown(create)).toEqual([
      ['Keine Sendungsnummer gefunden', '112-5939971-8962610 ist eine Amazon-Bestellnummer, keine Sendungsnummer: Öffnen Sie die Bestellung bei Amazon, dann liest Porchlight ihre Pakete.'],
    ]);
  });

  it('a page with no tracking number', async () => {
    const create = vi.spyOn(fakeBrowser.notifications, 'create');
    tab = { html: '<html><body><p>Unser Angebot der Woche</p></body></html>', url: 'https://laden.example/angebote' };
    expect(await app.scanTab(7)).toEqual({ added: 0, known: 0, found: 0 });
    expect(shown(create)).toEqual([['Keine Pakete auf dieser Seite', 'Porchlight hat auf dieser Seite keine Sendungsnummer gefunden.']]);
  });

  it('the context menus in German, the selection still the browser\'s %s', async () => {
    const create = vi.fn();
    (fakeBrowser as unknown as { contextMenus: unknown }).contextMenus = { removeAll: vi.fn(async () => {}), create };
    await app.ensureAlarms();
    expect(create.mock.calls.map((c) => (c[0] as { title: string }).title)).toEqual(['„%s“ mit Porchlight verfolgen', 'Diese Seite nach Sendungsnummern durchsuchen']);
  });

  it('a parcel found by Scan this page is named after the site in German; a tab it cannot read says so in German', async () => {
    tab = { html: '<html><body><a href="https://www.ups.com/track?tracknum=1Z999AA10123456784">Sendung verfolgen</a></body></html>', url: 'https://laden.example/bestellung/42' };
    expect(await app.scanTab(7)).toEqual({ added: 1, known: 0, found: 1 });
    expect((await db.packages.toArray()).map((p) => p.label)).toEqual(['Gefunden auf laden.example']);
    (fakeBrowser as unknown as { scripting: unknown }).scripting = { executeScript: vi.fn(async () => []) };
    await expect(app.scanTab(7)).rejects.toThrow(/^Diese Seite konnte nicht gelesen werden$/);
  });
});
