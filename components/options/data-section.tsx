import type { Translate } from '../../lib/i18n/translate';
import { EXPORTS, type ExportKind } from '../../lib/view/options-data';

export interface DataData {
  t: Translate;
  /** "Stored in this browser: …", or null while counting. */
  stored: string | null;
  /** What is running now (buttons are disabled meanwhile). */
  busy: ExportKind | 'import' | 'numbers' | 'claim' | 'delete' | 'keys' | null;
  /** Carrier keys in a backup: sealed with the shopper's passphrase, only when they tick it. */
  keys: {
    include: boolean;
    passphrase: string;
    /** How many carriers have keys in this browser. */
    saved: number;
    minPassphrase: number;
    /** A backup just imported holds keys: its file name, and the carriers once unlocked. */
    restore: { file: string; unlocked: string | null } | null;
  };
  /** Parcels a claim kit can be made for, newest first; null while loading. */
  claimChoices: readonly { id: string; label: string }[] | null;
  /** The one chosen in the list. */
  claimPackage: string | null;
  /** The result of the last export, import or deletion; `bad` ones are alerts. */
  message: { tone: 'good' | 'bad' | 'info'; text: string } | null;
  /** "Delete all data" was pressed and waits for its confirmation. */
  confirmingDelete: boolean;
  /** What the confirmation says will go. */
  deleteWarning: string | null;
}

export interface DataActions {
  exportFile(kind: ExportKind): void;
  importBackup(file: File): void;
  importNumbers(file: File): void;
  setIncludeKeys(on: boolean): void;
  setPassphrase(text: string): void;
  unlockKeys(passphrase: string): void;
  saveKeys(): void;
  skipKeys(): void;
  chooseClaimPackage(id: string): void;
  saveClaimKit(): void;
  askDelete(): void;
  confirmDelete(): void;
  cancelDelete(): void;
}

const ORDER: readonly ExportKind[] = ['backup', 'events-csv', 'packages-csv', 'calendar'];

