import { useEffect, useRef, useState } from 'preact/hooks';
import type { PackageDetailsView } from '../lib/view/package-details';
import type { PackageView as Row } from '../lib/view/popup-model';

export interface PackageViewActions {
  back(): void;
  refreshOne(id: string): void;
  openTracking(id: string): void;
  openShop(id: string): void;
  openUrl(url: string): void;
  openOptions(section: string): void;
  copy(text: string): void;
  rename(id: string, label: string | null): void;
  mute(id: string, muted: boolean): void;
  archive(id: string, archived: boolean): void;
  markNotReceived(id: string): void;
  /** This parcel's claim kit as a file (issue #12 §1: the package view exports its one package). */
  saveClaimKit(id: string): void;
  remove(id: string): void;
  dismiss(situationKey: string): void;
}

/** `carrier:ups` → "UPS", `page:amazon` → "Amazon". */
function sourceName(source: string): string {
  const id = source.split(':')[1] ?? source;
  return id.length <= 5 ? id.toUpperCase() : id[0]!.toUpperCase() + id.slice(1);
}

/**
 * One package, its own view (issue #11 §3): Back and Escape return to the list (the shell restores
 * focus to its row). What it says comes from the same headline as its row; all text rendered as text.
 */
export function PackageView({ data, actions }: { data: { row: Row; details: PackageDetailsView; refreshing: boolean }; actions: PackageViewActions }) {
  const { row, details: d } = data;
  const h = row.headline;
  const [renaming, setRenaming] = useState(false);
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), [row.id]);
  let lastDay = '';
  return (
    <article class="view" aria-labelledby="view-title" data-view-package={row.id}>
      <header class="view__bar">
        <button type="button" class="view__back" onClick={actions.back} aria-label="Back to the list">
          ← Back
        </button>
        <button type="button" disabled={data.refreshing} onClick={() => actions.refreshOne(row.id)}>
          {data.refreshing ? 'Refreshing…' : 'Refresh'}
        </button>
      </header>
      {renaming ? (
        <form
          class="view__rename"
          onSubmit={(e) => {
            e.preventDefault();
            const v = (new FormData(e.currentTarget as HTMLFormElement).get('label') as string | null) ?? '';
            actions.rename(row.id, v.trim() || null);
            setRenaming(false);
          }}
        >
          <label for="rename">Name</label>
          <input id="rename" name="label" defaultValue={row.title} maxLength={120} autoFocus />
          <button type="submit">Save</button>
          <button type="button" onClick={() => setRenaming(false)}>
            Cancel
          </button>
        </form>
      ) : (
        <h1 id="view-title" class="view__title" tabIndex={-1} ref={heading} title={row.title}>
          {row.title}
        </h1>
      )}
      <p class="view__meta">{row.meta}</p>
      <p class="view__headline">
        <span class={`pkg__status badge badge--${h.tone}`}>{h.label}</span> <span class="view__line">{h.line}</span>
      </p>
      {h.detail && <p class="view__detail">{h.detail}</p>}
      {row.attention && (
        <div class={`view__attention view__attention--${row.attention.severity}`} data-situation={row.attention.kind} role="alert">
          <span>
            {row.attention.text}
            {row.attention.folded > 0 && ` (+${row.attention.folded} more)`}
          </span>
          <button type="button" onClick={() => actions.dismiss(row.attention!.key)}>
            Dismiss
          </button>
        </div>
      )}
      {row.noSource && (
        <div class="view__nosource" data-no-source>
          <p>{row.noSource.text}</p>
          <div class="view__buttons">
            {row.noSource.fixes.map((f) => (
              <button
                key={f.kind}
                type="button"
                onClick={() => (f.kind === 'add_key' ? actions.openOptions('sources') : f.kind === 'carrier_page' ? actions.openTracking(row.id) : actions.openShop(row.id))}
              >
                {f.label}
              </button>
            ))}
          </div>
        </div>
      )}
      {row.error && <p class="view__error">Last refresh failed: {row.error}</p>}
      {row.muted && <p class="view__muted">Muted: no notifications for this package.</p>}
      {d.progress.stopped ? (
        <p class="view__stopped">{d.progress.stopped}</p>
      ) : (
        // A progressbar named after the package, its step said in words (issue #13): the steps inside
        // are what it looks like, and a progressbar's children are presentational.
        <div
          class="steps"
          role="progressbar"
          aria-label={`Progress of ${row.title}`}
          aria-valuemin={1}
          aria-valuemax={d.progress.steps.length}
          aria-valuenow={d.progress.current + 1}
          aria-valuetext={`Step ${d.progress.current + 1} of ${d.progress.steps.length}: ${d.progress.steps[d.progress.current]}`}
        >
          {d.progress.steps.map((s, i) => (
            <span key={s} class={i < d.progress.current || (i === d.progress.current && i === d.progress.steps.length - 1) ? 'step step--done' : i === d.progress.current ? 'step step--now' : 'step'}>
              {s}
            </span>
          ))}
        </div>
      )}
      {d.pickup && (
        <section class="view__section" aria-labelledby="pickup-h">
          <h2 id="pickup-h">Pickup</h2>
          {d.pickup.location && <p>{d.pickup.location}</p>}
          {d.pickup.code && (
            <p>
              Code <strong class="view__code">{d.pickup.code}</strong>{' '}
              <button type="button" onClick={() => actions.copy(d.pickup!.code!)}>
                Copy code
              </button>
            </p>
          )}
          {d.pickup.until && <p class="view__deadline">Collect by {d.pickup.until}</p>}
        </section>
      )}
      {d.steps.length > 0 && (
        <section class="view__section" aria-labelledby="next-h">
          <h2 id="next-h">What to do next</h2>
          <ol class="next">
            {d.steps.map((s) => (
              <li key={s.id} data-step={s.id}>
                <strong>{s.title}</strong>
                {s.detail && <div class="next__detail">{s.detail}</div>}
                {s.deadlines.map((x) => (
                  <div key={x} class="next__deadline">
                    {x}
                  </div>
                ))}
                {(s.url || s.phone) && (
                  <div class="view__buttons">
                    {s.url && (
                      <button type="button" onClick={() => actions.openUrl(s.url!)}>
                        {s.title.length <= 32 ? s.title : 'Open'}
                      </button>
                    )}
                    {s.phone && (
                      <button type="button" onClick={() => actions.copy(s.phone!)}>
                        Copy {s.phone}
                      </button>
                    )}
                  </div>
                )}
              </li>
            ))}
          </ol>
        </section>
      )}
      {d.tracking && (
        <section class="view__section" aria-labelledby="num-h">
          <h2 id="num-h">Tracking number</h2>
          <p>
            <span class="view__number">{d.tracking.number}</span>
            {d.tracking.carrier && <span class="view__service"> · {[d.tracking.carrier, d.tracking.service].filter(Boolean).join(', ')}</span>}
          </p>
          <div class="view__buttons">
            <button type="button" onClick={() => actions.copy(d.tracking!.number)}>
              Copy number
            </button>
            {d.tracking.url && (
              <button type="button" onClick={() => actions.openTracking(row.id)}>
                {d.tracking.carrier ? `${d.tracking.carrier} page` : 'Carrier page'}
              </button>
            )}
          </div>
          {d.tracking.others.map((o) => (
            <p key={o.number} class="view__other">
              {o.relation}: {o.number}
            </p>
          ))}
        </section>
      )}
      {d.order && (
        <section class="view__section" aria-labelledby="order-h">
          <h2 id="order-h">Order</h2>
          <p>
            {d.order.shop} order {d.order.orderId}
            {d.order.placed && `, placed ${d.order.placed}`}
            {d.order.total && ` · ${d.order.total}`}
          </p>
          {d.order.items.length > 0 && (
            <ul class="view__items">
              {d.order.items.map((i, n) => (
                <li key={n}>
                  {i.quantity && i.quantity > 1 ? `${i.quantity} × ` : ''}
                  {i.title}
                  {i.seller && <span class="view__seller"> · sold by {i.seller}</span>}
                </li>
              ))}
            </ul>
          )}
          {row.shopUrl && (
            <div class="view__buttons">
              <button type="button" onClick={() => actions.openShop(row.id)}>
                Open on {d.order.shop}
              </button>
            </div>
          )}
        </section>
      )}
      {d.etaChanges.length > 1 && (
        <p class="view__eta">
          Delivery date changed: {d.etaChanges.join(' → ')}
        </p>
      )}
      <section class="view__section timeline" aria-labelledby="tl-h">
        <h2 id="tl-h">Timeline</h2>
        {d.timeline.length === 0 ? (
          <p class="timeline__empty">No tracking events yet.</p>
        ) : (
          <ol>
            {d.timeline.map((e) => {
              const heading = e.day !== lastDay ? e.day : null;
              lastDay = e.day;
              return (
                <li key={e.key} class={`event event--${e.status ?? 'none'}`}>
                  {heading && <div class="event__day">{heading}</div>}
                  <span class="event__time">{e.time}</span>
                  <span class="event__text">{e.text}</span>
                  {e.location && <span class="event__where">{e.location}</span>}
                  {e.sources.length > 1 && <span class="event__sources">Seen by {e.sources.map(sourceName).join(' and ')}</span>}
                </li>
              );
            })}
          </ol>
        )}
      </section>
      <section class="view__section view__actions" aria-label="Actions">
        <div class="view__buttons">
          <button type="button" onClick={() => setRenaming(true)}>
            Rename
          </button>
          <button type="button" aria-pressed={row.muted} onClick={() => actions.mute(row.id, !row.muted)}>
            {row.muted ? 'Unmute' : 'Mute'}
          </button>
          <button type="button" onClick={() => actions.archive(row.id, !row.archived)}>
            {row.archived ? 'Unarchive' : 'Archive'}
          </button>
          {d.canMarkNotReceived && (
            <button type="button" class="view__not-received" onClick={() => actions.markNotReceived(row.id)}>
              I did not receive this
            </button>
          )}
          <button type="button" onClick={() => actions.saveClaimKit(row.id)} title="A printable page with the order, the timeline and the claim deadlines">
            Save claim kit
          </button>
          <button type="button" class="view__delete" onClick={() => actions.remove(row.id)}>
            Delete
          </button>
        </div>
      </section>
    </article>
  );
}
