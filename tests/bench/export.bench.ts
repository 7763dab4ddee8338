/**
 * Issue #12 "Measured": 10,000 packages and 1,000,000 events (100 each) in fake-indexeddb, exported to
 * CSV and to the JSON backup (streamed to disk piece by piece, as the page folds them into a Blob),
 * then the backup imported into an empty database and exported again. Prints the time of each step,
 * the heap growth over the seeded database's baseline (target ≤ 150 MB for the exports: "live" is
 * after forced collections, "peak" includes garbage not yet collected), and the number of lines that
 * differ between the two backups (target 0).
 *
 * fake-indexeddb keeps its databases in the JS heap, so the import's growth includes the second
 * database itself; it is printed next to what stays after the import (the new database) so the
 * import's own working memory can be read off. `BENCH_PACKAGES` / `BENCH_EVENTS_PER` shrink the world.
 */
import 'fake-indexeddb/auto';
import { createReadStream, createWriteStream, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

const { PorchlightDb } = await import('../../lib/db/database');
const { importBackup } = await import('../../lib/backup/import-backup');
const { backupChunks } = await import('../../lib/backup/write-backup');
const { eventsCsvChunks, packagesCsvChunks } = await import('../../lib/export/csv');
const { blankPackage } = await import('../../lib/engine/merge');
const { parseSettings } = await import('../../lib/settings');
type TrackingEvent = import('../../lib/model/types').TrackingEvent;
type Order = import('../../lib/model/types').Order;
type Package = import('../../lib/model/types').Package;

setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;

const PACKAGES = Number(process.env.BENCH_PACKAGES ?? 10_000);
const PER = Number(process.env.BENCH_EVENTS_PER ?? 100);
const T0 = Date.parse('2026-01-05T15:00:00Z');
const MB = 1024 * 1024;
const settings = parseSettings({});
const dir = mkdtempSync(join(tmpdir(), 'porchlight-export-bench-'));

const heap = () => process.memoryUsage().heapUsed;
function settle(): number {
  gc();
  gc();
  return heap();
}

async function seed(db: InstanceType<typeof PorchlightDb>) {
  const CARRIERS = ['ups', 'fedex', 'usps', 'dhl'];
  for (let start = 0; start < PACKAGES; start += 1_000) {
    const pkgs: Package[] = [];
    const orders: Order[] = [];
    const events: TrackingEvent[] = [];
    for (let i = start; i < Math.min(PACKAGES, start + 1_000); i++) {
      const carrier = CARRIERS[i % 4]!;
      const number = `${carrier.toUpperCase()}${String(i).padStart(12, '0')}`;
      const orderId = `113-${String(i).padStart(7, '0')}-${String(i * 7).padStart(7, '0')}`;
      const id = `${carrier}:${number}`;
      const p = blankPackage({ id, trackingNumber: number, carrier, shop: 'amazon', orderId, orderKey: `amazon:${orderId}`, label: `Item ${i}, "boxed"`, status: 'in_transit', statusText: 'On the way', firstSeenAt: T0 }, T0);
      pkgs.push({ ...p, eta: { from: '2026-01-20', to: '2026-01-21' }, etaHistory: [{ eta: { from: '2026-01-20', to: '2026-01-21' }, seenAt: T0, source: `carrier:${carrier}` }] });
      orders.push({ key: `amazon:${orderId}`, shop: 'amazon', orderId, placedAt: '2026-01-04', items: [{ title: `Item ${i}, "boxed"`, quantity: 1, seller: 'Amazon.com', url: null }], total: '$24.37', status: 'open', kind: 'physical', pageUrl: 'https://www.amazon.com/gp/css/order-history', orderUrl: null, firstSeenAt: T0, updatedAt: T0 });
      for (let j = 0; j < PER; j++) {
        const time = new Date(T0 + j * 3_600_000).toISOString().replace('.000Z', '-05:00').replace(/T(\d\d)/, (_m, h) => `T${h}`);
        events.push({ key: `${id}|${j}`, packageId: id, time, timeIsLocal: false, timeZone: null, status: j === PER - 1 ? 'out_for_delivery' : 'in_transit', code: 'IT', description: `Departed facility ${j}; scanned`, location: 'MEMPHIS, TN, US', source: `carrier:${carrier}`, sources: [`carrier:${carrier}`] });
      }
    }
    await db.transaction('rw', db.packages, db.orders, db.events, async () => {
      await db.packages.bulkPut(pkgs);
      await db.orders.bulkPut(orders);
      await db.events.bulkPut(events);
    });
  }
}

/**
 * Writes the pieces to a file; returns the time, the peak heap over `base` sampled at every piece
 * (garbage included: V8 collects lazily in a big heap) and the peak of what is live, measured after a
 * forced collection every 20 pieces (those pauses are left out of the time).
 */
async function toFile(path: string, chunks: AsyncIterable<string>, base: number): Promise<{ ms: number; peak: number; live: number; bytes: number }> {
  let paused = 0;
  const t = performance.now();
  const out = createWriteStream(path);
  let peak = 0;
  let live = 0;
  let bytes = 0;
  let n = 0;
  for await (const c of chunks) {
    bytes += Buffer.byteLength(c);
    if (!out.write(c)) await new Promise<void>((r) => out.once('drain', () => r()));
    peak = Math.max(peak, heap() - base);
    if (++n % 20 === 0) {
      const g = performance.now();
      gc();
      live = Math.max(live, heap() - base);
      paused += performance.now() - g;
    }
  }
  await new Promise<void>((r) => out.end(() => r()));
  return { ms: performance.now() - t - paused, peak, live, bytes };
}

const line = (name: string, r: { ms: number; peak: number; live?: number; bytes?: number }) =>
  console.log(
    `${name.padEnd(26)} ${(r.ms / 1000).toFixed(1).padStart(7)} s   heap growth peak ${(r.peak / MB).toFixed(0).padStart(5)} MB${r.live !== undefined ? `, live ${(r.live / MB).toFixed(0).padStart(4)} MB` : ''}${r.bytes ? `   file ${(r.bytes / MB).toFixed(0)} MB` : ''}`,
  );

console.log(`world: ${PACKAGES} packages × ${PER} events = ${PACKAGES * PER} events, ${PACKAGES} orders (fake-indexeddb, Node ${process.version})`);
const db = new PorchlightDb('bench-export-source', 'America/New_York');
let t = performance.now();
await seed(db);
console.log(`seeded in ${((performance.now() - t) / 1000).toFixed(1)} s`);
const base = settle();
console.log(`baseline heap with the seeded database: ${(base / MB).toFixed(0)} MB`);

const now = Date.parse('2026-01-10T12:00:00Z');
line('export events CSV', await toFile(join(dir, 'events.csv'), eventsCsvChunks(db, 'America/New_York'), settle()));
line('export packages CSV', await toFile(join(dir, 'packages.csv'), packagesCsvChunks(db), settle()));
line('export JSON backup', await toFile(join(dir, 'backup.json'), backupChunks(db, { now, appVersion: 'bench', settings }), settle()));

// Import into an empty database, from the file on disk read as a text stream (the page reads a File the same way).
const target = new PorchlightDb('bench-export-target', 'America/New_York');
const beforeImport = settle();
let peak = 0;
const sampler = setInterval(() => {
  peak = Math.max(peak, heap() - beforeImport);
}, 20);
t = performance.now();
const summary = await importBackup(target, () => createReadStream(join(dir, 'backup.json'), { encoding: 'utf8', highWaterMark: 1 << 20 }), settings);
const importMs = performance.now() - t;
clearInterval(sampler);
const retained = settle() - beforeImport;
line('import JSON backup', { ms: importMs, peak });
console.log(`  of which the imported database itself (retained after import): ${(retained / MB).toFixed(0)} MB; added ${summary.tables.packages.added} packages, ${summary.tables.events.added} events, ${summary.tables.orders.added} orders`);

line('export again (round trip)', await toFile(join(dir, 'again.json'), backupChunks(target, { now, appVersion: 'bench', settings }), settle()));
const a = readFileSync(join(dir, 'backup.json'), 'utf8').split('\n');
const b = readFileSync(join(dir, 'again.json'), 'utf8').split('\n');
let diff = Math.abs(a.length - b.length);
for (let i = 0; i < Math.min(a.length, b.length); i++) if (a[i] !== b[i]) diff++;
console.log(`round trip: ${a.length} lines, ${diff} differ`);
rmSync(dir, { recursive: true, force: true });
if (diff !== 0) process.exit(1);
