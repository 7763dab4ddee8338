import { browser } from 'wxt/browser';
import { WEBMAIL_HOSTS } from '../hosts';
import { grantedHosts } from './permissions';
import type { Settings } from '../settings';

/**
 * Opt-in webmail scanning (issue #3 §6): the webmail content script is registered at run time, only
 * for the services the user turned on *and* granted (optional host permissions, asked in the options
 * page at that moment), and unregistered when either goes away.
 */
export const WEBMAIL_SCRIPT_ID = 'porchlight-webmail';

const PATTERNS: Record<'gmail' | 'outlook', readonly string[]> = WEBMAIL_HOSTS;

/** Which match patterns the webmail script should run on, given settings and granted origins (pure). */
export function webmailMatches(settings: Pick<Settings, 'webmail'>, granted: readonly string[]): string[] {
  const have = new Set(granted);
  return (['gmail', 'outlook'] as const).filter((id) => settings.webmail[id]).flatMap((id) => PATTERNS[id].filter((p) => have.has(p)));
}

export async function syncWebmailScripts(settings: Settings): Promise<string[]> {
  const scripting = browser.scripting;
  if (!scripting?.registerContentScripts) return [];
  const granted = await grantedHosts();
  const matches = webmailMatches(settings, granted);
  const existing = await scripting.getRegisteredContentScripts({ ids: [WEBMAIL_SCRIPT_ID] });
  if (existing.length) await scripting.unregisterContentScripts({ ids: [WEBMAIL_SCRIPT_ID] });
  if (matches.length) {
    await scripting.registerContentScripts([
      { id: WEBMAIL_SCRIPT_ID, matches, js: ['content-scripts/webmail.js'], runAt: 'document_idle', persistAcrossSessions: true },
    ]);
  }
  return matches;
}
