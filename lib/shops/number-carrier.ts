/**
 * The carrier of a tracking number a shop gives without naming its carrier (Walmart's and Target's order data,
 * issue #15: neither has a carrier field, ../shared/docs/other-shops.md §2, §3). The number sits in a field that
 * says "tracking number", so it counts as labelled (the scanner's label boost), but with no carrier named only a
 * verified reading (check digit or the format's own rules) confident enough counts: a number no carrier's format
 * knows is not guessed, the caller drops it and says so.
 */
import { classify, DEFAULT_CONFIDENCE_THRESHOLD, normaliseNumber } from '../carriers/registry';
import { LABEL_BOOST } from '../scan/context';
import { numbersFromUrl } from '../scan/numbers-from-url';

/** Longer than any carrier's number (MAX_NUMBER_LENGTH plus separators): not read. */
const MAX_RAW = 80;

export function carrierOfNumber(raw: string): { trackingNumber: string; carrier: string } | null {
  if (typeof raw !== 'string' || raw.length > MAX_RAW) return null;
  const best = classify(normaliseNumber(raw), { boost: LABEL_BOOST })[0];
  if (!best || !best.verified || best.confidence < DEFAULT_CONFIDENCE_THRESHOLD) return null;
  return { trackingNumber: best.trackingNumber, carrier: best.carrier };
}

export type LinkedParcel = { trackingNumber: string; carrier: string; trackUrl: string };

const MAX_LINKS = 5_000;

/**
 * Parcels in the links to carriers' tracking pages under `root` (../shared/docs/other-shops.md §8.2, through the
 * generic reader's lib/scan/numbers-from-url.ts), each number once: the one thing a page of unknown markup says
 * for sure. The link is kept as read; the ingest's URL policy decides whether it is stored.
 */
export function carrierLinksIn(root: ParentNode, page: URL): LinkedParcel[] {
  const out = new Map<string, LinkedParcel>();
  const anchors = root.querySelectorAll('a[href]');
  for (let i = 0; i < anchors.length && i < MAX_LINKS; i++) {
    let href: string;
    try {
      href = new URL(anchors[i]!.getAttribute('href') ?? '', page).href;
    } catch {
      continue;
    }
    for (const ln of numbersFromUrl(href)) {
      const best = ln.candidates[0]!;
      if (!out.has(best.trackingNumber)) out.set(best.trackingNumber, { trackingNumber: best.trackingNumber, carrier: best.carrier, trackUrl: ln.url });
    }
  }
  return [...out.values()];
}
