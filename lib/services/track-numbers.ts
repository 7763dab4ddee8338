import type { PorchlightDb } from '../db/database';
import { packages as packagesRepo } from '../db/repositories';
import { blankPackage, mergeObservation, normNumber } from '../engine/merge';
import { packageIdFor } from '../model/keys';
import type { Eta } from '../model/types';
import type { PackageChange } from './changes';
import { trackLink } from '../url-policy';

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
 * known by any package (its own number, a hand-off, a return label) keeps that package: nothing is
 * duplicated (issue #19 §15). What the finder knew (a promised date in an e-mail) is its source's
 * claim, merged by the one rule. One transaction.
 */
export async function trackNumbers(
  db: PorchlightDb,
  found: FoundParcel[],
  source: string,
  now: number,
  shopperZone: string,
): Promise<{ added: number; known: number; changes: PackageChange[] }> {
  let added = 0;
  let known = 0;
  const changes: PackageChange[] = [];
  await db.transaction('rw', db.packages, db.events, async () => {
    const seen = new Set<string>();
    for (const f of found) {
      const number = normNumber(f.trackingNumber);
      if (!number || seen.has(number)) continue;
      seen.add(number);
      if ((await packagesRepo.byNumber(db, number)).length > 0) {
        known++;
        continue;
      }
      const base = blankPackage(
        {
          id: packageIdFor({ carrier: f.carrier, trackingNumber: number }),
          trackingNumber: number,
          carrier: f.carrier,
          numbers: [{ number, carrier: f.carrier, relation: 'primary', source, addedAt: now }],
          orderKey: f.shop && f.orderId ? `${f.shop}:${f.orderId}` : null,
          shop: f.shop ?? null,
          orderId: f.orderId ?? null,
          label: f.label ?? null,
          // A link found in text is kept only when it is the shop's or the carrier's (issue #10 §3).
          trackUrl: f.trackUrl ? (((c) => (c.ok ? c.url : null))(trackLink(f.trackUrl, { shop: f.shop ?? null, carrier: f.carrier }))) : null,
        },
        now,
      );
      const m = mergeObservation(
        base,
        [],
        { source, observedAt: now, trackingNumber: number, status: null, statusText: `Added from ${sourceLabel(source)}`, eta: f.eta ?? null, deliveredAt: null, pickup: null, events: [] },
        { now, shopperZone },
      );
      const pkg = { ...m.pkg, nextCheckAt: now };
      await packagesRepo.put(db, pkg);
      added++;
      changes.push({ pkg, previousStatus: null, newEvents: [], isNew: true });
    }
  });
  return { added, known, changes };
}

/** "selection", "email:mail.google.com" → "selection", "an e-mail". */
function sourceLabel(source: string): string {
  if (source.startsWith('email:')) return 'an e-mail';
  if (source.startsWith('page:')) return source.slice(5);
  return source;
}
