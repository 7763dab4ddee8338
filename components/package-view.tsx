import { useEffect, useRef, useState } from 'preact/hooks';
import type { Translate } from '../lib/i18n/translate';
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

/** "Seen by UPS and Amazon", "Seen by UPS, FedEx and Amazon". */
function seenBy(t: Translate, sources: string[]): string {
  const names = sources.map(sourceName);
  return names.length === 1 ? t('viewSeenByOne', names[0]!) : t('viewSeenByMany', names.slice(0, -1).join(', '), names[names.length - 1]!);
}

/**
 * One package, its own view (issue #11 §3): Back and Escape return to the list (the shell restores
 * focus to its row). What it says comes from the same headline as its row; all text rendered as text.
 */
export function PackageView({ data, actions }: { data: { row: Row; details: PackageDetailsView; refreshing: boolean; t: Translate }; actions: PackageViewActions }) {
  const { row, details: d, t } = data;
  const h = row.headline;
  const [renaming, setRenaming] = useState(false);
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), [row.id]);
  let lastDay = '';
  return (
    <article class="view" aria-labelledby="view-title" data-view-package={row.id}>
      <header class="view__bar">
        <button type="button" class="view__back" onClick={actions.back} aria-label={t('viewBackLabel')}>
          {t('viewBack')}
        </button>
        <button type="button" disabled={data.refreshing} onClick={() => actions.refreshOne(row.id)}>
          {data.refreshing ? t('popupRefreshing') : t('popupRefresh')}
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
          <label for="rename">{t('viewName')}</label>
          <input id="rename" name="label" defaultValue={row.title} maxLength={120} autoFocus />
          <button type="submit">{t('viewSave')}</button>
          <button type="button" onClick={() => setRenaming(false)}>
            {t('viewCancel')}
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
        <div class={`view__attention view__attention--${row.attention.severity}`} data-situation={row.attention.kind}>
          <span>
            {row.attention.text}
            {row.attention.folded > 0 && ` ${t('viewFoldedMore', row.attention.folded)}`}
          </span>
          <button type="button" onClick={() => actions.dismiss(row.attention!.key)}>
            {t('viewDismiss')}
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
      {row.error && <p class="view__error">{t('viewLastRefreshFailed', row.error)}</p>}
      {row.muted && <p class="view__muted">{t('viewMuted')}</p>}
      {d.progress.stopped ? (
        <p class="view__stopped">{d.progress.stopped}</p>
      ) : (
        // A progressbar named after the package, its step said in words (issue #13): the steps inside
        // are what it looks like, and a progressbar's children are presentational.
        <div
          class="steps"
          role="progressbar"
          aria-label={t('viewProgressLabel', row.title)}
          aria-valuemin={1}
          aria-valuemax={d.progress.steps.length}
          aria-valuenow={d.progress.current + 1}
          aria-valuetext={t('viewProgressStep', d.progress.current + 1, d.progress.steps.length, d.progress.steps[d.progress.current] ?? '')}
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
          <h2 id="pickup-h">{t('viewPickup')}</h2>
          {d.pickup.location && <p>{d.pickup.location}</p>}
          {d.pickup.code && (
            <p>
              {t('viewCode')} <strong class="view__code">{d.pickup.code}</strong>{' '}
              <button type="button" onClick={() => actions.copy(d.pickup!.code!)}>
                {t('viewCopyCode')}
              </button>
            </p>
          )}
          {d.pickup.until && <p class="view__deadline">{t('viewCollectBy', d.pickup.until)}</p>}
        </section>
      )}
      {d.steps.length > 0 && (
        <section class="view__section" aria-labelledby="next-h">
          <h2 id="next-h">{t('viewNextSteps')}</h2>
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
                        {s.title.length <= 32 ? s.title : t('viewOpen')}
                      </button>
                    )}
                    {s.phone && (
                      <button type="button" onClick={() => actions.copy(s.phone!)}>
                        {t('viewCopyPhone', s.phone)}
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
          <h2 id="num-h">{t('viewTrackingNumber')}</h2>
          <p>
            <span class="view__number">{d.tracking.number}</span>
            {d.tracking.carrier && <span class="view__service"> · {[d.tracking.carrier, d.tracking.service].filter(Boolean).join(', ')}</span>}
          </p>
          <div class="view__buttons">
            <button type="button" onClick={() => actions.copy(d.tracking!.number)}>
              {t('viewCopyNumber')}
            </button>
            {d.tracking.url && (
              <button type="button" onClick={() => actions.openTracking(row.id)}>
                {d.tracking.carrier ? t('viewCarrierPageOf', d.tracking.carrier) : t('viewCarrierPage')}
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
          <h2 id="order-h">{t('viewOrder')}</h2>
          <p>
            {d.order.placed ? t('viewOrderLinePlaced', d.order.shop, d.order.orderId, d.order.placed) : t('viewOrderLine', d.order.shop, d.order.orderId)}
            {d.order.total && ` · ${d.order.total}`}
          </p>
          {d.order.items.length > 0 && (
            <ul class="view__items">
              {d.order.items.map((i, n) => (
                <li key={n}>
                  {i.quantity && i.quantity > 1 ? `${i.quantity} × ` : ''}
                  {i.title}
                  {i.seller && <span class="view__seller"> · {t('viewSoldBy', i.seller)}</span>}
                </li>
              ))}
            </ul>
          )}
          {row.shopUrl && (
            <div class="view__buttons">
              <button type="button" onClick={() => actions.openShop(row.id)}>
                {t('viewOpenOn', d.order.shop)}
              </button>
            </div>
          )}
        </section>
      )}
      {d.etaChanges.length > 1 && (
        <p class="view__eta">
          {t('viewEtaChanged', d.etaChanges.join(' → '))}
        </p>
      )}
      <section class="view__section timeline" aria-labelledby="tl-h">
        <h2 id="tl-h">{t('viewTimeline')}</h2>
        {d.timeline.length === 0 ? (
          <p class="timeline__empty">{t('viewNoEvents')}</p>
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
                  {e.sources.length > 1 && <span class="event__sources">{seenBy(t, e.sources)}</span>}
                </li>
              );
            })}
          </ol>
        )}
      </section>
      <section class="view__section view__actions" aria-label={t('viewActions')}>
        <div class="view__buttons">
          <button type="button" onClick={() => setRenaming(true)}>
            {t('viewRename')}
          </button>
          <button type="button" aria-pressed={row.muted} onClick={() => actions.mute(row.id, !row.muted)}>
            {row.muted ? t('viewUnmute') : t('viewMute')}
          </button>
          <button type="button" onClick={() => actions.archive(row.id, !row.archived)}>
            {row.archived ? t('viewUnarchive') : t('viewArchive')}
          </button>
          {d.canMarkNotReceived && (
            <button type="button" class="view__not-received" onClick={() => actions.markNotReceived(row.id)}>
              {t('viewNotReceived')}
            </button>
          )}
          <button type="button" onClick={() => actions.saveClaimKit(row.id)} title={t('viewClaimKitTitle')}>
            {t('viewSaveClaimKit')}
          </button>
          <button type="button" class="view__delete" onClick={() => actions.remove(row.id)}>
            {t('viewDelete')}
          </button>
        </div>
      </section>
    </article>
  );
}
