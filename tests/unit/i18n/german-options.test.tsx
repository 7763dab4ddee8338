/**
 * The options page in German (issue #13 §2), the sections translated so far: the list, sync and
 * diagnostics sections rendered with the German messages say German words, with German numbers and dates;
 * the browser's own error text stays as the browser said it.
 */
import { render } from 'preact';
import { describe, expect, it, vi } from 'vitest';
import { DiagnosticsSection } from '../../../components/options/diagnostics-section';
import { ListSection } from '../../../components/options/list-section';
import { SyncSection } from '../../../components/options/sync-section';
import { diagnosticViews } from '../../../lib/view/options-diagnostics';
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
    expect(one.querySelector('label')!.textContent).toBe('Zugestellte, stornierte und zurückgesandte Sendungen in den Verlauf verschieben nach');
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
    expect(root.textContent).toContain('Meine Sendungen mit meinen anderen Browsern synchronisieren');
    expect(root.textContent).toContain('Zugangsschlüssel der Versanddienste und Website-Berechtigungen werden nie synchronisiert.');
    expect(root.textContent).not.toMatch(/\b(your|parcels|sync)\b/);
  });

  it('every sync status line, in German with a German date; the browser’s error as it came', () => {
    const tz = 'Europe/Berlin';
    expect(syncStatusText(null, false, tz, DE)).toBeNull();
    expect(syncStatusText(null, true, tz, DE)!.text).toBe('Eingeschaltet: Ihre Sendungen werden gleich an Ihre anderen Browser übertragen.');
    expect(syncStatusText(status({ synced: 1 }), true, tz, DE)).toEqual({ tone: 'good', text: '1 Sendung synchronisiert am 23. Nov., 16:05.' });
    expect(syncStatusText(status({ synced: 1200 }), true, tz, DE)!.text).toBe('1.200 Sendungen synchronisiert am 23. Nov., 16:05.');
    expect(syncStatusText(status({ synced: 0 }), true, tz, DE)!.text).toBe('Die Synchronisierung ist eingeschaltet (geprüft am 23. Nov., 16:05): noch keine Sendungsnummern zum Teilen.');
    expect(syncStatusText(status({ synced: 40, left: 1 }), true, tz, DE)!.text).toBe(
      '40 Sendungen synchronisiert am 23. Nov., 16:05. 1 ältere Sendung passt nicht in den Synchronisierungsspeicher des Browsers (100 KB) und bleibt nur in diesem Browser.',
    );
    expect(syncStatusText(status({ synced: 40, left: 2 }), true, tz, DE)!.text).toContain('2 ältere Sendungen passen nicht');
    expect(syncStatusText(status({ problems: ['bad entry'] }), true, tz, DE)!.text).toBe(
      '3 Sendungen synchronisiert am 23. Nov., 16:05. Ein Teil dessen, was ein anderer Browser synchronisiert hat, war nicht lesbar und wurde unverändert gelassen (bad entry).',
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
});
