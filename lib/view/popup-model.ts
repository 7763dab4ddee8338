import { ROWS_PER_PAGE } from './rows-per-page';
import { carrierName } from './carrier-name';
import { sourceName, trackErrorText } from './track-error-text';
import { getCarrier } from '../carriers/registry';
import { lookupFor } from '../engine/plan';
import { AMAZON_BLOCKED_MESSAGES, AMAZON_TRACKER } from '../model/sources';
import { isTerminal, STATUS_PROGRESS, type Status } from '../model/status';
import type { PlanProvider } from '../engine/plan';
import { DEFAULT_HISTORY_AFTER_DAYS } from '../settings';
import type { ProviderHold } from '../db/holds';
import type { Alert, Order, Package } from '../model/types';
import { type MessageKey, plural, type UiText } from '../i18n/translate';
import { formatDate } from './date-format';
import { type AttentionLine, cardText, type Headline } from './headline';

/**
 * The popup's view model, pure: packages grouped and sorted by what needs attention
 * (darkreader-style: the UI renders data, actions come separately). What each card says comes from
 * one function (headline.ts); a source that is blocked for all its packages (Amazon asks the shopper
 * to sign in) is one banner, not a line on every card (issue #19 §11).
 */
export type GroupId = 'attention' | 'today' | 'pickup' | 'on_the_way' | 'ordered' | 'delivered' | 'closed' | 'history' | 'archived';

/** Which list the popup shows: the current parcels, History (finished a while ago) or Archived. */
export type PopupView = 'list' | 'history' | 'archived';

const GROUP_TITLES: Record<GroupId, MessageKey> = {
  attention: 'groupAttention',
  today: 'groupToday',
  pickup: 'groupPickup',
  on_the_way: 'groupOnTheWay',
  ordered: 'groupOrdered',
  delivered: 'groupDelivered',
  closed: 'groupClosed',
  history: 'groupHistory',
  archived: 'groupArchived',
};

/** A status as the popup, the claim kit and the calendar export name it, in the shopper's language. */
export const STATUS_MESSAGE: Readonly<Record<Status, MessageKey>> = {
  pending: 'statusPending',
  info_received: 'statusInfoReceived',
  in_transit: 'statusInTransit',
  out_for_delivery: 'statusOutForDelivery',
  available_for_pickup: 'statusAvailableForPickup',
  attempt_failed: 'statusAttemptFailed',
  delivered: 'statusDelivered',
  exception: 'statusException',
  returned: 'statusReturned',
  cancelled: 'statusCancelled',
  expired: 'statusExpired',
};


const GROUP_ORDER: GroupId[] = ['attention', 'today', 'pickup', 'on_the_way', 'ordered', 'delivered', 'closed', 'history', 'archived'];

/** Which sources can refresh what (from the background), for "nobody can refresh this" (issue #11 §4). */
export interface SourceStatus {
  /** As the scheduler sees them: lookupFor(pkg, providers) null means nobody can refresh the package. */
  providers: PlanProvider[];
  /** Carrier APIs the shopper could switch on with a free key. */
  needsKey: { id: string; carriers: string[] }[];
}

/** A way to fix a parcel nobody can refresh (issue #11 §4). */
export interface SourceFix {
  kind: 'add_key' | 'carrier_page' | 'shop_page';
  label: string;
}

export interface PackageView {
  id: string;
  /** The name the shopper recognises: their label, else the first item, else the number. */
  title: string;
  /** "Amazon · UPS": where it comes from and who carries it. */
  meta: string;
  /** "2 h ago": age of the newest event (or of the last check when there is none). */
  age: string | null;
  status: Status;
  headline: Headline;
  attention: AttentionLine | null;
  progress: number;
  trackingNumber: string | null;
  carrier: string | null;
  /** A refresh problem of this package alone (a blocked source is a banner instead). */
  error: string | null;
  /** Nobody can refresh it: what the shopper can do (issue #11 §4). Null when a source can. */
  noSource: { text: string; fixes: SourceFix[] } | null;
  muted: boolean;
  archived: boolean;
  shopUrl: string | null;
  /** The list it lives in when not searched. */
  home: PopupView;
  /** In search results: "History" or "Archived" for a row that lives there; null otherwise. */
  elsewhere: string | null;
}

