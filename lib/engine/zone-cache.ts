/**
 * Cached zone arithmetic for the hot paths (the scheduler and the alert rules run for every package
 * on every wake). `Intl.DateTimeFormat` construction costs ~0.2 ms; model/time.ts builds one per call,
 * which is correct but too slow for thousands of calls. Results here are the same as time.ts's (the
 * unit tests compare them); only the formatter and the ETA-end results are reused.
 */
import { etaEndEpoch } from '../model/time';

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', { timeZone, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit' });
    formatters.set(timeZone, f);
  }
  return f;
}

/** Local calendar date (`YYYY-MM-DD`), hour and minute at `epoch` in `timeZone`. */
export function localClock(epoch: number, timeZone: string): { date: string; hour: number; minute: number } {
  const parts: Record<string, string> = {};
  for (const p of formatter(timeZone).formatToParts(new Date(epoch))) parts[p.type] = p.value;
  return { date: `${parts.year}-${parts.month}-${parts.day}`, hour: Number(parts.hour) % 24, minute: Number(parts.minute) };
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
