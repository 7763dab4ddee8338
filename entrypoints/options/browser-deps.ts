import { browser } from 'wxt/browser';
import { testConnection } from '../../lib/carriers/clients';
import { createMemoryTokenCache } from '../../lib/carriers/http';
import { getDb } from '../../lib/db/database';
import { browserText } from '../../lib/platform/i18n';
import { releaseHosts, requestHosts } from '../../lib/platform/permissions';
import { saveFile, textChunksOf } from '../../lib/platform/files';
import { sendMessage } from '../../lib/platform/messaging';
import { clearLocalStorage, loadCredentials, loadSettings, saveCredentials, saveSettings } from '../../lib/platform/storage';
import { userTimeZone } from '../../lib/platform/user-time-zone';
import { parseSettings } from '../../lib/settings';
import type { OptionsDeps } from './deps';

/** The real world for the options page: extension storage, permissions, the network, the clipboard. */
export function createBrowserDeps(): OptionsDeps {
  // Tokens fetched by "Test connection" live only as long as this page.
  const tokens = createMemoryTokenCache();
  const ui = browserText();
  return {
    db: getDb(),
    loadSettings,
    saveSettings,
    watchSettings(cb) {
      const listener = (changes: Record<string, { newValue?: unknown }>, area: string) => {
        if (area === 'local' && 'settings' in changes) cb(parseSettings(changes.settings?.newValue));
      };
      browser.storage.onChanged.addListener(listener);
      return () => browser.storage.onChanged.removeListener(listener);
    },
    loadCredentials,
    saveCredentials,
    requestOrigins: requestHosts,
    removeOrigins: releaseHosts,
    // Wrapped: a bare `fetch` called as `ctx.fetch(...)` throws "Illegal invocation" in Chrome.
    testConnection: (id, credentials) => testConnection(id, credentials, { fetch: (input, init) => fetch(input, init), now: () => Date.now(), tokens }, ui.t),
    copyText: (text) => navigator.clipboard.writeText(text),
    saveFile,
    readFile: textChunksOf,
    clearStorage: clearLocalStorage,
    trackNumbers: (numbers) => sendMessage('trackInput', { numbers }),
    storageUsage: async () => (await navigator.storage?.estimate?.())?.usage ?? null,
    now: () => Date.now(),
    timeZone: userTimeZone(),
    ui,
    version: browser.runtime.getManifest().version,
    userAgent: navigator.userAgent,
    welcome: location.hash === '#welcome',
    languages: navigator.languages?.length ? navigator.languages : [navigator.language],
  };
}
