import { isTerminal } from '../../model/status';
import { alertKey, carrierEvents, currentEpisode, epochOf, pkgLabel } from '../situation';
import type { AlertContext, AlertDraft } from '../types';

const DELAY_TEXT_RE = /\b(?:delayed|delay in|running late|rescheduled)\b/i;

/**
 * Delayed by the carrier's own word: an event in the current status episode carries a delay code
 * (settings.delayCodes: FedEx DY/DD/PD/CD/RL, USPS 71, 17TRACK Exception_Delayed…) or says "delayed",
 * "running late" or "rescheduled". One alert per package and code, so a carrier repeating "Delay"
 * every day does not notify every day. Issue #6 §4 "carrier delay codes".
 */
export function delayedCarrierCode(ctx: AlertContext): AlertDraft | null {
  const { pkg } = ctx;
  if (isTerminal(pkg.status)) return null;
  const codes = new Set(ctx.settings.delayCodes.map((c) => c.toUpperCase()));
  const episode = currentEpisode(carrierEvents(ctx), pkg.status);
  for (let i = episode.length - 1; i >= 0; i--) {
    const e = episode[i]!;
    const byCode = e.code !== null && codes.has(e.code.toUpperCase());
    if (!byCode && !DELAY_TEXT_RE.test(e.description)) continue;
    const cause = byCode ? `code:${e.code!.toUpperCase()}` : 'code:text';
    return {
      key: alertKey(pkg.id, 'delayed', cause),
      packageId: pkg.id,
      kind: 'delayed',
      severity: 'warning',
      title: `${pkgLabel(pkg)} is delayed`,
      message: `The carrier reports a delay: ${e.description}`,
      since: epochOf(e, ctx.timeZone) ?? pkg.lastChangeAt,
      details: { code: e.code, eta: pkg.eta },
    };
  }
  return null;
}
