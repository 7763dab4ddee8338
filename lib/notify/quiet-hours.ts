/**
 * Quiet hours in the user's zone. A window `22:00`–`07:00` crosses midnight; `end` is exclusive.
 * DST-correct: the end instant is built from the local wall-clock time (model/time.ts).
 */
import { localClock } from '../engine/zone-cache';
import { addDays, zonedLocalToEpoch } from '../model/time';

const HM_RE = /^([01]?\d|2[0-3]):([0-5]\d)$/;

function minutes(hm: string): number | null {
  const m = HM_RE.exec(hm.trim());
  return m ? Number(m[1]) * 60 + Number(m[2]) : null;
}


/**
 * If `now` is inside the quiet window, the instant it ends; otherwise null. A malformed window
 * (not `HH:MM`) or an empty one (start = end) is no window.
 */
export function quietUntil(window: { start: string; end: string } | null, now: number, timeZone: string): number | null {
  if (!window) return null;
  const start = minutes(window.start);
  const end = minutes(window.end);
  if (start === null || end === null || start === end) return null;
  const clock = localClock(now, timeZone);
  const m = clock.hour * 60 + clock.minute;
  const inside = start < end ? m >= start && m < end : m >= start || m < end;
  if (!inside) return null;
  const today = clock.date;
  const endDay = m < end ? today : addDays(today, 1);
  const hh = String(Math.floor(end / 60)).padStart(2, '0');
  const mm = String(end % 60).padStart(2, '0');
  const at = zonedLocalToEpoch(`${endDay}T${hh}:${mm}:00`, timeZone);
  if (at > now) return at;
  // The end's wall-clock time fell into a DST gap (it never happens) or the repeated hour (it happened
  // in the first pass): the window ends when the clock next reads it, never in the past.
  for (let probe = Math.floor(now / 60_000) * 60_000 + 60_000, i = 0; i < 3 * 60; i++, probe += 60_000) {
    const c = localClock(probe, timeZone);
    if (c.date > endDay || (c.date === endDay && c.hour * 60 + c.minute >= end)) return probe;
  }
  return now + 60_000;
}
