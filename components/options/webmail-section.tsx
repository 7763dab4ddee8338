import type { Translate } from '../../lib/i18n/translate';
import type { WebmailId, WebmailInfo } from '../../lib/view/options-webmail';
import { Switch } from './switch';

export interface WebmailData {
  t: Translate;
  providers: readonly WebmailInfo[];
  enabled: Readonly<Record<WebmailId, boolean>>;
  busy: Readonly<Partial<Record<WebmailId, boolean>>>;
  /** Why a switch stayed off (permission refused) or failed, per webmail. */
  messages: Readonly<Partial<Record<WebmailId, string>>>;
}

export interface WebmailActions {
  /** Turning on asks the browser for the webmail's host permission; turning off gives it back. */
  setEnabled(id: WebmailId, on: boolean): void;
}

/** Section 4: opt-in scanning of shipping e-mails in webmail. */
export function WebmailSection({ data, actions }: { data: WebmailData; actions: WebmailActions }) {
  return (
    <section class="section" id="webmail" aria-labelledby="webmail-title">
      <h2 id="webmail-title">{data.t('optionsWebmailTitle')}</h2>
      <p class="intro">{data.t('optionsWebmailIntro')}</p>
      {data.providers.map((p) => (
        <div key={p.id} class="webmail" data-webmail={p.id}>
          <Switch
            id={`webmail-${p.id}`}
            label={data.t('optionsWebmailScan', p.name)}
            checked={data.enabled[p.id]}
            disabled={data.busy[p.id] === true}
            hint={p.description}
            onChange={(on) => actions.setEnabled(p.id, on)}
          />
          {data.messages[p.id] && (
            <p class="status status--bad" role="alert">
              {data.messages[p.id]}
            </p>
          )}
        </div>
      ))}
    </section>
  );
}
