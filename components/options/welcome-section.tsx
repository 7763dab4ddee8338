import type { Translate } from '../../lib/i18n/translate';

/** Shown once, when the options page opens on install (issue #11 §5): the three ways in. Words from the messages (issue #13 §2). */
export function WelcomeSection({ data }: { data: { t: Translate; ordersLinks: { label: string; url: string }[] } }) {
  const { t } = data;
  return (
    <section class="section welcome" id="welcome" aria-labelledby="welcome-title">
      <h2 id="welcome-title">{t('optionsWelcomeTitle')}</h2>
      <p>{t('optionsWelcomeIntro')}</p>
      <ol>
        <li>
          {t('optionsWelcomeOrders')}{' '}
          {data.ordersLinks.map((l, i) => (
            <span key={l.url}>
              {i > 0 && ', '}
              <a href={l.url} target="_blank" rel="noopener noreferrer">
                {l.label}
              </a>
            </span>
          ))}
          .
        </li>
        <li>{t('optionsWelcomePaste')}</li>
        <li>{t('optionsWelcomeSelect')}</li>
      </ol>
      <p class="hint">{t('optionsWelcomeOptional')}</p>
    </section>
  );
}
