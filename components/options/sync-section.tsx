import type { Translate } from '../../lib/i18n/translate';
import { Switch } from './switch';

export interface SyncData {
  t: Translate;
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
      <h2 id="sync-title">{data.t('optionsSyncTitle')}</h2>
      <Switch id="sync-on" label={data.t('optionsSyncSwitch')} checked={data.on} disabled={data.busy} hint={data.t('optionsSyncHint')} onChange={(on) => actions.setOn(on)} />
      {/* The live region is there from the start, so what a run says later is announced. */}
      <p class={data.status ? `status status--${data.status.tone}` : 'hint'} role="status" aria-live="polite">
        {data.status?.text ?? ''}
      </p>
    </section>
  );
}
