import type { PackageDetailsView } from '../lib/view/package-details';

export interface PackageDetailsActions {
  openUrl(url: string): void;
  copy(text: string): void;
  markNotReceived(id: string): void;
}

/** `carrier:ups` → "UPS", `page:amazon` → "Amazon". */
function sourceName(source: string): string {
  const id = source.split(':')[1] ?? source;
  return id.length <= 5 ? id.toUpperCase() : id[0]!.toUpperCase() + id.slice(1);
}

/** A package opened: what to do next, then the timeline. All text rendered as text. */
export function PackageDetails({ data, actions }: { data: PackageDetailsView; actions: PackageDetailsActions }) {
  return (
    <div class="details">
      {data.steps.length > 0 && (
        <section class="details__steps">
          <h3>What to do next</h3>
          <ol>
            {data.steps.map((s) => (
              <li key={s.id} data-step={s.id}>
                <strong>{s.title}</strong>
                {s.detail && <div class="details__detail">{s.detail}</div>}
                {s.deadlines.map((d) => (
                  <div key={d} class="details__deadline">
                    {d}
                  </div>
                ))}
                <div class="details__links">
                  {s.url && (
                    <button type="button" onClick={() => actions.openUrl(s.url!)}>
                      Open
                    </button>
                  )}
                  {s.phone && (
                    <button type="button" onClick={() => actions.copy(s.phone!)}>
                      Copy {s.phone}
                    </button>
                  )}
                </div>
              </li>
            ))}
          </ol>
        </section>
      )}
      {data.etaChanges.length > 1 && <div class="details__eta">Delivery date changed: {data.etaChanges.join(' → ')}</div>}
      {data.canMarkNotReceived && (
        <button type="button" class="details__not-received" onClick={() => actions.markNotReceived(data.id)}>
          I did not receive this
        </button>
      )}
      <section class="details__timeline">
        <h3>Timeline</h3>
        {data.timeline.length === 0 ? (
          <p class="details__empty">No tracking events yet.</p>
        ) : (
          <ol>
            {data.timeline.map((e) => (
              <li key={e.key} class={`event event--${e.status ?? 'none'}`}>
                <span class="event__when">{e.when}</span>
                <span class="event__text">{e.text}</span>
                {e.location && <span class="event__where">{e.location}</span>}
                {e.sources.length > 1 && <span class="event__sources">Seen by {e.sources.map(sourceName).join(' and ')}</span>}
              </li>
            ))}
          </ol>
        )}
      </section>
    </div>
  );
}
