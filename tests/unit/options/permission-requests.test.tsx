/**
 * Least privilege, end to end on the options page (issue #10): each optional host is asked for through
 * the real `browser.permissions.request` (lib/platform/permissions.ts, as createBrowserDeps wires it)
 * when the shopper switches its feature on, only then, and given back when it is switched off. The
 * fake permission API refuses any host the manifest does not declare optional, as Chrome does.
 */
import { memoryFiles } from './file-deps';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { browser } from 'wxt/browser';
import { OptionsApp } from '../../../entrypoints/options/options-app';
import type { OptionsDeps } from '../../../entrypoints/options/deps';
import { EN } from '../../support/i18n';
import { CLIENTS, CONFIGURABLE_PROVIDER_IDS, fieldLabel, PROVIDER_INFO } from '../../../lib/carriers/clients';
import type { Credentials } from '../../../lib/carriers/client';
import { PorchlightDb } from '../../../lib/db/database';
import { CARRIER_PAGE_SITES } from '../../../lib/carrier-pages/registry';
import {
  AMAZON_MATCH_PATTERNS,
  ANY_SITE_PAGE_PATTERNS,
  CARRIER_API_HOSTS,
  CARRIER_PAGE_HOSTS,
  OPTIONAL_HOST_PATTERNS,
  SHOP_PAGE_HOSTS,
  SHOP_SITES,
  WEBMAIL_HOSTS,
} from '../../../lib/hosts';
import { releaseHosts, requestHosts } from '../../../lib/platform/permissions';
import { parseSettings, type Settings } from '../../../lib/settings';
import { type FakePermissions, fakePermissions } from '../../support/fake-permissions';
import { button, byLabel, click, mount, text, toggle, type, waitFor } from './dom';

let n = 0;
let perms: FakePermissions;
let stored: { settings: Settings; credentials: Record<string, Credentials> };
let deps: OptionsDeps;
let unmount: (() => void) | null = null;

beforeEach(() => {
  perms = fakePermissions(OPTIONAL_HOST_PATTERNS, AMAZON_MATCH_PATTERNS);
  stored = { settings: parseSettings(undefined), credentials: {} };
  deps = {
    db: new PorchlightDb(`permission-requests-${++n}`),
    loadSettings: async () => structuredClone(stored.settings),
    saveSettings: async (s) => {
      stored.settings = structuredClone(s);
    },
    loadCredentials: async () => structuredClone(stored.credentials),
    saveCredentials: async (id, c) => {
      if (c) stored.credentials[id] = c;
      else delete stored.credentials[id];
    },
    requestOrigins: requestHosts,
    removeOrigins: releaseHosts,
    testConnection: vi.fn(async () => ({ ok: true, message: 'connected' })),
    copyText: async () => {},
    now: () => Date.parse('2026-03-10T14:30:00Z'),
    timeZone: 'UTC',
    ui: EN,
    version: '0.1.0',
    userAgent: 'TestBrowser/1.0',
    ...memoryFiles().deps,
  };
});
afterEach(() => {
  unmount?.();
  unmount = null;
  deps.db.close();
});

async function open() {
  const m = mount(<OptionsApp deps={deps} />);
  unmount = m.unmount;
  await waitFor(() => expect(m.root.querySelector('#sources')).not.toBeNull());
  return m.root;
}
const card = (root: HTMLElement, id: string) => root.querySelector(`[data-provider="${id}"]`) as HTMLElement;

/** Fills every required credential field of a provider's card with something valid. */
function fillCredentials(c: HTMLElement, id: (typeof CONFIGURABLE_PROVIDER_IDS)[number]) {
  for (const f of PROVIDER_INFO[id].fields) {
    if (f.optional || f.options) continue;
    type(byLabel(c, fieldLabel(f, EN.t)), `${f.key}-value-0123456789`);
  }
}

