import type { PorchlightDb } from '../db/database';
import { kv, packages as packagesRepo } from '../db/repositories';
import type { Package } from '../model/types';
import { DIAGNOSTIC_CODES } from '../shops/amazon/page';
import type { PageReading } from '../shops/types';
import type { PackageChange } from './changes';
import { ingestPageReading, type IngestDeps } from './ingest-page';

/**
 * Refresh through Amazon's own tracker (issue #4 §6): for Amazon packages without a carrier number,
 * fetch the track-package page in the user's signed-in session and read it like a visited page.
 * A sign-in page or robot check stops the round and backs off (1 h, doubling to 24 h): never a tight
 * loop. Requests are paced globally (one at a time, `gapMs` plus jitter between them).
 */
export interface AmazonTrackerDeps {
  db: PorchlightDb;
  now: () => number;
  fetch: typeof fetch;
  parse: (html: string, url: string, now: number) => Promise<PageReading>;
  sleep: (ms: number) => Promise<void>;
  random: () => number;
  ingest: Omit<IngestDeps, 'now'>;
  nextCheckAt: (pkg: Package, now: number) => number | null;
  gapMs?: number;
}

const BLOCK_KEY = 'amazonTracker.blockedUntil';
const BLOCK_STEP_KEY = 'amazonTracker.backoffStep';
export const SIGN_IN_MESSAGE = 'Sign in to Amazon to refresh';

/** Diagnostic codes (from the Amazon reader) that mean "not signed in / blocked". */
export const BLOCKED_CODES: ReadonlySet<string> = new Set([DIAGNOSTIC_CODES.signIn, DIAGNOSTIC_CODES.robotCheck]);

export function isBlockedReading(r: PageReading): boolean {
  return r.diagnostics.some((d) => BLOCKED_CODES.has(d.code));
}

export async function amazonBlockedUntil(db: PorchlightDb): Promise<number> {
  return (await kv.get<number>(db, BLOCK_KEY)) ?? 0;
}

export async function refreshViaAmazon(
  list: Package[],
  deps: AmazonTrackerDeps,
): Promise<{ changes: PackageChange[]; checked: number; blocked: boolean; errors: string[] }> {
  const { db } = deps;
  const changes: PackageChange[] = [];
  const errors: string[] = [];
  let checked = 0;
  if ((await amazonBlockedUntil(db)) > deps.now()) return { changes, checked, blocked: true, errors };

  for (const [i, pkg] of list.entries()) {
    if (!pkg.trackUrl) continue;
    if (i > 0) await deps.sleep((deps.gapMs ?? 4000) * (0.75 + deps.random() * 0.5));
    let html: string;
    let finalUrl = pkg.trackUrl;
    try {
      const res = await deps.fetch(pkg.trackUrl, { credentials: 'include', redirect: 'follow' });
      html = await res.text();
      finalUrl = res.url || pkg.trackUrl;
      if (!res.ok) throw new Error(`HTTP ${res.status}`);
    } catch (err) {
      const now = deps.now();
      errors.push(`${pkg.id}: ${String(err)}`);
      const failed: Package = {
        ...pkg,
        failures: pkg.failures + 1,
        lastError: { kind: 'network', message: `Amazon tracker: ${String(err)}`, at: now },
        lastCheckAt: now,
      };
      await packagesRepo.put(db, { ...failed, nextCheckAt: deps.nextCheckAt(failed, now) });
      continue;
    }
    checked++;
    const now = deps.now();
    let reading: PageReading;
    try {
      reading = await deps.parse(html, finalUrl, now);
    } catch (err) {
      errors.push(`${pkg.id}: ${String(err)}`);
      continue;
    }
    if (isBlockedReading(reading)) {
      // Stop the whole round: every further request would meet the same wall.
      const step = ((await kv.get<number>(db, BLOCK_STEP_KEY)) ?? 0) + 1;
      const backoff = Math.min(3_600_000 * 2 ** (step - 1), 86_400_000);
      await kv.set(db, BLOCK_KEY, now + backoff);
      await kv.set(db, BLOCK_STEP_KEY, step);
      const blockedPkgs = list.filter((p) => !p.trackingNumber);
      await db.packages.bulkPut(
        blockedPkgs.map((p) => ({
          ...p,
          lastError: { kind: 'auth', message: SIGN_IN_MESSAGE, at: now },
          nextCheckAt: now + backoff,
        })),
      );
      return { changes, checked, blocked: true, errors };
    }
    await kv.set(db, BLOCK_STEP_KEY, 0);
    const { changes: c } = await ingestPageReading(db, reading, { ...deps.ingest, now });
    changes.push(...c);
    const after = await packagesRepo.get(db, pkg.id);
    if (after) {
      // A newly learned carrier number is due at once: the carrier knows more than Amazon's page.
      const gained = !pkg.trackingNumber && Boolean(after.trackingNumber);
      const checked = { ...after, lastCheckAt: now, lastError: null, failures: 0 };
      await packagesRepo.put(db, { ...checked, nextCheckAt: gained ? now : deps.nextCheckAt(checked, now) });
    }
  }
  return { changes, checked, blocked: false, errors };
}
