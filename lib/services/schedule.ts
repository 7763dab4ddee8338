import { MIN_ALARM_MS, nextCheckTime } from '../engine/plan';
import { isTerminal } from '../model/status';
import type { Package } from '../model/types';

/**
 * The built-in demo carrier moves a parcel every 30 s (its whole life takes minutes), so its packages
 * are checked at Chrome's alarm minimum; real carriers follow the engine's schedule.
 */
const DEMO_INTERVAL_MS = MIN_ALARM_MS;

/**
 * When to check one package next (the engine's schedule, lib/engine/plan.ts). Every refresh path
 * (carrier batch, Amazon tracker, page reads) schedules through this one function.
 */
export function nextCheckAt(pkg: Package, now: number, timeZone = Intl.DateTimeFormat().resolvedOptions().timeZone): number | null {
  if (pkg.carrier === 'demo' && !pkg.archived && !isTerminal(pkg.status)) {
    return pkg.failures > 0 ? now + DEMO_INTERVAL_MS * 2 ** Math.min(pkg.failures, 6) : now + DEMO_INTERVAL_MS;
  }
  return nextCheckTime({ ...pkg, lastCheckAt: pkg.lastCheckAt ?? now }, now, timeZone);
}
