import { browser } from 'wxt/browser';
import { showNotification } from './notifier';
import { onMessage } from './messaging';
import { classify, SELECTION_CONFIDENCE_THRESHOLD } from '../carriers/registry';
import { trackWithBudget, type BudgetState } from '../carriers/budgets';
import { CLIENTS as CLIENT_REGISTRY } from '../carriers/clients';
import { createMemoryTokenCache } from '../carriers/http';
import { decideNotifications } from '../notify/decide-notifications';
import { MIN_ALARM_MS } from '../engine/plan';
import { notReceivedEvent } from '../alerts/user-reports';
import type { PorchlightDb } from '../db/database';
import { diagnostics as diagnosticsRepo, events as eventsRepo, kv, packages as packagesRepo } from '../db/repositories';
import { isTerminal } from '../model/status';
import { badgeCount, badgeText } from '../notify/badge';
import { raiseAlerts } from '../services/alerting';
import type { PackageChange } from '../services/changes';
import { ingestPageReading } from '../services/ingest-page';
import { type RefreshDeps, refreshDue } from '../services/refresh-due';
import { nextCheckAt } from '../services/schedule';
import type { Settings } from '../settings';
import type { PageReading } from '../shops/types';
import { findTrackingNumbers } from '../scan/find-tracking-numbers';
import { type FoundParcel, trackNumbers } from '../services/track-numbers';
import { createMenus, MENU_SCAN_PAGE, MENU_TRACK_SELECTION, notice, readTabHtml } from './context-menu';
import { parseGenericInBackground, parsePageInBackground } from './html-parser';
import { syncWebmailScripts } from './webmail';
import type { IngestSummary, RefreshSummary } from './messaging';
import { loadCredentials, loadSettings } from './storage';
import { userTimeZone } from './user-time-zone';

export const REFRESH_ALARM = 'porchlight:refresh';
export const TICK_ALARM = 'porchlight:tick';

const CLIENTS = Object.values(CLIENT_REGISTRY);
const BUDGETS_KEY = 'carrierBudgets';
const DEFERRED_KEY = 'notify.deferredUntil';

/**
 * Offers every alert not yet decided on to the notification policy (lib/notify): per-kind switches,
 * muted packages, quiet hours (deferred, retried when they end), grouping, never twice for one key.
 */
async function notifyPending(db: PorchlightDb, settings: Settings, now: number, timeZone: string): Promise<number | null> {
  const all = await db.alerts.toArray();
  const pending = all.filter((a) => a.notifiedAt === null && !a.handledAt && !a.dismissed);
  if (pending.length === 0) {
    await kv.set(db, DEFERRED_KEY, null);
    return null;
  }
  const notified = all.filter((a) => a.notifiedAt !== null).map((a) => a.key);
  const muted = (await db.packages.bulkGet([...new Set(pending.map((a) => a.packageId))]))
    .filter((p) => p?.muted)
    .map((p) => p!.id);
  const decision = decideNotifications(pending, notified, settings.notifications, now, timeZone, muted);
  for (const d of decision.notify) {
    await showNotification(db, d, now);
    await db.alerts.where('key').anyOf(d.alertKeys).modify({ notifiedAt: now });
  }
  if (decision.dropped.length) {
    await db.alerts.where('key').anyOf(decision.dropped.map((x) => x.key)).modify({ handledAt: now });
  }
  const wake = decision.deferred.length ? Math.min(...decision.deferred.map((x) => x.until)) : null;
  await kv.set(db, DEFERRED_KEY, wake);
  return wake;
}

export interface BackgroundOptions {
  /** The clock (tests move it). */
  now?: () => number;
  /** Network access (tests route it to the local carrier server). */
  fetch?: typeof fetch;
  timeZone?: string;
}