export interface PopupGroup {
  id: GroupId;
  title: string;
  /** The rows shown: the first ones of the group when the list is paged (buildPopupModel pages). */
  packages: PackageView[];
  /** How many packages the group has, shown or not. */
  total: number;
  /** How many rows "Show more" adds (0: every row is shown). */
  more: number;
}

/** A source blocked for every package it serves, shown once above the list. */
export interface Banner {
  id: string;
  text: string;
  /** How many packages wait for it. */
  count: number;
  /** The link that fixes it (Amazon's sign-in page), when there is one. */
  fix: { label: string; url: string } | null;
}

/**
 * The group a card sits in follows what the card says: a notice to attend to, or a problem the card
 * itself shows (a parcel marked not received stays there after its notice is dismissed).
 */
function groupOf(p: Package, attention: AttentionLine | null, headline: Headline, arrivingToday: boolean): GroupId {
  if (attention || (headline.tone === 'problem' && p.status === 'delivered')) return 'attention';
  if (p.status === 'cancelled' || p.status === 'returned' || p.status === 'expired') return 'closed';
  if (p.status === 'delivered') return 'delivered';
  if (p.status === 'available_for_pickup') return 'pickup';
  if (p.status === 'out_for_delivery') return 'today';
  if (p.status === 'in_transit' && arrivingToday) return 'today';
  if (p.status === 'pending' || p.status === 'info_received') return 'ordered';
  return 'on_the_way';
}

export interface PopupModel {
  view: PopupView;
  groups: PopupGroup[];
  banners: Banner[];
  /** Packages in each list (unfiltered), for the view switcher. */
  counts: Record<PopupView, number>;
  /** Rows shown (after the search). */
  shown: number;
  /** The search matched nothing (the box has text). */
  noMatch: boolean;
}

/** Where a finished parcel's end is dated: delivery time, else when its status began, else its last change. */
function finishedAt(p: Package): number {
  if (p.deliveredAt) {
    const t = Date.parse(p.deliveredAt.length <= 10 ? `${p.deliveredAt}T12:00:00Z` : p.deliveredAt);
    if (Number.isFinite(t)) return t;
  }
  return p.statusSince ?? p.lastChangeAt;
}

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** "just now", "5 min ago", "3 h ago", "2 days ago", "Nov 3" (older than a week). */
export function ageText(ui: UiText, at: number, now: number, timeZone: string): string {
  const d = Math.max(0, now - at);
  if (d < MINUTE) return ui.t('ageJustNow');
  if (d < HOUR) return ui.t('ageMinutes', Math.floor(d / MINUTE));
  if (d < DAY) return ui.t('ageHours', Math.floor(d / HOUR));
  if (d < 7 * DAY) return plural(ui, 'ageDays', Math.floor(d / DAY));
  const sameYear = new Date(at).getUTCFullYear() === new Date(now).getUTCFullYear();
  return formatDate(ui.locale, at, sameYear ? { month: 'short', day: 'numeric', timeZone } : { month: 'short', day: 'numeric', year: 'numeric', timeZone });
}

/** What the providers list says about a package nobody can refresh, and the fixes (issue #11 §4). */
function noSourceOf(ui: UiText, p: Package, carrierName: string | null, sources: SourceStatus | null | undefined): PackageView['noSource'] {
  const { t } = ui;
  if (!sources || p.archived || isTerminal(p.status)) return null;
  if (lookupFor(p, sources.providers)) return null;
  const fixes: SourceFix[] = [];
  if (p.trackingNumber && p.carrier) {
    const keyed = sources.needsKey.find((k) => k.carriers.includes(p.carrier!));
    if (keyed) fixes.push({ kind: 'add_key', label: t('sourceAddKey', carrierName ?? keyed.id) });
    else fixes.push({ kind: 'add_key', label: t('sourceAddAggregatorKey') });
    if (getCarrier(p.carrier)?.trackingUrl) fixes.push({ kind: 'carrier_page', label: carrierName ? t('sourceOpenCarrierPage', carrierName) : t('sourceOpenTheCarrierPage') });
    const text = keyed
      ? carrierName ? t('sourceNeedsKey', carrierName) : t('sourceNeedsKeyUnknown')
      : carrierName ? t('sourceNone', carrierName) : t('sourceNoneUnknown');
    return { text, fixes };
  }
  if (p.shop && (p.trackUrl || p.orderId)) {
    const shop = capitalise(p.shop);
    return { text: t('sourceShop', shop), fixes: [{ kind: 'shop_page', label: t('sourceOpenOrder', shop) }] };
  }
  return null;
}

