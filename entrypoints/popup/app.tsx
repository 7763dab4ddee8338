import { liveQuery } from 'dexie';
import { useEffect, useMemo, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { PackageList, type PackageListActions } from '@/components/package-list';
import { getDb } from '@/lib/db/database';
import type { Alert, Order, Package } from '@/lib/model/types';
import { sendMessage } from '@/lib/platform/messaging';
import { trackingUrl } from '@/lib/carriers/registry';
import { buildPopupModel } from '@/lib/view/popup-model';

interface Snapshot {
  packages: Package[];
  orders: Order[];
  alerts: Alert[];
}

/** Live view of the database: re-renders whenever the background writes (Dexie liveQuery). */
function useSnapshot(): Snapshot | null {
  const [snap, setSnap] = useState<Snapshot | null>(null);
  useEffect(() => {
    const db = getDb();
    const sub = liveQuery(async () => ({
      packages: await db.packages.toArray(),
      orders: await db.orders.toArray(),
      alerts: await db.alerts.toArray(),
    })).subscribe({ next: setSnap, error: (e) => console.error('Porchlight popup:', e) });
    return () => sub.unsubscribe();
  }, []);
  return snap;
}

export function App() {
  const snap = useSnapshot();
  const [refreshing, setRefreshing] = useState(false);
  const [message, setMessage] = useState<string | null>(null);
  const timeZone = Intl.DateTimeFormat().resolvedOptions().timeZone;

  const groups = useMemo(
    () => (snap ? buildPopupModel({ ...snap, now: Date.now(), timeZone }) : []),
    [snap, timeZone],
  );

  const byId = (id: string) => snap?.packages.find((p) => p.id === id);
  const actions: PackageListActions = {
    async refresh() {
      setRefreshing(true);
      try {
        const r = await sendMessage('refreshNow', { force: true });
        setMessage(
          r.errors.length
            ? `Checked ${r.checked}; ${r.errors.length} source${r.errors.length === 1 ? '' : 's'} failed: ${r.errors[0]!.message}`
            : `Checked ${r.checked} package${r.checked === 1 ? '' : 's'}, ${r.changed} changed.`,
        );
      } catch (err) {
        setMessage(`Refresh failed: ${String(err)}`);
      } finally {
        setRefreshing(false);
      }
    },
    openTracking(id) {
      const p = byId(id);
      const url = p?.carrier && p.trackingNumber ? trackingUrl(p.carrier, p.trackingNumber) : null;
      if (url) void browser.tabs.create({ url });
    },
    openShop(id) {
      const p = byId(id);
      const order = p?.orderKey ? snap?.orders.find((o) => o.key === p.orderKey) : undefined;
      const url = p?.trackUrl ?? order?.orderUrl;
      if (url) void browser.tabs.create({ url });
    },
    archive(id, archived) {
      void sendMessage('updatePackage', { id, archived });
    },
    mute(id, muted) {
      void sendMessage('updatePackage', { id, muted });
    },
  };

  return <PackageList data={{ groups, loading: snap === null, refreshing, message }} actions={actions} />;
}
