import type { Translate } from '../lib/i18n/translate';
import type { PackageView } from '../lib/view/popup-model';

/**
 * One package in the list, compact (issue #11 §2): the name the shopper recognises, the badge and
 * line from the one headline function (lib/view/headline.ts), where it comes from and how old its
 * news is, one attention mark. The whole row is one button (one tab stop) that opens the package.
 * All text is rendered as text, never HTML: page and carrier wording is untrusted.
 */
export function PackageRow({ data, actions }: { data: { row: PackageView; t: Translate }; actions: { open(id: string): void } }) {
  const { row: p, t } = data;
  const h = p.headline;
  const mark = p.attention ? t(p.attention.severity === 'critical' ? 'popupRowProblem' : 'popupRowAttention', p.attention.text) : null;
  return (
    <li class={`pkg pkg--${p.status} pkg--tone-${h.tone}${p.attention ? ` pkg--attn-${p.attention.severity}` : ''}`} data-package-id={p.id} data-status={p.status}>
      <button type="button" class="pkg__open" onClick={() => actions.open(p.id)} title={mark ?? undefined}>
        <span class="pkg__head">
          {p.attention && (
            <span class={`pkg__attention pkg__attention--${p.attention.severity}`} data-situation={p.attention.kind} role="img" aria-label={mark!}>
              !
            </span>
          )}
          <span class="pkg__title">{p.title}</span>
          <span class={`pkg__status badge badge--${h.tone}`}>{h.label}</span>
        </span>
        <span class="pkg__line">{p.noSource && !p.attention ? p.noSource.text : h.line}</span>
        <span class="pkg__meta">
          {[p.meta, p.age, p.muted ? t('popupRowMuted') : null, p.elsewhere].filter(Boolean).join(' · ')}
        </span>
      </button>
    </li>
  );
}