export function createBackgroundApp(db: PorchlightDb, options: BackgroundOptions = {}) {
  const now = options.now ?? Date.now;
  const doFetch: typeof fetch = options.fetch ?? ((input, init) => globalThis.fetch(input, init));
  const timeZone = () => options.timeZone ?? userTimeZone();
  // Anything in the jobs table older than this worker was cut off when the previous worker died.
  const bootAt = now();
  // Tokens live as long as the worker: a new worker fetches a new one (cheap, and never stored).
  const tokens = createMemoryTokenCache();
  // One round at a time: a page read and an alarm landing together must not interleave writes.
  let chain: Promise<unknown> = Promise.resolve();
  const serial = <T>(fn: () => Promise<T>): Promise<T> => {
    const next = chain.then(fn, fn);
    chain = next.catch(() => undefined);
    return next;
  };

  const carrierFor = (n: string) => classify(n)[0]?.carrier ?? null;

  async function deps(): Promise<RefreshDeps> {
    const [settings, credentials] = await Promise.all([loadSettings(), loadCredentials()]);
    return {
      db,
      now,
      clients: CLIENTS,
      credentials,
      settings,
      ctx: { fetch: doFetch, tokens },
      nextCheckAt: (pkg, at) => nextCheckAt(pkg, at, timeZone()),
      timeZone: timeZone(),
      staleBefore: bootAt,
      amazon: {
        fetch: doFetch,
        parse: parsePageInBackground,
        sleep: (ms) => new Promise((r) => setTimeout(r, ms)),
        random: Math.random,
        ingest: { carrierFor, nextCheckAt: (pkg, at) => nextCheckAt(pkg, at, timeZone()) },
      },
      // Budgets are enforced in the client layer and persisted, so a restarted worker keeps counting.
      track: async (client, numbers, credentials, ctx) => {
        const state = (await kv.get<BudgetState>(db, BUDGETS_KEY)) ?? {};
        const r = await trackWithBudget(client, numbers, credentials, ctx, state);
        await kv.set(db, BUDGETS_KEY, r.state);
        return r.outcome;
      },
    };
  }

  /** Badge: packages that need attention now (lib/notify/badge.ts), from alerts still current. */
  async function updateBadge(): Promise<void> {
    const all = (await packagesRepo.all(db)).filter((p) => !isTerminal(p.status) || p.status === 'returned');
    const current = (await db.alerts.toArray()).filter((a) => !a.dismissed);
    const count = badgeCount(all, current, []);
    await browser.action.setBadgeText({ text: badgeText(count) });
    await browser.action.setBadgeBackgroundColor({ color: '#b91c1c' });
  }

  async function scheduleNext(): Promise<void> {
    const due = await packagesRepo.nextCheckAt(db);
    const deferred = (await kv.get<number | null>(db, DEFERRED_KEY)) ?? null;
    const candidates = [due, deferred].filter((x): x is number => x !== null);
    const next = candidates.length ? Math.min(...candidates) : null;
    if (next === null) {
      await browser.alarms.clear(REFRESH_ALARM);
      return;
    }
    await browser.alarms.create(REFRESH_ALARM, { when: Math.max(next, now() + MIN_ALARM_MS) });
  }

  async function afterChanges(changes: PackageChange[], evaluateAll: boolean, settings: Settings): Promise<void> {
    const at = now();
    const changed = [...new Map(changes.map((c) => [c.pkg.id, c.pkg])).values()];
    // Time-based rules (stalled, ETA passed) need every active package on each round; page reads
    // only touch what they changed.
    await raiseAlerts({ db, now: at, timeZone: timeZone(), settings: settings.alerts }, evaluateAll ? undefined : changed);
    await notifyPending(db, settings, at, timeZone());
    await updateBadge();
    await scheduleNext();
  }

  /** What the reader did not understand, for the options page (no personal data in diagnostics). */
  async function recordDiagnostics(reading: PageReading): Promise<void> {
    const host = new URL(reading.url).hostname;
    for (const d of reading.diagnostics) {
      await diagnosticsRepo.add(db, {
        at: now(),
        shop: reading.shop,
        host,
        pageKind: d.pageKind,
        code: d.code,
        message: d.message,
        layout: d.layout ?? null,
        expected: d.expected ?? null,
        found: d.found ?? null,
      });
    }
  }

  const app = {
    ingest(reading: PageReading): Promise<IngestSummary> {
      return serial(async () => {
        const { summary, changes } = await ingestPageReading(db, reading, {
          now: now(),
          carrierFor,
          timeZone: timeZone(),
          nextCheckAt: (pkg, at) => nextCheckAt(pkg, at, timeZone()),
        });
        await recordDiagnostics(reading);
        await afterChanges(changes, false, await loadSettings());
        // New packages are due now: refresh them right away rather than at the next alarm.
        if (summary.newPackages > 0) void app.refresh({});
        return summary;
      });
    },
    refresh(opts: { force?: boolean; packageIds?: string[] }): Promise<RefreshSummary> {
      return serial(async () => {
        const d = await deps();
        const { summary, changes } = await refreshDue(d, opts);
        await afterChanges(changes, true, d.settings);
        return summary;
      });
    },
    /** Numbers found outside a shop reader: added once, refreshed at once. */
    trackFound(found: FoundParcel[], source: string): Promise<{ added: number; known: number }> {
      return serial(async () => {
        const r = await trackNumbers(db, found, source, now());
        await afterChanges(r.changes, false, await loadSettings());
        if (r.added > 0) void app.refresh({});
        return { added: r.added, known: r.known };
      });
    },
    /** "Track …" on a selection: the user pointed at it, so weaker formats count too. */
    async trackSelection(text: string): Promise<{ added: number; known: number; found: number }> {
      const found = findTrackingNumbers(text.slice(0, 10_000), { minConfidence: SELECTION_CONFIDENCE_THRESHOLD });
      if (found.length === 0) {
        await notice('No tracking number found', 'Porchlight found no valid tracking number in the selected text.');
        return { added: 0, known: 0, found: 0 };
      }
      const r = await app.trackFound(
        found.map((f) => ({ trackingNumber: f.trackingNumber, carrier: f.carrier, confidence: f.confidence })),
        'selection',
      );
      return { ...r, found: found.length };
    },
    /** "Scan this page": schema.org, carrier links and labelled numbers on the page the user is on. */
    async scanTab(tabId: number): Promise<{ added: number; known: number; found: number }> {
      const { html, url } = await readTabHtml(tabId);
      const reading = await parseGenericInBackground(html, url, now());
      const found: FoundParcel[] = reading.packages.map((p) => ({
        trackingNumber: p.trackingNumber,
        carrier: p.carrier,
        confidence: p.confidence,
        trackUrl: p.trackUrl,
        eta: p.eta,
        label: `From ${new URL(url).hostname}`,
      }));
      if (found.length === 0) {
        await notice('No parcels on this page', 'Porchlight found no tracking number on this page.');
        return { added: 0, known: 0, found: 0 };
      }
      return { ...(await app.trackFound(found, `page:${new URL(url).hostname}`)), found: found.length };
    },
    markNotReceived(id: string): Promise<{ ok: boolean }> {
      return serial(async () => {
        const pkg = await packagesRepo.get(db, id);
        if (!pkg) return { ok: false };
        await eventsRepo.putAll(db, [notReceivedEvent(id, now())]);
        await afterChanges([{ pkg, previousStatus: pkg.status, newEvents: [], isNew: false }], false, await loadSettings());
        return { ok: true };
      });
    },
    async ensureAlarms(): Promise<void> {
      if (!(await browser.alarms.get(TICK_ALARM))) {
        await browser.alarms.create(TICK_ALARM, { periodInMinutes: 30, delayInMinutes: 1 });
      }
      await scheduleNext();
      await createMenus().catch((err) => console.error('Porchlight: context menus', err));
      await syncWebmailScripts(await loadSettings()).catch((err) => console.error('Porchlight: webmail scripts', err));
      // A previous worker killed mid-refresh left its job behind: replay it now, not at the next alarm.
      if ((await db.jobs.where('startedAt').below(bootAt).count()) > 0) void app.refresh({});
    },
    updateBadge,
    /** Resolves when every queued round has finished (tests, and the worker before it idles). */
    idle: (): Promise<void> => chain.then(() => undefined),
  };
  return app;
}

