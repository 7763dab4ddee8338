import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { substitutions, type Translate, type UiText } from '../../lib/i18n/translate';

/** A messages.json file in Chrome's format. */
export type MessagesFile = Record<string, { message: string; description?: string; placeholders?: Record<string, { content: string; example?: string }> }>;

export const LANGUAGES = ['en', 'de'] as const;

export function readMessages(lang: string): MessagesFile {
  return JSON.parse(readFileSync(resolve(__dirname, `../../public/_locales/${lang}/messages.json`), 'utf8')) as MessagesFile;
}

/**
 * Chrome's getMessage, for tests (https://developer.chrome.com/docs/extensions/how-to/ui/localization-message-formats):
 * named placeholders `$name$` become their content, then `$1`..`$9` the substitutions, `$$` a dollar.
 * A missing key throws (Chrome would say ""), so a test names it.
 */
export function getMessage(messages: MessagesFile, key: string, subs: readonly string[]): string {
  const m = messages[key];
  if (!m) throw new Error(`no message ${key}`);
  const placeholders = Object.fromEntries(Object.entries(m.placeholders ?? {}).map(([k, v]) => [k.toLowerCase(), v.content]));
  const text = m.message.replace(/\$([a-z0-9_@]+)\$/gi, (all, name: string) => placeholders[name.toLowerCase()] ?? all);
  return text.replace(/\$(\$|[1-9])/g, (_all, d: string) => (d === '$' ? '$' : (subs[Number(d) - 1] ?? '')));
}

/** The translator the extension makes from browser.i18n, made from the files instead. */
export function textFor(lang: (typeof LANGUAGES)[number], locale = lang === 'en' ? 'en-US' : 'de-DE'): UiText {
  const messages = readMessages(lang);
  const t: Translate = (key, ...subs) => getMessage(messages, key, substitutions(locale, subs));
  return { t, locale };
}

/** English as the tests read it (en-US, the popup's English before issue #13 §2). */
export const EN = textFor('en');
export const DE = textFor('de');
