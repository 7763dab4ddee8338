import { liveQuery } from 'dexie';
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { AlertThresholdsSection } from '../../components/options/alert-thresholds-section';
import { CarrierPagesSection } from '../../components/options/carrier-pages-section';
import { ShopPagesSection } from '../../components/options/shop-pages-section';
import { SyncSection } from '../../components/options/sync-section';
import { DataSection } from '../../components/options/data-section';
import { DiagnosticsSection } from '../../components/options/diagnostics-section';
import { NotificationsSection } from '../../components/options/notifications-section';
import { SourcesSection } from '../../components/options/sources-section';
import { WebmailSection } from '../../components/options/webmail-section';
import { ListSection } from '../../components/options/list-section';
import { PageReadingSection } from '../../components/options/page-reading-section';
import { WelcomeSection } from '../../components/options/welcome-section';
import { AMAZON_HOSTS } from '../../lib/hosts';
import { ordersLinks } from '../../lib/view/orders-links';
import { type BudgetState, remaining } from '../../lib/carriers/budgets';
import type { Credentials } from '../../lib/carriers/client';
import { isConfigurableProvider, PROVIDER_INFO } from '../../lib/carriers/clients';
import type { DiagnosticRecord } from '../../lib/db/database';
import { diagnostics, kv } from '../../lib/db/repositories';
import type { Settings } from '../../lib/settings';
import { carrierPageRefusedMessage, carrierPageSiteInfo } from '../../lib/view/options-carrier-pages';
import { ANY_SITE_ID, anySiteInfo, shopPageRefusedMessage, shopPageSiteInfo } from '../../lib/view/options-shop-pages';
import { syncStatusText } from '../../lib/view/options-sync';
import { SYNC_STATUS_KEY } from '../../lib/platform/sync-status-key';
import type { SyncStatus } from '../../lib/sync/sync-doc';
import { buildBugReport } from '../../lib/view/bug-report';
import { diagnosticViews } from '../../lib/view/options-diagnostics';
import { plural } from '../../lib/i18n/translate';
import { applyNotifyChange, applyThreshold, DEFAULT_QUIET_HOURS, parseNumber, type ThresholdKey, thresholdWarnings } from '../../lib/view/options-notifications';
import {
  type CardStatus,
  CONFIGURABLE_PROVIDERS,
  connectionStatus,
  mergeCredentials,
  permissionRefusedStatus,
  providerCards,
  withProviderEnabled,
} from '../../lib/view/options-sources';
import { WEBMAIL, WEBMAIL_IDS, type WebmailId, webmailInfo, webmailRefusedMessage } from '../../lib/view/options-webmail';
import type { OptionsDeps } from './deps';
import { useDataSection } from './use-data-section';

/** Key under which the background keeps carrier budget usage in the `kv` table (lib/carriers/budgets.ts). */
export const BUDGET_KV_KEY = 'carrierBudgets';

/** How often budget lines are recomputed (rolling windows free up with time, not only with writes). */
const TICK_MS = 15_000;

/** JSON with sorted keys, to recognise our own writes when storage reports them back. */
function stableJson(value: unknown): string {
  return JSON.stringify(value, (_k, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v) ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => (a < b ? -1 : 1))) : v,
  );
}

const errorText = (err: unknown) => (err instanceof Error ? err.message : String(err));

/** Dexie liveQuery as state: re-renders whenever the background writes. */
function useLive<T>(query: () => Promise<T>, deps: unknown[]): T | null {
  const [value, setValue] = useState<T | null>(null);
  // biome-ignore lint/correctness/useExhaustiveDependencies: the caller lists what the query depends on
  useEffect(() => {
    const sub = liveQuery(query).subscribe({ next: setValue, error: (e) => console.error('Porchlight options:', e) });
    return () => sub.unsubscribe();
  }, deps);
  return value;
}

