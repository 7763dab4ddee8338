import { beforeEach, describe, expect, it, vi } from 'vitest';

// browser.i18n as Chrome gives it: each getMessage call counted (it crosses into the browser's bindings).
const getMessage = vi.fn((key: string, subs?: string[]) => (key === 'intlLocale' ? 'en-US' : `${key}[${(subs ?? []).join('|')}]`));
vi.mock('wxt/browser', () => ({ browser: { i18n: { getMessage: (key: string, subs?: string[]) => getMessage(key, subs), getUILanguage: () => 'en-US' } } }));

const { browserText } = await import('@/lib/platform/i18n');

describe('browserText (issue #13 §4: the list at 1,000 parcels asks for 2,800 messages)', () => {
  beforeEach(() => getMessage.mockClear());

  it('asks the browser once per key and substitutions, however often the words are wanted', () => {
    const { t } = browserText();
    getMessage.mockClear();
    for (let i = 0; i < 1_000; i++) {
      expect(t('cardLabelOnTheWay')).toBe('cardLabelOnTheWay[]');
      expect(t('appRenamed', 'Lamp')).toBe('appRenamed[Lamp]');
      expect(t('appRenamed', 1_000)).toBe('appRenamed[1,000]');
    }
    expect(getMessage).toHaveBeenCalledTimes(3);
    // A second translator (each request makes one) finds what the first asked.
    expect(browserText().t('cardLabelOnTheWay')).toBe('cardLabelOnTheWay[]');
    expect(getMessage).toHaveBeenCalledTimes(3);
  });

  it('keeps substitutions apart, even ones that would join the same way', () => {
    const { t } = browserText();
    expect(t('appRenamed', 'a|b')).toBe('appRenamed[a|b]');
    expect(t('bannerWaiting_other', 'a', 'b')).toBe('bannerWaiting_other[a|b]');
    expect(t('bannerWaiting_other', 'a|b')).toBe('bannerWaiting_other[a|b]');
    expect(getMessage.mock.calls.map((c) => c[1])).toEqual(expect.arrayContaining([['a', 'b'], ['a|b']]));
    expect(getMessage.mock.calls.filter((c) => c[0] === 'bannerWaiting_other')).toHaveLength(2);
  });

  it('stays bounded and right when every request is new (dates and names in the substitutions)', () => {
    const { t } = browserText();
    for (let i = 0; i < 10_000; i++) expect(t('appRenamed', `Item ${i}`)).toBe(`appRenamed[Item ${i}]`);
    expect(getMessage.mock.calls.filter((c) => c[0] === 'appRenamed')).toHaveLength(10_000);
    // After the bound was passed, what is asked again is asked of the browser again, and still right.
    getMessage.mockClear();
    expect(t('appRenamed', 'Item 0')).toBe('appRenamed[Item 0]');
    expect(t('appRenamed', 'Item 9999')).toBe('appRenamed[Item 9999]');
    expect(getMessage).toHaveBeenCalledTimes(1);
  });
});
