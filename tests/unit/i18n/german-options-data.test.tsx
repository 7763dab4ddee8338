/**
 * The options page in German (issue #13 §2), the sections translated so far: the list, sync,
 * diagnostics, notifications, alert thresholds and data sections rendered with the German messages say German words, with German numbers and dates;
 * the browser's own error text stays as the browser said it.
 */
import { render } from 'preact';
import { describe, expect, it, vi } from 'vitest';
import { AlertThresholdsSection } from '../../../components/options/alert-thresholds-section';
import { DataSection, type DataActions, type DataData } from '../../../components/options/data-section';
import { DiagnosticsSection } from '../../../components/options/diagnostics-section';
import { ListSection } from '../../../components/options/list-section';
import { NotificationsSection } from '../../../components/options/notifications-section';
import { DEFAULT_ALERT_SETTINGS } from '../../../lib/alerts/settings';
import { DEFAULT_NOTIFY_SETTINGS } from '../../../lib/notify/settings';
import { SyncSection } from '../../../components/options/sync-section';
import { claimChoiceLabel, deletedText, deleteWarningText, exportedText, importedText, numbersImportedText, storedText } from '../../../lib/view/options-data';
import { diagnosticViews } from '../../../lib/view/options-diagnostics';
import { readTrackingList } from '../../../lib/backup/tracking-list';
import { applyNotifyChange, applyThreshold, parseNumber, thresholdWarnings } from '../../../lib/view/options-notifications';
import { syncStatusText } from '../../../lib/view/options-sync';
import type { SyncStatus } from '../../../lib/sync/sync-doc';
import { DE, EN } from '../../support/i18n';

const AT = Date.parse('2026-11-23T15:05:00Z');
const status = (over: Partial<SyncStatus>): SyncStatus => ({ at: AT, synced: 3, left: 0, problems: [], error: null, ...over });

function mount(node: preact.ComponentChild) {
  const root = document.createElement('div');
  render(node, root);
  return root;
}

