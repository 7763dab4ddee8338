import type { Translate } from '../../lib/i18n/translate';

/**
 * Where Porchlight reads from the pages the shopper visits (issue #11 §7): what is always on, and what
 * needs a permission asked for when switched on (webmail, carrier pages and other shops, below). Pure text from data, words from the messages (issue #13 §2).
 */
export function PageReadingSection({ data }: { data: { t: Translate; marketplaces: readonly string[] } }) {
  const { t } = data;
  return (
    <section class="section" id="reading" aria-labelledby="reading-title">
      <h2 id="reading-title">{t('optionsReadingTitle')}</h2>
      <p class="intro">{t('optionsReadingIntro', data.marketplaces.length, data.marketplaces.join(', '))}</p>
      <p class="hint">{t('optionsReadingHint')}</p>
    </section>
  );
}
