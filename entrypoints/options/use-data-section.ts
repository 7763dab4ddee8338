/**
 * The Data section's state and actions (issue #12): the options page renders
 * `<DataSection {...useDataSection(deps)} />`. Files are written by lib/backup and lib/export and
 * saved or read through the page's deps (lib/platform/files.ts in the browser).
 */
import { liveQuery } from 'dexie';
import { useEffect, useState } from 'preact/hooks';
import type { DataActions, DataData } from '../../components/options/data-section';
import { importBackup } from '../../lib/backup/import-backup';
import { BackupError } from '../../lib/backup/read-backup';
import { MIN_PASSPHRASE, openCredentials, type SealedKeys, sealCredentials } from '../../lib/backup/sealed-keys';
import type { Credentials } from '../../lib/carriers/client';
import { isConfigurableProvider, PROVIDER_INFO, providerName } from '../../lib/carriers/clients';
import { readTrackingList } from '../../lib/backup/tracking-list';
import { backupChunks } from '../../lib/backup/write-backup';
import { recentPackages, tableCounts, wipeDatabase } from '../../lib/db/backup-store';
import type { Translate } from '../../lib/i18n/translate';
import { downloadClaimKit } from '../../lib/platform/claim-kit-download';
import { calendarChunks } from '../../lib/export/ics';
import { eventsCsvChunks, packagesCsvChunks } from '../../lib/export/csv';
import {
  backupErrorText,
  claimChoiceLabel,
  deletedText,
  deleteWarningText,
  EXPORTS,
  type ExportKind,
  exportedText,
  exportFileName,
  importedText,
  notImportedText,
  numbersImportedText,
  type StoredCounts,
  storedText,
} from '../../lib/view/options-data';
import type { OptionsDeps } from './deps';

/** Larger than any list of numbers a shopper keeps (the parser reads the first 100,000 characters). */
const MAX_NUMBERS_FILE = 5 * 1024 * 1024;

/** The claim kit's list shows the parcels updated last (a claim is about a recent one). */
const CLAIM_CHOICES = 300;

const providerNames = (ids: readonly string[], t: Translate) => ids.map((id) => (isConfigurableProvider(id) ? providerName(PROVIDER_INFO[id], t) : id)).join(', ');

const errorText = (err: unknown) => (err instanceof Error ? err.message : String(err));

/**
 * `onKeysRestored` tells the page its stored carrier keys changed (the provider cards reload them).
 */
