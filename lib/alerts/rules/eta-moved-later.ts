import { isTerminal } from '../../model/status';
import { alertKey, formatEta, pkgLabel, safeEtaEnd } from '../situation';
import type { AlertContext, AlertDraft } from '../types';

/**
 * ETA moved later: the newest ETA in the package's history ends after the one before it. One situation
 * per new ETA. An ETA that moves earlier is good news and raises nothing. Issue #6 §4 "ETA moved later".
 */
export function etaMovedLater(ctx: AlertContext): AlertDraft | null {
  const { pkg } = ctx;
  if (isTerminal(pkg.status) || pkg.etaHistory.length < 2) return null;
  const latest = pkg.etaHistory[pkg.etaHistory.length - 1]!;
  const before = pkg.etaHistory[pkg.etaHistory.length - 2]!;
  const a = safeEtaEnd(before.eta, ctx.timeZone);
  const b = safeEtaEnd(latest.eta, ctx.timeZone);
  if (a === null || b === null || b <= a) return null;
  return {
    key: alertKey(pkg.id, 'eta_moved', `to:${latest.eta.to}`),
    packageId: pkg.id,
    kind: 'eta_moved',
    severity: 'info',
    title: ctx.ui.t('alertTitleEtaMoved', pkgLabel(pkg, ctx.ui.t)),
    message: ctx.ui.t('alertMsgEtaMoved', formatEta(latest.eta, ctx.ui.locale), formatEta(before.eta, ctx.ui.locale)),
    since: latest.seenAt,
    happenedAt: latest.seenAt,
    details: { eta: latest.eta, previousEta: before.eta },
  };
}
