/**
 * Where a parcel waits and its pickup code, read from carrier and shop wording ("Ready for pickup at
 * Amazon Hub Locker - Maple, pickup code 483920"). Text in, data out; never HTML.
 */

// "Pickup code: 123456", "access code is AB12CD", "collection PIN 4821" (carrier and Amazon wording).
// A code has at least one digit, so "pickup code will be sent" is not read as the code "will".
const CODE_RE = /\b(?:pick\s*-?\s*up|collection|access|retrieval|locker)\s+(?:code|pin)\b\s*(?:is|:|#)?\s*((?=[A-Z]*\d)[A-Z0-9]{4,12})\b/i;
const PIN_RE = /\bPIN\s*(?:is|:|#)?\s*(\d{4,8})\b/;
// "code 483920" after a pickup place ("… Locker "Maple", code 483920").
const BARE_CODE_RE = /\bcode\s*(?:is|:|#)?\s*((?=[A-Z]*\d)[A-Z0-9]{4,12})\b/i;
// "… ready for pickup at Amazon Hub Locker - Maple" → the place after "at".
const PLACE_RE = /\b(?:at|@)\s+([^.;\n]+)/i;
const PLACE_END_RE = /,?\s*\b(?:(?:pick\s*-?\s*up|collection|access|retrieval|locker)\s+)?(?:code|pin)\b|\bPIN\b/i;

export function pickupCode(texts: readonly string[]): string | null {
  for (const t of texts) {
    const m = CODE_RE.exec(t) ?? PIN_RE.exec(t) ?? (/pick\s*-?\s*up|locker|collect/i.test(t) ? BARE_CODE_RE.exec(t) : null);
    if (m) return m[1]!;
  }
  return null;
}

export function pickupPlace(events: ReadonlyArray<{ location: string | null; description: string }>): string | null {
  for (const e of events) {
    const m = PLACE_RE.exec(e.description);
    if (m) {
      const place = m[1]!.split(PLACE_END_RE)[0]!.replace(/[\s,:-]+$/, '').trim();
      if (place) return place;
    }
  }
  for (const e of events) if (e.location) return e.location;
  return null;
}
