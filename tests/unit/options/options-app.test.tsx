/**
 * The whole options page with injected deps (fake permissions, storage, clipboard and connection test)
 * and a real Dexie database on fake-indexeddb: what the page does on each user action.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { OptionsApp } from '../../../entrypoints/options/options-app';
import type { OptionsDeps } from '../../../entrypoints/options/deps';
import { EN } from '../../support/i18n';
import { memoryFiles } from './file-deps';
import { spend } from '../../../lib/carriers/budgets';
import type { Credentials } from '../../../lib/carriers/client';
import { PorchlightDb } from '../../../lib/db/database';
import { diagnostics, kv } from '../../../lib/db/repositories';
import { parseSettings, type Settings } from '../../../lib/settings';
import { button, byLabel, click, mount, text, toggle, type, waitFor } from './dom';

const NOW = Date.parse('2026-03-10T14:30:00Z');
let n = 0;

interface World {
  deps: OptionsDeps;
  stored: { settings: Settings; credentials: Record<string, Credentials> };
  granted: Set<string>;
  answer: { grant: boolean };
  calls: string[];
}

function world(over: Partial<OptionsDeps> = {}): World {
  const stored = { settings: parseSettings(undefined), credentials: {} as Record<string, Credentials> };
  const granted = new Set<string>();
  const answer = { grant: true };
  const calls: string[] = [];
  const deps: OptionsDeps = {
    db: new PorchlightDb(`options-test-${++n}`),
    loadSettings: async () => structuredClone(stored.settings),
    saveSettings: vi.fn(async (s: Settings) => {
      calls.push('saveSettings');
      stored.settings = structuredClone(s);
    }),
    loadCredentials: async () => structuredClone(stored.credentials),
    saveCredentials: vi.fn(async (id: string, c: Credentials | null) => {
      calls.push(`saveCredentials:${id}`);
      if (c) stored.credentials[id] = c;
      else delete stored.credentials[id];
    }),
    requestOrigins: vi.fn(async (origins: readonly string[]) => {
      calls.push(`request:${origins.join(',')}`);
      if (answer.grant) for (const o of origins) granted.add(o);
      return answer.grant;
    }),
    removeOrigins: vi.fn(async (origins: readonly string[]) => {
      calls.push(`remove:${origins.join(',')}`);
      for (const o of origins) granted.delete(o);
      return true;
    }),
    testConnection: vi.fn(async () => ({ ok: true, message: 'UPS Track API: connected, credentials accepted.' })),
    copyText: vi.fn(async () => {}),
    now: () => NOW,
    timeZone: 'UTC',
    ui: EN,
    version: '0.1.0',
    userAgent: 'TestBrowser/1.0',
    ...memoryFiles().deps,
    ...over,
  };
  return { deps, stored, granted, answer, calls };
}

let cleanup: (() => void) | null = null;
let w: World;
beforeEach(() => {
  w = world();
});
afterEach(async () => {
  cleanup?.();
  cleanup = null;
  w.deps.db.close();
});

async function open(wd: World = w) {
  const m = mount(<OptionsApp deps={wd.deps} />);
  cleanup = m.unmount;
  await waitFor(() => expect(m.root.querySelector('#sources')).not.toBeNull());
  return m.root;
}
const card = (root: HTMLElement, id: string) => root.querySelector(`[data-provider="${id}"]`) as HTMLElement;

describe('options page', () => {
  it('shows the sections in order', async () => {
    const root = await open();
    expect([...root.querySelectorAll('section h2')].map(text)).toEqual([
      'Sources',
      'Page reading',
      'Webmail scanning (opt-in)',
      'Carrier tracking pages',
      'Other shops',
      'Alert thresholds',
      'Notifications',
      'The list',
      'Data',
      'Sync across your browsers',
      'Diagnostics',
    ]);
  });

  it('Save asks for the provider host permission first and saves only when granted', async () => {
    const root = await open();
    const ups = card(root, 'ups');
    type(byLabel(ups, 'Client ID'), 'ups-client');
    type(byLabel(ups, 'Client Secret'), 'ups-secret-ABCD1234');
    click(button(ups, 'Save'));
    await waitFor(() => expect(text(ups.querySelector('.status__label'))).toBe('Saved'));
    expect(w.calls).toEqual(['request:https://onlinetools.ups.com/*,https://wwwcie.ups.com/*', 'saveCredentials:ups']);
    expect(w.stored.credentials.ups).toEqual({ clientId: 'ups-client', clientSecret: 'ups-secret-ABCD1234' });
    // The secret is gone from the page; only its last 4 characters are shown.
    await waitFor(() => expect(byLabel(ups, 'Client Secret').value).toBe(''));
    expect([...ups.querySelectorAll('.saved')].map(text)).toEqual(['saved: ups-client', 'saved ••••1234']);
    expect(root.innerHTML).not.toContain('ups-secret-ABCD');
    expect(text(ups.querySelector('.badge'))).toBe('In use');
  });

  it('Save with the permission refused stores nothing and says why', async () => {
    w.answer.grant = false;
    const root = await open();
    const dhl = card(root, 'dhl');
    type(byLabel(dhl, 'Consumer Key'), 'dhl-key-12345678');
    click(button(dhl, 'Save'));
    await waitFor(() => expect(text(dhl.querySelector('.status__label'))).toBe('Permission refused'));
    expect(text(dhl.querySelector('.status__message'))).toBe(
      'Not saved: Porchlight needs permission to reach api-eu.dhl.com to use DHL Shipment Tracking – Unified, and the browser did not grant it.',
    );
    expect(w.deps.saveCredentials).not.toHaveBeenCalled();
    expect(w.stored.credentials).toEqual({});
  });

  it('Save with a missing field asks for nothing and marks the field', async () => {
    const root = await open();
    const ups = card(root, 'ups');
    type(byLabel(ups, 'Client ID'), 'only-id');
    click(button(ups, 'Save'));
    await waitFor(() => expect(text(ups.querySelector('.field__error'))).toBe('Client Secret is required.'));
    expect(w.deps.requestOrigins).not.toHaveBeenCalled();
  });

  it('Test connection uses the saved secret when its field is left empty and shows the verdict', async () => {
    w.stored.credentials.ups = { clientId: 'id-1', clientSecret: 'saved-secret-9999' };
    w.deps.testConnection = vi.fn(async () => ({
      ok: false,
      message: 'UPS Track API: the credentials were refused. Check them and that the app has the tracking product.',
      error: { kind: 'auth' as const, message: 'ups: 401', httpStatus: 401 },
    }));
    const root = await open();
    const ups = card(root, 'ups');
    click(button(ups, 'Test connection'));
    await waitFor(() => expect(text(ups.querySelector('.status__label'))).toBe('Credentials refused (auth)'));
    expect(w.deps.testConnection).toHaveBeenCalledWith('ups', { clientId: 'id-1', clientSecret: 'saved-secret-9999' });
    expect(w.calls[0]).toBe('request:https://onlinetools.ups.com/*,https://wwwcie.ups.com/*');
    expect(text(ups.querySelector('.status__message'))).toBe('UPS Track API: the credentials were refused. Check them and that the app has the tracking product.');
  });

  it('a connection test that throws shows the error instead of breaking the page', async () => {
    w.stored.credentials['17track'] = { apiKey: 'k-123456789' };
    w.deps.testConnection = vi.fn(async () => {
      throw new Error('boom');
    });
    const root = await open();
    const c = card(root, '17track');
    click(button(c, 'Test connection'));
    await waitFor(() => expect(text(c.querySelector('.status'))).toBe('Test failed boom'));
    expect(button(c, 'Save').disabled).toBe(false);
  });

  it('Remove deletes the credentials and gives the permission back', async () => {
    w.stored.credentials.ship24 = { apiKey: 'ship24-key-0000' };
    const root = await open();
    const s = card(root, 'ship24');
    click(button(s, 'Remove'));
    await waitFor(() => expect(text(s.querySelector('.status__label'))).toBe('Removed'));
    expect(w.stored.credentials).toEqual({});
    expect(w.calls).toEqual(['saveCredentials:ship24', 'remove:https://api.ship24.com/*']);
    expect(text(s.querySelector('.badge'))).toBe('Not set up');
  });

  it('the provider switch and the Amazon tracker switch are stored in settings', async () => {
    const root = await open();
    toggle(byLabel(card(root, 'fedex'), 'Use FedEx Track API'), false);
    await waitFor(() => expect(w.stored.settings.disabledProviders).toEqual(['fedex']));
    toggle(byLabel(root, 'Amazon’s own tracker'), false);
    await waitFor(() => expect(w.stored.settings.amazonTracker).toBe(false));
    expect(w.stored.settings.disabledProviders).toEqual(['fedex']);
    toggle(byLabel(card(root, 'fedex'), 'Use FedEx Track API'), true);
    await waitFor(() => expect(w.stored.settings.disabledProviders).toEqual([]));
  });

  it('shows budget usage from the kv table and follows it live', async () => {
    w.stored.credentials.dhl = { apiKey: 'dhl-0123456789' };
    await kv.set(w.deps.db, 'carrierBudgets', spend({}, 'dhl', NOW - 3_600_000));
    const root = await open();
    const lines = () => [...card(root, 'dhl').querySelectorAll('.budget li')].map(text);
    await waitFor(() => expect(lines()[1]).toBe('1 of 250 requests per day used, 249 left; resets 00:00 (in 9 h 30 min)'));
    await kv.set(w.deps.db, 'carrierBudgets', spend(spend({}, 'dhl', NOW - 3_600_000), 'dhl', NOW - 500));
    await waitFor(() =>
      expect(lines()).toEqual([
        '1 of 1 requests per second used, 0 left; resets 14:30 (in 1 s)',
        '2 of 250 requests per day used, 248 left; resets 00:00 (in 9 h 30 min)',
      ]),
    );
  });

  it('notification changes are stored; a bad value is refused with a message', async () => {
    const root = await open();
    toggle(byLabel(root, 'A parcel was delivered'), false);
    await waitFor(() => expect(w.stored.settings.notifications.kinds.delivered).toBe(false));
    toggle(byLabel(root, 'Hold notifications during quiet hours'), false);
    await waitFor(() => expect(w.stored.settings.notifications.quietHours).toBeNull());
    toggle(byLabel(root, 'Hold notifications during quiet hours'), true);
    await waitFor(() => expect(w.stored.settings.notifications.quietHours).toEqual({ start: '22:00', end: '07:00' }));
    type(byLabel(root, 'to'), '06:30', 'change');
    await waitFor(() => expect(w.stored.settings.notifications.quietHours).toEqual({ start: '22:00', end: '06:30' }));
    const saves = (w.deps.saveSettings as ReturnType<typeof vi.fn>).mock.calls.length;
    type(byLabel(root, 'Group into one notification'), '50', 'change');
    await waitFor(() => expect(text(root.querySelector('#notifications [role="alert"]'))).toBe('Enter a number from 1 to 20.'));
    expect((w.deps.saveSettings as ReturnType<typeof vi.fn>).mock.calls.length).toBe(saves);
    expect(w.stored.settings.notifications.groupAbove).toBe(3);
    expect(w.stored.settings.notifications.kinds.delivered).toBe(false);
  });

  it('threshold changes are stored; out of range is refused', async () => {
    const root = await open();
    type(byLabel(root, 'In customs'), '8', 'change');
    await waitFor(() => expect(w.stored.settings.alerts.stalledDays.customs).toBe(8));
    type(byLabel(root, 'Domestic parcels'), '1', 'change');
    await waitFor(() => expect(w.stored.settings.alerts.lostDays.domestic).toBe(1));
    expect(text(root.querySelector('#thresholds .status--warn'))).toBe('Domestic parcels would count as lost (1 day) before stalled (4 days).');
    type(byLabel(root, 'Hours after the expected day'), '-1', 'change');
    await waitFor(() => expect(text(root.querySelector('#thresholds .field__error'))).toBe('Enter a number from 0 to 72.'));
    expect(w.stored.settings.alerts.etaGraceHours).toBe(0);
    // Typing a valid value back clears the message at once, before the field is left (issue #11 §7).
    type(byLabel(root, 'Hours after the expected day'), '4', 'input');
    await waitFor(() => expect(root.querySelector('#thresholds .field__error')).toBeNull());
    await waitFor(() => expect(w.stored.settings.alerts.etaGraceHours).toBe(4));
  });

  it('the list: History after N days is stored; a wrong value is said when the field is left', async () => {
    const root = await open();
    const field = byLabel(root, 'Move delivered, cancelled and returned parcels to History after');
    expect(field.value).toBe('3');
    type(field, '7', 'change');
    await waitFor(() => expect(w.stored.settings.historyAfterDays).toBe(7));
    type(field, '99', 'input');
    expect(root.querySelector('#list .field__error')).toBeNull();
    type(field, '99', 'change');
    await waitFor(() => expect(text(root.querySelector('#list .field__error'))).toBe('Enter a number from 0 to 60.'));
    expect(w.stored.settings.historyAfterDays).toBe(7);
  });

  it('webmail: on asks for the permission; refused keeps it off with a message; off gives it back', async () => {
    w.answer.grant = false;
    const root = await open();
    toggle(byLabel(root, 'Scan Gmail'), true);
    await waitFor(() =>
      expect(text(root.querySelector('[data-webmail="gmail"] [role="alert"]'))).toBe(
        'Gmail scanning stays off: the browser did not grant access to mail.google.com.',
      ),
    );
    expect(byLabel(root, 'Scan Gmail').checked).toBe(false);
    expect(w.stored.settings.webmail.gmail).toBe(false);

    w.answer.grant = true;
    toggle(byLabel(root, 'Scan Outlook on the web'), true);
    await waitFor(() => expect(w.stored.settings.webmail.outlook).toBe(true));
    expect([...w.granted]).toEqual(['https://outlook.live.com/*', 'https://outlook.office.com/*', 'https://outlook.office365.com/*']);
    toggle(byLabel(root, 'Scan Outlook on the web'), false);
    await waitFor(() => expect(w.stored.settings.webmail.outlook).toBe(false));
    expect(w.granted.size).toBe(0);
    expect(w.calls.filter((c) => c.startsWith('request:') || c.startsWith('remove:'))).toEqual([
      'request:https://mail.google.com/*',
      'request:https://outlook.live.com/*,https://outlook.office.com/*,https://outlook.office365.com/*',
      'remove:https://outlook.live.com/*,https://outlook.office.com/*,https://outlook.office365.com/*',
    ]);
  });

  it('diagnostics: empty state, live list, copy a report, clear', async () => {
    const root = await open();
    await waitFor(() => expect(text(root.querySelector('#diagnostics .empty'))).toBe('No problems recorded.'));
    await diagnostics.add(w.deps.db, {
      at: NOW - 120_000,
      shop: 'amazon',
      host: 'www.amazon.com',
      pageKind: 'order-history',
      code: 'fewer-orders',
      message: 'Page says 10 orders, read 9',
      layout: 'v2024',
      expected: 10,
      found: 9,
    });
    await diagnostics.add(w.deps.db, { at: NOW, shop: 'amazon', host: 'www.amazon.de', pageKind: 'track', code: 'unknown-layout', message: 'm', layout: null, expected: null, found: null });
    await waitFor(() => expect([...root.querySelectorAll('.diagnostic code')].map(text)).toEqual(['unknown-layout', 'fewer-orders']));
    click(button(root, 'Copy for a bug report'));
    await waitFor(() => expect(text(root.querySelector('#diagnostics [role="status"]'))).toBe('Copied a report with 2 records: paste it into your bug report.'));
    const copied = (w.deps.copyText as ReturnType<typeof vi.fn>).mock.calls[0]![0] as string;
    expect(copied.split('\n').slice(0, 6)).toEqual([
      'Porchlight diagnostics report',
      'Extension version: 0.1.0',
      'Browser: TestBrowser/1.0',
      'Generated: 2026-03-10T14:30:00.000Z',
      'Records: 2 (newest first)',
      '',
    ]);
    expect(copied).toContain('  code: unknown-layout\n');
    click(button(root, 'Clear'));
    await waitFor(() => expect(text(root.querySelector('#diagnostics .empty'))).toBe('No problems recorded.'));
    expect(await w.deps.db.diagnostics.count()).toBe(0);
  });

  it('a clipboard failure is reported, not thrown', async () => {
    w.deps.copyText = vi.fn(async () => {
      throw new Error('Document is not focused.');
    });
    const root = await open();
    await waitFor(() => expect(root.querySelector('#diagnostics .empty')).not.toBeNull());
    click(button(root, 'Copy for a bug report'));
    await waitFor(() => expect(text(root.querySelector('#diagnostics [role="status"]'))).toBe('Could not copy to the clipboard: Document is not focused.'));
  });

  it('unreadable settings show a clear error', async () => {
    w.deps.loadSettings = async () => {
      throw new Error('storage unavailable');
    };
    const m = mount(<OptionsApp deps={w.deps} />);
    cleanup = m.unmount;
    await waitFor(() => expect(text(m.root.querySelector('[role="alert"]'))).toBe('Could not read the settings: storage unavailable'));
  });

  it('follows settings changed elsewhere', async () => {
    let push: ((s: Settings) => void) | null = null;
    w.deps.watchSettings = (cb) => {
      push = cb;
      return () => {
        push = null;
      };
    };
    const root = await open();
    expect(byLabel(root, 'Scan Gmail').checked).toBe(false);
    const { act } = await import('preact/test-utils');
    act(() => push!({ ...parseSettings(undefined), webmail: { gmail: true, outlook: false } }));
    expect(byLabel(root, 'Scan Gmail').checked).toBe(true);
  });

  it('ignores a late echo of its own earlier write', async () => {
    let push: ((s: Settings) => void) | null = null;
    w.deps.watchSettings = (cb) => {
      push = cb;
      return () => {
        push = null;
      };
    };
    const root = await open();
    toggle(byLabel(root, 'A parcel was delivered'), false);
    await waitFor(() => expect(w.stored.settings.notifications.kinds.delivered).toBe(false));
    const firstWrite = structuredClone(w.stored.settings);
    toggle(byLabel(root, 'Amazon’s own tracker'), false);
    await waitFor(() => expect(w.stored.settings.amazonTracker).toBe(false));
    const { act } = await import('preact/test-utils');
    act(() => push!(firstWrite));
    expect(byLabel(root, 'Amazon’s own tracker').checked).toBe(false);
    toggle(byLabel(root, 'A parcel is out for delivery'), false);
    await waitFor(() => expect(w.stored.settings.notifications.kinds.out_for_delivery).toBe(false));
    expect(w.stored.settings.amazonTracker).toBe(false);
  });
});

describe('options page: sync across browsers (issue #12 §5)', () => {
  const status = (root: HTMLElement) => text(root.querySelector('#sync [role="status"]'));

  it('is off by default; turned on it is stored, and the last run is said in words (synced, left out, refused)', async () => {
    const root = await open();
    expect(byLabel(root, 'Sync my parcels to my other browsers').checked).toBe(false);
    expect(status(root)).toBe('');
    expect(text(root.querySelector('#sync .hint'))).toContain('Carrier keys and site permissions never sync.');
    toggle(byLabel(root, 'Sync my parcels to my other browsers'), true);
    await waitFor(() => expect(w.stored.settings.sync).toBe(true));
    await waitFor(() => expect(status(root)).toBe('Turned on: your parcels go to your other browsers in a moment.'));
    cleanup?.();

    const at = Date.parse('2026-03-10T14:25:00Z');
    await kv.set(w.deps.db, 'sync:status', { at, synced: 884, left: 9116, error: null, problems: [] });
    const again = await open();
    await waitFor(() =>
      expect(status(again)).toBe(
        'Synced 884 parcels at Mar 10, 2:25 PM. 9,116 older parcels do not fit in the browser’s sync storage (100 KB) and stay in this browser only.',
      ),
    );
    cleanup?.();

    await kv.set(w.deps.db, 'sync:status', { at, synced: 3, left: 0, error: 'MAX_WRITE_OPERATIONS_PER_MINUTE quota exceeded', problems: [] });
    const refused = await open();
    await waitFor(() => expect(refused.querySelector('#sync .status--bad')).not.toBeNull());
    expect(status(refused)).toBe('The browser refused to sync (MAX_WRITE_OPERATIONS_PER_MINUTE quota exceeded). Nothing here was lost; Porchlight tries again at the next change.');

    toggle(byLabel(refused, 'Sync my parcels to my other browsers'), false);
    await waitFor(() => expect(w.stored.settings.sync).toBe(false));
    expect(status(refused)).toBe('');
  });
});
