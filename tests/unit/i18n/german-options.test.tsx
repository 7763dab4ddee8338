/**
 * The options page's first half in German (issue #13 §2): the page made with the German messages
 * says German words in the welcome, sources, page reading, webmail, carrier and shop sections, and
 * their view code (budget lines, validation, refused permissions) writes German with German
 * numbers and times; carrier, shop and webmail product names and the hosts stay as they are.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { OptionsDeps } from '../../../entrypoints/options/deps';
import { OptionsApp } from '../../../entrypoints/options/options-app';
import type { BudgetReport } from '../../../lib/carriers/budgets';
import { PROVIDER_INFO } from '../../../lib/carriers/clients';
import { PorchlightDb } from '../../../lib/db/database';
import { parseSettings } from '../../../lib/settings';
import { carrierPageRefusedMessage, carrierPageSiteInfo } from '../../../lib/view/options-carrier-pages';
import { anySiteInfo, shopPageRefusedMessage } from '../../../lib/view/options-shop-pages';
import { connectionStatus, formatBudgetLine, mergeCredentials, permissionRefusedStatus } from '../../../lib/view/options-sources';
import { webmailRefusedMessage } from '../../../lib/view/options-webmail';
import { byLabel, mount, text, waitFor } from '../options/dom';
import { DE } from '../../support/i18n';

const NOW = Date.parse('2026-03-10T14:30:00Z');
let db: PorchlightDb | null = null;
let cleanup: (() => void) | null = null;
afterEach(async () => {
  cleanup?.();
  cleanup = null;
  await db?.delete();
  db = null;
});

async function germanPage() {
  db = new PorchlightDb('german-options');
  const deps: OptionsDeps = {
    db,
    loadSettings: async () => parseSettings({}),
    saveSettings: async () => {},
    loadCredentials: async () => ({ dhl: { apiKey: 'dhl-key-abcdefgh-7788' } }),
    saveCredentials: async () => {},
    requestOrigins: async () => false,
    removeOrigins: async () => true,
    testConnection: async () => ({ ok: true, message: '' }),
    copyText: async () => {},
    saveFile: async () => 0,
    readFile: () => async function* () {},
    trackNumbers: async () => ({ added: 0, known: 0 }),
    clearStorage: async () => [],
    storageUsage: async () => null,
    now: () => NOW,
    timeZone: 'Europe/Berlin',
    ui: DE,
    version: '0.1.0',
    userAgent: 'TestBrowser/1.0',
    welcome: true,
    languages: ['de-DE'],
  };
  const m = mount(<OptionsApp deps={deps} />);
  cleanup = m.unmount;
  return waitFor(() => {
    expect(m.root.querySelector('#sources')).not.toBeNull();
    return m.root;
  });
}

const section = (root: HTMLElement, id: string) => root.querySelector(`#${id}`) as HTMLElement;

describe('the options page in German (first half)', () => {
  it('heads, contents and welcome in German, with the German orders link', async () => {
    const root = await germanPage();
    expect(text(root.querySelector('h1'))).toBe('Porchlight-Einstellungen');
    expect(root.querySelector('nav')!.getAttribute('aria-label')).toBe('Abschnitte');
    expect([...root.querySelectorAll('nav a')].slice(0, 5).map(text)).toEqual(['Quellen', 'Seiten lesen', 'Webmail', 'Paketdienste', 'Weitere Shops']);
    const welcome = section(root, 'welcome');
    expect(text(welcome.querySelector('h2'))).toBe('Willkommen bei Porchlight');
    expect(text(welcome.querySelector('li'))).toBe('Öffnen Sie Ihre Bestellungen, und Porchlight liest jede Bestellung und Sendung auf der Seite: Ihre Bestellungen bei Amazon.de, Ihre Bestellungen bei Amazon.com.');
  });

  it('sources: the card, its fields and its usage in German; the provider name as it is', async () => {
    const root = await germanPage();
    const sources = section(root, 'sources');
    expect(text(sources.querySelector('h2'))).toBe('Quellen');
    expect(text(sources.querySelector('.intro'))).toMatch(/^Porchlight funktioniert ganz ohne Schlüssel/);
    expect(byLabel(sources, 'Amazons eigene Sendungsverfolgung').checked).toBe(true);
    const dhl = sources.querySelector('[data-provider="dhl"]') as HTMLElement;
    expect(text(dhl.querySelector('.badge'))).toBe('Aktiv');
    expect(text(dhl.querySelector('summary'))).toBe('So erhalten Sie kostenlose Zugangsdaten');
    expect([...dhl.querySelectorAll('button')].map(text)).toEqual(['Verbindung testen', 'Speichern', 'Entfernen']);
    expect(text(dhl.querySelector('.saved'))).toBe('gespeichert ••••7788');
    expect(byLabel(dhl, `${PROVIDER_INFO.dhl.name} verwenden`).checked).toBe(true);
    expect(text(dhl.querySelector('.budget h4'))).toBe('Nutzung');
    expect(text(sources.querySelector('[data-provider="ups"] .badge'))).toBe('Nicht eingerichtet');
  });

  it('page reading, webmail, carrier pages and other shops in German', async () => {
    const root = await germanPage();
    expect(text(section(root, 'reading').querySelector('.intro'))).toMatch(/^Bestell- und Sendungsseiten von Amazon werden gelesen, wenn Sie sie öffnen, auf \d+ Marktplätzen \(amazon\.com, /);
    const webmail = section(root, 'webmail');
    expect(text(webmail.querySelector('h2'))).toBe('Webmail durchsuchen (optional)');
    expect(byLabel(webmail, 'Gmail durchsuchen').checked).toBe(false);
    expect(byLabel(webmail, 'Outlook im Web durchsuchen').checked).toBe(false);
    expect(text(webmail.querySelector('#webmail-gmail-hint'))).toBe('Liest Versand-E-Mails, die Sie in Gmail im Browser öffnen (mail.google.com).');
    const carriers = section(root, 'carrier-pages');
    expect(text(carriers.querySelector('h2'))).toBe('Sendungsseiten der Paketdienste');
    const first = carrierPageSiteInfo(DE.t)[0]!;
    expect(byLabel(carriers, `Sendungsseiten von ${first.name} lesen`).checked).toBe(false);
    const shops = section(root, 'shop-pages');
    expect(text(shops.querySelector('h2'))).toBe('Weitere Shops');
    expect(byLabel(shops, 'Bestellseiten auf allen Websites lesen').checked).toBe(false);
    expect(text(shops.querySelector('h3'))).toBe('Oder einzelne Shops');
  });

  it('the view code writes German: budget lines with German numbers and times, validation, refusals', () => {
    const report: BudgetReport = { limitId: 'per-day', label: 'budgetRequestsPerDay', max: 1400, used: 3, remaining: 1397, resetsAt: Date.parse('2026-04-01T00:00:00Z'), unit: 'request', source: 'x' };
    expect(formatBudgetLine(report, NOW, 'UTC', DE)).toBe('3 von 1.400 Anfragen pro Tag verbraucht, 1.397 übrig; wird zurückgesetzt: 1. Apr., 00:00 Uhr (in 21 Tagen)');
    expect(formatBudgetLine({ ...report, resetsAt: NOW + 3_600_000 + 60_000 }, NOW, 'UTC', DE)).toMatch(/; wird zurückgesetzt: 15:31 Uhr \(in 1 Std\. 1 Min\.\)$/);
    expect(mergeCredentials(PROVIDER_INFO.ship24, { apiKey: 'a b' }, undefined, DE.t)).toEqual({ ok: false, errors: { apiKey: 'API-Schlüssel darf keine Leerzeichen enthalten.' } });
    expect(connectionStatus({ ok: false, message: 'x', error: { kind: 'network', message: 'x' } }, DE.t).label).toBe('Netzwerkfehler (network)');
    expect(permissionRefusedStatus('ups', 'test', DE.t)).toMatchObject({ label: 'Berechtigung verweigert', message: 'Nicht getestet: Porchlight braucht die Berechtigung, onlinetools.ups.com, wwwcie.ups.com zu erreichen, und der Browser hat sie nicht erteilt.' });
    expect(webmailRefusedMessage('gmail', DE.t)).toBe('Gmail wird nicht durchsucht: Der Browser hat den Zugriff auf mail.google.com nicht erlaubt.');
    expect(carrierPageRefusedMessage(carrierPageSiteInfo(DE.t)[0]!, DE.t)).toMatch(/^Seiten von \S.* werden nicht gelesen: Der Browser hat den Zugriff auf \S+/);
    expect(shopPageRefusedMessage(anySiteInfo(DE.t), DE.t)).toBe('Shops auf anderen Websites werden nicht gelesen: Der Browser hat den Zugriff auf alle Websites nicht erlaubt.');
  });
});
