import { alertKey, episodeAliases, episodeCause, episodeHappenedAt, pkgLabel } from '../situation';
import type { AlertContext, AlertDraft } from '../types';

/**
 * Good news: waiting at a locker, pickup point or post office, with the place, the pickup code and
 * the last day to collect when the carrier's or shop's wording gives them (the package's `pickup`,
 * derived at merge from data and text, never HTML). Once per pickup episode.
 */
export function readyForPickup(ctx: AlertContext): AlertDraft | null {
  const { pkg } = ctx;
  if (pkg.status !== 'available_for_pickup') return null;
  const place = pkg.pickup?.location ?? null;
  const code = pkg.pickup?.code ?? null;
  return {
    key: alertKey(pkg.id, 'ready_for_pickup', episodeCause(ctx)),
    aliases: episodeAliases(ctx, 'ready_for_pickup'),
    packageId: pkg.id,
    kind: 'ready_for_pickup',
    severity: 'good',
    title: ctx.ui.t('alertTitlePickup', pkgLabel(pkg, ctx.ui.t)),
    message: [place ? ctx.ui.t('alertDetailPickupAt', place) : ctx.ui.t('alertMsgReadyToCollect'), code ? ctx.ui.t('alertDetailPickupCode', code) : null].filter(Boolean).join(' '),
    since: episodeHappenedAt(ctx) ?? pkg.statusSince ?? pkg.lastChangeAt,
    happenedAt: episodeHappenedAt(ctx),
    details: { pickupLocation: place, pickupCode: code },
  };
}
