import { getCarrier } from '../carriers/registry';
import { STATUS_PROGRESS, type Status } from '../model/status';
import type { ProviderHold } from '../db/holds';
import type { Alert, Order, Package } from '../model/types';
import { type AttentionLine, cardText, type Headline } from './headline';

/**
 * The popup's view model, pure: packages grouped and sorted by what needs attention
 * (darkreader-style: the UI renders data, actions come separately). What each card says comes from
 * one function (headline.ts); a source that is blocked for all its packages (Amazon asks the shopper
 * to sign in) is one banner, not a line on every card (issue #19 §11).
 */
export type GroupId = 'attention' | 'today' | 'pickup' | 'on_the_way' | 'ordered' | 'delivered' | 'closed';

export const GROUP_TITLES: Record<GroupId, string> = {
  attention: 'Needs attention',
  today: 'Arriving today',
  pickup: 'Ready for pickup',
  on_the_way: 'On the way',
  ordered: 'Ordered',
  delivered: 'Delivered',
  closed: 'Cancelled and returned',
};

const GROUP_ORDER: GroupId[] = ['attention', 'today', 'pickup', 'on_the_way', 'ordered', 'delivered', 'closed'];

export interface PackageView {
  id: string;
  title: string;
  subtitle: string;
  status: Status;
  headline: Headline;
  attention: AttentionLine | null;
  progress: number;
  trackingNumber: string | null;
  carrier: string | null;
  /** A refresh problem of this package alone (a blocked source is a banner instead). */
  error: string | null;
  muted: boolean;
  archived: boolean;
  shopUrl: string | null;
}

export interface PopupGroup {
  id: GroupId;
  title: string;
  packages: PackageView[];
}

/** A source blocked for every package it serves, shown once above the list. */
export interface Banner {
  id: string;
  text: string;
  /** How many packages wait for it. */
  count: number;
}

/**
 * The group a card sits in follows what the card says: a notice to attend to, or a problem the card
 * itself shows (a parcel marked not received stays there after its notice is dismissed).
 */
function groupOf(p: Package, attention: AttentionLine | null, headline: Headline): GroupId {
  if (attention || (headline.tone === 'problem' && p.status === 'delivered')) return 'attention';
  if (p.status === 'cancelled' || p.status === 'returned' || p.status === 'expired') return 'closed';
  if (p.status === 'delivered') return 'delivered';
  if (p.status === 'available_for_pickup') return 'pickup';
  if (p.status === 'out_for_delivery') return 'today';
  if (p.status === 'in_transit' && headline.line.startsWith('Arriving today')) return 'today';
  if (p.status === 'pending' || p.status === 'info_received') return 'ordered';
  return 'on_the_way';
}

export interface PopupModel {
  groups: PopupGroup[];
  banners: Banner[];
}

export function buildPopupModel(input: {
  packages: Package[];
  orders: Order[];
  alerts: Alert[];
  now: number;
  timeZone: string;
  holds?: Readonly<Record<string, ProviderHold>>;
  showArchived?: boolean;
}): PopupModel {
  const { now, timeZone } = input;
  const ordersByKey = new Map(input.orders.map((o) => [o.key, o]));
  const alertsByPkg = new Map<string, Alert[]>();
  for (const a of input.alerts) {
    if (a.endedAt) continue;
    const list = alertsByPkg.get(a.packageId) ?? [];
    list.push(a);
    alertsByPkg.set(a.packageId, list);
  }
  const holdMessages = new Map<string, { id: string; count: number }>();
  for (const [id, h] of Object.entries(input.holds ?? {})) if (h.until > now) holdMessages.set(h.message, { id, count: 0 });

  const groups = new Map<GroupId, { view: PackageView; sort: number }[]>();
  for (const p of input.packages) {
    if (p.archived && !input.showArchived) continue;
    const situations = alertsByPkg.get(p.id) ?? [];
    const order = p.orderKey ? ordersByKey.get(p.orderKey) : undefined;
    const { headline, attention } = cardText({ pkg: p, situations, now, timeZone });
    const group = groupOf(p, attention, headline);
    const shopName = p.shop ? p.shop[0]!.toUpperCase() + p.shop.slice(1) : null;
    const held = p.lastError ? holdMessages.get(p.lastError.message) : undefined;
    if (held) held.count++;
    const carrier = p.carrier ? (getCarrier(p.carrier)?.name ?? null) : null;
    const view: PackageView = {
      id: p.id,
      title: p.label ?? order?.items[0]?.title ?? p.trackingNumber ?? p.id,
      subtitle: [shopName && p.orderId ? `${shopName} order ${p.orderId}` : null, p.trackingNumber ? [carrier, p.trackingNumber].filter(Boolean).join(' ') : null]
        .filter(Boolean)
        .join(' · '),
      status: p.status,
      headline,
      attention,
      progress: STATUS_PROGRESS[p.status],
      trackingNumber: p.trackingNumber,
      carrier,
      error: p.lastError && !held ? p.lastError.message : null,
      muted: p.muted,
      archived: p.archived,
      shopUrl: p.trackUrl ?? order?.orderUrl ?? null,
    };
    // Within a group: soonest ETA first, then most recently changed; finished ones newest first.
    const finished = group === 'delivered' || group === 'closed';
    const sort = finished
      ? -(p.deliveredAt ? Date.parse(p.deliveredAt.length <= 10 ? `${p.deliveredAt}T12:00:00Z` : p.deliveredAt) : (p.statusSince ?? p.lastChangeAt))
      : p.eta
        ? Date.parse(`${p.eta.to.slice(0, 10)}T00:00:00Z`)
        : Number.MAX_SAFE_INTEGER - p.lastChangeAt;
    const list = groups.get(group) ?? [];
    list.push({ view, sort });
    groups.set(group, list);
  }
  const banners: Banner[] = [];
  for (const [message, b] of holdMessages) {
    if (b.count > 0) banners.push({ id: b.id, text: `${message} (${b.count} package${b.count === 1 ? '' : 's'} waiting)`, count: b.count });
  }
  return {
    banners,
    groups: GROUP_ORDER.filter((g) => groups.has(g)).map((g) => ({
      id: g,
      title: GROUP_TITLES[g],
      packages: groups
        .get(g)!
        .sort((a, b) => a.sort - b.sort)
        .map((x) => x.view),
    })),
  };
}
