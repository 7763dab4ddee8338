import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { shopifyReader } from '../../../lib/shops/shopify/index';
import type { PageReading } from '../../../lib/shops/types';

export const FIXTURES = join(__dirname, '../../fixtures/shopify');

/**
 * Parses a page without loading anything: its `<script src>` and `<link>` tags are signs the reader looks for,
 * so they stay, and the test files turn happy-dom's loading of them off (their environment options) rather than
 * strip them; `<iframe>`s (which happy-dom would still try to load) become `<div>`s with the same attributes.
 * DOMParser never runs the inline scripts.
 */
export function parseInert(html: string): Document {
  return new DOMParser().parseFromString(html.replace(/<iframe\b/gi, '<div').replace(/<\/iframe>/gi, '</div>'), 'text/html');
}

export function loadDoc(name: string): Document {
  return parseInert(readFileSync(join(FIXTURES, name), 'utf8'));
}

export function read(name: string, url: string, now: string, timeZone?: string): PageReading {
  return shopifyReader.extract(loadDoc(name), new URL(url), new Date(now), timeZone ? { timeZone } : {});
}
