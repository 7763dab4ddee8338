import type { CarrierPageReading } from '../carrier-pages/read-carrier-page';
import type { PorchlightDb } from '../db/database';
import { events as eventsRepo, inTransaction, packages as packagesRepo } from '../db/repositories';
import { blankPackage, mergeObservation, normNumber } from '../engine/merge';
import { observationFromTrackResult } from '../engine/observation';
import { packageIdFor } from '../model/keys';
import { isTerminal } from '../model/status';
import type { Package } from '../model/types';
import type { IngestSummary } from '../platform/messaging';
import { trackLink } from '../url-policy';
import type { PackageChange } from './changes';

export interface CarrierPageIngestDeps {
  now: number;
  shopperZone: string;
  /** The scheduler, for a parcel seen first on a page that says it is already delivered. */
  nextCheckAt?: (pkg: Package, now: number) => number | null;
}

/**
 * Stores what a carrier's own tracking page said (issue #14) as that carrier's answer observed when
 * the page was read (source `page:<carrier>`, which lib/model/sources.ts ranks as the carrier for its
 * own parcels), through the one merge: the package the number belongs to (its own number, a hand-off,
 * a return label), or a new package for a number seen first here. One transaction. A page the reader
 * did not understand stores nothing.
 */
export async function ingestCarrierPage(
  db: PorchlightDb,
  reading: CarrierPageReading,
  deps: CarrierPageIngestDeps,
): Promise<{ summary: IngestSummary; changes: PackageChange[] }> {
  const summary: IngestSummary = { orders: 0, packages: 0, newPackages: 0, changed: 0 };
  const changes: PackageChange[] = [];
  const result = reading.result;
  const number = result ? normNumber(result.trackingNumber) : '';
  if (!result || !number) return { summary, changes };
  const source = `page:${reading.carrier}`;
  await inTransaction(db, async () => {
    const existing = (await packagesRepo.byNumber(db, number))[0];
    const link = trackLink(reading.url, { shop: null, carrier: reading.carrier });
    const base =
      existing ??
      blankPackage(
        {
          id: packageIdFor({ carrier: reading.carrier, trackingNumber: number }),
          trackingNumber: number,
          carrier: reading.carrier,
          numbers: [{ number, carrier: reading.carrier, relation: 'primary', source, addedAt: deps.now }],
          trackUrl: link.ok ? link.url : null,
        },
        deps.now,
      );
    const known = existing ? await eventsRepo.forPackage(db, base.id) : [];
    const m = mergeObservation(base, known, observationFromTrackResult({ ...result, trackingNumber: number }, source, reading.readAt), {
      now: deps.now,
      shopperZone: deps.shopperZone,
    });
    let pkg = m.pkg;
    await eventsRepo.apply(db, m.put, m.remove);
    if (!existing) {
      summary.newPackages++;
      // A parcel still on its way is due for its first check now (a carrier key, if any, knows more);
      // one already finished is left to the scheduler.
      pkg = { ...pkg, nextCheckAt: isTerminal(pkg.status) ? (deps.nextCheckAt?.({ ...pkg, lastCheckAt: deps.now }, deps.now) ?? null) : deps.now };
    }
    await packagesRepo.put(db, pkg);
    summary.packages++;
    if (m.changed || !existing) {
      if (m.statusChanged) summary.changed++;
      changes.push({ pkg, previousStatus: existing ? m.previousStatus : null, newEvents: m.newEvents, isNew: !existing });
    }
  });
  return { summary, changes };
}
