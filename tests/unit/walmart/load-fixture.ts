import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { PageReading } from '../../../lib/shops/types';
import { walmartReader } from '../../../lib/shops/walmart/index';
import { parseInert } from '../shopify/load-fixture';

export const FIXTURES = join(__dirname, '../../fixtures/walmart');
export const LIST = 'https://www.walmart.com/orders';
export const MARCH = '2026-03-10T15:00:00Z';

export function fixture(name: string): string {
  return readFileSync(join(FIXTURES, name), 'utf8');
}

export function read(html: string, url: string = LIST, now: string = MARCH): PageReading {
  return walmartReader.extract(parseInert(html), new URL(url), new Date(now), { timeZone: 'America/Chicago' });
}

/** The fixture's `__NEXT_DATA__` JSON, to build variants of it. */
export function nextData(name: string): Record<string, unknown> {
  const m = /<script id="__NEXT_DATA__" type="application\/json">([\s\S]*?)<\/script>/.exec(fixture(name));
  return JSON.parse(m![1]!) as Record<string, unknown>;
}

/** A page holding `data` as its `__NEXT_DATA__` (the text escaped as a JSON script needs). */
export function pageWith(data: unknown): string {
  return `<html><head><title>Purchase history - Walmart.com</title></head><body><div id="__next"></div><script id="__NEXT_DATA__" type="application/json">${JSON.stringify(data).replace(/<\//g, '<\\/')}</script></body></html>`;
}
