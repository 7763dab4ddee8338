import type { CarrierPageSiteInfo } from '../../lib/view/options-carrier-pages';
import { Switch } from './switch';

export interface CarrierPagesData {
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
      <h2 id="carrier-pages-title">Carrier tracking pages</h2>
      <p class="intro">
        When you open a carrier's tracking page (from a shipping e-mail or a shop), Porchlight can read its status and timeline: free,
        no key needed. Turn on the carriers you use; your browser asks you to let Porchlight read that site.
      </p>
      {data.sites.map((s) => (
        <div key={s.id} class="carrier-page" data-carrier-page={s.id}>
          <Switch
            id={`carrier-page-${s.id}`}
            label={`Read ${s.name} tracking pages`}
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
