/**
 * Issue #14: a carrier tracking page the shopper opened is stored as that carrier's answer, observed
 * when the page was read, through the one merge (same package for a known number, idempotent).
 */
import { readFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readCarrierPage } from '../../../lib/carrier-pages/read-carrier-page';
import { PorchlightDb } from '../../../lib/db/database';
import { ingestCarrierPage } from '../../../lib/services/ingest-carrier-page';
import { trackNumbers } from '../../../lib/services/track-numbers';

// The capture says "Updated: 01/13/2016 11:01 A.M. Eastern Time".
const READ_AT = Date.parse('2016-01-13T16:01:00Z');
const NOW = READ_AT + 5_000;
const ZONE = 'Europe/Vienna';

function upsPage(file = 'sauladam-ups-in_transit.html') {
  const html = readFileSync(`tests/fixtures/carrier-pages/ups/${file}`, 'utf8').replace(/<iframe\b[^>]*>/gi, '<div>').replace(/<link\b[^>]*>/gi, '');
  return readCarrierPage(new DOMParser().parseFromString(html, 'text/html'), new URL('https://www.ups.com/track?loc=en_US'), READ_AT)!;
}

describe('ingestCarrierPage', () => {
  let db: PorchlightDb;
  beforeEach(() => {
    db = new PorchlightDb(`carrier-page-${Math.random()}`);
  });
  afterEach(() => db.delete());
  const deps = { now: NOW, shopperZone: ZONE };

  it('a number seen first on its carrier page becomes a package with the page timeline, the carrier as its source', async () => {
    const r = await ingestCarrierPage(db, upsPage(), deps);
    expect(r.summary).toEqual({ orders: 0, packages: 1, newPackages: 1, changed: 1 });
    const [pkg] = await db.packages.toArray();
    expect(pkg).toMatchObject({ id: 'ups:1ZW5244V6870200470', carrier: 'ups', trackingNumber: '1ZW5244V6870200470', status: 'out_for_delivery', nextCheckAt: NOW });
    // The page's read time is the observation time, and the carrier's own page ranks as the carrier.
    expect(pkg!.provenance.status?.source).toBe('page:ups');
    expect(pkg!.claims['page:ups']).toMatchObject({ source: 'page:ups', observedAt: READ_AT, status: 'out_for_delivery' });
    expect(pkg!.trackUrl).toBe('https://www.ups.com/track?loc=en_US');
    const events = await db.events.where('packageId').equals(pkg!.id).toArray();
    expect(events).toHaveLength(10);
    expect(events.every((e) => e.source === 'page:ups')).toBe(true);
    // Local times are placed where they happened (Bolzano, Italy), never read as UTC.
    expect(events.find((e) => e.description === 'Out For Delivery')).toMatchObject({ time: '2016-01-13T06:14', timeIsLocal: true, timeZone: 'Europe/Rome' });
  });

  it('the same page read again changes nothing; a known number keeps its package', async () => {
    await trackNumbers(db, [{ trackingNumber: '1ZW5244V6870200470', carrier: 'ups', confidence: 0.9 }], 'selection', NOW - 60_000, ZONE);
    await ingestCarrierPage(db, upsPage(), deps);
    const again = await ingestCarrierPage(db, upsPage(), { ...deps, now: NOW + 60_000 });
    expect(again.summary).toEqual({ orders: 0, packages: 1, newPackages: 0, changed: 0 });
    expect(again.changes).toEqual([]);
    expect(await db.packages.count()).toBe(1);
    expect(await db.events.count()).toBe(10);
  });

  it('a page the reader did not understand stores nothing', async () => {
    const doc = new DOMParser().parseFromString('<main><p>Tracking is temporarily unavailable.</p></main>', 'text/html');
    const reading = readCarrierPage(doc, new URL('https://www.ups.com/track?tracknum=1ZW5244V6870200470'), READ_AT)!;
    expect(reading.result).toBeNull();
    const r = await ingestCarrierPage(db, reading, deps);
    expect(r.summary.packages).toBe(0);
    expect(await db.packages.count()).toBe(0);
  });
});
