/**
 * Cached zone arithmetic for the hot paths (the scheduler and the alert rules run for every package
 * on every wake). The formatter cache lives in model/time.ts (one per zone, for every caller); the
 * ETA-end results are memoised here.
 */
import { etaEndEpoch, zonedParts } from '../model/time';

function pad2(n: number): string {
  return String(n).padStart(2, '0');
}

/** Local calendar date (`YYYY-MM-DD`), hour and minute at `epoch` in `timeZone`. */
export function localClock(epoch: number, timeZone: string): { date: string; hour: number; minute: number } {
  const p = zonedParts(epoch, timeZone);
  return { date: `${p.year}-${pad2(p.month)}-${pad2(p.day)}`, hour: p.hour % 24, minute: p.minute };
}

const etaEnds = new Map<string, number | null>();

/** End of an ETA window as an instant (time.ts `etaEndEpoch`), memoised; null when unreadable. */
export function cachedEtaEnd(eta: { to: string } | null | undefined, timeZone: string): number | null {
  if (!eta || typeof eta.to !== 'string') return null;
  const key = `${timeZone}|${eta.to}`;
  const hit = etaEnds.get(key);
  if (hit !== undefined) return hit;
  let end: number | null;
  try {
    const t = etaEndEpoch(eta, timeZone);
    end = Number.isFinite(t) ? t : null;
  } catch {
    end = null;
  }
  if (etaEnds.size > 10_000) etaEnds.clear();
  etaEnds.set(key, end);
  return end;
}
