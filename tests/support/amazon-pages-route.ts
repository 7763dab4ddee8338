import { readFileSync } from 'node:fs';
import type { ProviderRoutes } from './carrier-server/types';

/**
 * A switchable www.amazon.com for the Amazon reader's E2E tests (issue #4): saved fixtures from
 * tests/fixtures/amazon/ served at their real paths (query strings ignored), and one answer for every
 * track-package path (`/progress-tracker/package…`, `/gp/your-account/ship-track`,
 * `/gp/css/shiptrack/…`) that a test can swap mid-run, e.g. to Amazon's sign-in page to play a
 * session that expired between two background refreshes. Unlike tests/support/e2e-shop.ts, nothing
 * here is generated: every body is a fixture file.
 */
export interface AmazonPagesRoute extends ProviderRoutes {
  /** Path → fixture file. Mutable: tests add pages as they go. */
  pages: Record<string, string>;
  /** The fixture served for every track-package path (null: 404). */
  trackPage: string | null;
  /** Every path this route answered, in order (`/path?query`). */
  hits: string[];
}

const TRACK_PATH = /^\/progress-tracker\/package(\/|$)|^\/gp\/your-account\/ship-track(\/|$)|^\/gp\/css\/shiptrack\//;

export function isTrackPath(path: string): boolean {
  return TRACK_PATH.test(path);
}

export function amazonPagesRoute(pages: Record<string, string> = {}, trackPage: string | null = null): AmazonPagesRoute {
  const route: AmazonPagesRoute = {
    id: 'amazon-pages',
    hosts: ['www.amazon.com'],
    pages: { ...pages },
    trackPage,
    hits: [],
    owns: (req) => req.host === 'www.amazon.com',
    handle(req) {
      const file = route.pages[req.path] ?? (isTrackPath(req.path) ? route.trackPage : null);
      if (!file) return null;
      route.hits.push(`${req.path}?${req.query.toString()}`);
      return { status: 200, headers: { 'content-type': 'text/html; charset=utf-8' }, body: readFileSync(file, 'utf8') };
    },
  };
  return route;
}
