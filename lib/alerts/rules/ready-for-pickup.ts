import type { TrackingEvent } from '../../model/types';
import { alertKey, carrierEvents, epochOf, episodeStart, pkgLabel } from '../situation';
import type { AlertContext, AlertDraft } from '../types';

// "Pickup code: 123456", "access code is AB12CD", "collection PIN 4821" (carrier and Amazon wording).
// A code has at least one digit, so "pickup code will be sent" is not read as the code "will".
const CODE_RE = /\b(?:pick\s*-?\s*up|collection|access|retrieval|locker)\s+(?:code|pin)\b\s*(?:is|:|#)?\s*((?=[A-Z]*\d)[A-Z0-9]{4,12})\b/i;
const PIN_RE = /\bPIN\s*(?:is|:|#)?\s*(\d{4,8})\b/;
// "… ready for pickup at Amazon Hub Locker - Maple" → the place after "at".
const PLACE_RE = /\b(?:at|@)\s+([^.;\n]+)/i;
const PLACE_END_RE = /\b(?:pick\s*-?\s*up|collection|access|retrieval|locker)\s+(?:code|pin)\b|\bPIN\b/i;

export function pickupCode(texts: string[]): string | null {
  for (const t of texts) {
    const m = CODE_RE.exec(t) ?? PIN_RE.exec(t);
    if (m) return m[1]!;
  }
  return null;
}

function pickupPlace(events: TrackingEvent[]): string | null {
  for (const e of events) {
    if (e.location) return e.location;
    const m = PLACE_RE.exec(e.description);
    if (m) return m[1]!.split(PLACE_END_RE)[0]!.replace(/[\s,:-]+$/, '').trim() || null;
  }
  return null;
}

/**
 * Good news: waiting at a locker, pickup point or post office, with the place and the pickup code
 * when the carrier's or shop's wording gives them (parsed from text: data, never HTML). Once per
 * pickup episode.
 */
export function readyForPickup(ctx: AlertContext): AlertDraft | null {
  const { pkg } = ctx;
  if (pkg.status !== 'available_for_pickup') return null;
  const sorted = carrierEvents(ctx);
  const start = episodeStart(sorted, 'available_for_pickup');
  const episode = start ? sorted.slice(sorted.indexOf(start)).reverse() : [];
  const texts = [...episode.map((e) => e.description), ...(pkg.statusText ? [pkg.statusText] : [])];
  const code = pickupCode(texts);
  const place = pickupPlace(episode.filter((e) => e.status === 'available_for_pickup'));
  return {
    key: alertKey(pkg.id, 'ready_for_pickup', start ? `event:${start.key}` : `since:${pkg.lastChangeAt}`),
    packageId: pkg.id,
    kind: 'ready_for_pickup',
    severity: 'good',
    title: `${pkgLabel(pkg)} is ready for pickup`,
    message: [place ? `At ${place}.` : 'Ready to collect.', code ? `Pickup code: ${code}.` : null].filter(Boolean).join(' '),
    since: (start && epochOf(start, ctx.timeZone)) ?? pkg.lastChangeAt,
    details: { pickupLocation: place, pickupCode: code },
  };
}
