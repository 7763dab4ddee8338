import { alertKey, carrierEvents, epochOf, episodeStart, pkgLabel } from '../situation';
import type { AlertContext, AlertDraft } from '../types';

/** Returned to sender: the parcel is not coming; raised once per package. */
export function returnedToSender(ctx: AlertContext): AlertDraft | null {
  const { pkg } = ctx;
  if (pkg.status !== 'returned') return null;
  const start = episodeStart(carrierEvents(ctx), 'returned');
  return {
    key: alertKey(pkg.id, 'returned', 'returned'),
    packageId: pkg.id,
    kind: 'returned',
    severity: 'warning',
    title: `${pkgLabel(pkg)} is going back to the sender`,
    message: start?.description ?? pkg.statusText ?? 'The carrier is returning it to the sender.',
    since: (start && epochOf(start, ctx.timeZone)) ?? pkg.lastChangeAt,
    details: {},
  };
}
