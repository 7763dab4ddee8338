import { isTerminal } from '../../model/status';
import type { EventDigest } from '../../model/types';
import { alertKey, pkgLabel } from '../situation';
import type { AlertContext, AlertDraft } from '../types';

const DELAY_TEXT_RE = /\b(?:delayed|delay in|running late|rescheduled)\b/i;

/** The newest event of the current episode that reports a delay (code from settings, or wording). */
export function delayEvent(ctx: AlertContext): EventDigest | null {
  const codes = new Set(ctx.settings.delayCodes.map((c) => c.toUpperCase()));
  const episode = ctx.pkg.timeline.episode;
  for (let i = episode.length - 1; i >= 0; i--) {
    const e = episode[i]!;
    if ((e.code !== null && codes.has(e.code.toUpperCase())) || DELAY_TEXT_RE.test(e.description)) return e;
  }
  return null;
}

/** True when every status-bearing event of the current episode is a delay report (a weather delay, not a problem). */
export function delayOnlyEpisode(ctx: AlertContext): boolean {
  const codes = new Set(ctx.settings.delayCodes.map((c) => c.toUpperCase()));
  const withStatus = ctx.pkg.timeline.episode.filter((e) => e.status !== null);
  return (
    withStatus.length > 0 && withStatus.every((e) => (e.code !== null && codes.has(e.code.toUpperCase())) || DELAY_TEXT_RE.test(e.description))
  );
}

/**
 * Delayed by the carrier's own word: an event in the current status episode carries a delay code
 * (settings.delayCodes: FedEx DY/DD/PD/CD/RL, USPS 71, 17TRACK Exception_Delayed…) or says "delayed",
 * "running late" or "rescheduled". A warning: the parcel is late, nothing is wrong with it (issue #19
 * §7). One situation per package and code, so a carrier repeating "Delay" every day is one situation.
 */
export function delayedCarrierCode(ctx: AlertContext): AlertDraft | null {
  const { pkg } = ctx;
  if (isTerminal(pkg.status)) return null;
  const e = delayEvent(ctx);
  if (!e) return null;
  const codes = new Set(ctx.settings.delayCodes.map((c) => c.toUpperCase()));
  const byCode = e.code !== null && codes.has(e.code.toUpperCase());
  return {
    key: alertKey(pkg.id, 'delayed', byCode ? `code:${e.code!.toUpperCase()}` : 'code:text'),
    packageId: pkg.id,
    kind: 'delayed',
    severity: 'warning',
    title: ctx.ui.t('alertTitleDelayed', pkgLabel(pkg, ctx.ui.t)),
    message: ctx.ui.t('alertMsgCarrierReports', e.description),
    since: e.at ?? pkg.statusSince ?? pkg.lastChangeAt,
    happenedAt: e.at,
    details: { code: e.code, eta: pkg.eta },
  };
}
