import type { PorchlightDb } from '../db/database';
import { events as eventsRepo, inTransaction, orders as ordersRepo, packages as packagesRepo } from '../db/repositories';
import { blankPackage, mergeObservation, normNumber, numberKeysOf, withNumbers } from '../engine/merge';
import type { Observation } from '../engine/observation';
import { orderKey, packageIdFor } from '../model/keys';
import { isTerminal } from '../model/status';
import type { Order, Package } from '../model/types';
import type { IngestSummary } from '../platform/messaging';
import type { Diagnostic, OrderReading, PageReading, ShipmentReading } from '../shops/types';
import { shopLink, trackLink, type UrlCheck, urlRefusedDiagnostic } from '../url-policy';
import type { PackageChange } from './changes';

export interface IngestDeps {
  now: number;
  /** The shopper's zone: local times without a place of their own, and "today". */
  shopperZone: string;
  /** Carrier id for a tracking number when the page did not name one (the tracking-number registry). */
  carrierFor?: (trackingNumber: string) => string | null;
  /** The scheduler, for packages that arrive already finished (a delivered order seen for the first time). */
  nextCheckAt?: (pkg: Package, now: number) => number | null;
}

function mergeOrder(existing: Order | undefined, r: OrderReading, reading: PageReading, now: number, orderUrl: string | null): Order {
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
    orderUrl: orderUrl ?? existing?.orderUrl ?? null,
    firstSeenAt: existing?.firstSeenAt ?? now,
    updatedAt: now,
  };
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
    const byNumber = await packagesRepo.byNumber(db, trackingNumber);
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
 * A shop page's shipment as an observation made when the page was read (issue #14's rule for any
 * visited page: its read time is its observation time). An order the shop cancelled cancels its
 * shipments: the shop knows best, and the merge lets "Cancelled" win over anything not yet delivered.
 */
export function observationFromShipment(shop: string, s: ShipmentReading, order: Pick<Order, 'status'>, readAt: number): Observation {
  return {
    source: `page:${shop}`,
    observedAt: readAt,
    // A page observation belongs to the shipment, not to a number it may or may not show.
    trackingNumber: null,
    status: order.status === 'cancelled' ? 'cancelled' : s.status,
    statusText: s.statusText,
    eta: s.eta,
    deliveredAt: s.deliveredAt,
    pickup: null,
    events: (s.events ?? []).map((e) => ({ ...e, code: null, timeZone: e.timeZone ?? null })),
  };
}

/**
 * Stores what a shop page said: orders, one package per shipment, and timeline events from
 * track-package pages, through the one merge. One short transaction, so a page is stored whole or
 * not at all, and never waits behind a refresh round sitting between its requests. Idempotent.
 * Links are kept only when they are the shop's or the carrier's (lib/url-policy.ts); a dropped one
 * comes back as a diagnostic (issue #10 §3).
 */
export async function ingestPageReading(
  db: PorchlightDb,
  reading: PageReading,
  deps: IngestDeps,
): Promise<{ summary: IngestSummary; changes: PackageChange[]; diagnostics: Diagnostic[] }> {
  const { now } = deps;
  const summary: IngestSummary = { orders: 0, packages: 0, newPackages: 0, changed: 0 };
  const changes: PackageChange[] = [];
  const diagnostics: Diagnostic[] = [];
  const world = { now, shopperZone: deps.shopperZone };
  const kept = (check: UrlCheck | null): string | null => {
    if (!check) return null;
    if (check.ok) return check.url;
    if (diagnostics.length < 20) diagnostics.push(urlRefusedDiagnostic(check, reading.kind));
    return null;
  };

  await inTransaction(db, async () => {
    for (const r of reading.orders) {
      const key = orderKey(reading.shop, r.orderId);
      const orderUrl = kept(r.orderUrl ? shopLink(r.orderUrl, reading.shop, reading.url) : null);
      const order = mergeOrder(await ordersRepo.get(db, key), r, reading, now, orderUrl);
      await ordersRepo.put(db, order);
      summary.orders++;
      if (shipsNothing(r)) continue;

      for (const s of r.shipments) {
        const trackingNumber = s.trackingNumber ? normNumber(s.trackingNumber) : null;
        const carrier = s.carrier ?? (trackingNumber ? (deps.carrierFor?.(trackingNumber) ?? null) : null);
        const existing = await findPackage(db, reading.shop, r.orderId, s, trackingNumber, r.shipments.length);
        const link = () => kept(s.trackUrl ? trackLink(s.trackUrl, { shop: reading.shop, carrier, pageUrl: reading.url }) : null);
        const trackUrl = link();
        const items = s.items.length > 0 ? s.items : r.items;
        let pkg: Package =
          existing ??
          blankPackage(
            {
              id: packageIdFor({ shop: reading.shop, orderId: r.orderId, shipmentId: s.shipmentId }),
              shop: reading.shop,
              orderId: r.orderId,
              orderKey: key,
              shipmentId: s.shipmentId,
              label: items[0]?.title ?? null,
              trackingNumber,
              carrier,
              numbers: trackingNumber ? [{ number: trackingNumber, carrier, relation: 'primary', source: `page:${reading.shop}`, addedAt: now }] : [],
              trackUrl,
            },
            now,
          );
        if (existing) {
          pkg = {
            ...pkg,
            orderKey: pkg.orderKey ?? key,
            shop: pkg.shop ?? reading.shop,
            orderId: pkg.orderId ?? r.orderId,
            shipmentId: pkg.shipmentId ?? s.shipmentId,
            label: pkg.label ?? items[0]?.title ?? null,
            trackUrl: trackUrl ?? pkg.trackUrl,
          };
          // The number is learned once (track page, e-mail) and kept. A different number for the same
          // shipment is the parcel's next leg (Amazon Logistics → USPS), never a second parcel (§15).
          if (trackingNumber && !pkg.numberKeys.includes(trackingNumber)) {
            if (!pkg.trackingNumber) {
              const numbers = withNumbers({ numbers: [] }, [{ number: trackingNumber, carrier, relation: 'primary', source: `page:${reading.shop}` }], now);
              // A number just learned is due at once: its carrier knows more than the page.
              pkg = { ...pkg, trackingNumber, carrier: pkg.carrier ?? carrier, numbers: [...numbers, ...pkg.numbers], nextCheckAt: now };
            } else {
              pkg = { ...pkg, numbers: withNumbers(pkg, [{ number: trackingNumber, carrier, relation: 'handoff', source: `page:${reading.shop}` }], now) };
            }
            pkg = { ...pkg, numberKeys: numberKeysOf(pkg.numbers) };
          }
        }
        const known = existing ? await eventsRepo.forPackage(db, pkg.id) : [];
        const m = mergeObservation(pkg, known, observationFromShipment(reading.shop, s, order, reading.readAt), world);
        pkg = m.pkg;
        await eventsRepo.apply(db, m.put, m.remove);
        if (!existing) {
          summary.newPackages++;
          // A new package still on its way gets its first refresh now; one that is already delivered,
          // returned or cancelled is left to the scheduler (usually: never).
          const first = isTerminal(pkg.status) ? (deps.nextCheckAt?.({ ...pkg, lastCheckAt: now }, now) ?? null) : now;
          pkg = { ...pkg, nextCheckAt: first };
        }
        await packagesRepo.put(db, pkg);
        summary.packages++;
        if (m.changed || !existing) {
          if (m.statusChanged) summary.changed++;
          changes.push({ pkg, previousStatus: existing ? m.previousStatus : null, newEvents: m.newEvents, isNew: !existing, order });
        }
      }
    }
  });
  return { summary, changes, diagnostics };
}