describe('optional hosts are asked for when their feature is switched on', () => {
  it('opening the page asks for nothing', async () => {
    await open();
    expect(perms.requests).toEqual([]);
    expect([...perms.granted].sort()).toEqual([...AMAZON_MATCH_PATTERNS].sort());
  });

  it.each(CONFIGURABLE_PROVIDER_IDS)('%s: saving its key asks for exactly its API hosts; removing it gives them back', async (id) => {
    const root = await open();
    const c = card(root, id);
    fillCredentials(c, id);
    click(button(c, 'Save'));
    await waitFor(() => expect(text(c.querySelector('.status__label'))).toBe('Saved'));
    expect(perms.requests).toEqual([[...CARRIER_API_HOSTS[id]]]);
    for (const h of CARRIER_API_HOSTS[id]) expect(perms.granted.has(h)).toBe(true);

    click(button(c, 'Remove'));
    await waitFor(() => expect(text(c.querySelector('.status__label'))).toBe('Removed'));
    expect(perms.removals).toEqual([[...CARRIER_API_HOSTS[id]]]);
    for (const h of CARRIER_API_HOSTS[id]) expect(perms.granted.has(h)).toBe(false);
  });

  it.each(CONFIGURABLE_PROVIDER_IDS)('%s: switching a configured source off gives its hosts back, on asks again', async (id) => {
    stored.credentials[id] = Object.fromEntries(PROVIDER_INFO[id].fields.map((f) => [f.key, `${f.key}-saved-0123456789`]));
    for (const h of CARRIER_API_HOSTS[id]) perms.granted.add(h);
    const root = await open();
    const name = `Use ${PROVIDER_INFO[id].name}`;
    toggle(byLabel(card(root, id), name), false);
    await waitFor(() => expect(stored.settings.disabledProviders).toEqual([id]));
    await waitFor(() => expect(perms.removals).toEqual([[...CARRIER_API_HOSTS[id]]]));

    perms.answer.grant = false;
    toggle(byLabel(card(root, id), name), true);
    await waitFor(() => expect(text(card(root, id).querySelector('.status__label'))).toBe('Permission refused'));
    expect(stored.settings.disabledProviders).toEqual([id]);
    expect(byLabel(card(root, id), name).checked).toBe(false);

    perms.answer.grant = true;
    toggle(byLabel(card(root, id), name), true);
    await waitFor(() => expect(stored.settings.disabledProviders).toEqual([]));
    expect(perms.requests).toEqual([[...CARRIER_API_HOSTS[id]], [...CARRIER_API_HOSTS[id]]]);
  });

  it.each([
    ['gmail', 'Scan Gmail'],
    ['outlook', 'Scan Outlook on the web'],
  ] as const)('%s: turning scanning on asks for exactly its hosts; off gives them back', async (id, label) => {
    const root = await open();
    toggle(byLabel(root, label), true);
    await waitFor(() => expect(stored.settings.webmail[id]).toBe(true));
    expect(perms.requests).toEqual([[...WEBMAIL_HOSTS[id]]]);
    toggle(byLabel(root, label), false);
    await waitFor(() => expect(stored.settings.webmail[id]).toBe(false));
    expect(perms.removals).toEqual([[...WEBMAIL_HOSTS[id]]]);
    expect([...perms.granted].sort()).toEqual([...AMAZON_MATCH_PATTERNS].sort());
  });

  it.each(CARRIER_PAGE_SITES.map((s) => [s.site, s.name] as const))(
    'carrier pages, %s: its switch asks browser.permissions.request for exactly its hosts; off gives them back (issue #14)',
    async (id, name) => {
      const request = vi.mocked(browser.permissions.request);
      const root = await open();
      expect(request).not.toHaveBeenCalled();
      toggle(byLabel(root, `Read ${name} tracking pages`), true);
      await waitFor(() => expect(stored.settings.carrierPages[id]).toBe(true));
      expect(request).toHaveBeenCalledTimes(1);
      expect(request).toHaveBeenCalledWith({ origins: [...CARRIER_PAGE_HOSTS[id]!] });
      toggle(byLabel(root, `Read ${name} tracking pages`), false);
      await waitFor(() => expect(stored.settings.carrierPages[id]).toBe(false));
      expect(perms.removals).toEqual([[...CARRIER_PAGE_HOSTS[id]!]]);
      expect([...perms.granted].sort()).toEqual([...AMAZON_MATCH_PATTERNS].sort());
    },
  );

  it('carrier pages: refused, the switch stays off and says why (issue #14)', async () => {
    perms.answer.grant = false;
    const root = await open();
    toggle(byLabel(root, 'Read UPS tracking pages'), true);
    await waitFor(() => expect(text(root.querySelector('[data-carrier-page="ups"] [role="alert"]'))).toBe(
      'UPS pages stay unread: the browser did not grant access to www.ups.com, wwwapps.ups.com.',
    ));
    expect(stored.settings.carrierPages.ups).toBeUndefined();
    expect(perms.requests).toEqual([[...CARRIER_PAGE_HOSTS.ups!]]);
  });

  it('other shops, any site: its switch asks for every HTTPS site and nothing else; off gives it back (issue #15)', async () => {
    const request = vi.mocked(browser.permissions.request);
    const root = await open();
    expect(request).not.toHaveBeenCalled();
    toggle(byLabel(root, 'Read order pages on any site'), true);
    await waitFor(() => expect(stored.settings.anySitePages).toBe(true));
    expect(request).toHaveBeenCalledTimes(1);
    expect(request).toHaveBeenCalledWith({ origins: ['https://*/*'] });
    expect(stored.settings.shopPages).toEqual({});
    toggle(byLabel(root, 'Read order pages on any site'), false);
    await waitFor(() => expect(stored.settings.anySitePages).toBe(false));
    expect(perms.removals).toEqual([[...ANY_SITE_PAGE_PATTERNS]]);
    expect([...perms.granted].sort()).toEqual([...AMAZON_MATCH_PATTERNS].sort());
  });

  it.each(SHOP_SITES.map((s) => [s.id, s.label] as const))(
    'other shops, %s: its switch asks for exactly its hosts; off gives them back (issue #15)',
    async (id, label) => {
      const root = await open();
      toggle(byLabel(root, `Read ${label} order pages`), true);
      await waitFor(() => expect(stored.settings.shopPages[id]).toBe(true));
      expect(perms.requests).toEqual([[...SHOP_PAGE_HOSTS[id]!]]);
      expect(stored.settings.anySitePages).toBe(false);
      toggle(byLabel(root, `Read ${label} order pages`), false);
      await waitFor(() => expect(stored.settings.shopPages[id]).toBe(false));
      expect(perms.removals).toEqual([[...SHOP_PAGE_HOSTS[id]!]]);
      expect([...perms.granted].sort()).toEqual([...AMAZON_MATCH_PATTERNS].sort());
    },
  );

  it('other shops: refused, the switch stays off and says why (issue #15)', async () => {
    perms.answer.grant = false;
    const root = await open();
    toggle(byLabel(root, 'Read order pages on any site'), true);
    await waitFor(() =>
      expect(text(root.querySelector('[data-shop-page="any-site"] [role="alert"]'))).toBe(
        'Shops on other sites stay unread: the browser did not grant access to all websites.',
      ),
    );
    toggle(byLabel(root, 'Read Walmart order pages'), true);
    await waitFor(() =>
      expect(text(root.querySelector('[data-shop-page="walmart"] [role="alert"]'))).toBe(
        'Walmart pages stay unread: the browser did not grant access to walmart.com, walmart.ca.',
      ),
    );
    expect(stored.settings.anySitePages).toBe(false);
    expect(stored.settings.shopPages).toEqual({});
    expect(byLabel(root, 'Read order pages on any site').checked).toBe(false);
  });

  it('every optional host of the manifest is asked for by some feature, and no feature asks for any other', () => {
    const byFeature = [
      ...Object.values(CARRIER_API_HOSTS),
      ...Object.values(WEBMAIL_HOSTS),
      ...Object.values(CARRIER_PAGE_HOSTS),
      ...Object.values(SHOP_PAGE_HOSTS),
      ANY_SITE_PAGE_PATTERNS,
    ].flat();
    expect([...byFeature].sort()).toEqual([...OPTIONAL_HOST_PATTERNS].sort());
    for (const id of CONFIGURABLE_PROVIDER_IDS) {
      expect(PROVIDER_INFO[id].hostPatterns).toEqual(CARRIER_API_HOSTS[id]);
      // The hosts a client may send credentials to are exactly those the shopper granted for it.
      expect(CLIENTS[id].hosts.map((h) => `https://${h}/*`)).toEqual(CARRIER_API_HOSTS[id]);
    }
  });

  it('a request for a host the manifest does not declare is refused, as by the browser', async () => {
    // Every optional host is https (any site included): a plain-http host is declared nowhere.
    await expect(requestHosts(['http://example.com/*'])).rejects.toThrow(/Only permissions specified in the manifest/);
  });
});
