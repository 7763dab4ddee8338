import { useEffect, useLayoutEffect, useRef, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { PopupShell, type PopupActions } from '@/components/popup-shell';
import { DATA_CHANGED_CHANNEL } from '@/lib/db/data-changed';
import { plural } from '@/lib/i18n/translate';
import { browserText } from '@/lib/platform/i18n';
import { type RemovedPackages, sendMessage } from '@/lib/platform/messaging';
import type { OpenLinkRequest, PackageViewReply, PopupViewReply } from '@/lib/services/popup-view';
import { coalesceChanges } from '@/lib/view/coalesce-changes';
import type { GroupId, PopupModel, PopupView } from '@/lib/view/popup-model';
import { ROWS_PER_PAGE } from '@/lib/view/rows-per-page';

/**
 * The popup renders what the background built (issue #13 §3): it opens no database and carries no
 * carrier registry, so its first load is Preact, these components and the messaging. Everything it
 * shows comes from two messages, `popupView` (the list, the box's offers) and `packageView` (one
 * package, events included, loaded when it is opened); after any write (DATA_CHANGED_CHANNEL) the
 * popup asks again.
 */

/** `#package=<id>` (a notification click) opens that package. */
function packageFromHash(): string | null {
  const m = /package=([^&]+)/.exec(location.hash);
  return m ? decodeURIComponent(m[1]!) : null;
}

const UNDO_MS = 8_000;
/** The box asks again this long after the last key (a paste of many numbers is one request). */
const TYPING_MS = 60;
/** The performance mark set when the list (or the empty popup) is first on screen: tests/bench/popup.bench.ts reads it (issue #13 §4). */
const LIST_SHOWN_MARK = 'porchlight:list-shown';
/** Set at each request for the list: the bench counts them per open (a second one means a write it did not cause). */
const LIST_ASKED_MARK = 'porchlight:list-asked';

const EMPTY_MODEL: PopupModel = { view: 'list', groups: [], banners: [], counts: { list: 0, history: 0, archived: 0 }, shown: 0, noMatch: false };

/** What the list says follows these stored values too (the History delay, the sources and their keys). */
const VIEW_SETTINGS = ['settings', 'credentials'];

/** The popup's own words (issue #13 §2), in the browser's language. */
const ui = browserText();
const { t } = ui;

/** How long a new banner's announcement stays in the status region (long enough to be read out). */
const NOTICE_MS = 5_000;
/** After a write the popup asks again at once, then at most this often while writes keep coming (an import). */
const REASK_MS = 250;

/** Longest a re-ask after a change is waited for before the next may go (a reply that never comes). */
const REASK_WAIT_MS = 5_000;

/**
 * A counter that moves when the data changed: a write announced on DATA_CHANGED_CHANNEL (by the
 * worker or the options page, lib/db/data-changed.ts) or a change of settings or keys; coalesced,
 * so a long import is a few requests a second, not one per announcement, and never a new one while
 * the last is unanswered (lib/view/coalesce-changes.ts). `answered` is called with the function that
 * settles the change's wait: the request the new version makes calls it when its reply is in.
 */
function useDataVersion(answered: (settle: () => void) => void): number {
  const [version, setVersion] = useState(0);
  // A layout effect, declared before the first request's: listening before asking, so a write
  // announced between the two is not missed.
  useLayoutEffect(() => {
    const coalesced = coalesceChanges(
      () =>
        new Promise<void>((resolve) => {
          const timer = setTimeout(resolve, REASK_WAIT_MS);
          answered(() => {
            clearTimeout(timer);
            resolve();
          });
          setVersion((v) => v + 1);
        }),
      REASK_MS,
    );
    const bump = () => coalesced.change();
    const channel = new BroadcastChannel(DATA_CHANGED_CHANNEL);
    channel.onmessage = bump;
    const onStorage = (stored: Record<string, unknown>, area: string) => {
      if (area === 'local' && VIEW_SETTINGS.some((k) => k in stored)) bump();
    };
    browser.storage.onChanged.addListener(onStorage);
    return () => {
      coalesced.stop();
      channel.close();
      browser.storage.onChanged.removeListener(onStorage);
    };
  }, []);
  return version;
}

export function App() {
  // The wait of the last change, settled by the list request that answers it.
  const settleChange = useRef<(() => void) | null>(null);
  const version = useDataVersion((settle) => void (settleChange.current = settle));
  const [reply, setReply] = useState<PopupViewReply | null>(null);
  const [openId, setOpenId] = useState<string | null>(packageFromHash());
  const [opened, setOpened] = useState<PackageViewReply | null>(null);
  const [query, setQuery] = useState('');
  const [view, setView] = useState<PopupView>('list');
  const [choices, setChoices] = useState<Record<string, string>>({});
  const [pages, setPages] = useState<Partial<Record<GroupId, number>>>({});
  const [refreshing, setRefreshing] = useState(false);
  const [busy, setBusy] = useState(false);
  // A failure is `{ error }`: the shell says it as an alert, other results politely (issue #13).
  const [message, setMessageOnly] = useState<string | { error: string } | null>(null);
  // Each result is said anew, the same words twice too (a second failed Refresh): the shell keys
  // the message on this count, so the live region gets a new node (review of issue #13).
  const [messageSeq, setMessageSeq] = useState(0);
  const setMessage = (m: string | { error: string } | null) => {
    setMessageOnly(m);
    setMessageSeq((n) => n + 1);
  };
  const [undo, setUndo] = useState<{ text: string; id: string; run: () => Promise<unknown> } | null>(null);
  // The row to focus again when the package view closes (issue #11 §3: focus restored).
  const returnTo = useRef<string | null>(null);
  const asked = useRef(0);
  // The newest reply on screen: an older one arriving after it is dropped, any newer one is shown.
  const newestShown = useRef(0);
  const lastParams = useRef('');
  const paramsSince = useRef(0);
  // The banners of the reply on screen (null before the first): a banner that appears while the
  // popup is open (keys refused, a source on hold) is said once in the polite region; the ones
  // there at opening are read in the page's order, not announced (review of issue #13).
  const bannerIds = useRef<Set<string> | null>(null);
  const [notice, setNotice] = useState<{ text: string; seq: number } | null>(null);
  // Said, then gone: the banner itself stays on screen; a copy left in the region would be read twice.
  useEffect(() => {
    if (!notice) return;
    const timer = setTimeout(() => setNotice(null), NOTICE_MS);
    return () => clearTimeout(timer);
  }, [notice]);
  const typed = useRef(false);
  // A row to focus once a reply shows it (the button that had the focus may be gone): after "Show
  // more", the first new row; after an undo, the row back. Only for a moment, so a later reply
  // never moves the focus unasked.
  // A package refreshed and changed: its next view, asked after that, says its new state.
  const sayNewState = useRef<{ id: string; since: number } | null>(null);
  const focusNext = useRef<{ selector: string; until: number; orBox: boolean } | null>(null);
  const focusSoon = (selector: string, orBox: boolean) => void (focusNext.current = { selector, until: Date.now() + 2_000, orBox });
  const listRequest = (q: string) => ({ view, query: q, choices, pages, locales: navigator.languages?.length ? [...navigator.languages] : [navigator.language] });

  // The list: asked at once on open, after a change, or a moment after the last key in the box. A
  // layout effect: the first request leaves before the first frame, not after it (issue #13 §4).
  useLayoutEffect(() => {
    const n = ++asked.current;
    // A reply to a request made for other parameters (the list before History was clicked) is never
    // shown once these are asked for, even if it comes first (review of issue #13).
    const params = JSON.stringify([view, query, choices, pages]);
    if (params !== lastParams.current) {
      lastParams.current = params;
      paramsSince.current = n;
    }
    // This request answers the change that moved `version`, if one is waiting.
    const settle = settleChange.current;
    settleChange.current = null;
    let sent = false;
    const ask = () => {
      sent = true;
      performance.mark(LIST_ASKED_MARK);
      return sendMessage('popupView', listRequest(query))
        .then(
          (r) => {
            if (n <= newestShown.current || n < paramsSince.current) return;
            newestShown.current = n;
            const before = bannerIds.current;
            bannerIds.current = new Set(r.model.banners.map((b) => b.id));
            const fresh = before ? r.model.banners.filter((b) => !before.has(b.id)) : [];
            if (fresh.length) setNotice((o) => ({ text: fresh.map((b) => b.text).join(' '), seq: (o?.seq ?? 0) + 1 }));
            setReply(r);
          },
          (e: unknown) => console.error('Porchlight popup:', e),
        )
        .finally(() => settle?.());
    };
    if (!typed.current) {
      void ask();
      return;
    }
    typed.current = false;
    const t = setTimeout(() => void ask(), TYPING_MS);
    return () => {
      clearTimeout(t);
      // Not sent (another key came first): the next request answers the change.
      if (!sent && settle) settleChange.current ??= settle;
    };
  }, [version, view, query, choices, pages]);
  // The open package: its own view, asked when it is opened (before the next frame) and after a change.
  useLayoutEffect(() => {
    if (!openId) {
      setOpened(null);
      return;
    }
    let live = true;
    const askedAt = performance.now();
    sendMessage('packageView', { id: openId }).then(
      (r) => {
        if (!live) return;
        setOpened(r);
        const say = sayNewState.current;
        if (r && say && say.id === openId && askedAt >= say.since) {
          sayNewState.current = null;
          setMessage(t('appUpdatedTo', `${r.row.headline.label}: ${r.row.headline.line}`));
        }
        // A package that disappears (deleted here or elsewhere) closes its view.
        if (!r) setOpenId(null);
      },
      (e: unknown) => console.error('Porchlight popup:', e),
    );
    return () => {
      live = false;
    };
  }, [openId, version]);
  useEffect(() => {
    const f = focusNext.current;
    if (!f) return;
    const row = document.querySelector<HTMLElement>(f.selector);
    if (row) row.focus();
    else if (Date.now() < f.until) return;
    else if (f.orBox) document.getElementById('box')?.focus();
    focusNext.current = null;
  }, [reply]);
  // Issue #13 §4: when the first list is on screen (the frame after it was rendered), for the bench.
  const shown = reply !== null;
  useLayoutEffect(() => {
    if (shown) requestAnimationFrame(() => performance.mark(LIST_SHOWN_MARK));
  }, [shown]);
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

  const openRow = opened && opened.row.id === openId ? opened.row : null;
  const rowTitle = (id: string) => (openRow?.id === id ? openRow.title : reply?.model.groups.flatMap((g) => g.packages).find((p) => p.id === id)?.title);

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

  // Every link is checked by the background's URL policy when it is clicked (issue #10 §3).
  const openLink = (req: OpenLinkRequest) => void sendMessage('openLink', req).catch((e: unknown) => console.error('Porchlight popup:', e));

  const actions: PopupActions = {
    setQuery(text) {
      typed.current = true;
      setQuery(text);
      setPages({});
    },
    choose(number, carrier) {
      setChoices((c) => ({ ...c, [number]: carrier }));
    },
    async track(text) {
      setBusy(true);
      try {
        // What the box holds now, read again (the one parser, in the background), never the offers of
        // an earlier reply: a number taken out of the box a moment ago is not tracked.
        const now = await sendMessage('popupView', listRequest(text));
        const numbers = now.offers.filter((o) => !o.knownId).map((o) => ({ number: o.number, carrier: o.chosen }));
        if (numbers.length === 0) return;
        const r = await sendMessage('trackInput', { numbers });
        setQuery('');
        setView('list');
        setMessage(
          r.added > 0
            ? r.known
              ? plural(ui, 'appNowTrackingKnown', r.added, r.known)
              : plural(ui, 'appNowTracking', r.added)
            : plural(ui, 'appAlreadyTracked', r.known),
        );
        if (r.ids.length === 1) open(r.ids[0]!);
      } catch (err) {
        setMessage({ error: t('appCouldNotAdd', String(err).replace(/^Error:\s*/, '')) });
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
      setPages({});
    },
    more(group) {
      // The first row of the next page: the pages shown so far, each ROWS_PER_PAGE rows (issue #13 §4).
      setPages((p) => {
        const next = (p[group] ?? 1) + 1;
        focusSoon(`[data-group="${group}"] [data-package-id]:nth-of-type(${(next - 1) * ROWS_PER_PAGE + 1}) .pkg__open`, false);
        return { ...p, [group]: next };
      });
    },
    async refresh() {
      setRefreshing(true);
      try {
        const r = await sendMessage('refreshNow', { force: true });
        setMessage(
          r.errors.length
            ? { error: t('appCheckedFailed', plural(ui, 'appPackages', r.checked), plural(ui, 'appSources', r.errors.length), [...new Set(r.errors.map((e) => e.text ?? e.message))].join('; ')) }
            : r.checked === 0
              ? t('appNothingToCheck')
              : plural(ui, 'appCheckedOnWay', r.checked, r.changed),
        );
      } catch (err) {
        setMessage({ error: t('appRefreshFailed', String(err)) });
      } finally {
        setRefreshing(false);
      }
    },
    async refreshOne(id) {
      setRefreshing(true);
      try {
        const r = await sendMessage('refreshNow', { force: true, packageIds: [id] });
        if (!r.errors.length && r.changed) {
          // What changed is said with the package's new view, when it comes ("Updated: Out for
          // delivery: …"; its badge and line changed silently for a screen reader before: review of
          // issue #13); "Updated." if it does not come soon.
          const say = { id, since: performance.now() };
          sayNewState.current = say;
          setTimeout(() => {
            if (sayNewState.current !== say) return;
            sayNewState.current = null;
            setMessage(t('appUpdated'));
          }, 2_000);
        } else {
          setMessage(r.errors.length ? { error: t('appRefreshFailed', r.errors[0]!.text ?? r.errors[0]!.message) } : r.checked === 0 ? t('appNoSourceNow') : t('appNothingNew'));
        }
      } catch (err) {
        setMessage({ error: t('appRefreshFailed', String(err)) });
      } finally {
        setRefreshing(false);
      }
    },
    openTracking(id) {
      openLink({ packageId: id, target: 'tracking' });
    },
    openShop(id) {
      openLink({ packageId: id, target: 'shop' });
    },
    openUrl(url) {
      openLink({ url, packageId: openId });
    },
    openOptions(section) {
      void browser.tabs.create({ url: browser.runtime.getURL(`/options.html#${section}`) });
    },
    copy(text) {
      void navigator.clipboard.writeText(text).then(
        () => setMessage(t('appCopied', text)),
        () => setMessage({ error: t('appCouldNotCopy', text) }),
      );
    },
    rename(id, label) {
      void sendMessage('updatePackage', { id, label }).then(() => setMessage(label ? t('appRenamed', label) : t('appNameReset')));
    },
    markNotReceived(id) {
      void sendMessage('markNotReceived', { id });
    },
    saveClaimKit(id) {
      // Loaded on the click: the popup's first paint carries neither the claim kit's writer nor the database (issue #13 §3).
      void Promise.all([import('@/lib/platform/claim-kit-download'), import('@/lib/db/database'), import('@/lib/platform/user-time-zone')])
        .then(([{ downloadClaimKit }, { getDb }, { userTimeZone }]) => downloadClaimKit(getDb(), id, Date.now(), userTimeZone(), ui))
        .then(
          (saved) => setMessage(saved ? saved.text : t('appNoLongerStored')),
          (err: unknown) => setMessage({ error: t('appClaimKitFailed', err instanceof Error ? err.message : String(err)) }),
        );
    },
    async scanPage() {
      const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
      if (tab?.id === undefined) return;
      try {
        const r = await sendMessage('scanTab', { tabId: tab.id });
        setMessage(r.found === 0 ? t('appScanNone') : t('appScanFound', r.found, r.added, r.known));
      } catch (err) {
        // The browser keeps its own pages and other extensions' pages out of reach: say so plainly.
        const text = String(err);
        setMessage({
          error: /cannot access|cannot be scripted|permission|chrome:\/\/|extension/i.test(text)
            ? t('appScanOffLimits')
            : t('appScanFailed', text.replace(/^Error:\s*/, '')),
        });
      }
    },
    archive(id, archived) {
      const title = rowTitle(id) ?? t('appPackage');
      void sendMessage('updatePackage', { id, archived }).then(() => {
        setMessage(null);
        setUndo({ text: t(archived ? 'appArchived' : 'appBackInList', title), id, run: () => sendMessage('updatePackage', { id, archived: !archived }) });
      });
      if (archived) back();
    },
    mute(id, muted) {
      void sendMessage('updatePackage', { id, muted }).then(() => setMessage(muted ? t('appMuted') : t('appUnmuted')));
    },
    async remove(id) {
      const title = openRow?.id === id ? openRow.title : t('appPackage');
      back();
      const removed: RemovedPackages = await sendMessage('deletePackages', { ids: [id] });
      setMessage(null);
      setUndo({ text: t('appDeleted', title), id, run: () => sendMessage('restorePackages', removed) });
    },
    undo() {
      const u = undo;
      setUndo(null);
      // The Undo button goes with its line: the keyboard goes on at the row that came back (or the box).
      if (u) void u.run().then(() => {
        setMessage(t('appUndone'));
        focusSoon(`[data-package-id="${CSS.escape(u.id)}"] .pkg__open`, true);
      });
    },
    dismiss(key) {
      void sendMessage('dismissSituation', { key });
    },
  };

  return (
    <PopupShell
      data={{
        t,
        loading: reply === null,
        model: reply?.model ?? EMPTY_MODEL,
        query,
        offers: reply?.offers ?? [],
        reasons: reply?.reasons ?? [],
        refreshing,
        busy,
        message,
        messageSeq,
        notice,
        undo: undo ? { text: undo.text } : null,
        open: openRow && opened ? { row: openRow, details: opened.details } : null,
        ordersLinks: reply?.ordersLinks ?? [],
      }}
      actions={actions}
    />
  );
}
