import { alertKey, episodeAliases, episodeCause, episodeHappenedAt, episodeStart, pkgLabel } from '../situation';
import type { AlertContext, AlertDraft } from '../types';

/**
 * Delivery attempt failed (nobody home, no access, no safe place). One situation per attempt episode:
 * a second attempt after another "out for delivery" is a new one.
 */
export function attemptFailed(ctx: AlertContext): AlertDraft | null {
  const { pkg } = ctx;
  if (pkg.status !== 'attempt_failed') return null;
  const start = episodeStart(ctx);
  return {
    key: alertKey(pkg.id, 'attempt_failed', episodeCause(ctx)),
    aliases: episodeAliases(ctx, 'attempt_failed'),
    packageId: pkg.id,
    kind: 'attempt_failed',
    severity: 'warning',
    title: ctx.ui.t('alertTitleAttemptFailed', pkgLabel(pkg, ctx.ui.t)),
    message: start?.description ?? pkg.statusText ?? ctx.ui.t('alertMsgAttemptFailed'),
    since: episodeHappenedAt(ctx) ?? pkg.statusSince ?? pkg.lastChangeAt,
    happenedAt: episodeHappenedAt(ctx),
    details: { code: start?.code ?? null },
  };
}
