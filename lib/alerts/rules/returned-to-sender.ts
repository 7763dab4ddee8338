import { agedOut, alertKey, episodeHappenedAt, episodeStart, pkgLabel } from '../situation';
import type { AlertContext, AlertDraft } from '../types';

/** Returned to sender: the parcel is not coming, a problem to act on (refund); once per package. */
export function returnedToSender(ctx: AlertContext): AlertDraft | null {
  const { pkg } = ctx;
  if (pkg.status !== 'returned') return null;
  const start = episodeStart(ctx);
  if (agedOut(ctx, episodeHappenedAt(ctx), 'returned')) return null;
  return {
    key: alertKey(pkg.id, 'returned', 'returned'),
    packageId: pkg.id,
    kind: 'returned',
    severity: 'critical',
    title: ctx.ui.t('alertTitleReturned', pkgLabel(pkg, ctx.ui.t)),
    message: start?.description ?? pkg.statusText ?? ctx.ui.t('alertMsgReturned'),
    since: episodeHappenedAt(ctx) ?? pkg.statusSince ?? pkg.lastChangeAt,
    happenedAt: episodeHappenedAt(ctx),
    details: {},
  };
}