/** The Data section (issue #12): export in open formats, import a backup, delete everything. */
export function DataSection({ data, actions }: { data: DataData; actions: DataActions }) {
  const { t } = data;
  const busy = data.busy !== null;
  return (
    <section class="section" id="data" aria-labelledby="data-title">
      <h2 id="data-title">{t('optionsDataTitle')}</h2>
      <p class="intro">{t('optionsDataIntro')}</p>
      {data.stored && <p class="hint">{data.stored}</p>}
      <h3>{t('optionsDataExportHeading')}</h3>
      <ul class="exports">
        {ORDER.map((kind) => (
          <li key={kind}>
            <button type="button" class={kind === 'backup' ? 'primary' : undefined} disabled={busy} aria-describedby={`export-${kind}-hint`} onClick={() => actions.exportFile(kind)}>
              {data.busy === kind ? t('optionsDataExporting') : t(EXPORTS[kind].label)}
            </button>
            <span class="hint" id={`export-${kind}-hint`}>
              {` ${t(kind === 'backup' && data.keys.include ? 'optionsDataExportBackupWithKeysHint' : EXPORTS[kind].hint)}`}
            </span>
          </li>
        ))}
      </ul>
      <fieldset class="keys" disabled={busy}>
        <legend>{t('optionsDataKeysLegend')}</legend>
        <label class="check">
          <input
            type="checkbox"
            checked={data.keys.include}
            disabled={data.keys.saved === 0}
            aria-describedby="keys-hint"
            onChange={(e) => actions.setIncludeKeys(e.currentTarget.checked)}
          />
          {t('optionsDataKeysInclude')}
        </label>
        <p class="hint" id="keys-hint">
          {t(data.keys.saved === 0 ? 'optionsDataKeysNone' : 'optionsDataKeysOffHint')}
        </p>
        {data.keys.include && (
          <div class="inline">
            <label for="keys-passphrase">{t('optionsDataPassphrase')}</label>
            <input
              id="keys-passphrase"
              type="password"
              autocomplete="new-password"
              minLength={data.keys.minPassphrase}
              value={data.keys.passphrase}
              aria-describedby="keys-passphrase-hint"
              onInput={(e) => actions.setPassphrase(e.currentTarget.value)}
            />
            <span class="hint" id="keys-passphrase-hint">
              {` ${t('optionsDataPassphraseHint', data.keys.minPassphrase)}`}
            </span>
          </div>
        )}
      </fieldset>
      <h3>{t('optionsDataImportHeading')}</h3>
      <FileField
        id="import-backup"
        label={t('optionsDataImportBackup')}
        accept=".json,application/json"
        disabled={busy}
        hint={t('optionsDataImportBackupHint')}
        onFile={(f) => actions.importBackup(f)}
      />
      {data.keys.restore && (
        <div class="keys-restore" role="group" aria-labelledby="keys-restore-text">
          <p id="keys-restore-text">
            {data.keys.restore.unlocked ? t('optionsDataKeysUnlocked', data.keys.restore.unlocked) : t('optionsDataKeysLocked', data.keys.restore.file)}
          </p>
          {data.keys.restore.unlocked ? (
            <div class="buttons">
              <button type="button" class="primary" disabled={busy} onClick={() => actions.saveKeys()}>
                {t('optionsDataSaveKeys')}
              </button>
              <button type="button" disabled={busy} onClick={() => actions.skipKeys()}>
                {t('optionsDataLeaveOut')}
              </button>
            </div>
          ) : (
            <form
              class="inline"
              onSubmit={(e) => {
                e.preventDefault();
                const typed = new FormData(e.currentTarget as HTMLFormElement).get('passphrase');
                actions.unlockKeys(typeof typed === 'string' ? typed : '');
              }}
            >
              <label for="restore-passphrase">{t('optionsDataPassphrase')}</label>
              <input id="restore-passphrase" name="passphrase" type="password" autocomplete="current-password" required />
              <button type="submit" disabled={busy}>
                {data.busy === 'keys' ? t('optionsDataUnlocking') : t('optionsDataUnlock')}
              </button>
              <button type="button" disabled={busy} onClick={() => actions.skipKeys()}>
                {t('optionsDataLeaveOut')}
              </button>
            </form>
          )}
        </div>
      )}
      <FileField
        id="import-numbers"
        label={t('optionsDataImportNumbers')}
        accept=".csv,.txt,text/csv,text/plain"
        disabled={busy}
        hint={t('optionsDataImportNumbersHint')}
        onFile={(f) => actions.importNumbers(f)}
      />
      <h3>{t('optionsDataClaimHeading')}</h3>
      <p class="hint">{t('optionsDataClaimHint')}</p>
      {data.claimChoices && data.claimChoices.length > 0 ? (
        <div class="inline">
          <label for="claim-package">{t('optionsDataClaimFor')}</label>
          <select id="claim-package" value={data.claimPackage ?? ''} disabled={busy} onChange={(e) => actions.chooseClaimPackage(e.currentTarget.value)}>
            {data.claimChoices.map((c) => (
              <option key={c.id} value={c.id}>
                {c.label}
              </option>
            ))}
          </select>
          <button type="button" disabled={busy || !data.claimPackage} onClick={() => actions.saveClaimKit()}>
            {data.busy === 'claim' ? t('optionsDataSaving') : t('optionsDataSaveClaim')}
          </button>
        </div>
      ) : (
        data.claimChoices && <p class="empty">{t('optionsDataNoParcels')}</p>
      )}
      <h3>{t('optionsDataDeleteHeading')}</h3>
      {!data.confirmingDelete && (
        <div class="buttons">
          <button type="button" disabled={busy} onClick={() => actions.askDelete()}>
            {t('optionsDataDeleteAll')}
          </button>
        </div>
      )}
      {data.confirmingDelete && (
        <div class="confirm" role="group" aria-labelledby="delete-confirm-text">
          <p id="delete-confirm-text" class="status status--warn">
            {data.deleteWarning}
          </p>
          <div class="buttons">
            <button type="button" class="danger" disabled={busy} onClick={() => actions.confirmDelete()}>
              {data.busy === 'delete' ? t('optionsDataDeleting') : t('optionsDataDeleteYes')}
            </button>
            <button type="button" disabled={busy} onClick={() => actions.cancelDelete()}>
              {t('optionsDataCancel')}
            </button>
          </div>
        </div>
      )}
      {/* Always there, so the result is announced when it appears; a bad one is an alert (issue #13). */}
      <div class="status-slot" role="status">
        {data.message && (
          <p class={`status status--${data.message.tone}`} role={data.message.tone === 'bad' ? 'alert' : undefined}>
            {data.message.text}
          </p>
        )}
      </div>
    </section>
  );
}

function FileField(props: { id: string; label: string; accept: string; disabled: boolean; hint: string; onFile(file: File): void }) {
  return (
    <div class="field">
      <label for={props.id}>{props.label}</label>
      <input
        id={props.id}
        type="file"
        accept={props.accept}
        disabled={props.disabled}
        aria-describedby={`${props.id}-hint`}
        onChange={(e) => {
          const input = e.currentTarget;
          const file = input.files?.[0];
          if (file) props.onFile(file);
          // The same file can be chosen again after a fix.
          input.value = '';
        }}
      />
      <span class="hint" id={`${props.id}-hint`}>
        {props.hint}
      </span>
    </div>
  );
}
