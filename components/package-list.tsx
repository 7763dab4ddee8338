import type { PackageDetailsView } from '../lib/view/package-details';
import type { Banner, PopupGroup } from '../lib/view/popup-model';
import { PackageCard, type PackageCardActions } from './package-card';
import { PackageDetails, type PackageDetailsActions } from './package-details';

export interface PackageListActions extends PackageCardActions, PackageDetailsActions {
  refresh(): void;
  scanPage(): void;
}

export function PackageList({
  data,
  actions,
}: {
  data: {
    groups: PopupGroup[];
    banners: Banner[];
    loading: boolean;
    refreshing: boolean;
    message: string | null;
    details: PackageDetailsView | null;
  };
  actions: PackageListActions;
}) {
  const count = data.groups.reduce((n, g) => n + g.packages.length, 0);
  return (
    <main class="popup">
      <header class="popup__head">
        <h1>Porchlight</h1>
        <span class="popup__count">{data.loading ? '' : `${count} package${count === 1 ? '' : 's'}`}</span>
        <button type="button" onClick={actions.scanPage} title="Find tracking numbers on the page in the current tab">
          Scan page
        </button>
        <button type="button" class="popup__refresh" disabled={data.refreshing} onClick={actions.refresh}>
          {data.refreshing ? 'Refreshing…' : 'Refresh'}
        </button>
      </header>
      {data.message && (
        <p class="popup__message" role="status">
          {data.message}
        </p>
      )}
      {data.banners.map((b) => (
        <p key={b.id} class="popup__banner" data-banner={b.id} role="alert">
          {b.text}
        </p>
      ))}
      {!data.loading && count === 0 && (
        <p class="popup__empty">
          No packages yet. Open your Amazon orders page and Porchlight picks up every order and shipment by itself.
        </p>
      )}
      {data.groups.map((g) => (
        <section key={g.id} class={`group group--${g.id}`} data-group={g.id}>
          <h2>
            {g.title} <span class="group__count">{g.packages.length}</span>
          </h2>
          <ul>
            {g.packages.map((p) => (
              <PackageCard key={p.id} data={p} actions={actions} expanded={data.details?.id === p.id}>
                {data.details?.id === p.id && <PackageDetails data={data.details} actions={actions} />}
              </PackageCard>
            ))}
          </ul>
        </section>
      ))}
    </main>
  );
}
