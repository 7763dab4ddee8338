import { alertKey, carrierEvents, DAY_MS, epochOf, isInternational, lastProgressAt, pkgLabel } from '../situation';
import { NOT_RECEIVED_CODE } from '../user-reports';
import type { AlertContext, AlertDraft } from '../types';

/**
 * Suspected lost (issue #6 §4), either:
 * - the carrier says delivered but the shopper marked it not received (a `user` event with code
 *   {@link NOT_RECEIVED_CODE}, see user-reports.ts), or
 * - a parcel the carrier holds has had no event for more than 7 days (domestic) or 20 days
 *   (international), configurable.
 * Critical: this is when refund and claim windows start to matter (next-steps.ts).
 */
export function suspectedLost(ctx: AlertContext): AlertDraft | null {
  const { pkg } = ctx;
  if (pkg.status === 'delivered') {
    const report = ctx.events
      .filter((e) => e.source === 'user' && e.code === NOT_RECEIVED_CODE)
      .map((e) => ({ e, at: epochOf(e, ctx.timeZone) ?? ctx.now }))
      .sort((a, b) => a.at - b.at)[0];
    if (!report) return null;
    return {
      key: alertKey(pkg.id, 'suspected_lost', 'not-received'),
      packageId: pkg.id,
      kind: 'suspected_lost',
      severity: 'critical',
      title: `${pkgLabel(pkg)}: marked delivered, not received`,
      message: 'The carrier says it was delivered, but you did not get it.',
      since: report.at,
      details: {},
    };
  }
  if (!['in_transit', 'exception', 'out_for_delivery', 'attempt_failed'].includes(pkg.status)) return null;
  const sorted = carrierEvents(ctx);
  const international = isInternational(sorted);
  const days = international ? ctx.settings.lostDays.international : ctx.settings.lostDays.domestic;
  const last = lastProgressAt(ctx, sorted);
  const since = last.at + days * DAY_MS;
  if (ctx.now <= since) return null;
  const quietDays = Math.floor((ctx.now - last.at) / DAY_MS);
  return {
    key: alertKey(pkg.id, 'suspected_lost', `after:${last.event?.key ?? last.at}`),
    packageId: pkg.id,
    kind: 'suspected_lost',
    severity: 'critical',
    title: `${pkgLabel(pkg)} may be lost`,
    message: `No tracking update for ${quietDays} days${international ? ' on an international shipment' : ''}.`,
    since,
    details: { quietDays, stage: international ? 'international_transit' : 'domestic_transit' },
  };
}