export type BackgroundApp = ReturnType<typeof createBackgroundApp>;

/**
 * Registers every background listener, synchronously (call at the top of the worker's main): a worker
 * woken by an alarm, message or click must find its listener on the first turn.
 */
export function registerListeners(app: BackgroundApp, db: PorchlightDb): () => void {
  const removers: Array<() => void> = [];
  removers.push(onMessage('pageReading', ({ data }) => app.ingest(data)));
  removers.push(onMessage('refreshNow', ({ data }) => app.refresh({ force: data.force ?? true, packageIds: data.packageIds })));
  removers.push(onMessage('updatePackage', async ({ data }) => {
    const patch: { archived?: boolean; muted?: boolean } = {};
    if (data.archived !== undefined) patch.archived = data.archived;
    if (data.muted !== undefined) patch.muted = data.muted;
    const ok = (await packagesRepo.update(db, data.id, patch)) > 0;
    await app.updateBadge();
    return { ok };
  }));
  removers.push(onMessage('markNotReceived', ({ data }) => app.markNotReceived(data.id)));
  removers.push(onMessage('trackFound', ({ data }) => app.trackFound(data.found, data.source)));
  removers.push(onMessage('scanTab', ({ data }) => app.scanTab(data.tabId)));

  const onAlarm = (alarm: { name: string }) => {
    if (alarm.name === REFRESH_ALARM || alarm.name === TICK_ALARM) void app.refresh({});
  };
  const onWake = () => void app.ensureAlarms();
  const onClicked = async (id: string) => {
    const rec = await db.notifications.get(id);
    const pkg = rec && rec.packageIds.length === 1 ? rec.packageIds[0] : null;
    await browser.tabs.create({ url: browser.runtime.getURL(`/popup.html${pkg ? `#package=${encodeURIComponent(pkg)}` : ''}`) });
    await browser.notifications.clear(id);
  };
  const onMenu = (info: { menuItemId: string | number; selectionText?: string }, tab?: { id?: number }) => {
    const run =
      info.menuItemId === MENU_TRACK_SELECTION && info.selectionText
        ? app.trackSelection(info.selectionText)
        : info.menuItemId === MENU_SCAN_PAGE && tab?.id !== undefined
          ? app.scanTab(tab.id)
          : null;
    run?.catch((err: unknown) => void notice('Porchlight could not read this', String(err)));
  };
  // Webmail scripts follow the settings and the granted permissions.
  const onStorage = (changes: Record<string, unknown>, area: string) => {
    if (area === 'local' && 'settings' in changes) void loadSettings().then(syncWebmailScripts);
  };
  const onPermissions = () => void loadSettings().then(syncWebmailScripts);
  // An event a browser (or the test fake) lacks is skipped, not fatal: the rest must still be wired.
  type Listenable = { addListener(fn: never): void; removeListener(fn: never): void } | undefined;
  const listen = (event: Listenable, fn: unknown) => {
    try {
      if (!event) return;
      event.addListener(fn as never);
      removers.push(() => event.removeListener(fn as never));
    } catch (err) {
      console.warn('Porchlight: listener not available here', err);
    }
  };
  listen(browser.contextMenus?.onClicked, onMenu);
  listen(browser.storage.onChanged, onStorage);
  listen(browser.permissions?.onAdded, onPermissions);
  listen(browser.permissions?.onRemoved, onPermissions);
  listen(browser.alarms.onAlarm, onAlarm);
  listen(browser.runtime.onInstalled, onWake);
  listen(browser.runtime.onStartup, onWake);
  listen(browser.notifications.onClicked, onClicked);
  return () => {
    for (const r of removers) r();
  };
}
