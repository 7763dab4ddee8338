import { SYNC_HINT } from '../../lib/view/options-sync';
import { Switch } from './switch';

export interface SyncData {
  on: boolean;
  busy: boolean;
  status: { tone: 'good' | 'bad' | 'info'; text: string } | null;
}

export interface SyncActions {
  setOn(on: boolean): void;
}

/** Sync across the shopper's browsers through the browser's own sync (issue #12 §5), opt-in. */
export function SyncSection({ data, actions }: { data: SyncData; actions: SyncActions }) {
  return (
    <section class="section" id="sync" aria-labelledby="sync-title">
      <h2 id="sync-title">Sync across your browsers</h2>
      <Switch id="sync-on" label="Sync my parcels to my other browsers" checked={data.on} disabled={data.busy} hint={SYNC_HINT} onChange={(on) => actions.setOn(on)} />
      {/* The live region is there from the start, so what a run says later is announced. */}
      <p class={data.status ? `status status--${data.status.tone}` : 'hint'} role="status" aria-live="polite">
        {data.status?.text ?? ''}
      </p>
    </section>
  );
}
