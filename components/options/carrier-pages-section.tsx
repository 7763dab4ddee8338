import type { Translate } from '../../lib/i18n/translate';
import type { CarrierPageSiteInfo } from '../../lib/view/options-carrier-pages';
import { Switch } from './switch';

export interface CarrierPagesData {
  t: Translate;
  sites: readonly CarrierPageSiteInfo[];
  enabled: Readonly<Record<string, boolean>>;
  busy: Readonly<Record<string, boolean | undefined>>;
  /** Why a switch stayed off (permission refused), per site. */
  messages: Readonly<Record<string, string | undefined>>;
}

export interface CarrierPagesActions {
  /** Turning on asks the browser for the site's hosts; turning off gives them back. */
  setEnabled(site: string, on: boolean): void;
}

/** Carriers' own tracking pages as a key-less source (issue #14): one switch per carrier site. */
export function CarrierPagesSection({ data, actions }: { data: CarrierPagesData; actions: CarrierPagesActions }) {
  return (
    <section class="section" id="carrier-pages" aria-labelledby="carrier-pages-title">
      <h2 id="carrier-pages-title">{data.t('optionsCarrierPagesTitle')}</h2>
      <p class="intro">{data.t('optionsCarrierPagesIntro')}</p>
      {data.sites.map((s) => (
        <div key={s.id} class="carrier-page" data-carrier-page={s.id}>
          <Switch
            id={`carrier-page-${s.id}`}
            label={data.t('optionsCarrierPagesRead', s.name)}
            checked={data.enabled[s.id] === true}
            disabled={data.busy[s.id] === true}
            hint={s.description}
            onChange={(on) => actions.setEnabled(s.id, on)}
          />
          {data.messages[s.id] && (
            <p class="status status--bad" role="alert">
              {data.messages[s.id]}
            </p>
          )}
        </div>
      ))}
    </section>
  );
}
