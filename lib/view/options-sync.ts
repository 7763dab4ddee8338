/**
 * The options page's "Sync across your browsers" lines (issue #12 §5), pure: what sync carries, and
 * what the last run did, in words a shopper reads, in the page's language (issue #13 §2).
 */
import { formatDate } from './date-format';
import { plural, type UiText } from '../i18n/translate';
import type { SyncStatus } from '../sync/sync-doc';

/** The status line under the switch; null when there is nothing to say yet. */
export function syncStatusText(status: SyncStatus | null, on: boolean, timeZone: string, ui: UiText): { tone: 'good' | 'bad' | 'info'; text: string } | null {
  if (!on) return null;
  const { t } = ui;
  if (!status) return { tone: 'info', text: t('optionsSyncTurnedOn') };
  const when = formatDate(ui.locale, status.at, { timeZone, hour: 'numeric', minute: '2-digit', month: 'short', day: 'numeric' });
  if (status.error) return { tone: 'bad', text: t('optionsSyncRefused', status.error) };
  const synced = status.synced === 0 && status.left === 0 ? t('optionsSyncNothingYet', when) : plural(ui, 'optionsSyncSynced', status.synced, when);
  if (status.left > 0) return { tone: 'info', text: plural(ui, 'optionsSyncLeft', status.left, synced) };
  if (status.problems.length) return { tone: 'info', text: t('optionsSyncProblems', synced, status.problems[0]!) };
  return { tone: 'good', text: synced };
}
