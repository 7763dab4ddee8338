import { alertKey, carrierEvents, epochOf, episodeStart, pkgLabel } from '../situation';
import type { AlertContext, AlertDraft } from '../types';

/** Good news: on the van today. One alert per out-for-delivery episode (a second day is a new one). */
export function outForDelivery(ctx: AlertContext): AlertDraft | null {
  const { pkg } = ctx;
  if (pkg.status !== 'out_for_delivery') return null;
  const start = episodeStart(carrierEvents(ctx), 'out_for_delivery');
  return {
    key: alertKey(pkg.id, 'out_for_delivery', start ? `event:${start.key}` : `since:${pkg.lastChangeAt}`),
    packageId: pkg.id,
    kind: 'out_for_delivery',
    severity: 'good',
    title: `${pkgLabel(pkg)} arrives today`,
    message: 'It is out for delivery.',
    since: (start && epochOf(start, ctx.timeZone)) ?? pkg.lastChangeAt,
    details: {},
  };
}
