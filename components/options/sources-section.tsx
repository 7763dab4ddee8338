import type { Translate } from '../../lib/i18n/translate';
import type { CardStatus, ProviderCardView } from '../../lib/view/options-sources';
import { ProviderCard, type ProviderCardActions } from './provider-card';
import { Switch } from './switch';

export interface SourcesData {
  t: Translate;
  amazonTracker: boolean;
  cards: ProviderCardView[];
  status: Readonly<Record<string, CardStatus | null>>;
  errors: Readonly<Record<string, Readonly<Record<string, string>>>>;
  busy: Readonly<Record<string, boolean>>;
}

export interface SourcesActions extends ProviderCardActions {
  setAmazonTracker(on: boolean): void;
}

/** Section 1: where status comes from (issue #5 §8). */
export function SourcesSection({ data, actions }: { data: SourcesData; actions: SourcesActions }) {
  return (
    <section class="section" id="sources" aria-labelledby="sources-title">
      <h2 id="sources-title">{data.t('optionsSourcesTitle')}</h2>
      <p class="intro">{data.t('optionsSourcesNoKeys')}</p>
      <Switch
        id="src-amazon-tracker"
        label={data.t('optionsSourcesAmazonTracker')}
        checked={data.amazonTracker}
        hint={data.t('optionsSourcesAmazonTrackerHint')}
        onChange={(on) => actions.setAmazonTracker(on)}
      />
      <div class="cards">
        {data.cards.map((card) => (
          <ProviderCard
            key={card.id}
            data={{ t: data.t, card, status: data.status[card.id] ?? null, errors: data.errors[card.id] ?? {}, busy: data.busy[card.id] === true }}
            actions={actions}
          />
        ))}
      </div>
    </section>
  );
}
