import type { PopupGroup } from '../lib/view/popup-model';
import { PackageRow } from './package-row';

/** The grouped list (issue #11 §2): one heading per group, an ARIA list with one listitem per package. */
export function PackageList({ data, actions }: { data: { groups: PopupGroup[] }; actions: { open(id: string): void } }) {
  return (
    <>
      {data.groups.map((g) => (
        <section key={g.id} class={`group group--${g.id}`} data-group={g.id} aria-labelledby={`group-${g.id}`}>
          <h2 id={`group-${g.id}`}>
            {g.title} <span class="group__count">{g.packages.length}</span>
          </h2>
          <ul role="list" aria-labelledby={`group-${g.id}`}>
            {g.packages.map((p) => (
              <PackageRow key={p.id} data={p} actions={actions} />
            ))}
          </ul>
        </section>
      ))}
    </>
  );
}
