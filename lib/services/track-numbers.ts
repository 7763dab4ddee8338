import type { PorchlightDb } from '../db/database';
import { packages as packagesRepo } from '../db/repositories';
import { packageIdFor } from '../model/keys';
import { blankPackage } from '../engine/merge';
import type { Eta } from '../model/types';
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
      const pkg = blankPackage(
        {
          id: packageIdFor({ carrier: f.carrier, trackingNumber: number }),
          trackingNumber: number,
          carrier: f.carrier,
          orderKey: f.shop && f.orderId ? `${f.shop}:${f.orderId}` : null,
          shop: f.shop ?? null,
          orderId: f.orderId ?? null,
          label: f.label ?? null,
          statusText: `Added from ${source}`,
          eta: f.eta ?? null,
          etaHistory: f.eta ? [{ eta: f.eta, seenAt: now, source }] : [],
          trackUrl: f.trackUrl ?? null,
        },
        now,
      );
      await packagesRepo.put(db, pkg);
      added++;
      changes.push({ pkg, previousStatus: null, newEvents: [], isNew: true });
    }
  });
  return { added, known, changes };
}
