import { plural } from '../../i18n/translate';
import { alertKey, quietAliases, DAY_MS, lastProgressAt, pkgLabel } from '../situation';
import type { MessageKey } from '../../i18n/translate';
import type { AlertContext, AlertDetails, AlertDraft } from '../types';

const STAGE_TEXT: Record<NonNullable<AlertDetails['stage']>, MessageKey> = {
  label_created: 'alertStageLabelCreated',
  domestic_transit: 'alertStageDomestic',
  international_transit: 'alertStageInternational',
  customs: 'alertStageCustoms',
};

/**
 * Stalled: no new carrier event for longer than the stage allows (issue #6 §4: label created > 3 days,
 * domestic in transit > 4, international > 7, in customs > 5; configurable). Only stages where the
 * carrier should be moving the parcel: not before shipping (`pending`), not on the van, at a pickup
 * point or after the end. One situation per quiet spell: the key names the last event heard, so a new
 * scan ends it.
 */
export function stalled(ctx: AlertContext): AlertDraft | null {
  const { pkg, settings } = ctx;
  let stage: NonNullable<AlertDetails['stage']>;
  let days: number;
  if (pkg.status === 'info_received') {
    stage = 'label_created';
    days = settings.stalledDays.labelCreated;
  } else if (pkg.status === 'in_transit' || pkg.status === 'exception') {
    if (pkg.timeline.inCustoms) {
      stage = 'customs';
      days = settings.stalledDays.customs;
    } else if (pkg.timeline.international) {
      stage = 'international_transit';
      days = settings.stalledDays.internationalTransit;
    } else {
      stage = 'domestic_transit';
      days = settings.stalledDays.domesticTransit;
    }
  } else {
    return null;
  }
  const last = lastProgressAt(ctx);
  const since = last.at + days * DAY_MS;
  if (ctx.now <= since) return null;
  const quietDays = Math.floor((ctx.now - last.at) / DAY_MS);
  return {
    key: alertKey(pkg.id, 'stalled', `after:${last.event?.key ?? last.at}`),
    aliases: quietAliases(ctx, 'stalled', last.event),
    packageId: pkg.id,
    kind: 'stalled',
    severity: 'warning',
    title: plural(ctx.ui, 'alertTitleStalled', quietDays, pkgLabel(pkg, ctx.ui.t)),
    message: last.event ? plural(ctx.ui, 'alertMsgStalledLast', quietDays, ctx.ui.t(STAGE_TEXT[stage]), last.event.description) : plural(ctx.ui, 'alertMsgStalled', quietDays, ctx.ui.t(STAGE_TEXT[stage])),
    since,
    happenedAt: since,
    details: { quietDays, stage },
  };
}
