/**
 * The options page's Data section (issue #12) in happy-dom, through its buttons and file input:
 * export a backup, delete everything after confirming, import it back, refuse a truncated file
 * with a visible message and nothing changed.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { OptionsDeps } from '../../../entrypoints/options/deps';
import { EN } from '../../support/i18n';
import { OptionsApp } from '../../../entrypoints/options/options-app';
import { tableCounts } from '../../../lib/db/backup-store';
import type { PorchlightDb } from '../../../lib/db/database';
import { parseSettings, type Settings } from '../../../lib/settings';
import { HOSTILE, seedWorld, WORLD_NOW } from '../backup/backup-world';
import { act } from 'preact/test-utils';
import { button, click, mount, text, waitFor } from './dom';
import { memoryFiles } from './file-deps';

let db: PorchlightDb | null = null;
let cleanup: (() => void) | null = null;
afterEach(async () => {
  cleanup?.();
  cleanup = null;
  await db?.delete();
  db = null;
});

async function page(keys: Record<string, Record<string, string>> = {}) {
  db = await seedWorld();
  const store: { settings?: Settings; credentials?: Record<string, Record<string, string>> } = { settings: { ...parseSettings({}), amazonTracker: false }, credentials: keys };
  const origins: string[][] = [];
  const files = memoryFiles(() => {
    const keys = Object.keys(store);
    for (const k of keys) delete store[k as keyof typeof store];
    return keys;
  });
  const deps: OptionsDeps = {
    db,
    loadSettings: async () => parseSettings(store.settings),
    saveSettings: async (s) => {
      store.settings = s;
    },
    loadCredentials: async () => ({ ...store.credentials }),
    saveCredentials: async (id, c) => {
      store.credentials = { ...store.credentials, [id]: c! };
    },
    requestOrigins: async (o) => {
      origins.push([...o]);
      return true;
    },
    removeOrigins: async () => true,
    testConnection: async () => ({ ok: true, message: '' }),
    copyText: async () => {},
    now: () => WORLD_NOW,
    timeZone: 'UTC',
    ui: EN,
    version: '0.1.0',
    userAgent: 'TestBrowser/1.0',
    ...files.deps,
  };
  const m = mount(<OptionsApp deps={deps} />);
  cleanup = m.unmount;
  const section = await waitFor(() => {
    const s = m.root.querySelector('#data') as HTMLElement;
    expect(text(s)).toMatch(/Stored in this browser: \d+ parcels/);
    return s;
  });
  return { section, files, store, db, origins };
}

function choose(section: HTMLElement, name: string, content: string, label = 'Import backup') {
  const input = [...section.querySelectorAll('input[type="file"]')].find((i) => section.querySelector(`label[for="${i.id}"]`)?.textContent === label) as HTMLInputElement;
  Object.defineProperty(input, 'files', { value: [new File([content], name, { type: 'application/json' })], configurable: true });
  input.dispatchEvent(new Event('change', { bubbles: true }));
}

const status = (section: HTMLElement) => text(section.querySelector('[role="status"], [role="alert"]'));

function type(input: HTMLInputElement, value: string) {
  act(() => {
    input.value = value;
    input.dispatchEvent(new Event('input', { bubbles: true }));
  });
}

describe('Data section', () => {
  it('carrier keys: left out unless ticked; sealed with the passphrase; restored only with it, after the hosts are granted', async () => {
    const ups = { clientId: 'ups-id-1', clientSecret: 'ups-secret-9f2' };
    const { section, files, store, origins } = await page({ ups });
    click(button(section, 'Export backup'));
    await waitFor(() => expect(files.saved.size).toBe(1));
    expect([...files.saved.values()][0]!.text).not.toMatch(/carrierKeys|ups-secret/);
    files.saved.clear();

    const box = await waitFor(() => {
      const b = section.querySelector('fieldset.keys input[type="checkbox"]') as HTMLInputElement;
      expect(b.disabled).toBe(false);
      return b;
    });
    click(box);
    const pass = await waitFor(() => section.querySelector('#keys-passphrase') as HTMLInputElement);
    expect(text(section.querySelector('#export-backup-hint'))).toMatch(/your carrier keys locked with your passphrase/);
    type(pass, 'short');
    click(button(section, 'Export backup'));
    await waitFor(() => expect(status(section)).toBe('Choose a passphrase of at least 10 characters for your carrier keys. Nothing was saved.'));
    expect(files.saved.size).toBe(0);
    type(pass, 'a long enough passphrase');
    click(button(section, 'Export backup'));
    await waitFor(() => expect(status(section)).toMatch(/It holds your carrier keys, locked with your passphrase\.$/), 20_000);
    const sealed = [...files.saved.values()][0]!.text;
    expect(JSON.parse(sealed).carrierKeys).toMatchObject({ cipher: 'AES-256-GCM', kdf: 'PBKDF2-SHA256' });
    expect(sealed).not.toContain('ups-secret-9f2');

    store.credentials = {};
    choose(section, 'with-keys.json', sealed);
    await waitFor(() => expect(status(section)).toMatch(/It also holds carrier keys: enter its passphrase below to restore them\.$/));
    const form = section.querySelector('.keys-restore form') as HTMLFormElement;
    type(form.querySelector('#restore-passphrase') as HTMLInputElement, 'the wrong passphrase');
    act(() => void form.dispatchEvent(new Event('submit', { bubbles: true, cancelable: true })));
    await waitFor(() => expect(status(section)).toMatch(/^That passphrase does not open the carrier keys/), 20_000);
    expect(store.credentials).toEqual({});
    type(form.querySelector('#restore-passphrase') as HTMLInputElement, 'a long enough passphrase');
    act(() => void form.dispatchEvent(new Event('submit', { bubbles: true, cancelable: true })));
    await waitFor(() => expect(status(section)).toBe('Unlocked keys for UPS Track API. Save them to use them in this browser.'), 20_000);
    expect(store.credentials).toEqual({});
    click(button(section, 'Save these keys'));
    await waitFor(() => expect(status(section)).toBe('Restored keys for UPS Track API.'));
    expect(origins).toEqual([['https://onlinetools.ups.com/*', 'https://wwwcie.ups.com/*']]);
    expect(store.credentials).toEqual({ ups });
  });

  it('export backup → delete all (confirmed) → import: everything is back, settings too', async () => {
    const { section, files, store, db } = await page();
    const before = await tableCounts(db);

    click(button(section, 'Export backup'));
    await waitFor(() => expect(status(section)).toBe(`Backup saved as porchlight-backup-2024-12-20.json (${(files.saved.get('porchlight-backup-2024-12-20.json')!.text.length / 1024).toFixed(0)} KB).`));
    const backup = files.saved.get('porchlight-backup-2024-12-20.json')!;
    expect(backup.type).toBe('application/json');
    expect(JSON.parse(backup.text).settings.amazonTracker).toBe(false);

    click(button(section, 'Delete all data…'));
    expect(text(section.querySelector('.confirm'))).toMatch(/This deletes everything .* cannot be undone/);
    expect(await tableCounts(db)).toEqual(before);
    click(button(section, 'Yes, delete everything'));
    await waitFor(() => expect(status(section)).toMatch(new RegExp(`^Deleted ${before.packages} parcels, ${before.orders} orders, .* and your settings and carrier keys`)));
    expect(await tableCounts(db)).toEqual({ orders: 0, packages: 0, events: 0, alerts: 0, notifications: 0 });
    expect(store).toEqual({});

    choose(section, 'porchlight-backup-2024-12-20.json', backup.text);
    await waitFor(() => expect(status(section)).toMatch(new RegExp(`^Imported: ${before.orders} orders added; ${before.packages} parcels added; .* Its settings were restored\\.$`)));
    expect(await tableCounts(db)).toEqual(before);
    expect(store.settings?.amazonTracker).toBe(false);
    // Markup from a page is shown as text, never run or rendered.
    expect(section.querySelector('script, img')).toBeNull();
  });

  it('a truncated backup is refused with a visible message, and nothing changes', async () => {
    const { section, files, db } = await page();
    click(button(section, 'Export backup'));
    await waitFor(() => expect(files.saved.size).toBe(1));
    const [backup] = [...files.saved.values()];
    const before = await tableCounts(db);
    await db.packages.update((await db.packages.toCollection().first())!.id, { label: HOSTILE });
    choose(section, 'cut.json', backup!.text.slice(0, backup!.text.length - 200));
    const alert = await waitFor(() => {
      const a = section.querySelector('[role="alert"]');
      expect(a).not.toBeNull();
      return a!;
    });
    expect(text(alert)).toMatch(/^cut\.json was not imported\. .*truncated/);
    expect(await tableCounts(db)).toEqual(before);
  });

  it('Import tracking numbers sends what the one parser read to the background, and says what it could not read', async () => {
    const { section, files } = await page();
    choose(section, 'numbers.csv', '\uFEFFTracking number;Carrier\r\n1Z879E930346834440;UPS\r\n1Z879E930346834441;UPS\r\n', 'Import tracking numbers');
    await waitFor(() => expect(status(section)).toMatch(/^1 number added \(column "Tracking number"\)\. Not read: "1Z879E930346834441"/));
    expect(files.tracked).toEqual([{ number: '1Z879E930346834440', carrier: 'ups' }]);
  });

  it('Save claim kit saves a printable page for the chosen parcel', async () => {
    const { section, files, db } = await page();
    const select = await waitFor(() => {
      const s = section.querySelector('select') as HTMLSelectElement;
      expect(s.options.length).toBe(8);
      return s;
    });
    expect(section.querySelector(`label[for="${select.id}"]`)?.textContent).toBe('Claim kit for');
    const [pkg] = await db.packages.where('trackingNumber').equals('1Z999AA10123456784').toArray();
    act(() => {
      select.selectedIndex = [...select.options].findIndex((o) => o.value === pkg!.id);
    });
    expect(select.value).toBe(pkg!.id);
    act(() => {
      select.dispatchEvent(new Event('change', { bubbles: true }));
    });
    click(button(section, 'Save claim kit'));
    await waitFor(() => expect(status(section)).toMatch(/^Claim kit saved as porchlight-claim-1Z999AA10123456784-2024-12-20\.html/));
    expect(files.saved.get('porchlight-claim-1Z999AA10123456784-2024-12-20.html')!.text).toMatch(/^<!doctype html>.*1Z999AA10123456784/s);
  });

  it('the CSV and calendar buttons save their files', async () => {
    const { section, files } = await page();
    for (const label of ['Export CSV', 'Export parcels CSV', 'Export calendar']) {
      click(button(section, label));
      await waitFor(() => expect(status(section)).toMatch(/ saved as /));
    }
    expect([...files.saved.keys()].sort()).toEqual(['porchlight-deliveries-2024-12-20.ics', 'porchlight-events-2024-12-20.csv', 'porchlight-parcels-2024-12-20.csv']);
    expect(files.saved.get('porchlight-deliveries-2024-12-20.ics')!.text).toMatch(/^BEGIN:VCALENDAR\r\n/);
  });
});
