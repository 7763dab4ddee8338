import type { CardStatus, ProviderCardView } from '../../lib/view/options-sources';
import { ProviderCard, type ProviderCardActions } from './provider-card';
import { Switch } from './switch';

export interface SourcesData {
  intro: string;
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
      <h2 id="sources-title">Sources</h2>
      <p class="intro">{data.intro}</p>
      <Switch
        id="src-amazon-tracker"
        label="Amazon’s own tracker"
        checked={data.amazonTracker}
        hint="Reads Amazon’s track-package page in the background for parcels without a carrier number."
        onChange={(on) => actions.setAmazonTracker(on)}
      />
      <div class="cards">
        {data.cards.map((card) => (
          <ProviderCard
            key={card.id}
            data={{ card, status: data.status[card.id] ?? null, errors: data.errors[card.id] ?? {}, busy: data.busy[card.id] === true }}
            actions={actions}
          />
        ))}
      </div>
    </section>
  );
}