/**
 * A hold's banner in the shopper's language, as a failed refresh says it (lib/view/track-error-text.ts:
 * Amazon's sign-in and robot check, our budget, a provider asking to wait), naming the provider as the
 * shopper knows it; the stored message is the English the logs keep (review of issue #13).
 */
function holdText(ui: UiText, provider: string, hold: ProviderHold): string {
  return trackErrorText(ui, sourceName(provider, ui), { kind: hold.reason, message: hold.message, budget: hold.budget });
}

function ordersPage(url: string | null): string {
  let origin = 'https://www.amazon.com';
  try {
    if (url) origin = new URL(url).origin;
  } catch {
    // keep amazon.com
  }
  return `${origin}/gp/css/order-history`;
}

function capitalise(s: string): string {
  return s ? s[0]!.toUpperCase() + s.slice(1) : s;
}

/** The text a search matches: names, items, shop, carrier, every number, order id, status and headline. */
function haystack(ui: UiText, p: Package, order: Order | undefined, carrier: string | null, view: { title: string; headline: Headline }): string {
  return [
    view.title,
    p.label,
    ...(order?.items.map((i) => i.title) ?? []),
    ...(order?.items.map((i) => i.seller) ?? []),
    p.shop,
    carrier,
    p.carrier,
    p.orderId,
    p.orderId?.replace(/-/g, ''),
    ...p.numbers.map((n) => n.number),
    p.trackingNumber,
    ui.t(STATUS_MESSAGE[p.status]),
    view.headline.label,
    view.headline.line,
  ]
    .filter(Boolean)
    .join('\n')
    .toLowerCase();
}

/** A parsed search: every word must match, or any of the numbers it holds (issue #11 §1). */
export interface PopupQuery {
  words: readonly string[];
  numbers: readonly string[];
}

function matches(hay: string, numbers: readonly string[], q: PopupQuery): boolean {
  if (q.numbers.length > 0) return q.numbers.some((n) => numbers.includes(n)) || (q.words.length > 0 && q.words.every((w) => hay.includes(w)));
  return q.words.every((w) => hay.includes(w));
}

