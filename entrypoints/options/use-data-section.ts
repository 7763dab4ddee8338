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
import { readTrackingList } from '../../lib/backup/tracking-list';
import { backupChunks } from '../../lib/backup/write-backup';
import { recentPackages, tableCounts, wipeDatabase } from '../../lib/db/backup-store';
import { downloadClaimKit } from '../../lib/platform/claim-kit-download';
import { calendarChunks } from '../../lib/export/ics';
import { eventsCsvChunks, packagesCsvChunks } from '../../lib/export/csv';
import {
  claimChoiceLabel,
  deletedText,
  EXPORTS,
  type ExportKind,
  exportedText,
  exportFileName,
  importedText,
  numbersImportedText,
  type StoredCounts,
  storedText,
} from '../../lib/view/options-data';
import type { OptionsDeps } from './deps';

/** Larger than any list of numbers a shopper keeps (the parser reads the first 100,000 characters). */
const MAX_NUMBERS_FILE = 5 * 1024 * 1024;

/** The claim kit's list shows the parcels updated last (a claim is about a recent one). */
const CLAIM_CHOICES = 300;

const errorText = (err: unknown) => (err instanceof Error ? err.message : String(err));

export function useDataSection(deps: OptionsDeps): { data: DataData; actions: DataActions } {
  const [counts, setCounts] = useState<StoredCounts | null>(null);
  const [usage, setUsage] = useState<number | null>(null);
  const [busy, setBusy] = useState<DataData['busy']>(null);
  const [message, setMessage] = useState<DataData['message']>(null);
  const [confirming, setConfirming] = useState(false);
  const [choices, setChoices] = useState<DataData['claimChoices']>(null);
  const [chosen, setChosen] = useState<string | null>(null);

  useEffect(() => {
    const sub = liveQuery(() => tableCounts(deps.db)).subscribe({ next: setCounts, error: (e) => console.error('Porchlight options:', e) });
    return () => sub.unsubscribe();
  }, [deps]);
  useEffect(() => {
    const sub = liveQuery(() => recentPackages(deps.db, CLAIM_CHOICES)).subscribe({
      next: (list) => setChoices(list.map((p) => ({ id: p.id, label: claimChoiceLabel(p) }))),
      error: (e) => console.error('Porchlight options:', e),
    });
    return () => sub.unsubscribe();
  }, [deps]);
  useEffect(() => {
    void deps.storageUsage().then(setUsage, () => setUsage(null));
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
    if (kind === 'backup') return backupChunks(deps.db, { now, appVersion: deps.version, settings: await deps.loadSettings() });
    if (kind === 'events-csv') return eventsCsvChunks(deps.db, deps.timeZone);
    if (kind === 'packages-csv') return packagesCsvChunks(deps.db);
    return calendarChunks(deps.db, now);
  }

  const actions: DataActions = {
    exportFile(kind) {
      run(kind, async () => {
        const now = deps.now();
        const name = exportFileName(kind, now, deps.timeZone);
        const bytes = await deps.saveFile(name, EXPORTS[kind].type, await chunks(kind, now));
        return { tone: 'good', text: exportedText(kind, name, bytes) };
      });
    },
    importBackup(file) {
      setConfirming(false);
      run('import', async () => {
        try {
          const summary = await importBackup(deps.db, deps.readFile(file), await deps.loadSettings());
          if (summary.settings) await deps.saveSettings(summary.settings);
          return { tone: 'good', text: importedText(summary) };
        } catch (err) {
          if (err instanceof BackupError) return { tone: 'bad', text: `${file.name} was not imported. ${err.message}${/Nothing was imported/.test(err.message) ? '' : ' Nothing was changed.'}` };
          throw err;
        }
      });
    },
    importNumbers(file) {
      setConfirming(false);
      run('numbers', async () => {
        if (file.size > MAX_NUMBERS_FILE) return { tone: 'bad', text: `${file.name} is ${Math.round(file.size / 1024 / 1024)} MB: a list of tracking numbers is far smaller. Nothing was imported.` };
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
        return { tone: list.numbers.length ? 'good' : 'bad', text: numbersImportedText(list, total) };
      });
    },
    chooseClaimPackage(id) {
      setChosen(id);
    },
    saveClaimKit() {
      const id = chosen ?? choices?.[0]?.id;
      if (!id) return;
      run('claim', async () => {
        const saved = await downloadClaimKit(deps.db, id, deps.now(), deps.timeZone, deps.saveFile);
        if (!saved) return { tone: 'bad', text: 'That parcel is no longer stored.' };
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
        return { tone: 'info', text: deletedText(rows, keys) };
      });
    },
  };

  const data: DataData = {
    stored: counts ? storedText(counts, usage) : null,
    busy,
    message,
    confirmingDelete: confirming,
    claimChoices: choices,
    claimPackage: chosen && choices?.some((c) => c.id === chosen) ? chosen : (choices?.[0]?.id ?? null),
    deleteWarning: counts
      ? `This deletes everything Porchlight keeps in this browser: ${storedText(counts, null).replace(/^Stored in this browser: /, '').replace(/\.$/, '')}, your settings and any carrier keys. It cannot be undone; export a backup first if you may want them back.`
      : null,
  };
  return { data, actions };
}
