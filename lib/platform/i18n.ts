import { browser } from 'wxt/browser';
import { intlLocale, substitutions, type Translate, type UiText } from '../i18n/translate';

/**
 * The real translator (issue #13 §2): browser.i18n's messages in the browser's language, English
 * where a language has none; works in the popup and the service worker alike.
 */
export function browserText(): UiText {
  const locale = intlLocale(browser.i18n.getUILanguage(), browser.i18n.getMessage('intlLocale') || 'en-US');
  const t: Translate = (key, ...subs) => browser.i18n.getMessage(key, substitutions(locale, subs));
  return { t, locale };
}
