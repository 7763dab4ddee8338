import type { PorchlightDb } from '../db/database';
import { packages as packagesRepo } from '../db/repositories';
import { packageIdFor } from '../model/keys';
import type { Eta, Package } from '../model/types';
import type { PackageChange } from './changes';

/** A tracking number found outside a shop reader: a selection, a scanned page, an e-mail. */
export interface FoundParcel {
  trackingNumber: string;
  carrier: string | null;
  confidence: number;
  label?: string | null;
  trackUrl?: string | null;
  eta?: Eta | null;
  shop?: string | null;
  orderId?: string | null;
}

/**
 * Adds the numbers not tracked yet as packages, due for their first refresh now. A number already
 * tracked (from Amazon, an e-mail…) keeps its package: nothing is duplicated. One transaction.
 */
export async function trackNumbers(
  db: PorchlightDb,
  found: FoundParcel[],
  source: string,
  now: number,
): Promise<{ added: number; known: number; changes: PackageChange[] }> {
  let added = 0;
  let known = 0;
  const changes: PackageChange[] = [];
  await db.transaction('rw', db.packages, async () => {
    const seen = new Set<string>();
    for (const f of found) {
      const number = f.trackingNumber.replace(/[\s-]+/g, '').toUpperCase();
      if (!number || seen.has(number)) continue;
      seen.add(number);
      if ((await packagesRepo.byTrackingNumber(db, number)).length > 0) {
        known++;
        continue;
      }
      const pkg: Package = {
        id: packageIdFor({ carrier: f.carrier, trackingNumber: number }),
        trackingNumber: number,
        shipmentId: null,
        carrier: f.carrier,
        orderKey: f.shop && f.orderId ? `${f.shop}:${f.orderId}` : null,
        shop: f.shop ?? null,
        orderId: f.orderId ?? null,
        label: f.label ?? null,
        status: 'pending',
        statusText: `Added from ${source}`,
        eta: f.eta ?? null,
        etaHistory: f.eta ? [{ eta: f.eta, seenAt: now, source }] : [],
        deliveredAt: null,
        lastEvent: null,
        lastChangeAt: now,
        nextCheckAt: now,
        lastCheckAt: null,
        lastError: null,
        failures: 0,
        trackUrl: f.trackUrl ?? null,
        archived: false,
        muted: false,
        firstSeenAt: now,
        updatedAt: now,
      };
      await packagesRepo.put(db, pkg);
      added++;
      changes.push({ pkg, previousStatus: null, newEvents: [], isNew: true });
    }
  });
  return { added, known, changes };
}
