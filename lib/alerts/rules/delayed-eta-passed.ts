import { plural } from '../../i18n/translate';
import { isTerminal } from '../../model/status';
import { alertKey, DAY_MS, formatEta, pkgLabel, safeEtaEnd } from '../situation';
import type { AlertContext, AlertDraft } from '../types';

/**
 * Late: the ETA window ended (in the user's zone, plus the grace hours) and the parcel is neither
 * delivered nor waiting at a pickup point. One situation per ETA: if the ETA moves and passes again,
 * that is a new one. Issue #6 §4 "ETA passed without delivery".
 */
export function delayedEtaPassed(ctx: AlertContext): AlertDraft | null {
  const { pkg } = ctx;
  if (isTerminal(pkg.status) || pkg.status === 'available_for_pickup' || !pkg.eta) return null;
  const end = safeEtaEnd(pkg.eta, ctx.timeZone);
  if (end === null) return null;
  const since = end + 1 + ctx.settings.etaGraceHours * 3_600_000;
  if (ctx.now < since) return null;
  const days = Math.floor((ctx.now - end) / DAY_MS);
  return {
    key: alertKey(pkg.id, 'delayed', `eta:${pkg.eta.to}`),
    packageId: pkg.id,
    kind: 'delayed',
    severity: 'warning',
    title: ctx.ui.t('alertTitleLate', pkgLabel(pkg, ctx.ui.t)),
    message: days >= 1 ? plural(ctx.ui, 'alertMsgLateDays', days, formatEta(pkg.eta, ctx.ui.locale)) : ctx.ui.t('alertMsgLate', formatEta(pkg.eta, ctx.ui.locale)),
    since,
    happenedAt: since,
    details: { eta: pkg.eta },
  };
}
