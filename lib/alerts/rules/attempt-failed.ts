import { alertKey, carrierEvents, epochOf, episodeStart, pkgLabel } from '../situation';
import type { AlertContext, AlertDraft } from '../types';

/**
 * Delivery attempt failed (nobody home, no access, no safe place). One alert per attempt episode: a
 * second attempt after another "out for delivery" is a new alert.
 */
export function attemptFailed(ctx: AlertContext): AlertDraft | null {
  const { pkg } = ctx;
  if (pkg.status !== 'attempt_failed') return null;
  const start = episodeStart(carrierEvents(ctx), 'attempt_failed');
  return {
    key: alertKey(pkg.id, 'attempt_failed', start ? `event:${start.key}` : `since:${pkg.lastChangeAt}`),
    packageId: pkg.id,
    kind: 'attempt_failed',
    severity: 'warning',
    title: `Delivery attempt failed: ${pkgLabel(pkg)}`,
    message: start?.description ?? pkg.statusText ?? 'The carrier could not deliver it.',
    since: (start && epochOf(start, ctx.timeZone)) ?? pkg.lastChangeAt,
    details: { code: start?.code ?? null },
  };
}
