/**
 * A database as a shopper's would look (issue #12 tests): a real Amazon order history page
 * (tests/fixtures/amazon/order-history-2024-0.html, see its README) read by the real reader and
 * stored by the real ingest, then carrier events, situations and a notification of the shapes the
 * engine writes (tests/unit/engine/package-factory.ts), one of them with markup in every text field.
 */
import { PorchlightDb } from '../../../lib/db/database';
import { ingestPageReading } from '../../../lib/services/ingest-page';
import type { Alert, TrackingEvent } from '../../../lib/model/types';
import { read } from '../amazon/load-fixture';

export const WORLD_NOW = Date.parse('2024-12-20T12:00:00Z');
export const HOSTILE = '<script>alert(1)</script><img src=x onerror=alert(2)>"quoted", comma; ünïcödé\r\nnew line';

export async function seedWorld(name = `backup-${Math.random()}`): Promise<PorchlightDb> {
  const db = new PorchlightDb(name, 'America/Chicago');
  const reading = read('order-history-2024-0.html', 'https://www.amazon.com/gp/css/order-history', '2024-12-20T12:00:00Z', 'America/Chicago');
  await ingestPageReading(db, reading, { now: WORLD_NOW, shopperZone: 'America/Chicago', carrierFor: () => null });
  const pkgs = await db.packages.orderBy('id').toArray();
  if (pkgs.length < 3) throw new Error(`the fixture gave ${pkgs.length} packages`);
  const events: TrackingEvent[] = [];
  for (const [i, p] of pkgs.slice(0, 3).entries()) {
    for (let j = 0; j < 4; j++) {
      const local = j % 2 === 0;
      events.push({
        key: `${p.id}|e${j}`,
        packageId: p.id,
        time: local ? `2024-12-1${j}T0${j}:15:00` : `2024-12-1${j}T0${j}:15:00-05:00`,
        timeIsLocal: local,
        timeZone: local ? 'America/Chicago' : null,
        status: j === 3 ? 'delivered' : 'in_transit',
        code: j === 3 ? 'D' : 'I',
        description: i === 0 && j === 1 ? HOSTILE : `Arrived at facility ${j}`,
        location: i === 0 && j === 1 ? HOSTILE : 'Memphis, TN, US',
        source: 'carrier:ups',
        sources: j === 2 ? ['carrier:ups', 'page:amazon'] : ['carrier:ups'],
      });
    }
  }
  await db.events.bulkPut(events);
  const alert: Alert = {
    key: `${pkgs[0]!.id}|delayed|x`,
    packageId: pkgs[0]!.id,
    kind: 'delayed',
    severity: 'warning',
    title: HOSTILE,
    message: 'Running late',
    createdAt: WORLD_NOW - 3_600_000,
    notifiedAt: WORLD_NOW - 3_500_000,
    dismissed: false,
    dismissedAt: null,
    endedAt: null,
    open: 1,
    endReason: null,
    newsAt: WORLD_NOW - 3_600_000,
    details: { previousEta: { from: '2024-12-18', to: '2024-12-18' } },
  };
  await db.alerts.put(alert);
  await db.notifications.put({ id: 'n1', alertKeys: [alert.key], packageIds: [alert.packageId], title: 'Running late', message: HOSTILE, createdAt: WORLD_NOW - 3_500_000 });
  await db.packages.update(pkgs[1]!.id, { label: HOSTILE, archived: true, muted: true });
  // Two still on their way (the 2024 page's parcels are all delivered by now): one with an ETA that
  // moved once, one waiting at a locker with a deadline.
  await db.packages.update(pkgs[0]!.id, {
    status: 'in_transit',
    label: `Lamp; ${HOSTILE}`,
    trackingNumber: '1Z999AA10123456784',
    carrier: 'ups',
    eta: { from: '2024-12-23', to: '2024-12-24' },
    etaHistory: [
      { eta: { from: '2024-12-21', to: '2024-12-21' }, seenAt: WORLD_NOW - 86_400_000, source: 'carrier:ups' },
      { eta: { from: '2024-12-23', to: '2024-12-24' }, seenAt: WORLD_NOW, source: 'carrier:ups' },
    ],
  });
  await db.packages.update(pkgs[2]!.id, {
    status: 'available_for_pickup',
    eta: null,
    pickup: { location: 'Locker 12, Main St; "north" side', code: '4711', until: '2024-12-27' },
  });
  return db;
}

/** A string as the chunks a file stream gives (split at odd places, so lines cross chunks). */
export function chunked(text: string, size = 997): () => AsyncIterable<string> {
  return async function* () {
    for (let i = 0; i < text.length; i += size) yield text.slice(i, i + size);
  };
}

export async function collect(chunks: AsyncIterable<string>): Promise<string> {
  let out = '';
  for await (const c of chunks) out += c;
  return out;
}
