import type { Translate } from '../lib/i18n/translate';
import type { GroupId, PopupGroup } from '../lib/view/popup-model';
import { PackageRow } from './package-row';

export interface PackageListActions {
  open(id: string): void;
  /** The next rows of a group the list shows only the first of (issue #13 §4). */
  more(group: GroupId): void;
}

/**
 * The grouped list (issue #11 §2): one heading per group, an ARIA list with one listitem per package.
 * A long group shows its first rows and a "Show N more" button (issue #13 §4: 1,000 parcels are not
 * 1,000 rows at first paint); the heading counts them all.
 */
export function PackageList({ data, actions }: { data: { groups: PopupGroup[]; t: Translate }; actions: PackageListActions }) {
  return (
    <>
      {data.groups.map((g) => (
        <section key={g.id} class={`group group--${g.id}`} data-group={g.id} aria-labelledby={`group-${g.id}`}>
          <h2 id={`group-${g.id}`}>
            {g.title} <span class="group__count">{g.total}</span>
          </h2>
          <ul role="list" aria-labelledby={`group-${g.id}`}>
            {g.packages.map((p) => (
              <PackageRow key={p.id} data={{ row: p, t: data.t }} actions={actions} />
            ))}
          </ul>
          {/* Described by its group's heading: several "Show 15 more" in a list of buttons say which group each is. */}
          {g.more > 0 && (
            <button type="button" class="group__more" aria-describedby={`group-${g.id}`} onClick={() => actions.more(g.id)}>
              {data.t('popupShowMore', g.more)}
            </button>
          )}
        </section>
      ))}
    </>
  );
}
