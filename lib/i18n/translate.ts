import type EN from '../../public/_locales/en/messages.json';

/**
 * The popup's words (issue #13 §2): every string a shopper reads comes from
 * public/_locales/<lang>/messages.json (Chrome's format, $1..$9 substitutions), through a translator
 * the caller passes in, so lib/ stays pure. lib/platform/i18n.ts makes the real one from
 * browser.i18n; tests make one from the same files (tests/support/i18n.ts).
 */
export type MessageKey = keyof typeof EN;

/** A key with `<key>_one` and `<key>_other` forms, chosen by Intl.PluralRules. */
type PluralBase<K> = K extends `${infer B}_one` ? (`${B}_other` extends MessageKey ? B : never) : never;
export type PluralKey = PluralBase<MessageKey>;

export type Translate = (key: MessageKey, ...subs: (string | number)[]) => string;

/** The translator and the locale its messages are in, for Intl (dates, times, numbers, plurals). */
export interface UiText {
  t: Translate;
  locale: string;
}

const NUMBERS = new Map<string, Intl.NumberFormat>();
const PLURALS = new Map<string, Intl.PluralRules>();

function cached<T>(map: Map<string, T>, locale: string, make: () => T): T {
  let v = map.get(locale);
  if (!v) map.set(locale, (v = make()));
  return v;
}

/** Substitutions as getMessage takes them: numbers written the locale's way ("1,000", "1.000"). */
export function substitutions(locale: string, subs: readonly (string | number)[]): string[] {
  return subs.map((s) => (typeof s === 'number' ? cached(NUMBERS, locale, () => new Intl.NumberFormat(locale)).format(s) : s));
}

/** `<key>_one` or `<key>_other` for n, with n as $1 and the rest as $2...: English and German have these two forms. */
export function plural(ui: UiText, key: PluralKey, n: number, ...subs: (string | number)[]): string {
  const form = cached(PLURALS, ui.locale, () => new Intl.PluralRules(ui.locale)).select(n) === 'one' ? 'one' : 'other';
  return ui.t(`${key}_${form}`, n, ...subs);
}

/**
 * The locale for Intl: the browser's own when it is a variant of the messages' language (en-GB
 * reads English messages with British dates), else the messages' (`intlLocale`), so a French
 * browser reading the English fallback does not get French dates inside English sentences.
 */
export function intlLocale(uiLanguage: string, messagesLocale: string): string {
  const lang = (tag: string) => tag.split(/[-_]/)[0]!.toLowerCase();
  const tag = uiLanguage.replace(/_/g, '-');
  if (tag && lang(tag) === lang(messagesLocale)) {
    try {
      return Intl.getCanonicalLocales(tag)[0] ?? messagesLocale;
    } catch {
      return messagesLocale;
    }
  }
  return messagesLocale;
}
