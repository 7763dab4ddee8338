import { alertKey, episodeAliases, episodeCause, episodeHappenedAt, pkgLabel } from '../situation';
import type { AlertContext, AlertDraft } from '../types';
import { delayOnlyEpisode } from './delayed-carrier-code';

/**
 * Exception: the carrier reports a problem (damaged, address problem, held, refused…). One situation
 * per exception episode: consecutive exception scans are one; an exception after the parcel moved
 * again is a new one. A carrier delay code is normalised as an exception, but a delay is not a
 * problem: an episode of delay reports alone is the delayed situation's (issue #19 §7).
 */
export function exception(ctx: AlertContext): AlertDraft | null {
  const { pkg } = ctx;
  if (pkg.status !== 'exception' || delayOnlyEpisode(ctx)) return null;
  const newest = [...pkg.timeline.episode].reverse().find((e) => e.status === 'exception') ?? null;
  return {
    key: alertKey(pkg.id, 'exception', episodeCause(ctx)),
    aliases: episodeAliases(ctx, 'exception'),
    packageId: pkg.id,
    kind: 'exception',
    severity: 'warning',
    title: ctx.ui.t('alertTitleException', pkgLabel(pkg, ctx.ui.t)),
    message: newest?.description ?? pkg.statusText ?? ctx.ui.t('alertMsgException'),
    since: episodeHappenedAt(ctx) ?? pkg.statusSince ?? pkg.lastChangeAt,
    happenedAt: episodeHappenedAt(ctx),
    details: { code: newest?.code ?? null },
  };
}
