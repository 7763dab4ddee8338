import { browser } from 'wxt/browser';
import { intlLocale, type MessageKey, substitutions, type Translate, type UiText } from '../i18n/translate';

/**
 * What browser.i18n.getMessage said, per key and substitutions. Its answer cannot change while this
 * page or worker lives (the bundle is loaded once; a new browser language takes a restart, an update a
 * reload), and each call crosses into the browser's bindings: about 3–5 µs in the service worker,
 * where the popup's list at 1,000 parcels asks for 2,800 messages (issue #13 §4). Bounded, since the
 * substitutions (dates, names) vary.
 */
const MESSAGES = new Map<string, string>();
const MESSAGES_KEPT = 4_000;

function getMessage(key: MessageKey, subs: string[]): string {
  const id = subs.length ? `${key}${JSON.stringify(subs)}` : key;
  let text = MESSAGES.get(id);
  if (text === undefined) {
    text = browser.i18n.getMessage(key, subs);
    if (MESSAGES.size >= MESSAGES_KEPT) MESSAGES.clear();
    MESSAGES.set(id, text);
  }
  return text;
}

/**
 * The real translator (issue #13 §2): browser.i18n's messages in the browser's language, English
 * where a language has none; works in the popup and the service worker alike.
 */
export function browserText(): UiText {
  const locale = intlLocale(browser.i18n.getUILanguage(), getMessage('intlLocale', []) || 'en-US');
  const t: Translate = (key, ...subs) => getMessage(key, substitutions(locale, subs));
  return { t, locale };
}
