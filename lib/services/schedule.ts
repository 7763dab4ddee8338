import { nextCheckTime } from '../engine/plan';
import type { Package } from '../model/types';

/**
 * When to check one package next (the engine's schedule, lib/engine/plan.ts), after a check made at
 * `now`. Every refresh path (carrier batch, Amazon tracker, page reads) schedules through this one
 * function.
 */
export function nextCheckAt(pkg: Package, now: number, timeZone = Intl.DateTimeFormat().resolvedOptions().timeZone): number | null {
  return nextCheckTime({ ...pkg, lastCheckAt: pkg.lastCheckAt ?? now }, now, timeZone);
}
