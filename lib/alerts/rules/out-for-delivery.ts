import { alertKey, episodeAliases, episodeCause, episodeHappenedAt, pkgLabel } from '../situation';
import type { AlertContext, AlertDraft } from '../types';

/** Good news: on the van today. One situation per out-for-delivery episode (a second day is a new one). */
export function outForDelivery(ctx: AlertContext): AlertDraft | null {
  const { pkg } = ctx;
  if (pkg.status !== 'out_for_delivery') return null;
  return {
    key: alertKey(pkg.id, 'out_for_delivery', episodeCause(ctx)),
    aliases: episodeAliases(ctx, 'out_for_delivery'),
    packageId: pkg.id,
    kind: 'out_for_delivery',
    severity: 'good',
    title: ctx.ui.t('alertTitleOutForDelivery', pkgLabel(pkg, ctx.ui.t)),
    message: ctx.ui.t('alertMsgOutForDelivery'),
    since: episodeHappenedAt(ctx) ?? pkg.statusSince ?? pkg.lastChangeAt,
    happenedAt: episodeHappenedAt(ctx),
    details: {},
  };
}
