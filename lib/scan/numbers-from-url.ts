/**
 * Tracking numbers carried by links to carriers' tracking pages (`ups.com/track?tracknum=1Z…`,
 * `evri.com/track/#/parcel/H01…`, `tools.usps.com/…?tLabels=92…`). A link to a carrier's own
 * site is explicit context: the number is taken even with a failed check digit (unverified).
 */
import { type Candidate, candidatesFrom, carriersForHost, MAX_NUMBER_LENGTH, MIN_NUMBER_LENGTH, matchFormats, normaliseNumber } from '../carriers/registry';

export interface LinkNumber {
  url: string;
  number: string;
  candidates: Candidate[];
}

/** Confidence added for a number taken from a carrier's tracking link. */
export const LINK_BOOST = 0.1;

/** Numbers in `href` that belong to the carrier whose host it is; redirect wrappers are unwrapped once. */
export function numbersFromUrl(href: string, depth = 0): LinkNumber[] {
  if (typeof href !== 'string' || href.length > 8192) return [];
  let url: URL;
  try {
    url = new URL(href.trim());
  } catch {
    return [];
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return [];
  const out: LinkNumber[] = [];
  const carriers = carriersForHost(url.hostname).map((c) => c.id);
  const values = valuesOf(url);
  if (carriers.length > 0) {
    const seen = new Set<string>();
    for (const v of values) {
      const n = normaliseNumber(v);
      if (n.length < MIN_NUMBER_LENGTH || n.length > MAX_NUMBER_LENGTH || seen.has(n)) continue;
      seen.add(n);
      const own = matchFormats(n).filter((m) => carriers.includes(m.carrier.id));
      const candidates = candidatesFrom(own, { carrierHints: carriers, allowUnverified: true, boost: LINK_BOOST });
      if (candidates.length > 0) out.push({ url: href, number: n, candidates });
    }
  }
  if (depth === 0) {
    // Click trackers wrap the real link in a parameter (`?url=https%3A%2F%2Fwww.ups.com…`).
    for (const v of values) if (/^https?:\/\//i.test(v)) out.push(...numbersFromUrl(v, 1));
  }
  return out;
}

/** Query values, path segments and fragment pieces of a URL, decoded. */
function valuesOf(url: URL): string[] {
  const values: string[] = [];
  for (const [, v] of url.searchParams) for (const part of v.split(/[,;|]/)) values.push(part);
  for (const seg of url.pathname.split('/')) values.push(safeDecode(seg));
  for (const seg of url.hash.slice(1).split(/[/?&=]/)) values.push(safeDecode(seg));
  return values.filter((v) => v.length > 0);
}

function safeDecode(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}