export function buildPopupModel(input: {
  packages: Package[];
  /** The words and the locale (issue #13 §2). */
  ui: UiText;
  orders: Order[];
  alerts: Alert[];
  now: number;
  timeZone: string;
  holds?: Readonly<Record<string, ProviderHold>>;
  view?: PopupView;
  query?: PopupQuery | null;
  /** Delivered (or cancelled, returned) parcels move to History after this many days (setting, default 3). */
  historyAfterDays?: number;
  sources?: SourceStatus | null;
  /** Every package whatever list it lives in, History and Archived under their own headings (one package's view). */
  everywhere?: boolean;
  /**
   * The list paged (issue #13 §4): each group shows `pages[group]` pages of ROWS_PER_PAGE rows (1
   * when absent), so 1,000 parcels are neither 1,000 rows at first paint nor 1,000 rows built and
   * sent to the popup. Without it, every row.
   */
  pages?: Readonly<Partial<Record<GroupId, number>>> | null;
}): PopupModel {
  const { now, timeZone, ui } = input;
  const view = input.view ?? 'list';
  const query = input.query && (input.query.words.length || input.query.numbers.length) ? input.query : null;
  const historyAfter = (input.historyAfterDays ?? DEFAULT_HISTORY_AFTER_DAYS) * DAY;
  const ordersByKey = new Map(input.orders.map((o) => [o.key, o]));
  const alertsByPkg = new Map<string, Alert[]>();
  for (const a of input.alerts) {
    if (a.endedAt) continue;
    const list = alertsByPkg.get(a.packageId) ?? [];
    list.push(a);
    alertsByPkg.set(a.packageId, list);
  }
  const holdMessages = new Map<string, { id: string; hold: ProviderHold; count: number; url: string | null }>();
  for (const [id, h] of Object.entries(input.holds ?? {})) if (h.until > now) holdMessages.set(h.message, { id, hold: h, count: 0, url: null });

  const counts: Record<PopupView, number> = { list: 0, history: 0, archived: 0 };
  // A row is made only when it is shown: at 1,000 parcels a paged list makes 25 per group (issue #13 §4).
  const groups = new Map<GroupId, { make: () => PackageView; sort: number }[]>();
  let shown = 0;
  for (const p of input.packages) {
    const situations = alertsByPkg.get(p.id) ?? [];
    const order = p.orderKey ? ordersByKey.get(p.orderKey) : undefined;
    const { headline, attention, arrivingToday } = cardText({ pkg: p, situations, now, timeZone, ui });
    let group = groupOf(p, attention, headline, arrivingToday);
    const finished = group === 'delivered' || group === 'closed';
    const home: PopupView = p.archived ? 'archived' : finished && now - finishedAt(p) > historyAfter ? 'history' : 'list';
    counts[home]++;
    const held = p.lastError ? holdMessages.get(p.lastError.message) : undefined;
    if (held && home === 'list') {
      held.count++;
      held.url ??= p.trackUrl ?? order?.orderUrl ?? null;
    }
    const carrier = p.carrier ? carrierName(p.carrier, ui.t) : null;
    const title = p.label ?? order?.items[0]?.title ?? p.trackingNumber ?? p.id;
    if (query || input.everywhere) {
      if (query && !matches(haystack(ui, p, order, carrier, { title, headline }), [p.trackingNumber, ...p.numbers.map((n) => n.number)].filter((n): n is string => n !== null), query)) continue;
      // Search looks everywhere; a History or Archived match is shown under its own heading.
      if (home !== 'list') group = home;
    } else if (home !== view) continue;
    else if (view !== 'list') group = view;
    const lastAt = p.timeline.last?.at ?? null;
    const shopName = p.shop ? capitalise(p.shop) : null;
    const make = (): PackageView => ({
      id: p.id,
      title,
      meta: [shopName, carrier ?? (p.trackingNumber ? ui.t('listCarrierUnknown') : null)].filter(Boolean).join(' · '),
      age: lastAt !== null ? ageText(ui, lastAt, now, timeZone) : null,
      status: p.status,
      headline,
      attention,
      progress: STATUS_PROGRESS[p.status],
      trackingNumber: p.trackingNumber,
      carrier,
      error: p.lastError && !held ? trackErrorText(ui, sourceName(p.lastError.provider ?? p.carrier, ui), p.lastError) : null,
      noSource: noSourceOf(ui, p, carrier, input.sources),
      muted: p.muted,
      archived: p.archived,
      shopUrl: p.trackUrl ?? order?.orderUrl ?? null,
      home,
      elsewhere: query && home !== 'list' ? ui.t(GROUP_TITLES[home === 'history' ? 'history' : 'archived']) : null,
    });
    // Within a group: soonest ETA first, then most recently changed; finished ones newest first.
    const sort =
      group === 'delivered' || group === 'closed' || group === 'history' || group === 'archived'
        ? -finishedAt(p)
        : p.eta
          ? Date.parse(`${p.eta.to.slice(0, 10)}T00:00:00Z`)
          : Number.MAX_SAFE_INTEGER - p.lastChangeAt;
    const list = groups.get(group) ?? [];
    list.push({ make, sort });
    groups.set(group, list);
    shown++;
  }
  const banners: Banner[] = [];
  for (const [message, b] of holdMessages) {
    if (b.count > 0) {
      banners.push({
        id: b.id,
        text: plural(ui, 'bannerWaiting', b.count, holdText(ui, b.id, b.hold)),
        count: b.count,
        // Signing in (or answering the robot check) on the orders page of the waiting parcels'
        // marketplace both fixes it and refreshes them.
        fix:
          b.id === AMAZON_TRACKER
            ? { label: message === AMAZON_BLOCKED_MESSAGES['robot-check'] ? ui.t('bannerOpenAmazon') : ui.t('bannerOpenAmazonSignIn'), url: ordersPage(b.url) }
            : null,
      });
    }
  }
  return {
    view,
    banners,
    counts,
    shown,
    noMatch: query !== null && shown === 0,
    groups: GROUP_ORDER.filter((g) => groups.has(g)).map((g) => {
      const all = groups.get(g)!.sort((a, b) => a.sort - b.sort);
      const rows = input.pages ? Math.max(1, input.pages[g] ?? 1) * ROWS_PER_PAGE : all.length;
      return {
        id: g,
        title: ui.t(GROUP_TITLES[g]),
        total: all.length,
        more: Math.min(ROWS_PER_PAGE, Math.max(0, all.length - rows)),
        packages: all.slice(0, rows).map((x) => x.make()),
      };
    }),
  };
}
