import { liveQuery } from 'dexie';
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { PopupShell, type PopupActions } from '@/components/popup-shell';
import { getDb } from '@/lib/db/database';
import type { Alert, Order, Package, TrackingEvent } from '@/lib/model/types';
import { type RemovedPackages, sendMessage } from '@/lib/platform/messaging';
import { loadSettings } from '@/lib/platform/storage';
import { userTimeZone } from '@/lib/platform/user-time-zone';
import { trackingUrl } from '@/lib/carriers/registry';
import { parseTrackingInput } from '@/lib/scan/parse-input';
import { DEFAULT_HISTORY_AFTER_DAYS } from '@/lib/settings';
import { carrierLink, trackLink } from '@/lib/url-policy';
import { ordersLinks } from '@/lib/view/orders-links';
import { buildPackageDetails } from '@/lib/view/package-details';
import { buildPopupModel, type PopupView, type SourceStatus } from '@/lib/view/popup-model';
import { trackOffers } from '@/lib/view/track-offers';
import { loadHolds, type ProviderHold } from '@/lib/db/holds';

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

const UNDO_MS = 8_000;

export function App() {
  const snap = useSnapshot();
  const [openId, setOpenId] = useState<string | null>(packageFromHash());
  const events = useEvents(openId);
  const [query, setQuery] = useState('');
  const [view, setView] = useState<PopupView>('list');
  const [choices, setChoices] = useState<Record<string, string>>({});
  const [refreshing, setRefreshing] = useState(false);
  const [busy, setBusy] = useState(false);
  // A failure is `{ error }`: the shell says it as an alert, other results politely (issue #13).
  const [message, setMessage] = useState<string | { error: string } | null>(null);
  const [undo, setUndo] = useState<{ text: string; run: () => Promise<unknown> } | null>(null);
  const [sources, setSources] = useState<SourceStatus | null>(null);
  const [historyAfterDays, setHistoryAfterDays] = useState(DEFAULT_HISTORY_AFTER_DAYS);
  // The row to focus again when the package view closes (issue #11 §3: focus restored).
  const returnTo = useRef<string | null>(null);
  const timeZone = userTimeZone();

  useEffect(() => {
    void loadSettings().then((s) => setHistoryAfterDays(s.historyAfterDays));
    sendMessage('sourceStatus', undefined).then(setSources, () => setSources(null));
  }, [snap?.packages.length]);
  // A result line is read and then goes away; an undo lasts a little longer.
  useEffect(() => {
    if (!message) return;
    const t = setTimeout(() => setMessage(null), 10_000);
    return () => clearTimeout(t);
  }, [message]);
  useEffect(() => {
    if (!undo) return;
    const t = setTimeout(() => setUndo(null), UNDO_MS);
    return () => clearTimeout(t);
  }, [undo]);

  const parsed = useMemo(() => parseTrackingInput(query), [query]);
  const known = useMemo(() => {
    const m = new Map<string, string>();
    for (const p of snap?.packages ?? []) for (const n of p.numbers) m.set(n.number, p.id);
    return m;
  }, [snap]);
  const box = useMemo(() => trackOffers(parsed, known, choices), [parsed, known, choices]);
  const now = Date.now();
  const model = useMemo(
    () =>
      buildPopupModel({
        packages: snap?.packages ?? [],
        orders: snap?.orders ?? [],
        alerts: snap?.alerts ?? [],
        holds: snap?.holds ?? {},
        now,
        timeZone,
        view,
        query: query.trim() ? box.query : null,
        historyAfterDays,
        sources,
      }),
    // `now` moves every render; the model is rebuilt when its inputs change.
    [snap, timeZone, view, box, query, historyAfterDays, sources],
  );
  const byId = (id: string) => snap?.packages.find((p) => p.id === id);
  const openPkg = openId ? byId(openId) : undefined;
  const openRow = useMemo(() => {
    if (!openPkg || !snap) return null;
    // The row as the list shows it, whatever list it lives in (search-wide model for this one package).
    const one = buildPopupModel({ ...snap, packages: [openPkg], now: Date.now(), timeZone, everywhere: true, historyAfterDays, sources });
    return one.groups[0]?.packages[0] ?? null;
  }, [snap, openPkg, timeZone, historyAfterDays, sources]);
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

  const open = (id: string | null) => {
    if (id) returnTo.current = id;
    setOpenId(id);
    if (!id && location.hash) history.replaceState(null, '', location.pathname);
  };
  const back = () => {
    const id = returnTo.current;
    open(null);
    // After the list has rendered: the row that was opened gets the focus back.
    requestAnimationFrame(() => {
      const row = id ? document.querySelector<HTMLButtonElement>(`[data-package-id="${CSS.escape(id)}"] .pkg__open`) : null;
      (row ?? document.getElementById('box'))?.focus();
    });
  };
  // Escape closes an open package (issue #11 §3); the box handles its own Escape.
  useEffect(() => {
    if (!openId) return;
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape' && !(e.target instanceof HTMLInputElement)) {
        e.preventDefault();
        back();
      }
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  });
  // A package that disappears (deleted here or elsewhere) closes its view.
  useEffect(() => {
    if (openId && snap && !openPkg) setOpenId(null);
  }, [openId, snap, openPkg]);

  const openLink = (url: string, pkg?: Package) => {
    const ok = trackLink(url, { shop: pkg?.shop ?? 'amazon', carrier: pkg?.carrier ?? null });
    if (ok.ok) void browser.tabs.create({ url: ok.url });
  };
  const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

  const actions: PopupActions = {
    setQuery(text) {
      setQuery(text);
    },
    choose(number, carrier) {
      setChoices((c) => ({ ...c, [number]: carrier }));
    },
    async track(numbers) {
      setBusy(true);
      try {
        const r = await sendMessage('trackInput', { numbers });
        setQuery('');
        setView('list');
        setMessage(
          r.added > 0
            ? `Now tracking ${plural(r.added, 'new package')}${r.known ? ` (${r.known} already tracked)` : ''}.`
            : `Already tracked: ${plural(r.known, 'number')}.`,
        );
        if (r.ids.length === 1) open(r.ids[0]!);
      } catch (err) {
        setMessage({ error: `Could not add: ${String(err).replace(/^Error:\s*/, '')}` });
      } finally {
        setBusy(false);
      }
    },
    open(id) {
      open(id);
    },
    back,
    setView(v) {
      setView(v);
    },
    async refresh() {
      setRefreshing(true);
      try {
        const r = await sendMessage('refreshNow', { force: true });
        setMessage(
          r.errors.length
            ? { error: `Checked ${plural(r.checked, 'package')}; ${plural(r.errors.length, 'source')} failed: ${r.errors[0]!.message}` }
            : r.checked === 0
              ? 'Nothing to check: no package on its way has a source that can refresh it.'
              : `Checked ${plural(r.checked, 'package')} on ${r.checked === 1 ? 'its' : 'their'} way, ${r.changed} changed.`,
        );
      } catch (err) {
        setMessage({ error: `Refresh failed: ${String(err)}` });
      } finally {
        setRefreshing(false);
      }
    },
    async refreshOne(id) {
      setRefreshing(true);
      try {
        const r = await sendMessage('refreshNow', { force: true, packageIds: [id] });
        setMessage(r.errors.length ? { error: `Refresh failed: ${r.errors[0]!.message}` } : r.checked === 0 ? 'No source can refresh this package now.' : r.changed ? 'Updated.' : 'Checked: nothing new.');
      } catch (err) {
        setMessage({ error: `Refresh failed: ${String(err)}` });
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
      const url = p?.trackUrl ?? order?.orderUrl ?? (p?.shop === 'amazon' && p.orderId ? `https://www.amazon.com/gp/your-account/order-details?orderID=${encodeURIComponent(p.orderId)}` : null);
      if (url) openLink(url, p);
    },
    openUrl(url) {
      openLink(url, openId ? byId(openId) : undefined);
    },
    openOptions(section) {
      void browser.tabs.create({ url: browser.runtime.getURL(`/options.html#${section}`) });
    },
    copy(text) {
      void navigator.clipboard.writeText(text).then(
        () => setMessage(`Copied ${text}`),
        () => setMessage({ error: `Could not copy; select it: ${text}` }),
      );
    },
    rename(id, label) {
      void sendMessage('updatePackage', { id, label }).then(() => setMessage(label ? `Renamed to “${label}”.` : 'Name reset.'));
    },
    markNotReceived(id) {
      void sendMessage('markNotReceived', { id });
    },
    saveClaimKit(id) {
      // Loaded on the click: the popup's first paint does not carry the claim kit's writer (issue #13 §3).
      void import('@/lib/platform/claim-kit-download')
        .then(({ downloadClaimKit }) => downloadClaimKit(getDb(), id, Date.now(), timeZone))
        .then(
          (saved) => setMessage(saved ? saved.text : 'That package is no longer stored.'),
          (err: unknown) => setMessage({ error: `Could not save the claim kit: ${err instanceof Error ? err.message : String(err)}` }),
        );
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
        setMessage({
          error: /cannot access|cannot be scripted|permission|chrome:\/\/|extension/i.test(text)
            ? 'This page cannot be scanned (browser and extension pages are off limits). Open the shop or carrier page and try again.'
            : `Could not scan this page: ${text.replace(/^Error:\s*/, '')}`,
        });
      }
    },
    archive(id, archived) {
      const title = openRow?.id === id ? openRow.title : (byId(id)?.label ?? 'Package');
      void sendMessage('updatePackage', { id, archived }).then(() => {
        setMessage(null);
        setUndo({ text: `${archived ? 'Archived' : 'Back in the list'}: ${title}.`, run: () => sendMessage('updatePackage', { id, archived: !archived }) });
      });
      if (archived) back();
    },
    mute(id, muted) {
      void sendMessage('updatePackage', { id, muted }).then(() => setMessage(muted ? 'Muted: no notifications for this package.' : 'Notifications on for this package.'));
    },
    async remove(id) {
      const title = openRow?.id === id ? openRow.title : 'Package';
      back();
      const removed: RemovedPackages = await sendMessage('deletePackages', { ids: [id] });
      setMessage(null);
      setUndo({ text: `Deleted: ${title}.`, run: () => sendMessage('restorePackages', removed) });
    },
    undo() {
      const u = undo;
      setUndo(null);
      if (u) void u.run().then(() => setMessage('Undone.'));
    },
    dismiss(key) {
      void sendMessage('dismissSituation', { key });
    },
  };

  const links = useMemo(() => ordersLinks(navigator.languages?.length ? navigator.languages : [navigator.language]), []);
  return (
    <PopupShell
      data={{
        loading: snap === null,
        model,
        query,
        offers: box.offers,
        reasons: box.reasons,
        refreshing,
        busy,
        message,
        undo: undo ? { text: undo.text } : null,
        open: openRow && details ? { row: openRow, details } : null,
        ordersLinks: links,
      }}
      actions={actions}
    />
  );
}
