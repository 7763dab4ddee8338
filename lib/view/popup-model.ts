import { STATUS_LABEL, STATUS_PROGRESS, type Status } from '../model/status';
import { addDays, zonedDate } from '../model/time';
import type { Alert, Eta, Order, Package } from '../model/types';

/**
 * The popup's view model, pure: packages grouped and sorted by what needs attention
 * (darkreader-style: the UI renders data, actions come separately).
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
  statusLabel: string;
  statusText: string | null;
  progress: number;
  etaLabel: string | null;
  /** The ETA slipped: the first promised date, shown struck through. */
  originalEtaLabel: string | null;
  lastEventText: string | null;
  trackingNumber: string | null;
  carrier: string | null;
  alerts: { kind: string; title: string; severity: string }[];
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

function dayLabel(date: string, today: string): string {
  if (date === today) return 'today';
  if (date === addDays(today, 1)) return 'tomorrow';
  if (date === addDays(today, -1)) return 'yesterday';
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d)).toLocaleDateString('en-US', {
    weekday: 'short',
    month: 'short',
    day: 'numeric',
    timeZone: 'UTC',
  });
}

export function etaLabel(eta: Eta | null, now: number, timeZone: string): string | null {
  if (!eta) return null;
  const today = zonedDate(now, timeZone);
  const from = eta.from.slice(0, 10);
  const to = eta.to.slice(0, 10);
  return from === to ? dayLabel(to, today) : `${dayLabel(from, today)} – ${dayLabel(to, today)}`;
}

const ATTENTION_ALERTS = new Set(['delayed', 'stalled', 'suspected_lost', 'exception', 'attempt_failed', 'eta_moved']);

function groupOf(p: Package, alerts: Alert[], now: number, timeZone: string): GroupId {
  if (p.status === 'cancelled' || p.status === 'returned' || p.status === 'expired') return 'closed';
  if (p.status === 'delivered') return 'delivered';
  if (p.status === 'exception' || p.status === 'attempt_failed') return 'attention';
  if (alerts.some((a) => !a.dismissed && ATTENTION_ALERTS.has(a.kind))) return 'attention';
  if (p.status === 'available_for_pickup') return 'pickup';
  if (p.status === 'out_for_delivery') return 'today';
  if (p.eta && p.eta.to.slice(0, 10) === zonedDate(now, timeZone)) return 'today';
  if (p.status === 'pending') return 'ordered';
  return 'on_the_way';
}

export function buildPopupModel(input: {
  packages: Package[];
  orders: Order[];
  alerts: Alert[];
  now: number;
  timeZone: string;
  showArchived?: boolean;
}): PopupGroup[] {
  const { now, timeZone } = input;
  const ordersByKey = new Map(input.orders.map((o) => [o.key, o]));
  const alertsByPkg = new Map<string, Alert[]>();
  for (const a of input.alerts) {
    const list = alertsByPkg.get(a.packageId) ?? [];
    list.push(a);
    alertsByPkg.set(a.packageId, list);
  }
  const groups = new Map<GroupId, { view: PackageView; sort: number }[]>();
  for (const p of input.packages) {
    if (p.archived && !input.showArchived) continue;
    const alerts = (alertsByPkg.get(p.id) ?? []).filter((a) => !a.dismissed);
    const order = p.orderKey ? ordersByKey.get(p.orderKey) : undefined;
    const group = groupOf(p, alerts, now, timeZone);
    const firstEta = p.etaHistory[0]?.eta ?? null;
    const slipped = firstEta && p.eta && firstEta.to < p.eta.to;
    const shopName = p.shop ? p.shop[0]!.toUpperCase() + p.shop.slice(1) : null;
    const view: PackageView = {
      id: p.id,
      title: p.label ?? order?.items[0]?.title ?? p.trackingNumber ?? p.id,
      subtitle: [shopName && p.orderId ? `${shopName} order ${p.orderId}` : null, p.trackingNumber]
        .filter(Boolean)
        .join(' · '),
      status: p.status,
      statusLabel: STATUS_LABEL[p.status],
      statusText: p.statusText,
      progress: STATUS_PROGRESS[p.status],
      etaLabel: p.status === 'delivered' ? null : etaLabel(p.eta, now, timeZone),
      originalEtaLabel: slipped ? etaLabel(firstEta, now, timeZone) : null,
      lastEventText: p.lastEvent
        ? [p.lastEvent.description, p.lastEvent.location].filter(Boolean).join(' — ')
        : null,
      trackingNumber: p.trackingNumber,
      carrier: p.carrier,
      alerts: alerts.map((a) => ({ kind: a.kind, title: a.title, severity: a.severity })),
      error: p.lastError?.message ?? null,
      muted: p.muted,
      archived: p.archived,
      shopUrl: p.trackUrl ?? order?.orderUrl ?? null,
    };
    // Within a group: soonest ETA first, then most recently changed.
    const sort = p.eta ? Date.parse(`${p.eta.to.slice(0, 10)}T00:00:00Z`) : Number.MAX_SAFE_INTEGER - p.lastChangeAt;
    const list = groups.get(group) ?? [];
    list.push({ view, sort });
    groups.set(group, list);
  }
  return GROUP_ORDER.filter((g) => groups.has(g)).map((g) => ({
    id: g,
    title: GROUP_TITLES[g],
    packages: groups
      .get(g)!
      .sort((a, b) => a.sort - b.sort)
      .map((x) => x.view),
  }));
}
