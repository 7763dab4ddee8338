/**
 * Where a piece of evidence comes from, and how far it is trusted (issue #19 §8). One table, one rule:
 * a field takes the value of the most authoritative source that states it; among equals, the newest
 * observation. A weaker source never overrides a stronger one, however recent.
 *
 * Source strings: `carrier:<provider>` (a carrier's own API), `aggregator:<provider>` (17TRACK,
 * Ship24), `page:<shop or host>` (a shop page read in the shopper's session), `email:<host>`,
 * `selection`, `user` (what the shopper said), `legacy` (values stored before claims existed).
 */
export type SourceKind = 'carrier' | 'aggregator' | 'page' | 'email' | 'selection' | 'user' | 'legacy';

export const SOURCE_RANK: Readonly<Record<SourceKind, number>> = {
  carrier: 5,
  aggregator: 4,
  page: 3,
  email: 2,
  // Values migrated from schema 1 (no source known): kept until any real source speaks.
  legacy: 1,
  selection: 0,
  user: 0,
};

export function sourceKind(source: string): SourceKind {
  const kind = source.split(':', 1)[0] as SourceKind;
  return kind in SOURCE_RANK ? kind : 'selection';
}

/**
 * The rank of `source` for a package of `carrier`. A shop's own page counts as the carrier when the
 * shop is the carrier (Amazon's track page for an Amazon Logistics parcel).
 */
export function sourceRank(source: string, carrier: string | null): number {
  const kind = sourceKind(source);
  if (kind === 'page' && carrier && source === `page:${carrier}`) return SOURCE_RANK.carrier;
  return SOURCE_RANK[kind];
}

/** The source string a refresh provider's answers carry. */
export function providerSource(providerId: string, isAggregator: boolean): string {
  return `${isAggregator ? 'aggregator' : 'carrier'}:${providerId}`;
}

/**
 * The provider id of Amazon's own tracker (lib/services/amazon-tracker.ts): its hold's key too. Here so
 * the popup can name it without importing the tracker and the Amazon reader (issue #13: first paint).
 */
export const AMAZON_TRACKER = 'amazon-tracker';

/**
 * What the shopper is told while Amazon's tracker is held, one message per wall it met: a robot check
 * is not a sign-in, and saying "sign in" to a signed-in shopper is false (issue #17, fault matrix).
 */
export const AMAZON_BLOCKED_MESSAGES = {
  'sign-in': 'Sign in to Amazon to refresh',
  'robot-check': 'Amazon wants to check you are not a robot: open Amazon and answer its check to refresh',
} as const;
