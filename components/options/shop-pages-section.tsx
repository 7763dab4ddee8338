import type { Translate } from '../../lib/i18n/translate';
import type { ShopPageSiteInfo } from '../../lib/view/options-shop-pages';
import { Switch } from './switch';

export interface ShopPagesData {
  t: Translate;
  anySite: ShopPageSiteInfo;
  sites: readonly ShopPageSiteInfo[];
  /** Switch state per id (`any-site` and each shop). */
  enabled: Readonly<Record<string, boolean>>;
  busy: Readonly<Record<string, boolean | undefined>>;
  /** Why a switch stayed off (permission refused), per id. */
  messages: Readonly<Record<string, string | undefined>>;
}

export interface ShopPagesActions {
  /** Turning on asks the browser for the hosts; turning off gives them back. */
  setEnabled(id: string, on: boolean): void;
}

/** Shops beyond Amazon (issue #15 §2): one switch for any site, one per shop. */
export function ShopPagesSection({ data, actions }: { data: ShopPagesData; actions: ShopPagesActions }) {
  const row = (s: ShopPageSiteInfo, label: string) => (
    <div key={s.id} class="shop-page" data-shop-page={s.id}>
      <Switch
        id={`shop-page-${s.id}`}
        label={label}
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
  );
  return (
    <section class="section" id="shop-pages" aria-labelledby="shop-pages-title">
      <h2 id="shop-pages-title">{data.t('optionsShopPagesTitle')}</h2>
      <p class="intro">{data.t('optionsShopPagesIntro')}</p>
      {row(data.anySite, data.t('optionsShopPagesAnySite'))}
      <h3 class="subhead">{data.t('optionsShopPagesOneAtATime')}</h3>
      {data.sites.map((s) => row(s, data.t('optionsShopPagesRead', s.name)))}
    </section>
  );
}
