import type { Translate } from '../lib/i18n/translate';
import type { TrackOffer } from '../lib/view/track-offers';

export interface TrackBoxActions {
  setQuery(text: string): void;
  /** Track the numbers in this text (the box as it is when Enter or the button is pressed). */
  track(text: string): void;
  choose(number: string, carrier: string): void;
  open(id: string): void;
}

/**
 * The one box at the top (issue #11 §1): typing filters the list; valid tracking numbers in the text
 * (typed or pasted, any separators) are offered to track under their carrier, with a choice when
 * formats overlap; text that looks like a number but is none gets its reason (role=status).
 */
export function TrackBox({
  data,
  actions,
}: {
  data: { query: string; offers: TrackOffer[]; reasons: string[]; busy: boolean; t: Translate };
  actions: TrackBoxActions;
}) {
  const { t } = data;
  const fresh = data.offers.filter((o) => !o.knownId);
  return (
    <div class="box">
      <input
        id="box"
        class="box__input"
        type="search"
        value={data.query}
        placeholder={t('boxPlaceholder')}
        aria-label={t('boxLabel')}
        aria-describedby="box-status"
        autocomplete="off"
        spellcheck={false}
        onInput={(e) => actions.setQuery((e.currentTarget as HTMLInputElement).value)}
        onKeyDown={(e) => {
          // The text as it is now: the offers shown may still be for the text a key ago (they come from the background).
          if (e.key === 'Enter' && e.currentTarget.value.trim()) actions.track(e.currentTarget.value);
          if (e.key === 'Escape' && data.query) {
            e.preventDefault();
            actions.setQuery('');
          }
        }}
      />
      <div id="box-status" role="status" class="box__status">
        {data.offers.length > 0 && (
          <ul class="offers" aria-label={t('boxOffersLabel')}>
            {data.offers.map((o) => (
              <li key={o.number} class="offer" data-offer={o.number}>
                <span class="offer__number">{o.text}</span>
                {o.knownId ? (
                  <button type="button" class="offer__known" onClick={() => actions.open(o.knownId!)}>
                    {t('boxAlreadyTracked')}
                  </button>
                ) : o.candidates.length > 1 ? (
                  <select
                    class="offer__carrier"
                    aria-label={t('boxCarrierFor', o.text)}
                    value={o.chosen}
                    onChange={(e) => actions.choose(o.number, (e.currentTarget as HTMLSelectElement).value)}
                  >
                    {o.candidates.map((c) => (
                      <option key={c.carrier} value={c.carrier}>
                        {c.label}
                      </option>
                    ))}
                  </select>
                ) : (
                  <span class="offer__carrier">{o.candidates[0]!.label}</span>
                )}
              </li>
            ))}
          </ul>
        )}
        {fresh.length > 0 && (
          <button type="button" class="box__track" disabled={data.busy} onClick={() => actions.track(data.query)}>
            {fresh.length === 1 ? t('boxTrackOne') : t('boxTrackMany', fresh.length)}
          </button>
        )}
        {data.reasons.map((r) => (
          <p key={r} class="box__reason">
            {r}
          </p>
        ))}
      </div>
    </div>
  );
}