export function useDataSection(deps: OptionsDeps, onKeysRestored?: () => void): { data: DataData; actions: DataActions } {
  const ui = deps.ui;
  const { t } = ui;
  const [counts, setCounts] = useState<StoredCounts | null>(null);
  const [usage, setUsage] = useState<number | null>(null);
  const [busy, setBusy] = useState<DataData['busy']>(null);
  const [message, setMessage] = useState<DataData['message']>(null);
  const [confirming, setConfirming] = useState(false);
  const [choices, setChoices] = useState<DataData['claimChoices']>(null);
  const [chosen, setChosen] = useState<string | null>(null);
  // Carrier keys in the backup (issue #12 §1): off unless ticked; the passphrase lives only in this page.
  const [includeKeys, setIncludeKeys] = useState(false);
  const [passphrase, setPassphrase] = useState('');
  const [keyCount, setKeyCount] = useState(0);
  // A backup just imported holds sealed keys: first unlocked with its passphrase, then saved (which asks
  // for the carriers' hosts, and must come straight from a click).
  const [sealed, setSealed] = useState<{ file: string; keys: SealedKeys } | null>(null);
  const [unlocked, setUnlocked] = useState<Record<string, Credentials> | null>(null);

  useEffect(() => {
    const sub = liveQuery(() => tableCounts(deps.db)).subscribe({ next: setCounts, error: (e) => console.error('Porchlight options:', e) });
    return () => sub.unsubscribe();
  }, [deps]);
  useEffect(() => {
    const sub = liveQuery(() => recentPackages(deps.db, CLAIM_CHOICES)).subscribe({
      next: (list) => setChoices(list.map((p) => ({ id: p.id, label: claimChoiceLabel(ui, p) }))),
      error: (e) => console.error('Porchlight options:', e),
    });
    return () => sub.unsubscribe();
  }, [deps]);
  useEffect(() => {
    void deps.storageUsage().then(setUsage, () => setUsage(null));
    void deps.loadCredentials().then((c) => setKeyCount(Object.keys(c).length), () => setKeyCount(0));
  }, [deps, counts]);

  function run(what: NonNullable<DataData['busy']>, job: () => Promise<DataData['message']>) {
    if (busy) return;
    setBusy(what);
    setMessage(null);
    job()
      .then(setMessage, (err) => setMessage({ tone: 'bad', text: errorText(err) }))
      .finally(() => setBusy(null));
  }

  async function chunks(kind: ExportKind, now: number): Promise<AsyncIterable<string>> {
    if (kind === 'backup') {
      const carrierKeys = includeKeys ? await sealCredentials(await deps.loadCredentials(), passphrase) : undefined;
      return backupChunks(deps.db, { now, appVersion: deps.version, settings: await deps.loadSettings(), carrierKeys });
    }
    if (kind === 'events-csv') return eventsCsvChunks(deps.db, deps.timeZone);
    if (kind === 'packages-csv') return packagesCsvChunks(deps.db);
    return calendarChunks(deps.db, now, t);
  }

  const actions: DataActions = {
    exportFile(kind) {
      run(kind, async () => {
        const now = deps.now();
        const name = exportFileName(kind, now, deps.timeZone);
        try {
          const bytes = await deps.saveFile(name, EXPORTS[kind].type, await chunks(kind, now));
          const text = exportedText(ui, kind, name, bytes);
          return { tone: 'good', text: kind === 'backup' && includeKeys ? `${text} ${t('optionsDataSavedWithKeys')}` : text };
        } catch (err) {
          if (err instanceof BackupError) return { tone: 'bad', text: t('optionsDataNothingSaved', backupErrorText(ui, err.problem)) };
          throw err;
        }
      });
    },
    importBackup(file) {
      setConfirming(false);
      run('import', async () => {
        try {
          const summary = await importBackup(deps.db, deps.readFile(file), await deps.loadSettings());
          if (summary.settings) await deps.saveSettings(summary.settings);
          setUnlocked(null);
          setSealed(summary.header.carrierKeys ? { file: file.name, keys: summary.header.carrierKeys } : null);
          const text = importedText(ui, summary);
          return { tone: 'good', text: summary.header.carrierKeys ? `${text} ${t('optionsDataImportHasKeys')}` : text };
        } catch (err) {
          if (err instanceof BackupError) return { tone: 'bad', text: notImportedText(ui, file.name, err.problem) };
          throw err;
        }
      });
    },
    importNumbers(file) {
      setConfirming(false);
      run('numbers', async () => {
        if (file.size > MAX_NUMBERS_FILE) return { tone: 'bad', text: t('optionsDataTooBig', file.name, Math.round(file.size / 1024 / 1024)) };
        let text = '';
        for await (const chunk of deps.readFile(file)()) text += chunk;
        const list = readTrackingList(text);
        // The background takes at most 500 numbers a message (lib/platform/background-app.ts trackInput).
        const picked = list.numbers.map((n) => ({ number: n.candidates[0]!.trackingNumber, carrier: n.candidates[0]!.carrier }));
        const total = { added: 0, known: 0 };
        for (let i = 0; i < picked.length; i += 500) {
          const r = await deps.trackNumbers(picked.slice(i, i + 500));
          total.added += r.added;
          total.known += r.known;
        }
        return { tone: list.numbers.length ? 'good' : 'bad', text: numbersImportedText(ui, list, total) };
      });
    },
    setIncludeKeys(on) {
      setIncludeKeys(on);
      if (!on) setPassphrase('');
    },
    setPassphrase(text) {
      setPassphrase(text);
    },
    unlockKeys(typed) {
      const keys = sealed;
      if (!keys) return;
      run('keys', async () => {
        try {
          const opened = await openCredentials(keys.keys, typed);
          setUnlocked(opened);
          return { tone: 'info', text: t('optionsDataKeysOpened', providerNames(Object.keys(opened), t)) };
        } catch (err) {
          if (err instanceof BackupError) return { tone: 'bad', text: backupErrorText(ui, err.problem) };
          throw err;
        }
      });
    },
    saveKeys() {
      const keys = unlocked;
      if (!keys) return;
      const ids = Object.keys(keys).filter(isConfigurableProvider);
      // Straight from the click: the browser asks for the carriers' hosts before anything else is awaited.
      const asked = deps.requestOrigins(ids.flatMap((id) => PROVIDER_INFO[id].hostPatterns)).catch(() => false);
      run('keys', async () => {
        if (!(await asked)) return { tone: 'bad', text: t('optionsDataKeysRefused') };
        for (const id of ids) await deps.saveCredentials(id, keys[id]!);
        setUnlocked(null);
        setSealed(null);
        onKeysRestored?.();
        return { tone: 'good', text: t('optionsDataKeysRestored', providerNames(ids, t)) };
      });
    },
    skipKeys() {
      setUnlocked(null);
      setSealed(null);
      setMessage({ tone: 'info', text: t('optionsDataKeysLeftOut') });
    },
    chooseClaimPackage(id) {
      setChosen(id);
    },
    saveClaimKit() {
      const id = chosen ?? choices?.[0]?.id;
      if (!id) return;
      run('claim', async () => {
        const saved = await downloadClaimKit(deps.db, id, deps.now(), deps.timeZone, ui, deps.saveFile);
        if (!saved) return { tone: 'bad', text: t('optionsDataNoLongerStored') };
        return { tone: 'good', text: saved.text };
      });
    },
    askDelete() {
      setMessage(null);
      setConfirming(true);
    },
    cancelDelete() {
      setConfirming(false);
    },
    confirmDelete() {
      run('delete', async () => {
        const rows = await wipeDatabase(deps.db);
        const keys = await deps.clearStorage();
        setConfirming(false);
        return { tone: 'info', text: deletedText(ui, rows, keys) };
      });
    },
  };

  const data: DataData = {
    t,
    stored: counts ? storedText(ui, counts, usage) : null,
    busy,
    message,
    confirmingDelete: confirming,
    claimChoices: choices,
    keys: { include: includeKeys, passphrase, saved: keyCount, minPassphrase: MIN_PASSPHRASE, restore: sealed ? { file: sealed.file, unlocked: unlocked ? providerNames(Object.keys(unlocked), t) : null } : null },
    claimPackage: chosen && choices?.some((c) => c.id === chosen) ? chosen : (choices?.[0]?.id ?? null),
    deleteWarning: counts ? deleteWarningText(ui, counts) : null,
  };
  return { data, actions };
}
