import type { CardStatus } from '../../lib/view/options-sources';

/** A result or error under a control, announced to screen readers when it changes. */
export function StatusLine({ status, id }: { status: CardStatus | null; id?: string }) {
  if (!status) return null;
  return (
    <p class={`status status--${status.tone}`} role={status.tone === 'bad' ? 'alert' : 'status'} id={id}>
      <strong class="status__label">{status.label}</strong>
      {status.message && <span class="status__message">{` ${status.message}`}</span>}
    </p>
  );
}
