import { alertKey, carrierEvents, epochOf, episodeStart, pkgLabel } from '../situation';
import type { AlertContext, AlertDraft } from '../types';

/** Good news: delivered. Once per package. */
export function delivered(ctx: AlertContext): AlertDraft | null {
  const { pkg } = ctx;
  if (pkg.status !== 'delivered') return null;
  const start = episodeStart(carrierEvents(ctx), 'delivered');
  const where = start?.location ? ` (${start.location})` : '';
  return {
    key: alertKey(pkg.id, 'delivered', 'delivered'),
    packageId: pkg.id,
    kind: 'delivered',
    severity: 'good',
    title: `${pkgLabel(pkg)} was delivered`,
    message: `${start?.description ?? pkg.statusText ?? 'Delivered'}${where}.`,
    since: (start && epochOf(start, ctx.timeZone)) ?? pkg.lastChangeAt,
    details: {},
  };
}
