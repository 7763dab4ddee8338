import type { Credentials } from '../../lib/carriers/client';
import type { ConfigurableProviderId, ConnectionResult } from '../../lib/carriers/clients';
import type { PorchlightDb } from '../../lib/db/database';
import type { UiText } from '../../lib/i18n/translate';
import type { Settings } from '../../lib/settings';

/**
 * Everything the options page takes from the world, injected so the page can be rendered and driven
 * in tests without a browser (browser-deps.ts is the real one).
 */
export interface OptionsDeps {
  db: PorchlightDb;
  loadSettings(): Promise<Settings>;
  saveSettings(settings: Settings): Promise<void>;
  /** Calls `cb` when the stored settings change elsewhere (background, another tab); returns an unsubscribe. */
  watchSettings?(cb: (settings: Settings) => void): () => void;
  loadCredentials(): Promise<Record<string, Credentials>>;
  saveCredentials(provider: string, creds: Credentials | null): Promise<void>;
  /**
   * Asks for optional host permissions. Must be called straight from a user gesture (a click), before
   * any other await, or the browser refuses it. Resolves false when refused.
   */
  requestOrigins(origins: readonly string[]): Promise<boolean>;
  removeOrigins(origins: readonly string[]): Promise<boolean>;
  testConnection(id: ConfigurableProviderId, credentials: Credentials): Promise<ConnectionResult>;
  copyText(text: string): Promise<void>;
  /** Saves a file the page wrote (a download); resolves to its size in bytes (lib/platform/files.ts). */
  saveFile(name: string, type: string, chunks: AsyncIterable<string> | Iterable<string>): Promise<number>;
  /** A chosen file's text, from its start each call. */
  readFile(file: Blob): () => AsyncIterable<string>;
  /** Numbers to track, each with its carrier (the popup box's `trackInput` message to the background). */
  trackNumbers(numbers: { number: string; carrier: string | null }[]): Promise<{ added: number; known: number }>;
  /** "Delete all data": empties extension storage; resolves to the keys it held. */
  clearStorage(): Promise<string[]>;
  /** Bytes this extension stores (database and storage), or null when the browser does not say. */
  storageUsage(): Promise<number | null>;
  now(): number;
  timeZone: string;
  /** The page's words and their locale (issue #13 §2): lib/platform/i18n.ts in the browser, tests/support/i18n.ts in tests. */
  ui: UiText;
  version: string;
  userAgent: string;
  /** Opened on install (`#welcome`): the page starts with the three ways in. */
  welcome?: boolean;
  /** The shopper's languages, for the orders link of their marketplace. */
  languages?: readonly string[];
}
