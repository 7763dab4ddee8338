import { agedOut, alertKey, episodeHappenedAt, pkgLabel } from '../situation';
import type { AlertContext, AlertDraft } from '../types';

/**
 * Cancelled: the shipment or the whole order was cancelled before delivery; one situation per package.
 * A cancelled order whose parcel was already delivered or returned raises nothing here. A shop page
 * says "Cancelled" without saying when: such a situation has no time of its own.
 */
export function cancelledOrder(ctx: AlertContext): AlertDraft | null {
  const { pkg, order } = ctx;
  const byOrder = order?.status === 'cancelled' && pkg.status !== 'delivered' && pkg.status !== 'returned';
  if (pkg.status !== 'cancelled' && !byOrder) return null;
  const since = pkg.status === 'cancelled' ? (pkg.statusSince ?? pkg.lastChangeAt) : (order?.updatedAt ?? pkg.lastChangeAt);
  if (agedOut(ctx, episodeHappenedAt(ctx) ?? since, 'cancelled')) return null;
  return {
    key: alertKey(pkg.id, 'cancelled', 'cancelled'),
    packageId: pkg.id,
    kind: 'cancelled',
    severity: 'info',
    title: ctx.ui.t('alertTitleCancelled', pkgLabel(pkg, ctx.ui.t)),
    message: pkg.statusText && pkg.status === 'cancelled' ? pkg.statusText : ctx.ui.t('alertMsgCancelled'),
    since,
    happenedAt: pkg.status === 'cancelled' ? episodeHappenedAt(ctx) : null,
    details: {},
  };
}
