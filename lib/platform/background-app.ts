import { browser } from 'wxt/browser';
import { showNotification } from './notifier';
import { setBadge, setButtonTitle } from './toolbar-button';
import { onMessage } from './messaging';
import { classify } from '../carriers/registry';
import type { CarrierClient } from '../carriers/client';
import { CLIENTS as CLIENT_REGISTRY } from '../carriers/clients';
import { createMemoryTokenCache } from '../carriers/http';
import { isNews } from '../alerts/evaluate';
import { decideNotifications } from '../notify/decide-notifications';
import { onWake, type JobState } from '../engine/job-state';
import { mergeObservation } from '../engine/merge';
import { lookupFor, nextCheckTime, wakeTime } from '../engine/plan';
import { notReceivedReport } from '../engine/user-report';
import { onDataChanged, type PorchlightDb } from '../db/database';
import { alerts as alertsRepo, diagnostics as diagnosticsRepo, events as eventsRepo, inTransaction, jobs as jobsRepo, kv, packages as packagesRepo } from '../db/repositories';
import { isTerminal } from '../model/status';
import type { Alert } from '../model/types';
import { badgeCount, badgeText } from '../notify/badge';
import { evaluateSituations } from '../services/situations';
import type { PackageChange } from '../services/changes';
import { ingestPageReading } from '../services/ingest-page';
import { loadHolds } from '../db/holds';
import { activeHolds, planProviders, refreshRound, type RoundDeps, type ShopTracker } from '../services/refresh-round';
import { sourceName, trackErrorText } from '../view/track-error-text';
import { amazonTracker } from '../services/amazon-tracker';
import { AMAZON_TRACKER } from '../model/sources';
import type { Settings } from '../settings';
import type { PageReading } from '../shops/types';
import { parseTrackingInput } from '../scan/parse-input';
import { type FoundParcel, trackNumbers } from '../services/track-numbers';
import { createMenus, MENU_SCAN_PAGE, MENU_TRACK_SELECTION, notice, readTabHtml } from './context-menu';
import { openPopupWindow, openWelcome } from './windows';
import { parseGenericInBackground, parsePageInBackground } from './html-parser';
import { syncWebmailScripts } from './webmail';
import { syncCarrierPageScripts } from './carrier-pages';
import { syncShopPageScripts } from './shop-pages';
import { isSyncKey } from '../sync/sync-doc';
import { browserSyncArea, createSync, forgetDeletions, recordDeletions, type SyncArea } from './sync';
import type { CarrierPageReading } from '../carrier-pages/read-carrier-page';
import { ingestCarrierPage } from '../services/ingest-carrier-page';
import { createPopupViews, type OpenLinkRequest, type PopupViewRequest } from '../services/popup-view';
import type { IngestSummary, RefreshSummary, RemovedPackages, SourceStatus } from './messaging';
import { loadCredentials, loadSettings, saveSettings } from './storage';
import { userTimeZone } from './user-time-zone';
import { browserText } from './i18n';
import { rejectText } from '../view/track-offers';
import { plural, type UiText } from '../i18n/translate';
import { credentialedFetchTarget } from '../url-policy';
import { PRUNE_ALARM, PRUNE_PERIOD_MINUTES } from '../retention-policy';
import { pruneStorage } from '../services/prune-storage';
import { guardStorage, StorageFullError } from '../storage-errors';

export const REFRESH_ALARM = 'porchlight:refresh';
export const TICK_ALARM = 'porchlight:tick';

const CLIENTS = Object.values(CLIENT_REGISTRY);
const DEFERRED_KEY = 'notify.deferredUntil';
const DEFERRED_KEYS = 'notify.deferredKeys';
const WAKE_KEY = 'engine.nextWakeAt';


export interface BackgroundOptions {
  /** The clock (tests and the engine benchmark move it). */
  now?: () => number;
  /** Network access (tests route it to the local carrier server). */
  fetch?: typeof fetch;
  timeZone?: string;
  /** The popup's words and locale (issue #13 §2); default the browser's (browser.i18n). Tests pass the messages files'. */
  ui?: () => UiText;
  /** Waits between Amazon tracker requests (tests hold a round here to read a page meanwhile). */
  sleep?: (ms: number) => Promise<void>;
  random?: () => number;
  /** The clients to offer (the benchmark's simulated carriers); default: the registry. */
  clients?: readonly CarrierClient[];
  /** Where sync keeps its copy (issue #12 §5): the browser's storage.sync, or the two-profile test's double. */
  syncArea?: SyncArea;
}

/**
 * Work started from a listener, not awaited by anyone: a failure is logged with what was being done,
 * never left as an unhandled rejection (a round that failed is retried by the next alarm).
 */
function inBackground(what: string, p: Promise<unknown>): void {
  p.catch((err: unknown) => console.error(`Porchlight: ${what} failed`, err));
}

