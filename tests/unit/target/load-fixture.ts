import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { targetReader } from '../../../lib/shops/target/index';
import type { PageReading } from '../../../lib/shops/types';
import { parseInert } from '../shopify/load-fixture';

export const FIXTURES = join(__dirname, '../../fixtures/target');
export const LIST = 'https://www.target.com/orders';
export const MARCH = '2026-03-10T15:00:00Z';

export function fixture(name: string): string {
  return readFileSync(join(FIXTURES, name), 'utf8');
}

export function read(html: string, url: string = LIST, now: string = MARCH): PageReading {
  return targetReader.extract(parseInert(html), new URL(url), new Date(now));
}

/** The order_history JSON of the four-statuses fixture, to build variants of it. */
export function history(): { orders: Record<string, unknown>[] } & Record<string, unknown> {
  const m = /<script type="application\/json" id="order-history-data">([\s\S]*?)<\/script>/.exec(fixture('order-history--four-statuses.html'));
  return JSON.parse(m![1]!) as { orders: Record<string, unknown>[] };
}

/** A page carrying `data` in a JSON script. */
export function pageWith(data: unknown): string {
  return `<html><head><title>Orders : Target</title></head><body><div id="root"></div><script type="application/json">${JSON.stringify(data).replace(/<\//g, '<\\/')}</script></body></html>`;
}
