import { alertKey, carrierEvents, epochOf, episodeStart, pkgLabel } from '../situation';
import type { AlertContext, AlertDraft } from '../types';

/**
 * Exception: the carrier reports a problem (damaged, address problem, held, refused…). One alert per
 * exception episode: consecutive exception scans are one alert; an exception after the parcel moved
 * again is a new one. Without an exception event (the status came from a summary) the episode is
 * keyed by the moment the package changed.
 */
export function exception(ctx: AlertContext): AlertDraft | null {
  const { pkg } = ctx;
  if (pkg.status !== 'exception') return null;
  const sorted = carrierEvents(ctx);
  const start = episodeStart(sorted, 'exception');
  const newest = [...sorted].reverse().find((e) => e.status === 'exception') ?? null;
  return {
    key: alertKey(pkg.id, 'exception', start ? `event:${start.key}` : `since:${pkg.lastChangeAt}`),
    packageId: pkg.id,
    kind: 'exception',
    severity: 'warning',
    title: `Problem with ${pkgLabel(pkg)}`,
    message: newest?.description ?? pkg.statusText ?? 'The carrier reports a problem with this shipment.',
    since: (start && epochOf(start, ctx.timeZone)) ?? pkg.lastChangeAt,
    details: { code: newest?.code ?? null },
  };
}