/**
 * A change is synced this long after it (several changes, one write): storage.sync allows 120 writes
 * a minute and 1,800 an hour (https://developer.chrome.com/docs/extensions/reference/api/storage#property-sync).
 */
const SYNC_DELAY_MS = 2_000;

/** A tiny mutex: one of each kind at a time, in arrival order. */
function lane() {
  let chain: Promise<unknown> = Promise.resolve();
  const run = <T>(fn: () => Promise<T>): Promise<T> => {
    const next = chain.then(fn, fn);
    chain = next.catch(() => undefined);
    return next;
  };
  return { run, idle: () => chain.then(() => undefined) };
}

export function createBackgroundApp(db: PorchlightDb, options: BackgroundOptions = {}) {
  const now = options.now ?? Date.now;
  const doFetch: typeof fetch = options.fetch ?? ((input, init) => globalThis.fetch(input, init));
  const timeZone = () => options.timeZone ?? userTimeZone();
  const sleep = options.sleep ?? ((ms: number) => new Promise<void>((r) => setTimeout(r, ms)));
  const registry = options.clients ?? CLIENTS;
  // Anything in the jobs table started before this worker was cut off when the previous worker died.
  const bootAt = now();
  // Tokens live as long as the worker: a new worker fetches a new one (cheap, and never stored).
  const tokens = createMemoryTokenCache();
  // Refresh rounds run one at a time; the short work after a change (situations, notifications,
  // badge, alarm) runs one at a time too. Page reads take neither: a page the shopper opens is stored
  // in its own short transaction, even while a round waits between two requests (issue #19 §10).
  const rounds = lane();
  const after = lane();
  let pendingRound: Promise<RefreshSummary> | null = null;

  // The words of the popup, the situations and the notices (issue #13 §2): the browser's language.
  const ui = options.ui ?? browserText;
  const views = createPopupViews({
    db,
    now,
    timeZone,
    ui,
    historyAfterDays: async () => (await loadSettings()).historyAfterDays,
    sources: () => app.sourceStatus().catch(() => null),
  });

  const carrierFor = (n: string) => classify(n)[0]?.carrier ?? null;
  const ingestDeps = () => ({
    carrierFor,
    nextCheckAt: (pkg: Parameters<typeof nextCheckTime>[0], at: number) =>
      nextCheckTime({ ...pkg, lastCheckAt: pkg.lastCheckAt ?? at }, at, timeZone()),
  });

  function available(settings: Settings, credentials: Record<string, Record<string, string>>): { clients: CarrierClient[]; trackers: ShopTracker[] } {
    const off = new Set(settings.disabledProviders);
    const clients = registry.filter((c) => !off.has(c.id) && (!c.needsCredentials || Boolean(credentials[c.id])));
    const trackers: ShopTracker[] =
      settings.amazonTracker && !off.has(AMAZON_TRACKER)
        ? [amazonTracker({ fetch: doFetch, parse: parsePageInBackground, mayFetch: (url) => credentialedFetchTarget(url, 'amazon').ok })]
        : [];
    return { clients, trackers };
  }

  async function roundDeps(): Promise<RoundDeps & { settings: Settings }> {
    const [settings, credentials] = await Promise.all([loadSettings(), loadCredentials()]);
    const { clients, trackers } = available(settings, credentials);
    return {
      settings,
      db,
      now,
      timeZone: timeZone(),
      clients,
      credentials,
      trackers,
      ctx: { fetch: doFetch, tokens },
      sleep,
      random: options.random ?? Math.random,
      bootAt,
      ingest: ingestDeps(),
      onBatch: (changes) => afterChanges(changes.map((c) => c.pkg.id), settings),
    };
  }

  /**
   * Offers the situations that just started, and those waiting for quiet hours to end, to the
   * notification policy (lib/notify): news only, per-kind switches, muted packages, quiet hours
   * (deferred, retried when they end), grouping, never twice for one key.
   */
  async function notifyPending(settings: Settings, at: number, started: Alert[]): Promise<void> {
    const waiting = (await kv.get<{ keys: string[] } | null>(db, DEFERRED_KEYS)) ?? null;
    const deferred = waiting?.keys.length ? await alertsRepo.bulkGet(db, waiting.keys) : [];
    // Also any current situation still undecided (a worker that died between storing it and telling it).
    const undecided = (await alertsRepo.current(db)).filter((a) => a.notifiedAt === null && !a.handledAt && isNews(a, at));
    const byKey = new Map([...undecided, ...deferred, ...started].map((a) => [a.key, a]));
    const pending = [...byKey.values()].filter((a) => a.notifiedAt === null && !a.handledAt && !a.dismissed && !a.endedAt);
    if (pending.length === 0) {
      if (waiting) await kv.set(db, DEFERRED_KEYS, null);
      await kv.set(db, DEFERRED_KEY, null);
      return;
    }
    const muted = (await packagesRepo.bulkGet(db, [...new Set(pending.map((a) => a.packageId))])).filter((p) => p.muted).map((p) => p.id);
    const decision = decideNotifications(pending.map((a) => ({ ...a, newsAt: a.newsAt ?? null })), [], settings.notifications, at, timeZone(), muted, ui());
    for (const d of decision.notify) {
      // Marked first: a worker that dies in between loses one notification rather than showing it twice.
      await db.alerts.where('key').anyOf(d.alertKeys).modify({ notifiedAt: at });
      await showNotification(db, d, at);
    }
    if (decision.dropped.length) {
      await db.alerts.where('key').anyOf(decision.dropped.map((x) => x.key)).modify({ handledAt: at });
    }
    await kv.set(db, DEFERRED_KEYS, decision.deferred.length ? { keys: decision.deferred.map((x) => x.key) } : null);
    await kv.set(db, DEFERRED_KEY, decision.deferred.length ? Math.min(...decision.deferred.map((x) => x.until)) : null);
  }

  /** Badge: packages with a current warning or problem the shopper has not dismissed (lib/notify/badge.ts). */
  async function updateBadge(): Promise<void> {
    const current = (await alertsRepo.current(db)).filter((a) => !a.dismissed);
    const pkgs = await packagesRepo.bulkGet(db, [...new Set(current.map((a) => a.packageId))]);
    const count = badgeCount(pkgs, current, []);
    await setBadge(badgeText(count), '#b91c1c');
  }

  /** Arms the refresh alarm at plan.ts wakeTime() over what is stored now (issue #19 §11). */
  async function scheduleNext(settings: Settings): Promise<number | null> {
    const credentials = await loadCredentials();
    const { clients, trackers } = available(settings, credentials);
    const providers = planProviders(clients, trackers);
    const at = now();
    const holds = activeHolds(await loadHolds(db), at);
    // The earliest scheduled checks first (the nextCheckAt index): stop at the first one that counts.
    const pkgs: Array<Parameters<typeof wakeTime>[0][number]> = [];
    const counts = (p: { archived: boolean; provider: string | null }) => !p.archived && p.provider !== null && !(p.provider in holds);
    await db.packages
      .orderBy('nextCheckAt')
      .until((p) => counts({ archived: p.archived, provider: lookupFor(p, providers)?.provider ?? null }), true)
      .each((p) => void pkgs.push({ archived: p.archived, nextCheckAt: p.nextCheckAt, provider: lookupFor(p, providers)?.provider ?? null }));
    const deferred = (await kv.get<number | null>(db, DEFERRED_KEY)) ?? null;
    const when = wakeTime(pkgs, at, holds, deferred);
    // The alarm first: with the disk full the record below fails, and the schedule must not stop with it.
    if (when === null) await browser.alarms.clear(REFRESH_ALARM);
    else await browser.alarms.create(REFRESH_ALARM, { when });
    // Written only when it moved: every worker start arms the alarm, and a write there was announced
    // to the popup that woke the worker, which then asked twice and lost the view just built for it.
    if (((await kv.get<number | null>(db, WAKE_KEY)) ?? null) !== when) await kv.set(db, WAKE_KEY, when);
    return when;
  }

  /** After anything changed: situations (the changed packages, or all for time-based rules), notifications, badge, alarm. */
  function afterChanges(ids: readonly string[] | 'all', settings?: Settings): Promise<void> {
    return after.run(async () => {
      const s = settings ?? (await loadSettings());
      const at = now();
      try {
        await guarded(async () => {
          const { started } =
            ids === 'all' || ids.length
              ? await evaluateSituations({ db, now: at, timeZone: timeZone(), settings: s.alerts, ui: ui() }, ids === 'all' ? undefined : [...new Set(ids)])
              : { started: [] };
          await notifyPending(s, at, started);
          await updateBadge();
        });
      } finally {
        // The next wake is armed even when saving failed (a full disk, issue #17 fault matrix): a
        // failure is retried by schedule, never the end of refreshing.
        await guarded(() => scheduleNext(s));
        // What changed here goes to the shopper's other browsers, a moment later (several changes, one write).
        // Nothing changed, nothing to send: a sync run that changed nothing must not start another.
        if (s.sync && (ids === 'all' || ids.length)) syncSoon();
      }
    });
  }

  /** What the reader did not understand, for the options page (no personal data in diagnostics). */
  async function recordDiagnostics(
    reading: { url: string; shop: string },
    list: ReadonlyArray<{ code: string; message: string; pageKind: string; layout?: string | null; expected?: number | null; found?: number | null }>,
  ): Promise<void> {
    const host = new URL(reading.url).hostname;
    for (const d of list) {
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

  const ids = (changes: PackageChange[]) => changes.map((c) => c.pkg.id);

  /**
   * A previous worker killed mid-refresh left its jobs behind, or a wake was missed: run a round now
   * (lib/engine/job-state.ts onWake). Jobs this worker created belong to a round already running.
   */
  async function mustRunNow(): Promise<boolean> {
    const left = (await jobsRepo.all(db)).filter((j) => j.createdAt < bootAt);
    const state: JobState = { jobs: left, nextWakeAt: (await kv.get<number | null>(db, WAKE_KEY)) ?? null };
    return onWake(state, now()).runNow;
  }

  /**
   * A write the browser refused because its storage is full (issue #10 §4): nothing stored before is
   * lost (each write is one transaction); the shopper is told once an hour, on the badge and in a
   * notification, and the error goes back to the caller.
   */
  let toldFullAt = Number.NEGATIVE_INFINITY;
  async function guarded<T>(write: () => Promise<T>): Promise<T> {
    try {
      return await guardStorage(write);
    } catch (err) {
      if (err instanceof StorageFullError && now() - toldFullAt > 3_600_000) {
        toldFullAt = now();
        await setBadge('!').catch(() => undefined);
        const { t } = ui();
        await setButtonTitle(`Porchlight: ${t('notifyStorageFull')}`).catch(() => undefined);
        await notice(t('notifyCannotSave'), t('notifyStorageFull')).catch(() => undefined);
      }
      throw err;
    }
  }

  const app = {
    async ingest(reading: PageReading): Promise<IngestSummary> {
      const { summary, changes, diagnostics } = await guarded(() => ingestPageReading(db, reading, { ...ingestDeps(), now: now(), shopperZone: timeZone() }));
      await recordDiagnostics(reading, [...reading.diagnostics, ...diagnostics]);
      await afterChanges(ids(changes));
      // New packages are due now: refresh them right away rather than at the next alarm.
      if (summary.newPackages > 0) inBackground('refresh after a page read', app.refresh({}));
      return summary;
    },
    /**
     * A carrier's own tracking page the shopper opened (issue #14): stored as that carrier's answer,
     * observed when read; what the reader did not understand goes to the diagnostics, as for shop pages.
     */
    async ingestCarrierPage(reading: CarrierPageReading): Promise<IngestSummary> {
      const { summary, changes } = await guarded(() => ingestCarrierPage(db, reading, { ...ingestDeps(), now: now(), shopperZone: timeZone() }));
      await recordDiagnostics(
        { url: reading.url, shop: `carrier-page:${reading.site}` },
        reading.diagnostics.map((d) => ({ ...d, pageKind: reading.kind })),
      );
      await afterChanges(ids(changes));
      return summary;
    },
    /**
     * One refresh round (lib/services/refresh-round.ts). A request while a round runs joins the next
     * round rather than queueing one per caller.
     */
    refresh(opts: { force?: boolean; packageIds?: string[] }): Promise<RefreshSummary> {
      const force = opts.packageIds ?? opts.force;
      if (!force && pendingRound) return pendingRound;
      const run = rounds.run(async () => {
        if (!force) pendingRound = null;
        const d = await roundDeps();
        try {
          const { summary } = await guarded(() => refreshRound(d, { force }));
          // Each failure in the words of whoever reads the summary (the popup's "Refresh failed").
          const words = ui();
          return { ...summary, errors: summary.errors.map((e) => ({ ...e, text: trackErrorText(words, sourceName(e.provider, words), e) })) };
        } finally {
          // Time-based situations (stalled, late) need every package once per round; and the alarm is
          // re-armed even when the round failed, so a failure is retried by schedule, not forgotten.
          await afterChanges('all', d.settings);
        }
      });
      if (!force) pendingRound = run;
      return run;
    },
    /** The periodic tick: time-based situations, and a round if a wake was missed. */
    async tick(): Promise<void> {
      if (await mustRunNow()) await app.refresh({});
      else await afterChanges('all');
    },
    /** Numbers found outside a shop reader: added once, refreshed at once. */
    async trackFound(found: FoundParcel[], source: string): Promise<{ added: number; known: number }> {
      const r = await guarded(() => trackNumbers(db, found, source, now(), timeZone()));
      await afterChanges(ids(r.changes));
      if (r.added > 0) inBackground('refresh of new numbers', app.refresh({}));
      return { added: r.added, known: r.known };
    },
    /**
     * "Track …" on a selection, and numbers typed or pasted into the popup: one parser
     * (lib/scan/parse-input.ts, issue #11 §8). The popup sends the carrier the shopper chose when formats overlap.
     */
    async trackSelection(text: string): Promise<{ added: number; known: number; found: number }> {
      const parsed = parseTrackingInput(text.slice(0, 10_000));
      if (parsed.numbers.length === 0) {
        const why = parsed.rejected[0];
        await notice(ui().t('notifyNoNumber'), why ? rejectText(why, ui().t) : ui().t('notifyNoNumberInSelection'));
        return { added: 0, known: 0, found: 0 };
      }
      const r = await app.trackInput(parsed.numbers.map((n) => ({ number: n.candidates[0]!.trackingNumber, carrier: n.candidates[0]!.carrier })), 'selection');
      const words = ui();
      await notice(
        r.added > 0 ? plural(words, 'notifyTrackingNew', r.added) : words.t('notifyAlreadyTracked'),
        r.added > 0 ? (r.known ? plural(words, 'notifyAddedKnown', r.added, r.known) : plural(words, 'notifyAdded', r.added)) : plural(words, 'notifyAlreadyTracks', r.known),
      );
      return { added: r.added, known: r.known, found: parsed.numbers.length };
    },
    /** Numbers the shopper gave (typed, pasted, selected), each with its carrier. Reply: the packages' ids. */
    async trackInput(numbers: { number: string; carrier: string | null }[], source = 'typed'): Promise<{ added: number; known: number; ids: string[] }> {
      const found = numbers.slice(0, 500).map((n) => ({ trackingNumber: n.number, carrier: n.carrier, confidence: 1 }));
      const r = await app.trackFound(found, source);
      const ids: string[] = [];
      for (const n of numbers.slice(0, 500)) {
        const pkg = (await packagesRepo.byNumber(db, n.number))[0];
        if (pkg && !ids.includes(pkg.id)) ids.push(pkg.id);
      }
      return { ...r, ids };
    },
    /** Deletes packages with their events and situations, in one transaction; the reply lets the popup undo it. */
    async deletePackages(ids: string[], at = now()): Promise<RemovedPackages> {
      const removed = await inTransaction(db, async () => {
        // A deletion made at `at` (another browser's, issue #12 §5) does not take a parcel changed here since.
        const pkgs = (await packagesRepo.bulkGet(db, ids)).filter((p) => Math.max(p.firstSeenAt, p.timeline.notReceivedAt ?? 0, ...Object.values(p.userChanges ?? {}).filter((x) => typeof x === 'number')) <= at);
        const out: RemovedPackages = { packages: pkgs, events: [], alerts: [] };
        for (const p of pkgs) {
          out.events.push(...(await eventsRepo.forPackage(db, p.id)));
          out.alerts.push(...(await alertsRepo.forPackage(db, p.id)));
          await packagesRepo.remove(db, p.id);
        }
        // Kept so the deletion reaches the shopper's other browsers once sync is on (issue #12 §5).
        await recordDeletions(db, pkgs.flatMap((p) => (p.trackingNumber ? [p.trackingNumber] : [])), at);
        return out;
      });
      await after.run(updateBadge);
      await after.run(async () => void (await scheduleNext(await loadSettings())));
      // The deletion goes to the shopper's other browsers a moment later (issue #12 §5).
      if (removed.packages.length && (await loadSettings()).sync) syncSoon();
      return removed;
    },
    /** Undo of a delete: puts the rows back as they were (a package re-added meanwhile keeps its newer row). */
    async restorePackages(removed: RemovedPackages): Promise<{ restored: number }> {
      const restored = await inTransaction(db, async () => {
        let n = 0;
        for (const p of removed.packages) {
          if (await packagesRepo.get(db, p.id)) continue;
          // Back, and newer than its deletion, so a deletion already synced does not take it again.
          const at = now();
          await packagesRepo.put(db, { ...p, userChanges: { at, label: at, archived: at, muted: at } });
          if (p.trackingNumber) await forgetDeletions(db, [p.trackingNumber]);
          await eventsRepo.apply(db, removed.events.filter((e) => e.packageId === p.id), []);
          await alertsRepo.bulkPut(db, removed.alerts.filter((a) => a.packageId === p.id));
          n++;
        }
        return n;
      });
      await afterChanges(removed.packages.map((p) => p.id));
      return { restored };
    },
    /** Which sources can refresh what, for the popup's "nobody can refresh this" line (issue #11 §4). */
    async sourceStatus(): Promise<SourceStatus> {
      const [settings, credentials] = await Promise.all([loadSettings(), loadCredentials()]);
      const { clients, trackers } = available(settings, credentials);
      const off = new Set(settings.disabledProviders);
      return {
        providers: planProviders(clients, trackers).map((p) => ({ id: p.id, carriers: [...p.carriers], shop: p.shop, needsTrackUrl: p.needsTrackUrl })),
        needsKey: registry.filter((c) => c.needsCredentials && !credentials[c.id] && !off.has(c.id)).map((c) => ({ id: c.id, carriers: [...c.carriers] })),
      };
    },
    /** The popup's list (issue #13 §3): built here, sent to the popup ready to render. */
    popupView: (req: PopupViewRequest) => views.list(req),
    /** One package's view when the popup opens it; null when it is gone. */
    packageView: (id: string) => views.pkg(id),
    /** A popup link, checked by the URL policy, opened in a new tab. */
    async openLink(req: OpenLinkRequest): Promise<{ opened: boolean }> {
      const url = await views.link(req);
      if (url) await browser.tabs.create({ url });
      return { opened: url !== null };
    },
    /** The popup's snapshot is kept between requests while registerListeners tells it of every write. */
    cachePopupView: (on: boolean) => views.cache(on),
    /** Something was written: the popup's next view reads the database again. */
    dataChanged: () => views.invalidate(),
    /** "Scan this page": schema.org, carrier links and labelled numbers on the page the user is on. */
    async scanTab(tabId: number): Promise<{ added: number; known: number; found: number }> {
      const { html, url } = await readTabHtml(tabId, ui().t);
      // A page a shop reader knows (by its URL, or by the page itself: a Shopify store's order status page,
      // issue #15) is stored as the content script's readings are; one it knows but cannot read (its
      // diagnostic recorded) and any other page get the generic reading.
      const shopReading = await parsePageInBackground(html, url, now()).catch(() => null);
      if (shopReading) {
        const s = await app.ingest(shopReading);
        if (s.packages > 0) return { added: s.newPackages, known: s.packages - s.newPackages, found: s.packages };
      }
      const reading = await parseGenericInBackground(html, url, now());
      await recordDiagnostics({ url, shop: 'generic' }, (reading.diagnostics ?? []).map((d) => ({ ...d, pageKind: 'unknown' as const })));
      // The parcel's name until the shopper renames it: written in their language now, as a name they typed would be.
      const from = ui().t('scanFromHost', new URL(url).hostname);
      const found: FoundParcel[] = reading.packages.map((p) => ({
        trackingNumber: p.trackingNumber,
        carrier: p.carrier,
        confidence: p.confidence,
        trackUrl: p.trackUrl,
        eta: p.eta,
        label: from,
      }));
      if (found.length === 0) {
        await notice(ui().t('notifyNoParcels'), ui().t('notifyNoParcelsOnPage'));
        return { added: 0, known: 0, found: 0 };
      }
      return { ...(await app.trackFound(found, `page:${new URL(url).hostname}`)), found: found.length };
    },
    /**
     * The shopper says a delivered parcel never came: their report is an event of the package (source
     * `user`), so "not received" is a situation like any other, and it is never notified back to them.
     */
    async markNotReceived(id: string, at = now()): Promise<{ ok: boolean }> {
      const ok = await inTransaction(db, async () => {
        const pkg = await packagesRepo.get(db, id);
        if (!pkg) return false;
        const known = await eventsRepo.forPackage(db, id);
        const m = mergeObservation(
          pkg,
          known,
          notReceivedReport(at),
          { now: at, shopperZone: timeZone() },
        );
        await eventsRepo.apply(db, m.put, m.remove);
        await packagesRepo.put(db, m.pkg);
        return true;
      });
      if (ok) await afterChanges([id]);
      return { ok };
    },
    async dismissSituation(key: string): Promise<{ ok: boolean }> {
      const ok = (await alertsRepo.update(db, key, { dismissed: true, dismissedAt: now() })) > 0;
      await after.run(updateBadge);
      return { ok };
    },
    /**
     * `at`: when the shopper made the change (a synced change keeps its own browser's time); `edited`:
     * false for a value a parcel came with in another browser (a shop's title), kept without counting as
     * the shopper's own choice. A field the shopper changed here after `at` keeps its value: a sync run
     * that started before that change does not undo it.
     */
    async updatePackage(id: string, patch: { archived?: boolean; muted?: boolean; label?: string | null }, at = now(), edited = true): Promise<{ ok: boolean }> {
      const ok = await inTransaction(db, async () => {
        const pkg = await packagesRepo.get(db, id);
        if (!pkg) return false;
        const fields = (['label', 'archived', 'muted'] as const).filter((k) => patch[k] !== undefined && !((pkg.userChanges?.[k] ?? -Infinity) > at));
        if (!fields.length) return true;
        const clean: { archived?: boolean; muted?: boolean; label?: string | null } = Object.fromEntries(fields.map((k) => [k, patch[k]]));
        if (clean.label !== undefined) clean.label = clean.label?.trim().slice(0, 120) || null;
        const set = edited ? Object.fromEntries(fields.map((k) => [k, at])) : {};
        await packagesRepo.update(db, id, { ...clean, userChanges: { ...pkg.userChanges, ...set } });
        return true;
      });
      // Archiving ends its situations and takes it off the schedule; unarchiving puts it back.
      if (ok && patch.archived !== undefined) {
        const pkg = await packagesRepo.get(db, id);
        if (pkg && !patch.archived && pkg.nextCheckAt === null && !isTerminal(pkg.status)) await packagesRepo.update(db, id, { nextCheckAt: now() });
      }
      await afterChanges([id]);
      return { ok };
    },
    async ensureAlarms(): Promise<void> {
      if (!(await browser.alarms.get(TICK_ALARM))) {
        await browser.alarms.create(TICK_ALARM, { periodInMinutes: 30, delayInMinutes: 1 });
      }
      // Diagnostics and notification records are kept 30 days (lib/retention-policy.ts).
      if (!(await browser.alarms.get(PRUNE_ALARM))) {
        await browser.alarms.create(PRUNE_ALARM, { periodInMinutes: PRUNE_PERIOD_MINUTES, delayInMinutes: 1 });
      }
      await createMenus(ui().t).catch((err) => console.error('Porchlight: context menus', err));
      await syncWebmailScripts(await loadSettings()).catch((err) => console.error('Porchlight: webmail scripts', err));
      await syncCarrierPageScripts(await loadSettings()).catch((err) => console.error('Porchlight: carrier page scripts', err));
      await syncShopPageScripts(await loadSettings()).catch((err) => console.error('Porchlight: shop page scripts', err));
      if ((await loadSettings()).sync) syncSoon(0);
      if (await mustRunNow()) inBackground('replay of a dead worker\'s jobs', app.refresh({}));
      else await after.run(async () => void (await scheduleNext(await loadSettings())));
    },
    updateBadge: () => after.run(updateBadge),
    /** One sync run now (issue #12 §5); null when sync is off. */
    syncNow: () => sync.run(),
    /** A sync run a moment from now: several storage.sync change events (this browser's own writes among them) make one run. */
    syncSoon: (delayMs = 500) => syncSoon(delayMs),
    prune: () => pruneStorage(db, now()),
    /** Resolves when every queued round and its follow-up work has finished (tests, the benchmark). */
    async idle(): Promise<void> {
      await rounds.idle();
      await after.idle();
      await rounds.idle();
      await after.idle();
      await flushSync();
    },
  };
  const sync = createSync({
    db,
    area: options.syncArea ?? browserSyncArea(),
    now,
    loadSettings,
    saveSettings,
    trackInput: (numbers, source) => app.trackInput(numbers, source),
    updatePackage: (id, patch, at, edited) => app.updatePackage(id, patch, at, edited),
    markNotReceived: (id, at) => app.markNotReceived(id, at),
    deletePackages: (ids, at) => app.deletePackages(ids, at),
  });
  let syncTimer: ReturnType<typeof setTimeout> | undefined;
  function syncSoon(delayMs = SYNC_DELAY_MS): void {
    clearTimeout(syncTimer);
    syncTimer = setTimeout(() => {
      syncTimer = undefined;
      inBackground('sync', sync.run());
    }, delayMs);
  }
  /** A sync that was waiting runs now (idle(): nothing is left for later). */
  async function flushSync(): Promise<void> {
    const waiting = syncTimer !== undefined;
    clearTimeout(syncTimer);
    syncTimer = undefined;
    // Waiting or not, this queues behind a run already going, so it resolves when that one is done too.
    await sync.run().catch((err: unknown) => (waiting ? console.error('Porchlight: sync failed', err) : undefined));
  }

  return app;
}

export type BackgroundApp = ReturnType<typeof createBackgroundApp>;

/** Whether a message came from one of the extension's own pages (its URL under the extension's own origin). */
export function isOwnPage(sender: { url?: string } | undefined, ownOrigin: string): boolean {
  return typeof sender?.url === 'string' && ownOrigin.length > 0 && sender.url.startsWith(ownOrigin);
}

/**
 * Registers every background listener, synchronously (call at the top of the worker's main): a worker
 * woken by an alarm, message or click must find its listener on the first turn.
 */
export function registerListeners(app: BackgroundApp, db: PorchlightDb): () => void {
  const removers: Array<() => void> = [];
  // Messages only Porchlight's own pages (popup, options) send: a content script runs inside a shop's
  // page, and a page that took over its renderer must get none of the shopper's data, nor change it.
  // Content scripts send pageReading, carrierPageReading and trackFound only.
  const ownPages = browser.runtime.getURL('');
  const ownPage = <T, R>(handler: (m: { data: T }) => R) => (m: { data: T; sender: { url?: string } }): R => {
    if (!isOwnPage(m.sender, ownPages)) throw new Error('Porchlight: this message is only for its own pages');
    return handler(m);
  };
  removers.push(onMessage('pageReading', ({ data }) => app.ingest(data)));
  removers.push(onMessage('carrierPageReading', ({ data }) => app.ingestCarrierPage(data)));
  removers.push(onMessage('refreshNow', ownPage(({ data }) => app.refresh({ force: data.force ?? true, packageIds: data.packageIds }))));
  removers.push(onMessage('updatePackage', ownPage(({ data }) => app.updatePackage(data.id, { archived: data.archived, muted: data.muted, label: data.label }))));
  removers.push(onMessage('trackInput', ownPage(({ data }) => app.trackInput(data.numbers))));
  removers.push(onMessage('deletePackages', ownPage(({ data }) => app.deletePackages(data.ids))));
  removers.push(onMessage('restorePackages', ownPage(({ data }) => app.restorePackages(data))));
  removers.push(onMessage('popupView', ownPage(({ data }) => app.popupView(data))));
  removers.push(onMessage('packageView', ownPage(({ data }) => app.packageView(data.id))));
  removers.push(onMessage('openLink', ownPage(({ data }) => app.openLink(data))));
  removers.push(onMessage('markNotReceived', ownPage(({ data }) => app.markNotReceived(data.id))));
  removers.push(onMessage('dismissSituation', ownPage(({ data }) => app.dismissSituation(data.key))));
  removers.push(onMessage('trackFound', ({ data }) => app.trackFound(data.found, data.source)));
  removers.push(onMessage('scanTab', ownPage(({ data }) => app.scanTab(data.tabId))));

  const onAlarm = (alarm: { name: string }) => {
    if (alarm.name === REFRESH_ALARM) inBackground('refresh round', app.refresh({}));
    else if (alarm.name === TICK_ALARM) inBackground('tick', app.tick());
    else if (alarm.name === PRUNE_ALARM) inBackground('pruning old records', app.prune());
  };
  const onWakeEvent = () => inBackground('waking', app.ensureAlarms());
  // The options page opens once on install with the three ways in (issue #11 §5); never on updates.
  const onInstalled = (details: { reason: string }) => {
    onWakeEvent();
    if (details.reason === 'install') inBackground('welcome', openWelcome());
  };
  const onClicked = async (id: string) => {
    const rec = await db.notifications.get(id);
    const pkg = rec && rec.packageIds.length === 1 ? rec.packageIds[0] : null;
    await openPopupWindow(pkg ?? null);
    await browser.notifications.clear(id);
  };
  const onMenu = (info: { menuItemId: string | number; selectionText?: string }, tab?: { id?: number }) => {
    const run =
      info.menuItemId === MENU_TRACK_SELECTION && info.selectionText
        ? app.trackSelection(info.selectionText)
        : info.menuItemId === MENU_SCAN_PAGE && tab?.id !== undefined
          ? app.scanTab(tab.id)
          : null;
    // The error's own text (ours in the shopper's language, or the browser's), without String()'s English "Error: ".
    run?.catch((err: unknown) => void notice(browserText().t('notifyCouldNotRead'), err instanceof Error ? err.message : String(err)));
  };
  // The popup view's snapshot is kept between requests and dropped on every write (issue #13 §3);
  // getDb tells open popups of the write (lib/db/data-changed.ts).
  app.cachePopupView(true);
  removers.push(() => app.cachePopupView(false));
  removers.push(onDataChanged(() => app.dataChanged()));
  // Webmail scripts follow the settings and the granted permissions; a new key or switch re-plans.
  const onStorage = (changes: Record<string, unknown>, area: string) => {
    // Another browser's writes (issue #12 §5): merged here at once.
    if (area === 'sync') {
      if (Object.keys(changes).some(isSyncKey)) app.syncSoon();
      return;
    }
    if (area !== 'local') return;
    // Sync turned on, or a synced setting changed: a run (it does nothing while sync is off).
    if ('settings' in changes) inBackground('sync', app.syncNow());
    if ('settings' in changes) inBackground('webmail scripts', loadSettings().then(syncWebmailScripts));
    if ('settings' in changes) inBackground('carrier page scripts', loadSettings().then(syncCarrierPageScripts));
    if ('settings' in changes) inBackground('shop page scripts', loadSettings().then(syncShopPageScripts));
    if ('settings' in changes || 'credentials' in changes) inBackground('refresh after a settings change', app.refresh({}));
  };
  const onPermissions = () => {
    inBackground('webmail scripts', loadSettings().then(syncWebmailScripts));
    inBackground('carrier page scripts', loadSettings().then(syncCarrierPageScripts));
    inBackground('shop page scripts', loadSettings().then(syncShopPageScripts));
  };
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
  listen(browser.runtime.onInstalled, onInstalled);
  listen(browser.runtime.onStartup, onWakeEvent);
  listen(browser.notifications.onClicked, onClicked);
  return () => {
    for (const r of removers) r();
  };
}
