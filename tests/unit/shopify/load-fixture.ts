import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { shopifyReader } from '../../../lib/shops/shopify/index';
import type { PageReading } from '../../../lib/shops/types';

export const FIXTURES = join(__dirname, '../../fixtures/shopify');

/**
 * Parses a written Shopify page as it is: its `<script src>`, `<link>` and `<iframe>` tags are signs the reader
 * looks for, so they stay, and the test files turn happy-dom's loading of them off (their environment options)
 * rather than strip them. DOMParser never runs the inline scripts.
 */
export function loadDoc(name: string): Document {
  return new DOMParser().parseFromString(readFileSync(join(FIXTURES, name), 'utf8'), 'text/html');
}

export function read(name: string, url: string, now: string, timeZone?: string): PageReading {
  return shopifyReader.extract(loadDoc(name), new URL(url), new Date(now), timeZone ? { timeZone } : {});
}
