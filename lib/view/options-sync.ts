/**
 * The options page's "Sync across your browsers" lines (issue #12 §5), pure: what sync carries, and
 * what the last run did, in words a shopper reads.
 */
import type { SyncStatus } from '../sync/sync-doc';

export const SYNC_HINT =
  'Uses your browser’s own sync (the account you are signed in to Chrome or Firefox with): your tracked numbers, their labels and item titles, archived, muted and “not received” marks, deletions, and your alert and notification settings. Each browser fetches tracking events itself. Carrier keys and site permissions never sync.';

const plural = (n: number, one: string, many: string) => `${n.toLocaleString('en-US')} ${n === 1 ? one : many}`;

/** The status line under the switch; null when there is nothing to say yet. */
export function syncStatusText(status: SyncStatus | null, on: boolean, timeZone: string): { tone: 'good' | 'bad' | 'info'; text: string } | null {
  if (!on) return null;
  if (!status) return { tone: 'info', text: 'Turned on: your parcels go to your other browsers in a moment.' };
  const when = new Intl.DateTimeFormat('en-US', { timeZone, hour: 'numeric', minute: '2-digit', month: 'short', day: 'numeric' }).format(status.at);
  if (status.error) return { tone: 'bad', text: `The browser refused to sync (${status.error}). Nothing here was lost; Porchlight tries again at the next change.` };
  const synced =
    status.synced === 0 && status.left === 0
      ? `Sync is on (checked at ${when}): no tracked numbers to share yet.`
      : `Synced ${plural(status.synced, 'parcel', 'parcels')} at ${when}.`;
  if (status.left > 0) {
    return {
      tone: 'info',
      text: `${synced} ${plural(status.left, 'older parcel does', 'older parcels do')} not fit in the browser’s sync storage (100 KB) and stay in this browser only.`,
    };
  }
  if (status.problems.length) return { tone: 'info', text: `${synced} Part of what another browser synced could not be read and was left as it is (${status.problems[0]}).` };
  return { tone: 'good', text: synced };
}
