import type { PorchlightDb } from '../db/database';
import { inTransaction, events as eventsRepo, orders as ordersRepo, packages as packagesRepo } from '../db/repositories';
import { mergeShipmentReading, mergeTrackResult } from '../engine/merge';
import { orderKey, packageIdFor } from '../model/keys';
import { isTerminal } from '../model/status';
import type { Order, Package } from '../model/types';
import type { IngestSummary } from '../platform/messaging';
import type { OrderReading, PageReading, ShipmentReading } from '../shops/types';
import type { PackageChange } from './changes';

export interface IngestDeps {
  now: number;
  /** Carrier id for a tracking number when the page did not name one (the tracking-number registry). */
  carrierFor?: (trackingNumber: string) => string | null;
  /** Marketplace time zone for reading local times on the page. */
  timeZone?: string | null;
  /** The scheduler, for packages that arrive already finished (a delivered order seen for the first time). */
  nextCheckAt?: (pkg: Package, now: number) => number | null;
}

function mergeOrder(existing: Order | undefined, r: OrderReading, reading: PageReading, now: number): Order {
  const key = orderKey(reading.shop, r.orderId);
  return {
    key,
    shop: reading.shop,
    orderId: r.orderId,
    placedAt: r.placedAt ?? existing?.placedAt ?? null,
    items: r.items.length > 0 ? r.items : (existing?.items ?? []),
    total: r.total ?? existing?.total ?? null,
    // A later page that does not know the status ("unknown") does not erase what an earlier one said.
    status: r.status === 'unknown' && existing ? existing.status : r.status,
    kind: r.kind === 'unknown' && existing ? existing.kind : r.kind,
    pageUrl: reading.url,
    orderUrl: r.orderUrl ?? existing?.orderUrl ?? null,
    firstSeenAt: existing?.firstSeenAt ?? now,
    updatedAt: now,
  };
}

/** Links on a page may be relative; the background fetches them later, so keep them absolute. */
function absoluteUrl(href: string | null, base: string): string | null {
  if (!href) return null;
  try {
    return new URL(href, base).href;
  } catch {
    return null;
  }
}

/** Orders that never make a parcel (digital, eGift, bought in a store). */
function shipsNothing(r: OrderReading): boolean {
  return r.kind === 'digital' || r.kind === 'gift_card' || r.kind === 'in_store';
}

async function findPackage(
  db: PorchlightDb,
  shop: string,
  orderId: string,
  s: ShipmentReading,
  trackingNumber: string | null,
  shipmentCount: number,
): Promise<Package | undefined> {
  if (trackingNumber) {
    const byNumber = await packagesRepo.byTrackingNumber(db, trackingNumber);
    if (byNumber[0]) return byNumber[0];
  }
  const ofOrder = await packagesRepo.byOrder(db, shop, orderId);
  if (s.shipmentId) {
    const same = ofOrder.find((p) => p.shipmentId === s.shipmentId);
    if (same) return same;
  }
  // The track-package page knows the shipment but an order card may not (and vice versa): with one
  // shipment in the order, the order's only package is this one.
  if (shipmentCount === 1 && ofOrder.length === 1) {
    const only = ofOrder[0]!;
    if (!s.shipmentId || !only.shipmentId) return only;
  }
  return undefined;
}

/**
 * Stores what a shop page said: orders, one package per shipment, and timeline events from
 * track-package pages. One transaction, so a page is stored whole or not at all. Idempotent.
 */
export async function ingestPageReading(
  db: PorchlightDb,
  reading: PageReading,
  deps: IngestDeps,
): Promise<{ summary: IngestSummary; changes: PackageChange[] }> {
  const { now } = deps;
  const summary: IngestSummary = { orders: 0, packages: 0, newPackages: 0, changed: 0 };
  const changes: PackageChange[] = [];

  await inTransaction(db, async () => {
    for (const r of reading.orders) {
      const key = orderKey(reading.shop, r.orderId);
      const order = mergeOrder(await ordersRepo.get(db, key), r, reading, now);
      await ordersRepo.put(db, order);
      summary.orders++;
      if (shipsNothing(r)) continue;

      for (const s of r.shipments) {
        const trackingNumber = s.trackingNumber ? s.trackingNumber.replace(/[\s-]+/g, '').toUpperCase() : null;
        const carrier = s.carrier ?? (trackingNumber ? (deps.carrierFor?.(trackingNumber) ?? null) : null);
        const existing = await findPackage(db, reading.shop, r.orderId, s, trackingNumber, r.shipments.length);
        const items = s.items.length > 0 ? s.items : r.items;
        const base: Partial<Package> = {
          id: existing?.id ?? packageIdFor({ shop: reading.shop, orderId: r.orderId, shipmentId: s.shipmentId }),
          shop: reading.shop,
          orderId: r.orderId,
          orderKey: key,
          shipmentId: s.shipmentId ?? existing?.shipmentId ?? null,
          label: existing?.label ?? items[0]?.title ?? null,
          trackUrl: absoluteUrl(s.trackUrl, reading.url) ?? existing?.trackUrl ?? null,
          // The number and carrier are learned once (track page, e-mail) and kept.
          trackingNumber: trackingNumber ?? existing?.trackingNumber ?? null,
          carrier: carrier ?? existing?.carrier ?? null,
        };
        const merged = mergeShipmentReading(
          existing ?? null,
          {
            status: order.status === 'cancelled' ? 'cancelled' : s.status,
            statusText: s.statusText,
            eta: s.eta,
            deliveredAt: s.deliveredAt,
            trackingNumber: base.trackingNumber ?? null,
            carrier: base.carrier ?? null,
            trackUrl: base.trackUrl ?? null,
          },
          base,
          now,
        );
        let pkg = merged.pkg;
        let newEvents: PackageChange['newEvents'] = [];
        let statusChanged = merged.statusChanged;
        if (s.events && s.events.length > 0) {
          const known = existing ? await eventsRepo.forPackage(db, pkg.id) : [];
          const m = mergeTrackResult(
            pkg,
            known,
            {
              trackingNumber: pkg.trackingNumber ?? pkg.id,
              status: null,
              eta: null,
              events: s.events.map((e) => ({ ...e, code: null })),
            },
            `page:${reading.shop}`,
            now,
            deps.timeZone,
          );
          pkg = m.pkg;
          newEvents = m.newEvents;
          statusChanged ||= m.statusChanged;
          if (newEvents.length) await eventsRepo.putAll(db, newEvents);
        }
        if (!existing) {
          summary.newPackages++;
          // A new package still on its way gets its first refresh now; one that is already delivered,
          // returned or cancelled is left to the scheduler (usually: never).
          const first = isTerminal(pkg.status) ? (deps.nextCheckAt?.({ ...pkg, lastCheckAt: now }, now) ?? null) : now;
          pkg = { ...pkg, nextCheckAt: first };
        }
        await packagesRepo.put(db, pkg);
        summary.packages++;
        if (statusChanged || !existing || newEvents.length) {
          if (statusChanged) summary.changed++;
          changes.push({
            pkg,
            previousStatus: existing ? merged.previousStatus : null,
            newEvents,
            isNew: !existing,
            order,
          });
        }
      }
    }
  });
  return { summary, changes };
}