describe('the options page in German', () => {
  it('the list section: heading, label, day and days, hint', () => {
    const one = mount(<ListSection data={{ ui: DE, historyAfterDays: 1, error: null }} actions={{ setHistoryAfterDays: vi.fn() }} />);
    expect(one.querySelector('h2')!.textContent).toBe('Die Liste');
    expect(one.querySelector('label')!.textContent).toBe('Zugestellte, stornierte und zurückgesendete Pakete in den Verlauf verschieben nach');
    expect(one.querySelector('.inline span')!.textContent).toBe('Tag');
    expect(one.querySelector('.hint')!.textContent).toContain('Aufmerksamkeit');
    const many = mount(<ListSection data={{ ui: DE, historyAfterDays: 14, error: null }} actions={{ setHistoryAfterDays: vi.fn() }} />);
    expect(many.querySelector('.inline span')!.textContent).toBe('Tagen');
    const en = mount(<ListSection data={{ ui: EN, historyAfterDays: 0, error: null }} actions={{ setHistoryAfterDays: vi.fn() }} />);
    expect(en.querySelector('.inline span')!.textContent).toBe('days');
  });

  it('the sync section: heading, switch and hint', () => {
    const root = mount(<SyncSection data={{ t: DE.t, on: false, busy: false, status: null }} actions={{ setOn: vi.fn() }} />);
    expect(root.querySelector('h2')!.textContent).toBe('Zwischen Ihren Browsern synchronisieren');
    expect(root.textContent).toContain('Meine Pakete mit meinen anderen Browsern synchronisieren');
    expect(root.textContent).toContain('Zugangsschlüssel der Paketdienste und Website-Berechtigungen werden nie synchronisiert.');
    expect(root.textContent).not.toMatch(/\b(your|parcels|sync)\b/);
  });

  it('every sync status line, in German with a German date; the browser’s error as it came', () => {
    const tz = 'Europe/Berlin';
    expect(syncStatusText(null, false, tz, DE)).toBeNull();
    expect(syncStatusText(null, true, tz, DE)!.text).toBe('Eingeschaltet: Ihre Pakete werden gleich an Ihre anderen Browser übertragen.');
    expect(syncStatusText(status({ synced: 1 }), true, tz, DE)).toEqual({ tone: 'good', text: '1 Paket am 23. Nov., 16:05 Uhr synchronisiert.' });
    expect(syncStatusText(status({ synced: 1200 }), true, tz, DE)!.text).toBe('1.200 Pakete am 23. Nov., 16:05 Uhr synchronisiert.');
    expect(syncStatusText(status({ synced: 0 }), true, tz, DE)!.text).toBe('Die Synchronisierung ist eingeschaltet (geprüft am 23. Nov., 16:05 Uhr): noch keine Sendungsnummern zum Teilen.');
    expect(syncStatusText(status({ synced: 40, left: 1 }), true, tz, DE)!.text).toBe(
      '40 Pakete am 23. Nov., 16:05 Uhr synchronisiert. 1 älteres Paket passt nicht in den Synchronisierungsspeicher des Browsers (100 KB) und bleibt nur in diesem Browser.',
    );
    expect(syncStatusText(status({ synced: 40, left: 2 }), true, tz, DE)!.text).toContain('2 ältere Pakete passen nicht');
    expect(syncStatusText(status({ problems: ['bad entry'] }), true, tz, DE)!.text).toBe(
      '3 Pakete am 23. Nov., 16:05 Uhr synchronisiert. Ein Teil dessen, was ein anderer Browser synchronisiert hat, war nicht lesbar und wurde unverändert gelassen (bad entry).',
    );
    expect(syncStatusText(status({ error: 'QUOTA_BYTES quota exceeded' }), true, tz, DE)).toEqual({
      tone: 'bad',
      text: 'Der Browser hat die Synchronisierung abgelehnt (QUOTA_BYTES quota exceeded). Hier ist nichts verloren gegangen; Porchlight versucht es bei der nächsten Änderung erneut.',
    });
  });

  it('the diagnostics section: German words and a German date; the reader’s code and message as recorded', () => {
    const rows = diagnosticViews(
      [{ id: 1, at: AT, shop: 'amazon', host: 'www.amazon.de', pageKind: 'order-history', code: 'fewer-orders', message: 'read 7 of 10', layout: 'v2024', expected: 10, found: null }],
      'Europe/Berlin',
      DE,
    );
    const root = mount(<DiagnosticsSection data={{ t: DE.t, rows, message: null }} actions={{ copyReport: vi.fn(), clear: vi.fn() }} />);
    expect(root.querySelector('h2')!.textContent).toBe('Diagnose');
    expect([...root.querySelectorAll('button')].map((b) => b.textContent)).toEqual(['Für eine Fehlermeldung kopieren', 'Leeren']);
    expect(root.querySelector('.intro')!.textContent).toContain('keine Bestelldaten');
    expect(root.querySelector('time')!.textContent).toBe('23. Nov. 2026, 16:05');
    expect(root.querySelector('.diagnostic__details')!.textContent).toBe('Layout v2024 · erwartet 10, gefunden unbekannt');
    expect(root.querySelector('.diagnostic__message')!.textContent).toBe('read 7 of 10');
    const empty = mount(<DiagnosticsSection data={{ t: DE.t, rows: [], message: null }} actions={{ copyReport: vi.fn(), clear: vi.fn() }} />);
    expect(empty.querySelector('.empty')!.textContent).toBe('Keine Probleme aufgezeichnet.');
    const loading = mount(<DiagnosticsSection data={{ t: DE.t, rows: null, message: null }} actions={{ copyReport: vi.fn(), clear: vi.fn() }} />);
    expect(loading.querySelector('.hint')!.textContent).toBe('Wird geladen …');
  });

  it('the notifications section: every label German, the alert kinds after "Benachrichtigen, wenn"', () => {
    const root = mount(<NotificationsSection data={{ t: DE.t, settings: { ...DEFAULT_NOTIFY_SETTINGS, enabled: false }, error: null }} actions={{ change: vi.fn() }} />);
    expect(root.querySelector('h2')!.textContent).toBe('Benachrichtigungen');
    expect([...root.querySelectorAll('legend')].map((l) => l.textContent)).toEqual(['Benachrichtigen, wenn', 'Ruhezeiten', 'Zusammenfassen']);
    const labels = [...root.querySelectorAll('label')].map((l) => l.textContent);
    expect(labels).toContain('ein Paket möglicherweise verloren gegangen ist');
    expect(labels).toContain('der Paketdienst ein Problem meldet');
    expect(labels).toEqual(expect.arrayContaining(['Desktop-Benachrichtigungen anzeigen', 'Von', 'bis', 'Zu einer Benachrichtigung zusammenfassen, wenn mehr als']));
    expect(root.textContent).toContain('Aus: Warnungen erscheinen weiterhin im Porchlight-Fenster.');
    expect(root.textContent).toContain('gleichzeitig eintreffen');
    expect(root.textContent).not.toMatch(/\b(parcel|notifications?|the|when)\b/i);
  });

  it('the alert thresholds section and its errors and warnings, with German numbers', () => {
    const errors = { 'stalled.customs': (applyThreshold(DE.t, DEFAULT_ALERT_SETTINGS, 'stalled.customs', '0') as { error: string }).error };
    expect(errors['stalled.customs']).toBe('Geben Sie eine Zahl von 0,5 bis 90 ein.');
    const warnings = thresholdWarnings(DE, { ...DEFAULT_ALERT_SETTINGS, lostDays: { domestic: 1, international: 2.5 } });
    expect(warnings).toEqual([
      'Pakete im Inland würden als verloren gelten (1 Tag), bevor sie als stillstehend gelten (4 Tage).',
      'Internationale Pakete würden als verloren gelten (2,5 Tage), bevor sie als stillstehend gelten (7 Tage).',
    ]);
    const root = mount(<AlertThresholdsSection data={{ t: DE.t, settings: DEFAULT_ALERT_SETTINGS, errors, warnings }} actions={{ change: vi.fn() }} />);
    expect(root.querySelector('h2')!.textContent).toBe('Schwellenwerte für Warnungen');
    expect([...root.querySelectorAll('legend')].map((l) => l.textContent)).toEqual(['Stillstand nach (Tage ohne Neuigkeiten)', 'Verlustverdacht nach (Tage ohne Neuigkeiten)', 'Verspätet']);
    expect(root.querySelector('label[for="threshold-stalled-customs"]')!.textContent).toBe('Beim Zoll');
    expect(root.querySelector('label[for="threshold-etaGraceHours"]')!.parentElement!.textContent).toContain('Stunden');
    expect(root.querySelector('.field__error')!.textContent).toBe('Geben Sie eine Zahl von 0,5 bis 90 ein.');
    expect(root.textContent).not.toMatch(/\b(days|hours|parcel|after)\b/i);
  });

  it('the input errors and the quiet hours refusal', () => {
    expect(parseNumber(DE.t, 'abc', 0, 60)).toEqual({ ok: false, error: 'Geben Sie eine Zahl ein.' });
    expect(parseNumber(DE.t, '2.5', 0, 60, { integer: true })).toEqual({ ok: false, error: 'Geben Sie eine ganze Zahl ein.' });
    expect(applyNotifyChange(DE.t, DEFAULT_NOTIFY_SETTINGS, { field: 'quietStart', value: 'noon' })).toEqual({ ok: false, error: 'Geben Sie eine Uhrzeit in Stunden und Minuten ein, z. B. 22:00.' });
    const quiet = { ...DEFAULT_NOTIFY_SETTINGS, quietHours: { start: '22:00', end: '07:00' } };
    expect(applyNotifyChange(DE.t, quiet, { field: 'quietEnd', value: '22:00' })).toEqual({ ok: false, error: 'Die Ruhezeiten müssen zu verschiedenen Uhrzeiten beginnen und enden.' });
  });

  it('the data section: headings, buttons, hints and the delete confirmation', () => {
    const counts = { orders: 2, packages: 1, events: 1200, alerts: 0 };
    const data: DataData = {
      t: DE.t,
      stored: storedText(DE, counts, 2.5 * 1024 * 1024),
      busy: null,
      keys: { include: true, passphrase: '', saved: 1, minPassphrase: 10, restore: { file: 'sicherung.json', unlocked: null } },
      claimChoices: [{ id: 'p1', label: claimChoiceLabel(DE, { id: 'p1', label: null, trackingNumber: null, orderId: '302-1', carrier: null }) }],
      claimPackage: 'p1',
      message: null,
      confirmingDelete: true,
      deleteWarning: deleteWarningText(DE, counts),
    };
    const root = mount(<DataSection data={data} actions={new Proxy({}, { get: () => vi.fn() }) as unknown as DataActions} />);
    expect(root.querySelector('h2')!.textContent).toBe('Daten');
    expect([...root.querySelectorAll('h3')].map((h) => h.textContent)).toEqual(['Exportieren', 'Importieren', 'Reklamationsmappe', 'Löschen']);
    expect(root.querySelector('.hint')!.textContent).toBe('In diesem Browser gespeichert: 1 Paket, 2 Bestellungen, 1.200 Sendungsereignisse, 0 Warnungen, insgesamt etwa 2,5 MB.');
    const buttons = [...root.querySelectorAll('button')].map((b) => b.textContent);
    expect(buttons).toEqual(expect.arrayContaining(['Sicherung exportieren', 'CSV exportieren', 'Pakete als CSV exportieren', 'Kalender exportieren', 'Schlüssel entsperren', 'Weglassen', 'Reklamationsmappe speichern', 'Ja, alles löschen', 'Abbrechen']));
    expect(root.textContent).toContain('Mindestens 10 Zeichen.');
    expect(root.textContent).toContain('sicherung.json enthält Zugangsschlüssel von Paketdiensten');
    expect(root.querySelector('option')!.textContent).toBe('Bestellung 302-1');
    expect(root.querySelector('#delete-confirm-text')!.textContent).toMatch(/^Damit wird alles gelöscht, was Porchlight in diesem Browser speichert: 1 Paket, 2 Bestellungen/);
    expect(root.textContent).not.toMatch(/\b(parcels?|the|your|delete|saved?)\b/i);
  });

  it('what an export, an import, a deletion and a list of numbers did, in German', () => {
    expect(exportedText(DE, 'backup', 'porchlight-backup-2026-11-23.json', 2048)).toBe('Sicherung gespeichert als porchlight-backup-2026-11-23.json (2 KB).');
    const table = (added: number, updated = 0, unchanged = 0) => ({ added, updated, unchanged });
    const summary = { tables: { orders: table(0), packages: table(12, 3), events: table(40), alerts: table(0, 0, 5), notifications: table(0) }, settings: {} } as unknown as Parameters<typeof importedText>[1];
    expect(importedText(DE, summary)).toBe('Importiert: 12 Pakete hinzugefügt, 3 aktualisiert; 40 Ereignisse hinzugefügt. 5 Einträge waren schon vorhanden. Die Einstellungen aus der Sicherung wurden wiederhergestellt.');
    expect(deletedText(DE, { packages: 1, orders: 1, events: 3, alerts: 0, notifications: 2 }, ['settings', 'credentials'])).toBe(
      'Gelöscht: 1 Paket, 1 Bestellung, 3 Sendungsereignisse, 0 Warnungen und 2 Benachrichtigungseinträge, außerdem Ihre Einstellungen und die Zugangsschlüssel der Paketdienste. Porchlight ist in diesem Browser wie neu.',
    );
    expect(numbersImportedText(DE, readTrackingList(''), { added: 0, known: 0 })).toBe('Keine Sendungsnummer in der Datei gefunden.');
    expect(numbersImportedText(DE, readTrackingList('1Z999AA10123456784'), { added: 1, known: 0 })).toBe('1 Nummer hinzugefügt.');
  });
});
