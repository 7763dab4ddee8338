import type { TrackError } from '../carriers/client';
import type { Package } from '../model/types';
import { DIAGNOSTIC_CODES } from '../shops/amazon/page';
import type { PageReading } from '../shops/types';
import type { ShopTracker, TrackerRead } from './refresh-round';

/**
 * Amazon's own tracker as a refresh provider (issue #4 §6): for Amazon packages without a carrier
 * number the shopper has a key for (shop-only shipments, Amazon Logistics TBA numbers), fetch the
 * track-package page in the shopper's signed-in session and read it like a visited page. The round
 * (refresh-round.ts) paces requests (one at a time, `gapMs` plus jitter) and, when the page says
 * "sign in" or shows a robot check, holds the provider (1 h, doubling to 24 h) and marks every one of
 * its packages: never a tight loop.
 */
import { AMAZON_BLOCKED_MESSAGES, AMAZON_TRACKER } from '../model/sources';

/** Diagnostic codes (from the Amazon reader) that mean "not signed in / blocked". */
export const BLOCKED_CODES: ReadonlySet<string> = new Set([DIAGNOSTIC_CODES.signIn, DIAGNOSTIC_CODES.robotCheck]);

export function isBlockedReading(r: PageReading): boolean {
  return r.diagnostics.some((d) => BLOCKED_CODES.has(d.code));
}

export interface AmazonTrackerDeps {
  fetch: typeof fetch;
  /** Reads a fetched page (the offscreen document on Chrome). */
  parse: (html: string, url: string, now: number) => Promise<PageReading>;
  /** Whether a credentialed request may go to this URL (only Amazon's own hosts, lib/url-policy.ts). */
  mayFetch: (url: string) => boolean;
  gapMs?: number;
}

export function amazonTracker(deps: AmazonTrackerDeps): ShopTracker {
  return {
    id: AMAZON_TRACKER,
    shop: 'amazon',
    carriers: ['amazon'],
    gapMs: deps.gapMs ?? 4000,
    async read(pkg: Package, now: () => number): Promise<TrackerRead> {
      const url = pkg.trackUrl;
      if (!url) return { ok: false, blocked: false, error: { kind: 'not_found', message: 'No Amazon track-package link for this package' } };
      if (!deps.mayFetch(url)) return { ok: false, blocked: false, error: { kind: 'invalid_number', message: `Not an Amazon tracking link: ${url}` } };
      let html: string;
      let finalUrl = url;
      try {
        const res = await deps.fetch(url, { credentials: 'include', redirect: 'follow' });
        html = await res.text();
        finalUrl = res.url || url;
        if (!res.ok) return { ok: false, blocked: false, error: { kind: res.status >= 500 ? 'server' : 'network', message: `Amazon tracker: HTTP ${res.status}`, httpStatus: res.status } };
      } catch (err) {
        return { ok: false, blocked: false, error: { kind: 'network', message: `Amazon tracker: ${String(err)}` } };
      }
      // A redirect to another site is not Amazon's answer (and must not be read in the session).
      if (!deps.mayFetch(finalUrl)) return { ok: false, blocked: false, error: { kind: 'malformed', message: `Amazon tracker was sent to ${finalUrl}` } };
      let reading: PageReading;
      try {
        reading = await deps.parse(html, finalUrl, now());
      } catch (err) {
        const error: TrackError = { kind: 'malformed', message: `Amazon tracker: ${String(err)}` };
        return { ok: false, blocked: false, error };
      }
      if (isBlockedReading(reading)) {
        const wall = reading.diagnostics.some((d) => d.code === DIAGNOSTIC_CODES.robotCheck) ? 'robot-check' : 'sign-in';
        return { ok: false, blocked: true, error: { kind: 'auth', message: AMAZON_BLOCKED_MESSAGES[wall] }, reading };
      }
      return { ok: true, reading };
    },
  };
}
