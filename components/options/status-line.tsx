import type { CardStatus } from '../../lib/view/options-sources';

/**
 * A result or error under a control, announced to screen readers when it changes. The polite region
 * is there before anything is said (one inserted with its text already in it is often not announced;
 * issue #13); a bad result inside it is an alert.
 */
export function StatusLine({ status, id }: { status: CardStatus | null; id?: string }) {
  return (
    <div class="status-slot" role="status" id={id}>
      {status && (
        <p class={`status status--${status.tone}`} role={status.tone === 'bad' ? 'alert' : undefined}>
          <strong class="status__label">{status.label}</strong>
          {status.message && <span class="status__message">{` ${status.message}`}</span>}
        </p>
      )}
    </div>
  );
}
