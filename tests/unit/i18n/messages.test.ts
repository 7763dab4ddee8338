// @vitest-environment node
/**
 * The messages (issue #13 §2): English and German complete, key for key, with the same
 * substitutions and plural forms, none empty; and the test translator reads them as Chrome does.
 */
import { describe, expect, it } from 'vitest';
import { DE, EN, getMessage, LANGUAGES, readMessages } from '../../support/i18n';

const files = Object.fromEntries(LANGUAGES.map((l) => [l, readMessages(l)]));
const placeholdersOf = (text: string) => [...new Set(text.match(/\$[1-9]/g) ?? [])].sort();

describe('messages.json', () => {
  it('every key is in every language, and no other', () => {
    const en = Object.keys(files.en!).sort();
    for (const lang of LANGUAGES) {
      const keys = Object.keys(files[lang]!).sort();
      expect({ lang, missing: en.filter((k) => !keys.includes(k)), extra: keys.filter((k) => !en.includes(k)) }).toEqual({ lang, missing: [], extra: [] });
    }
  });

  it('each message says something, and takes the same substitutions in every language', () => {
    const problems: string[] = [];
    for (const [key, m] of Object.entries(files.en!)) {
      for (const lang of LANGUAGES) {
        const text = files[lang]![key]?.message ?? '';
        if (!text.trim()) problems.push(`${lang} ${key}: empty`);
        if (placeholdersOf(text).join() !== placeholdersOf(m.message).join()) problems.push(`${lang} ${key}: ${placeholdersOf(text).join()} vs en ${placeholdersOf(m.message).join()}`);
      }
    }
    expect(problems).toEqual([]);
  });

  it('no message reads to Chrome as a named placeholder it does not declare ("$1$2" is one: Chrome then refuses the whole extension)', () => {
    const problems: string[] = [];
    for (const lang of LANGUAGES) {
      for (const [key, m] of Object.entries(files[lang]!)) {
        const declared = new Set(Object.keys((m as { placeholders?: Record<string, unknown> }).placeholders ?? {}).map((n) => n.toLowerCase()));
        // Chrome's reading: $name$ (letters, digits, _ and @) is a named placeholder; $$ is a dollar.
        for (const [, name] of m.message.replace(/\$\$/g, '').matchAll(/\$([0-9a-z_@]+)\$/gi)) if (!declared.has(name!.toLowerCase())) problems.push(`${lang} ${key}: $${name}$`);
      }
    }
    expect(problems).toEqual([]);
  });

  it('keys are lowerCamel; plural keys have both forms (one, other) and nothing else', () => {
    const keys = Object.keys(files.en!);
    expect(keys.filter((k) => !/^[a-z][a-zA-Z0-9]*(_one|_other)?$/.test(k))).toEqual([]);
    const bases = new Set(keys.filter((k) => /_(one|other)$/.test(k)).map((k) => k.replace(/_(one|other)$/, '')));
    expect([...bases].filter((b) => !keys.includes(`${b}_one`) || !keys.includes(`${b}_other`))).toEqual([]);
    expect([...bases].filter((b) => keys.includes(b))).toEqual([]);
    // German has the same two categories as English (Intl.PluralRules), so the same keys serve it.
    expect(new Intl.PluralRules('de-DE').resolvedOptions().pluralCategories.sort()).toEqual(['one', 'other']);
    expect(new Intl.PluralRules('en-US').resolvedOptions().pluralCategories.sort()).toEqual(['one', 'other']);
  });

  it('the German messages are German: none is the English text where the English has a sentence', () => {
    const same = Object.entries(files.en!)
      .filter(([k, m]) => /[a-z]{3,} [a-z]{3,}/i.test(m.message) && files.de![k]!.message === m.message)
      .map(([k]) => k);
    expect(same).toEqual([]);
  });

  it("reads Chrome's substitutions: $1..$9, named placeholders, $$; numbers the locale's way", () => {
    const file = { a: { message: 'Hi $who$, $1 of $2 cost $$5', placeholders: { who: { content: '$3' } } } };
    expect(getMessage(file, 'a', ['1', '2', 'Ann'])).toBe('Hi Ann, 1 of 2 cost $5');
    expect(() => getMessage(file, 'b', [])).toThrow(/no message b/);
    expect(EN.t('popupShowMore', 1500)).toBe('Show 1,500 more');
    expect(DE.t('popupShowMore', 1500)).toBe('1.500 weitere anzeigen');
  });
});
