import { useState } from 'preact/hooks';
import type { Translate } from '../../lib/i18n/translate';
import type { CardStatus, ProviderCardView } from '../../lib/view/options-sources';
import { StatusLine } from './status-line';
import { Switch } from './switch';

export interface ProviderCardData {
  t: Translate;
  card: ProviderCardView;
  /** The last test/save/remove result for this card. */
  status: CardStatus | null;
  /** Per-field validation messages from the last save or test. */
  errors: Readonly<Record<string, string>>;
  /** A test, save or remove is under way. */
  busy: boolean;
}

export interface ProviderCardActions {
  /** Values typed in the fields (secrets left empty keep the saved value). */
  test(id: string, typed: Record<string, string>): void;
  /** Resolves true when saved (the card then clears what was typed in secret fields). */
  save(id: string, typed: Record<string, string>): Promise<boolean>;
  remove(id: string): void;
  setEnabled(id: string, enabled: boolean): void;
}

function initialDraft(card: ProviderCardView): Record<string, string> {
  return Object.fromEntries(card.fields.map((f) => [f.key, f.initialValue]));
}

/** One provider in the sources section: what it is, how to get keys, the fields, test/save/remove, on/off. */
export function ProviderCard({ data, actions }: { data: ProviderCardData; actions: ProviderCardActions }) {
  const { t, card, status, errors, busy } = data;
  const [draft, setDraft] = useState<Record<string, string>>(() => initialDraft(card));
  const set = (key: string, value: string) => setDraft((d) => ({ ...d, [key]: value }));
  const fieldId = (key: string) => `src-${card.id}-${key}`;

  return (
    <article class={`card provider provider--${card.configured ? 'configured' : 'empty'}`} data-provider={card.id} aria-labelledby={`src-${card.id}-title`}>
      <header class="card__head">
        <h3 id={`src-${card.id}-title`}>{card.name}</h3>
        <span class={`badge badge--${card.configured ? (card.enabled ? 'on' : 'off') : 'none'}`}>
          {t(card.configured ? (card.enabled ? 'optionsSourcesInUse' : 'optionsSourcesSwitchedOff') : 'optionsSourcesNotSetUp')}
        </span>
      </header>
      <details class="howto">
        <summary>{t('optionsSourcesHowTo')}</summary>
        <ol>
          {card.howTo.map((step) => (
            <li key={step}>{t(step)}</li>
          ))}
        </ol>
        {card.signupUrl && (
          <p>
            <a href={card.signupUrl} target="_blank" rel="noopener noreferrer">
              {t('optionsSourcesOpenSite', new URL(card.signupUrl).host)}
            </a>
          </p>
        )}
      </details>
      <form
        class="fields"
        onSubmit={(e) => {
          e.preventDefault();
          void actions.save(card.id, draft).then((saved) => {
            if (saved) setDraft((d) => ({ ...d, ...Object.fromEntries(card.fields.filter((f) => f.secret).map((f) => [f.key, ''])) }));
          });
        }}
      >
        {card.fields.map((f) => {
          const id = fieldId(f.key);
          const err = errors[f.key];
          const describedBy = [f.savedHint ? `${id}-saved` : '', err ? `${id}-error` : ''].filter(Boolean).join(' ') || undefined;
          return (
            <div class="field" key={f.key}>
              <label for={id}>
                {f.label}
                {f.optional && <span class="hint">{` ${t('optionsSourcesOptional')}`}</span>}
              </label>
              {f.options ? (
                <select id={id} value={draft[f.key] ?? ''} onChange={(e) => set(f.key, (e.currentTarget as HTMLSelectElement).value)} aria-describedby={describedBy}>
                  {f.optional && <option value="">{t('optionsSourcesDefault', f.optionLabels?.[0] ?? f.options[0] ?? '')}</option>}
                  {f.options.map((o, i) => (
                    <option key={o} value={o}>
                      {f.optionLabels?.[i] ?? o}
                    </option>
                  ))}
                </select>
              ) : (
                <input
                  id={id}
                  type={f.secret ? 'password' : 'text'}
                  autocomplete="off"
                  spellcheck={false}
                  placeholder={f.secret && f.savedHint ? t('optionsSourcesKeepSaved') : ''}
                  value={draft[f.key] ?? ''}
                  aria-invalid={err ? true : undefined}
                  aria-describedby={describedBy}
                  onInput={(e) => set(f.key, (e.currentTarget as HTMLInputElement).value)}
                />
              )}
              {f.savedHint && (
                <span class="saved" id={`${id}-saved`}>
                  {f.secret ? f.savedHint : t('optionsSourcesSavedValue', f.savedHint)}
                </span>
              )}
              {err && (
                <span class="field__error" id={`${id}-error`}>
                  {err}
                </span>
              )}
            </div>
          );
        })}
        <div class="buttons">
          <button type="button" disabled={busy} onClick={() => actions.test(card.id, draft)}>
            {t('optionsSourcesTest')}
          </button>
          <button type="submit" class="primary" disabled={busy}>
            {t('optionsSourcesSave')}
          </button>
          <button type="button" disabled={busy || !card.configured} onClick={() => actions.remove(card.id)}>
            {t('optionsSourcesRemove')}
          </button>
        </div>
      </form>
      <StatusLine status={busy ? { tone: 'info', label: t('optionsSourcesWorking'), message: '' } : status} />
      <Switch
        id={`src-${card.id}-enabled`}
        label={t('optionsSourcesUse', card.name)}
        checked={card.enabled}
        hint={card.enabled ? null : t('optionsSourcesOffHint')}
        onChange={(on) => actions.setEnabled(card.id, on)}
      />
      {card.configured && (
        <div class="budget">
          <h4>{t('optionsSourcesUsage')}</h4>
          {card.budget.length ? (
            <ul>
              {card.budget.map((line) => (
                <li key={line}>{line}</li>
              ))}
            </ul>
          ) : (
            <p class="hint">{t('optionsSourcesNoLimits')}</p>
          )}
        </div>
      )}
    </article>
  );
}
