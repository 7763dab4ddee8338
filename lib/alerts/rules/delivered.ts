import { zonedLocalToEpoch, addDays } from '../../model/time';
import { agedOut, alertKey, episodeHappenedAt, episodeStart, pkgLabel } from '../situation';
import type { AlertContext, AlertDraft } from '../types';

/** When a delivery time says it happened: an instant, or the end of a day the page names. */
function deliveredInstant(iso: string | null, timeZone: string): number | null {
  if (!iso) return null;
  try {
    if (iso.length <= 10) return zonedLocalToEpoch(`${addDays(iso, 1)}T00:00:00`, timeZone) - 1;
    const t = /(Z|[+-]\d\d:?\d\d)$/i.test(iso) ? Date.parse(iso) : zonedLocalToEpoch(iso, timeZone);
    return Number.isFinite(t) ? t : null;
  } catch {
    return null;
  }
}

/** Good news: delivered. Once per package; it holds three days after the delivery. */
export function delivered(ctx: AlertContext): AlertDraft | null {
  const { pkg } = ctx;
  if (pkg.status !== 'delivered') return null;
  const start = episodeStart(ctx);
  const where = start?.location ? ` (${start.location})` : '';
  const at = episodeHappenedAt(ctx) ?? deliveredInstant(pkg.deliveredAt, ctx.timeZone);
  if (agedOut(ctx, at, 'delivered')) return null;
  return {
    key: alertKey(pkg.id, 'delivered', 'delivered'),
    packageId: pkg.id,
    kind: 'delivered',
    severity: 'good',
    title: ctx.ui.t('alertTitleDelivered', pkgLabel(pkg, ctx.ui.t)),
    message: `${start?.description ?? pkg.statusText ?? ctx.ui.t('alertMsgDelivered')}${where}.`,
    since: at ?? pkg.statusSince ?? pkg.lastChangeAt,
    happenedAt: at,
    details: {},
  };
}
