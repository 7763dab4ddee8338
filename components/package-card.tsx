import type { ComponentChildren } from 'preact';
import type { PackageView } from '../lib/view/popup-model';

export interface PackageCardActions {
  openTracking(id: string): void;
  openShop(id: string): void;
  archive(id: string, archived: boolean): void;
  mute(id: string, muted: boolean): void;
  toggle(id: string): void;
}

/** One package. All text is rendered as text (never HTML): page and carrier wording is untrusted. */
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
  return (
    <li class={`pkg pkg--${p.status}`} data-package-id={p.id} data-status={p.status}>
      <div class="pkg__head">
        <button type="button" class="pkg__title" title={p.title} aria-expanded={Boolean(expanded)} onClick={() => actions.toggle(p.id)}>
          {p.title}
        </button>
        <span class={`pkg__status badge badge--${p.status}`}>{p.statusLabel}</span>
      </div>
      <div class="pkg__sub">{p.subtitle}</div>
      <div class="pkg__bar" role="progressbar" aria-valuemin={0} aria-valuemax={100} aria-valuenow={Math.round(p.progress * 100)}>
        <span style={{ width: `${Math.round(p.progress * 100)}%` }} />
      </div>
      {p.etaLabel && (
        <div class="pkg__eta">
          Expected {p.etaLabel}
          {p.originalEtaLabel && <s class="pkg__eta-was"> was {p.originalEtaLabel}</s>}
        </div>
      )}
      {(p.lastEventText || p.statusText) && <div class="pkg__event">{p.lastEventText ?? p.statusText}</div>}
      {p.alerts.map((a) => (
        <div key={a.kind} class={`pkg__alert pkg__alert--${a.severity}`}>
          {a.title}
        </div>
      ))}
      {p.error && <div class="pkg__error">{p.error}</div>}
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
