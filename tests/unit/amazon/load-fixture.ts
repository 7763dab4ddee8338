import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { readAmazonPage } from '../../../lib/shops/amazon/page';
import type { PageReading } from '../../../lib/shops/types';

export const FIXTURES = join(__dirname, '../../fixtures/amazon');

/**
 * Parses a saved page without running its scripts (DOMParser never executes them). External `<link>`,
 * `<iframe>` and `<script src>` tags are neutralised first so happy-dom never even tries to fetch them (no network in tests).
 */
export function loadDoc(name: string): Document {
  const html = readFileSync(join(FIXTURES, name), 'utf8')
    .replace(/<link\b[^>]*>/gi, '')
    .replace(/<iframe\b[^>]*>/gi, '<div>').replace(/<\/iframe>/gi, '</div>')
    .replace(/<script\b[^>]*\bsrc=[^>]*>\s*<\/script>/gi, '');
  return new DOMParser().parseFromString(html, 'text/html');
}

export function read(name: string, url: string, now: string, timeZone?: string): PageReading {
  return readAmazonPage(loadDoc(name), new URL(url), new Date(now), timeZone ? { timeZone } : {});
}
