import { browser } from 'wxt/browser';
import type { Credentials } from '../carriers/client';
import { parseSettings, type Settings } from '../settings';

/**
 * Extension storage (browser.storage.local): settings and carrier credentials. Credentials live only
 * here, are read only by the background, and are sent only to their own provider's host.
 */
const SETTINGS_KEY = 'settings';
const CREDENTIALS_KEY = 'credentials';

export async function loadSettings(): Promise<Settings> {
  const got = await browser.storage.local.get(SETTINGS_KEY);
  return parseSettings(got[SETTINGS_KEY]);
}

export async function saveSettings(settings: Settings): Promise<void> {
  await browser.storage.local.set({ [SETTINGS_KEY]: settings });
}

export async function loadCredentials(): Promise<Record<string, Credentials>> {
  const got = await browser.storage.local.get(CREDENTIALS_KEY);
  const value = got[CREDENTIALS_KEY];
  return value && typeof value === 'object' ? (value as Record<string, Credentials>) : {};
}

export async function saveCredentials(provider: string, creds: Credentials | null): Promise<void> {
  const all = await loadCredentials();
  if (creds) all[provider] = creds;
  else delete all[provider];
  await browser.storage.local.set({ [CREDENTIALS_KEY]: all });
}

/** "Delete all data": empties this extension's local storage (settings, carrier keys); returns the keys it held. */
export async function clearLocalStorage(): Promise<string[]> {
  const keys = Object.keys(await browser.storage.local.get(null));
  await browser.storage.local.clear();
  return keys;
}
