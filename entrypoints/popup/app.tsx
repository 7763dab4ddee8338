import { liveQuery } from 'dexie';
import { useEffect, useMemo, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { PackageList, type PackageListActions } from '@/components/package-list';
import { getDb } from '@/lib/db/database';
import type { Alert, Order, Package } from '@/lib/model/types';
import { sendMessage } from '@/lib/platform/messaging';
import { userTimeZone } from '@/lib/platform/user-time-zone';
import { trackingUrl } from '@/lib/carriers/registry';
import { carrierLink, trackLink } from '@/lib/url-policy';
import { buildPackageDetails } from '@/lib/view/package-details';
import { buildPopupModel } from '@/lib/view/popup-model';
import { loadHolds, type ProviderHold } from '@/lib/db/holds';
import type { TrackingEvent } from '@/lib/model/types';

interface Snapshot {
  packages: Package[];
  orders: Order[];
  alerts: Alert[];
  holds: Record<string, ProviderHold>;
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
      holds: await loadHolds(db),
    })).subscribe({ next: setSnap, error: (e) => console.error('Porchlight popup:', e) });
    return () => sub.unsubscribe();
  }, []);
  return snap;
}

/** Events of the one opened package (loaded only when a package is opened). */
function useEvents(id: string | null): TrackingEvent[] {
  const [events, setEvents] = useState<TrackingEvent[]>([]);
  useEffect(() => {
    if (!id) return;
    const sub = liveQuery(() => getDb().events.where('packageId').equals(id).toArray()).subscribe({ next: setEvents });
    return () => sub.unsubscribe();
  }, [id]);
  return id ? events : [];
}

/** `#package=<id>` (a notification click) opens that package. */
function packageFromHash(): string | null {
  const m = /package=([^&]+)/.exec(location.hash);
  return m ? decodeURIComponent(m[1]!) : null;
}

export function App() {
  const snap = useSnapshot();
  const [openId, setOpenId] = useState<string | null>(packageFromHash());
  const events = useEvents(openId);
  const [refreshing, setRefreshing] = useState(false);
  const [message, setMessage] = useState<string | null>(null);
  const timeZone = userTimeZone();
  // A result line is read and then goes away.
  useEffect(() => {
    if (!message) return;
    const t = setTimeout(() => setMessage(null), 10_000);
    return () => clearTimeout(t);
  }, [message]);

  const model = useMemo(
    () => (snap ? buildPopupModel({ ...snap, now: Date.now(), timeZone }) : { groups: [], banners: [] }),
    [snap, timeZone],
  );

  const byId = (id: string) => snap?.packages.find((p) => p.id === id);
  const openPkg = openId ? byId(openId) : undefined;
  const details = useMemo(
    () =>
      snap && openPkg
        ? buildPackageDetails({
            pkg: openPkg,
            events,
            alerts: snap.alerts.filter((a) => a.packageId === openPkg.id),
            order: openPkg.orderKey ? snap.orders.find((o) => o.key === openPkg.orderKey) : null,
            now: Date.now(),
            timeZone,
          })
        : null,
    [snap, openPkg, events, timeZone],
  );
  const actions: PackageListActions = {
    async refresh() {
      setRefreshing(true);
      try {
        const r = await sendMessage('refreshNow', { force: true });
        setMessage(
          r.errors.length
            ? `Checked ${r.checked}; ${r.errors.length} source${r.errors.length === 1 ? '' : 's'} failed: ${r.errors[0]!.message}`
            : `Checked ${r.checked} package${r.checked === 1 ? '' : 's'} still on ${r.checked === 1 ? 'its' : 'their'} way, ${r.changed} changed.`,
        );
      } catch (err) {
        setMessage(`Refresh failed: ${String(err)}`);
      } finally {
        setRefreshing(false);
      }
    },
    // Every link is checked again before it is opened (issue #10 §3): stored data may be older than the policy.
    openTracking(id) {
      const p = byId(id);
      const url = p?.carrier && p.trackingNumber ? trackingUrl(p.carrier, p.trackingNumber) : null;
      const ok = url ? carrierLink(url, p!.carrier) : null;
      if (ok?.ok) void browser.tabs.create({ url: ok.url });
    },
    openShop(id) {
      const p = byId(id);
      const order = p?.orderKey ? snap?.orders.find((o) => o.key === p.orderKey) : undefined;
      const url = p?.trackUrl ?? order?.orderUrl;
      const ok = url ? trackLink(url, { shop: p?.shop ?? null, carrier: p?.carrier ?? null }) : null;
      if (ok?.ok) void browser.tabs.create({ url: ok.url });
    },
    toggle(id) {
      setOpenId((cur) => (cur === id ? null : id));
    },
    openUrl(url) {
      const p = openId ? byId(openId) : undefined;
      const ok = trackLink(url, { shop: p?.shop ?? null, carrier: p?.carrier ?? null });
      if (ok.ok) void browser.tabs.create({ url: ok.url });
    },
    copy(text) {
      void navigator.clipboard.writeText(text);
      setMessage(`Copied ${text}`);
    },
    markNotReceived(id) {
      void sendMessage('markNotReceived', { id });
    },
    async scanPage() {
      const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
      if (tab?.id === undefined) return;
      try {
        const r = await sendMessage('scanTab', { tabId: tab.id });
        setMessage(r.found === 0 ? 'No tracking numbers on this page.' : `Found ${r.found}: ${r.added} added, ${r.known} already tracked.`);
      } catch (err) {
        // The browser keeps its own pages and other extensions' pages out of reach: say so plainly.
        const text = String(err);
        setMessage(
          /cannot access|cannot be scripted|permission|chrome:\/\/|extension/i.test(text)
            ? 'This page cannot be scanned (browser and extension pages are off limits). Open the shop or carrier page and try again.'
            : `Could not scan this page: ${text.replace(/^Error:\s*/, '')}`,
        );
      }
    },
    archive(id, archived) {
      void sendMessage('updatePackage', { id, archived });
    },
    mute(id, muted) {
      void sendMessage('updatePackage', { id, muted });
    },
    dismiss(key) {
      void sendMessage('dismissSituation', { key });
    },
  };

  return <PackageList data={{ ...model, loading: snap === null, refreshing, message, details }} actions={actions} />;
}
