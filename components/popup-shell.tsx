import type { MessageKey, Translate } from '../lib/i18n/translate';
import type { PackageDetailsView } from '../lib/view/package-details';
import type { PackageView as Row, PopupModel, PopupView } from '../lib/view/popup-model';
import type { TrackOffer } from '../lib/view/track-offers';
import { PackageList, type PackageListActions } from './package-list';
import { PackageView, type PackageViewActions } from './package-view';
import { TrackBox, type TrackBoxActions } from './track-box';

export interface PopupActions extends PackageViewActions, TrackBoxActions, PackageListActions {
  setView(view: PopupView): void;
  refresh(): void;
  scanPage(): void;
  undo(): void;
}

export interface PopupData {
  /** The popup's own words (issue #13 §2); the list's come built from the background. */
  t: Translate;
  loading: boolean;
  model: PopupModel;
  query: string;
  offers: TrackOffer[];
  reasons: string[];
  refreshing: boolean;
  busy: boolean;
  /** The result of the last action, in the status region: "Added 2 packages"; a failure, `{ error }`, is an alert. */
  message: string | { error: string } | null;
  /** Moves with every result, the same words again too, so each is announced (its node is new). */
  messageSeq?: number;
  /** A banner that appeared while the popup is open, said once to a screen reader (it is on screen already). */
  notice?: { text: string; seq: number } | null;
  /** An action that can be undone for a few seconds (archive, delete, history). */
  undo: { text: string } | null;
  open: { row: Row; details: PackageDetailsView } | null;
  /** The shopper's marketplaces for "Open your orders" on the empty popup. */
  ordersLinks: { label: string; url: string }[];
}

const VIEW_LABEL: Record<PopupView, MessageKey> = { list: 'popupTabCurrent', history: 'popupTabHistory', archived: 'popupTabArchived' };

/**
 * The popup: the box, the list (or History, Archived, search results), or one package's view; a
 * polite status region for results and an undo (issue #11), an alert region for failures.
 * Components take data and actions only.
 */
export function PopupShell({ data, actions }: { data: PopupData; actions: PopupActions }) {
  const { t } = data;
  const m = data.model;
  const total = m.counts.list + m.counts.history + m.counts.archived;
  const searching = data.query.trim() !== '';
  // Two live regions, always in the page and never moved (a region inserted with its text is often
  // not announced): results politely, a failure as an alert — not one inside the other, where a
  // screen reader may say the failure twice or only politely (issue #13 §1).
  const status = (
    <div class="popup__live">
      <div class="popup__status" role="status" aria-live="polite">
        {data.notice && (
          <span key={`notice-${data.notice.seq}`} class="visually-hidden">
            {data.notice.text}
          </span>
        )}
        {typeof data.message === 'string' && (
          <p key={data.messageSeq} class="popup__message">
            {data.message}
          </p>
        )}
        {data.undo && (
          <p class="popup__undo">
            {data.undo.text}{' '}
            <button type="button" onClick={actions.undo}>
              {t('popupUndo')}
            </button>
          </p>
        )}
      </div>
      <div class="popup__alert" role="alert">
        {data.message && typeof data.message === 'object' && (
          <p key={data.messageSeq} class="popup__message popup__message--error">
            {data.message.error}
          </p>
        )}
      </div>
    </div>
  );
  if (data.open) {
    return (
      <main class="popup popup--view">
        {status}
        <PackageView data={{ row: data.open.row, details: data.open.details, refreshing: data.refreshing, t }} actions={actions} />
      </main>
    );
  }
  return (
    <main class="popup">
      <header class="popup__head">
        <h1>Porchlight</h1>
        <button type="button" onClick={actions.scanPage} title={t('popupScanPageTitle')}>
          {t('popupScanPage')}
        </button>
        <button type="button" class="popup__refresh" disabled={data.refreshing} onClick={actions.refresh}>
          {data.refreshing ? t('popupRefreshing') : t('popupRefresh')}
        </button>
      </header>
      <TrackBox data={{ query: data.query, offers: data.offers, reasons: m.shown === 0 || !searching ? data.reasons : [], busy: data.busy, t }} actions={actions} />
      {status}
      {m.banners.map((b) => (
        // Standing notes, no live region: read in the page's order at every open, not announced
        // each time the popup opens or a package view closes (issue #13 §1).
        <div key={b.id} class="popup__banner" data-banner={b.id}>
          <span>{b.text}</span>
          {b.fix && (
            <button type="button" onClick={() => actions.openUrl(b.fix!.url)}>
              {b.fix.label}
            </button>
          )}
        </div>
      ))}
      {!searching && total > 0 && (
        <nav class="tabs" aria-label={t('popupLists')}>
          {(['list', 'history', 'archived'] as const).map((v) => (
            <button key={v} type="button" class="tabs__tab" aria-pressed={m.view === v} onClick={() => actions.setView(v)}>
              {t(VIEW_LABEL[v])} <span class="tabs__count">{m.counts[v]}</span>
            </button>
          ))}
        </nav>
      )}
      {data.loading ? null : total === 0 ? (
        <section class="welcome" aria-labelledby="welcome-h">
          <h2 id="welcome-h">{t('popupWelcomeTitle')}</h2>
          <p>{t('popupWelcomeIntro')}</p>
          <ol>
            <li>
              {t('popupWelcomeOrders')}
              <span class="welcome__links">
                {data.ordersLinks.map((l) => (
                  <button key={l.url} type="button" onClick={() => actions.openUrl(l.url)}>
                    {l.label}
                  </button>
                ))}
              </span>
            </li>
            <li>{t('popupWelcomePaste')}</li>
            <li>{t('popupWelcomeSelect')}</li>
          </ol>
        </section>
      ) : m.noMatch ? (
        <p class="popup__empty">{t('popupNoMatch', data.query.trim())}</p>
      ) : m.shown === 0 ? (
        <p class="popup__empty">
          {t(m.view === 'history' ? 'popupEmptyHistory' : m.view === 'archived' ? 'popupEmptyArchived' : 'popupEmptyList')}
        </p>
      ) : (
        <PackageList data={{ groups: m.groups, t }} actions={actions} />
      )}
    </main>
  );
}