/** The options page: loads settings and credentials, owns the page state, implements every action. */
export function OptionsApp({ deps }: { deps: OptionsDeps }) {
  // The page's words (issue #13 §2): each section gets `t` in its data.
  const { ui } = deps;
  const { t } = ui;
  const carrierSites = useMemo(() => carrierPageSiteInfo(t), [t]);
  const anySite = useMemo(() => anySiteInfo(t), [t]);
  const shopSites = useMemo(() => shopPageSiteInfo(t), [t]);
  const webmailProviders = useMemo(() => WEBMAIL_IDS.map((id) => webmailInfo(id, t)), [t]);
  const [settings, setSettingsState] = useState<Settings | null>(null);
  const [credentials, setCredentials] = useState<Record<string, Credentials>>({});
  const [loadError, setLoadError] = useState<string | null>(null);
  const [now, setNow] = useState(() => deps.now());
  const [cardStatus, setCardStatus] = useState<Record<string, CardStatus | null>>({});
  const [cardErrors, setCardErrors] = useState<Record<string, Record<string, string>>>({});
  const [cardBusy, setCardBusy] = useState<Record<string, boolean>>({});
  const [notifyError, setNotifyError] = useState<string | null>(null);
  const [thresholdErrors, setThresholdErrors] = useState<Partial<Record<ThresholdKey, string>>>({});
  const [webmailBusy, setWebmailBusy] = useState<Partial<Record<WebmailId, boolean>>>({});
  const [webmailMessages, setWebmailMessages] = useState<Partial<Record<WebmailId, string>>>({});
  const [diagMessage, setDiagMessage] = useState<string | null>(null);
  const [carrierPageBusy, setCarrierPageBusy] = useState<Record<string, boolean>>({});
  const [carrierPageMessages, setCarrierPageMessages] = useState<Record<string, string | undefined>>({});
  const [shopPageBusy, setShopPageBusy] = useState<Record<string, boolean>>({});
  const [syncStatus, setSyncStatus] = useState<SyncStatus | null>(null);
  const [syncBusy, setSyncBusy] = useState(false);
  const [shopPageMessages, setShopPageMessages] = useState<Record<string, string | undefined>>({});
  const [saveError, setSaveError] = useState<string | null>(null);
  const [listError, setListError] = useState<string | null>(null);
  const dataSection = useDataSection(deps, () => {
    void deps.loadCredentials().then((c) => {
      credsRef.current = c;
      setCredentials(c);
    });
  });

  // Actions read the latest values through refs: two quick changes must not overwrite each other.
  const settingsRef = useRef<Settings | null>(null);
  const credsRef = useRef<Record<string, Credentials>>({});
  const quietRef = useRef<{ start: string; end: string }>(DEFAULT_QUIET_HOURS);
  // Our own recent writes: storage echoes each one back, possibly after a newer change was made here.
  const ownWrites = useRef<string[]>([]);

  const setSettings = (s: Settings) => {
    settingsRef.current = s;
    if (s.notifications.quietHours) quietRef.current = s.notifications.quietHours;
    setSettingsState(s);
  };

  useEffect(() => {
    let live = true;
    Promise.all([deps.loadSettings(), deps.loadCredentials()])
      .then(([s, c]) => {
        if (!live) return;
        credsRef.current = c;
        setCredentials(c);
        setSettings(s);
      })
      .catch((err) => live && setLoadError(t('optionsLoadError', errorText(err))));
    const unwatch = deps.watchSettings?.((s) => {
      if (!ownWrites.current.includes(stableJson(s))) setSettings(s);
    });
    // The background writes what each sync run did; read it now and at each tick (one row).
    const readSync = () =>
      kv
        .get<SyncStatus>(deps.db, SYNC_STATUS_KEY)
        .then((st) => live && setSyncStatus(st ?? null))
        .catch(() => undefined);
    void readSync();
    const timer = setInterval(() => {
      setNow(deps.now());
      void readSync();
    }, TICK_MS);
    return () => {
      live = false;
      unwatch?.();
      clearInterval(timer);
    };
  }, [deps]);

  const budgetState = useLive(async () => (await kv.get<BudgetState>(deps.db, BUDGET_KV_KEY)) ?? {}, [deps]);
  const diagRecords = useLive<DiagnosticRecord[]>(() => diagnostics.recent(deps.db, 100), [deps]);

  const cards = useMemo(() => {
    if (!settings) return [];
    const budgets = Object.fromEntries(CONFIGURABLE_PROVIDERS.map((id) => [id, remaining(budgetState ?? {}, id, now)]));
    return providerCards({ credentials, disabledProviders: settings.disabledProviders, budgets, now, timeZone: deps.timeZone, ui });
  }, [settings, credentials, budgetState, now, deps.timeZone, ui]);

  const diagRows = useMemo(() => (diagRecords ? diagnosticViews(diagRecords, deps.timeZone, deps.ui) : null), [diagRecords, deps.timeZone, deps.ui]);

  /** Applies `fn` to the latest settings and stores the result. */
  async function update(fn: (s: Settings) => Settings): Promise<boolean> {
    const cur = settingsRef.current;
    if (!cur) return false;
    const next = fn(cur);
    setSettings(next);
    ownWrites.current = [...ownWrites.current.slice(-19), stableJson(next)];
    try {
      await deps.saveSettings(next);
      setSaveError(null);
      return true;
    } catch (err) {
      setSaveError(t('optionsSaveError', errorText(err)));
      return false;
    }
  }

  const setCard = (id: string, status: CardStatus | null, errors: Record<string, string> = {}) => {
    setCardStatus((m) => ({ ...m, [id]: status }));
    setCardErrors((m) => ({ ...m, [id]: errors }));
  };
  const setBusy = (id: string, busy: boolean) => setCardBusy((m) => ({ ...m, [id]: busy }));

  const sourcesActions = {
    setAmazonTracker(on: boolean) {
      void update((s) => ({ ...s, amazonTracker: on }));
    },
    setEnabled(id: string, enabled: boolean) {
      const store = () => update((s) => ({ ...s, disabledProviders: withProviderEnabled(s.disabledProviders, id, enabled) }));
      if (!isConfigurableProvider(id)) {
        void store();
        return;
      }
      const hosts = PROVIDER_INFO[id].hostPatterns;
      if (!enabled) {
        // Off gives the host back (issue #10: optional hosts are held only while the feature is on).
        void store().then(() => deps.removeOrigins(hosts).catch(() => false));
        return;
      }
      // Without credentials nothing calls the host yet: Save asks for it. With them, ask now, first
      // thing in the click (see OptionsDeps.requestOrigins).
      if (!credsRef.current[id]) {
        void store();
        return;
      }
      setBusy(id, true);
      void deps
        .requestOrigins(hosts)
        .catch(() => false)
        .then(async (granted) => {
          if (!granted) {
            setCard(id, permissionRefusedStatus(id, 'enable', t));
            return;
          }
          setCard(id, null);
          await store();
        })
        .finally(() => setBusy(id, false));
    },
    test(id: string, typed: Record<string, string>) {
      if (!isConfigurableProvider(id)) return;
      const checked = mergeCredentials(PROVIDER_INFO[id], typed, credsRef.current[id], t);
      if (!checked.ok) {
        setCard(id, { tone: 'bad', label: t('optionsSourcesNotTested'), message: t('optionsSourcesFillFirst') }, checked.errors);
        return;
      }
      setBusy(id, true);
      // The permission request comes first, straight from the click (see OptionsDeps.requestOrigins).
      deps
        .requestOrigins(PROVIDER_INFO[id].hostPatterns)
        .catch(() => false)
        .then(async (granted) => {
          if (!granted) return permissionRefusedStatus(id, 'test', t);
          return connectionStatus(await deps.testConnection(id, checked.credentials), t);
        })
        .catch((err): CardStatus => ({ tone: 'bad', label: t('optionsSourcesTestFailed'), message: errorText(err) }))
        .then((status) => {
          setCard(id, status);
          setBusy(id, false);
        });
    },
    async save(id: string, typed: Record<string, string>): Promise<boolean> {
      if (!isConfigurableProvider(id)) return false;
      const info = PROVIDER_INFO[id];
      const checked = mergeCredentials(info, typed, credsRef.current[id], t);
      if (!checked.ok) {
        setCard(id, { tone: 'bad', label: t('optionsSourcesNotSaved'), message: t('optionsSourcesFill') }, checked.errors);
        return false;
      }
      setBusy(id, true);
      try {
        const granted = await deps.requestOrigins(info.hostPatterns).catch(() => false);
        if (!granted) {
          setCard(id, permissionRefusedStatus(id, 'save', t));
          return false;
        }
        await deps.saveCredentials(id, checked.credentials);
        credsRef.current = { ...credsRef.current, [id]: checked.credentials };
        setCredentials(credsRef.current);
        setCard(id, { tone: 'good', label: t('optionsSourcesSavedLabel'), message: t('optionsSourcesSavedMessage') });
        return true;
      } catch (err) {
        setCard(id, { tone: 'bad', label: t('optionsSourcesNotSaved'), message: errorText(err) });
        return false;
      } finally {
        setBusy(id, false);
      }
    },
    remove(id: string) {
      if (!isConfigurableProvider(id)) return;
      setBusy(id, true);
      void (async () => {
        try {
          await deps.saveCredentials(id, null);
          const { [id]: _removed, ...rest } = credsRef.current;
          credsRef.current = rest;
          setCredentials(rest);
          // Give the host permission back too; failing to is harmless (nothing will call the host).
          await deps.removeOrigins(PROVIDER_INFO[id].hostPatterns).catch(() => false);
          setCard(id, { tone: 'info', label: t('optionsSourcesRemoved'), message: t('optionsSourcesRemovedMessage') });
        } catch (err) {
          setCard(id, { tone: 'bad', label: t('optionsSourcesNotRemoved'), message: errorText(err) });
        } finally {
          setBusy(id, false);
        }
      })();
    },
  };

  const webmailActions = {
    setEnabled(id: WebmailId, on: boolean) {
      const patterns = WEBMAIL[id].hostPatterns;
      setWebmailBusy((m) => ({ ...m, [id]: true }));
      setWebmailMessages((m) => ({ ...m, [id]: undefined }));
      // On: ask first, straight from the click. Off: store "off" whatever happens to the permission.
      const permission = on ? deps.requestOrigins(patterns).catch(() => false) : deps.removeOrigins(patterns).catch(() => true);
      void permission
        .then(async (granted) => {
          if (on && !granted) {
            setWebmailMessages((m) => ({ ...m, [id]: webmailRefusedMessage(id, t) }));
            return;
          }
          await update((s) => ({ ...s, webmail: { ...s.webmail, [id]: on } }));
        })
        .finally(() => setWebmailBusy((m) => ({ ...m, [id]: false })));
    },
  };

  const carrierPagesActions = {
    setEnabled(id: string, on: boolean) {
      const site = carrierSites.find((x) => x.id === id);
      if (!site) return;
      setCarrierPageBusy((m) => ({ ...m, [id]: true }));
      setCarrierPageMessages((m) => ({ ...m, [id]: undefined }));
      // On: ask first, straight from the click (issue #14). Off: store "off" whatever happens to the permission.
      const permission = on ? deps.requestOrigins(site.hostPatterns).catch(() => false) : deps.removeOrigins(site.hostPatterns).catch(() => true);
      void permission
        .then(async (granted) => {
          if (on && !granted) return setCarrierPageMessages((m) => ({ ...m, [id]: carrierPageRefusedMessage(site, t) }));
          await update((s) => ({ ...s, carrierPages: { ...s.carrierPages, [id]: on } }));
        })
        .finally(() => setCarrierPageBusy((m) => ({ ...m, [id]: false })));
    },
  };

  const shopPagesActions = {
    setEnabled(id: string, on: boolean) {
      const site = id === ANY_SITE_ID ? anySite : shopSites.find((x) => x.id === id);
      if (!site) return;
      setShopPageBusy((m) => ({ ...m, [id]: true }));
      setShopPageMessages((m) => ({ ...m, [id]: undefined }));
      // On: ask first, straight from the click (issue #15 §2). Off: store "off" whatever happens to the permission.
      const permission = on ? deps.requestOrigins(site.hostPatterns).catch(() => false) : deps.removeOrigins(site.hostPatterns).catch(() => true);
      void permission
        .then(async (granted) => {
          if (on && !granted) return setShopPageMessages((m) => ({ ...m, [id]: shopPageRefusedMessage(site, t) }));
          await update((s) => (id === ANY_SITE_ID ? { ...s, anySitePages: on } : { ...s, shopPages: { ...s.shopPages, [id]: on } }));
        })
        .finally(() => setShopPageBusy((m) => ({ ...m, [id]: false })));
    },
  };

  const diagnosticsActions = {
    copyReport() {
      const records = diagRecords ?? [];
      const text = buildBugReport({ version: deps.version, userAgent: deps.userAgent, records, now: deps.now() });
      deps
        .copyText(text)
        .then(() => setDiagMessage(plural(deps.ui, 'optionsDiagnosticsCopied', records.length)))
        .catch((err) => setDiagMessage(deps.ui.t('optionsDiagnosticsCopyFailed', errorText(err))));
    },
    clear() {
      diagnostics
        .clear(deps.db)
        .then(() => setDiagMessage(deps.ui.t('optionsDiagnosticsCleared')))
        .catch((err) => setDiagMessage(deps.ui.t('optionsDiagnosticsClearFailed', errorText(err))));
    },
  };

  if (loadError) {
    return (
      <main class="options">
        <h1>{t('optionsTitle')}</h1>
        <p class="status status--bad" role="alert">
          {loadError}
        </p>
      </main>
    );
  }
  if (!settings) {
    return (
      <main class="options" aria-busy="true">
        <h1>{t('optionsTitle')}</h1>
        <p class="hint">{t('optionsLoading')}</p>
      </main>
    );
  }

  return (
    <main class="options">
      <h1>{t('optionsTitle')}</h1>
      <nav class="toc" aria-label={t('optionsTocLabel')}>
        <a href="#sources">{t('optionsTocSources')}</a>
        <a href="#reading">{t('optionsTocReading')}</a>
        <a href="#webmail">{t('optionsTocWebmail')}</a>
        <a href="#carrier-pages">{t('optionsTocCarrierPages')}</a>
        <a href="#shop-pages">{t('optionsTocShopPages')}</a>
        <a href="#thresholds">{t('optionsTocThresholds')}</a>
        <a href="#notifications">{t('optionsTocNotifications')}</a>
        <a href="#list">{t('optionsTocList')}</a>
        <a href="#data">{t('optionsTocData')}</a>
        <a href="#sync">{t('optionsTocSync')}</a>
        <a href="#diagnostics">{t('optionsTocDiagnostics')}</a>
      </nav>
      {deps.welcome && <WelcomeSection data={{ t, ordersLinks: ordersLinks(deps.languages ?? ['en-US'], t) }} />}
      {saveError && (
        <p class="status status--bad" role="alert">
          {saveError}
        </p>
      )}
      <SourcesSection
        data={{ t, amazonTracker: settings.amazonTracker, cards, status: cardStatus, errors: cardErrors, busy: cardBusy }}
        actions={sourcesActions}
      />
      <PageReadingSection data={{ t, marketplaces: AMAZON_HOSTS }} />
      <WebmailSection
        data={{ t, providers: webmailProviders, enabled: settings.webmail, busy: webmailBusy, messages: webmailMessages }}
        actions={webmailActions}
      />
      <CarrierPagesSection
        data={{ t, sites: carrierSites, enabled: settings.carrierPages, busy: carrierPageBusy, messages: carrierPageMessages }}
        actions={carrierPagesActions}
      />
      <ShopPagesSection
        data={{
          t,
          anySite,
          sites: shopSites,
          enabled: { ...settings.shopPages, [ANY_SITE_ID]: settings.anySitePages },
          busy: shopPageBusy,
          messages: shopPageMessages,
        }}
        actions={shopPagesActions}
      />
      <AlertThresholdsSection
        data={{ t: deps.ui.t, settings: settings.alerts, errors: thresholdErrors, warnings: thresholdWarnings(deps.ui, settings.alerts) }}
        actions={{
          change(key, raw, final) {
            const r = applyThreshold(deps.ui.t, settingsRef.current?.alerts ?? settings.alerts, key, raw);
            // A valid value clears the error as it is typed; an invalid one is said when the field is left.
            if (r.ok || final) setThresholdErrors((m) => ({ ...m, [key]: r.ok ? undefined : r.error }));
            if (r.ok) void update((s) => ({ ...s, alerts: r.value }));
          },
        }}
      />
      <NotificationsSection
        data={{ t: deps.ui.t, settings: settings.notifications, error: notifyError }}
        actions={{
          change(change) {
            const r = applyNotifyChange(deps.ui.t, settingsRef.current?.notifications ?? settings.notifications, change, quietRef.current);
            if (!r.ok) {
              setNotifyError(r.error);
              return;
            }
            setNotifyError(null);
            void update((s) => ({ ...s, notifications: r.value }));
          },
        }}
      />
      <ListSection
        data={{ ui: deps.ui, historyAfterDays: settings.historyAfterDays, error: listError }}
        actions={{
          setHistoryAfterDays(raw, final) {
            const r = parseNumber(deps.ui.t, raw, 0, 60, { integer: true });
            if (r.ok || final) setListError(r.ok ? null : r.error);
            if (r.ok) void update((s) => ({ ...s, historyAfterDays: r.value }));
          },
        }}
      />
      <DataSection {...dataSection} />
      <SyncSection
        data={{ t: deps.ui.t, on: settings.sync, busy: syncBusy, status: syncStatusText(settings.sync ? syncStatus : null, settings.sync, deps.timeZone, deps.ui) }}
        actions={{
          setOn(on) {
            setSyncBusy(true);
            // A new run writes its own status; the old one says nothing about what is on now.
            setSyncStatus(null);
            void update((s) => ({ ...s, sync: on })).finally(() => setSyncBusy(false));
          },
        }}
      />
      <DiagnosticsSection data={{ t: deps.ui.t, rows: diagRows, message: diagMessage }} actions={diagnosticsActions} />
    </main>
  );
}
