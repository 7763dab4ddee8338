import { plural } from '../../i18n/translate';
import { agedOut, alertKey, quietAliases, DAY_MS, lastProgressAt, pkgLabel } from '../situation';
import type { AlertContext, AlertDraft } from '../types';

/**
 * Suspected lost (issue #6 §4), a problem to act on (claim windows start to matter), either:
 * - the carrier says delivered but the shopper said "I did not receive this" (a `user` event, see
 *   lib/engine/user-report.ts): the shopper's own report, so it is shown but never notified back to
 *   them, and it ends the good news of delivery (registry `supersedes`); or
 * - a parcel the carrier holds has had no event for more than 7 days (domestic) or 20 days
 *   (international), configurable.
 */
export function suspectedLost(ctx: AlertContext): AlertDraft | null {
  const { pkg } = ctx;
  if (pkg.status === 'delivered') {
    const at = pkg.timeline.notReceivedAt;
    if (at === null || agedOut(ctx, at, 'not_received')) return null;
    return {
      key: alertKey(pkg.id, 'suspected_lost', 'not-received'),
      packageId: pkg.id,
      kind: 'suspected_lost',
      severity: 'critical',
      title: ctx.ui.t('alertTitleNotReceived', pkgLabel(pkg, ctx.ui.t)),
      message: ctx.ui.t('alertMsgNotReceived'),
      since: at,
      happenedAt: at,
      byUser: true,
      details: {},
    };
  }
  if (!['in_transit', 'exception', 'out_for_delivery', 'attempt_failed'].includes(pkg.status)) return null;
  const international = pkg.timeline.international;
  const days = international ? ctx.settings.lostDays.international : ctx.settings.lostDays.domestic;
  const last = lastProgressAt(ctx);
  const since = last.at + days * DAY_MS;
  if (ctx.now <= since) return null;
  const quietDays = Math.floor((ctx.now - last.at) / DAY_MS);
  return {
    key: alertKey(pkg.id, 'suspected_lost', `after:${last.event?.key ?? last.at}`),
    aliases: quietAliases(ctx, 'suspected_lost', last.event),
    packageId: pkg.id,
    kind: 'suspected_lost',
    severity: 'critical',
    title: ctx.ui.t('alertTitleMayBeLost', pkgLabel(pkg, ctx.ui.t)),
    message: plural(ctx.ui, international ? 'alertMsgLostIntl' : 'alertMsgLost', quietDays),
    since,
    happenedAt: since,
    details: { quietDays, stage: international ? 'international_transit' : 'domestic_transit' },
  };
}
