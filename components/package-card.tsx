import type { ComponentChildren } from 'preact';
import type { PackageView } from '../lib/view/popup-model';

export interface PackageCardActions {
  openTracking(id: string): void;
  openShop(id: string): void;
  archive(id: string, archived: boolean): void;
  mute(id: string, muted: boolean): void;
  toggle(id: string): void;
  /** Hides a card's attention line until a new situation starts. */
  dismiss(situationKey: string): void;
}

/**
 * One package: a badge and a line from one function (lib/view/headline.ts), at most one attention
 * line. All text is rendered as text (never HTML): page and carrier wording is untrusted.
 */
export function PackageCard({
  data,
  actions,
  expanded,
  children,
}: {
  data: PackageView;
  actions: PackageCardActions;
  expanded?: boolean;
  children?: ComponentChildren;
}) {
  const p = data;
  const h = p.headline;
  return (
    <li class={`pkg pkg--${p.status} pkg--tone-${h.tone}`} data-package-id={p.id} data-status={p.status}>
      <div class="pkg__head">
        <button type="button" class="pkg__title" title={p.title} aria-expanded={Boolean(expanded)} onClick={() => actions.toggle(p.id)}>
          {p.title}
        </button>
        <span class={`pkg__status badge badge--${h.tone}`}>{h.label}</span>
      </div>
      <div class="pkg__sub">{p.subtitle}</div>
      <div
        class="pkg__bar"
        role="progressbar"
        aria-label={`${p.title}: ${h.label}`}
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={Math.round(p.progress * 100)}
      >
        <span style={{ width: `${Math.round(p.progress * 100)}%` }} />
      </div>
      <div class="pkg__line">{h.line}</div>
      {h.detail && <div class="pkg__detail">{h.detail}</div>}
      {p.attention && (
        <div class={`pkg__attention pkg__attention--${p.attention.severity}`} data-situation={p.attention.kind}>
          <span class="pkg__attention-text">
            {p.attention.text}
            {p.attention.folded > 0 && <span class="pkg__attention-more"> (+{p.attention.folded} more)</span>}
          </span>
          <button type="button" class="pkg__dismiss" aria-label="Dismiss this notice" onClick={() => actions.dismiss(p.attention!.key)}>
            Dismiss
          </button>
        </div>
      )}
      {p.error && <div class="pkg__error">{p.error}</div>}
      {p.muted && <div class="pkg__muted">Muted: no notifications for this package</div>}
      {expanded && children}
      <div class="pkg__actions">
        {p.trackingNumber && (
          <button type="button" onClick={() => actions.openTracking(p.id)}>
            Carrier page
          </button>
        )}
        {p.shopUrl && (
          <button type="button" onClick={() => actions.openShop(p.id)}>
            Shop page
          </button>
        )}
        <button type="button" onClick={() => actions.mute(p.id, !p.muted)}>
          {p.muted ? 'Unmute' : 'Mute'}
        </button>
        <button type="button" onClick={() => actions.archive(p.id, !p.archived)}>
          {p.archived ? 'Unarchive' : 'Archive'}
        </button>
      </div>
    </li>
  );
}
