import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { readerFor } from '../../lib/shops/registry';
import type { PageReading } from '../../lib/shops/types';

const FIXTURES = join(__dirname, '../fixtures');

/** A fixture of tests/fixtures/<shop>/ as a document (DOMParser never runs its scripts). */
export function loadShopDoc(shop: string, name: string): Document {
  return new DOMParser().parseFromString(readFileSync(join(FIXTURES, shop, name), 'utf8'), 'text/html');
}

/** Reads a document as the extension does: the registry's reader for the URL (which must be `shop`'s), then its extract. */
export function readAs(shop: string, doc: Document, url: string, now: string, timeZone?: string): PageReading {
  const reader = readerFor(new URL(url));
  if (reader?.id !== shop) throw new Error(`${url}: the registry gives ${reader?.id ?? 'no reader'}, not ${shop}`);
  return reader.extract(doc, new URL(url), new Date(now), timeZone ? { timeZone } : {});
}

export function readShopFixture(shop: string, name: string, url: string, now: string, timeZone?: string): PageReading {
  return readAs(shop, loadShopDoc(shop, name), url, now, timeZone);
}

/**
 * Paths near a reader's own (`known`, lower case): each with a segment added, dropped or changed, or random,
 * for the property that a reader matches its pages and nothing else on its shop's hosts.
 */
export function pathsNear(known: readonly string[]): fc.Arbitrary<string> {
  const segment = fc.stringMatching(/^[A-Za-z0-9._-]{1,14}$/);
  const random = fc.array(segment, { maxLength: 4 }).map((s) => `/${s.join('/')}`);
  const near = fc.tuple(fc.constantFrom(...known), fc.nat(), segment, fc.nat({ max: 3 })).map(([k, i, s, how]) => {
    const parts = k.split('/').filter(Boolean);
    const at = i % (parts.length + 1);
    if (how === 0) parts.splice(at, 0, s);
    else if (how === 1) parts.splice(Math.min(at, parts.length - 1), 1);
    else if (how === 2) parts[Math.min(at, parts.length - 1)] = s;
    else return k;
    return `/${parts.join('/')}`;
  });
  return fc.oneof(random, near);
}
