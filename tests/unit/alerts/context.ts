// Builds alert contexts for the rule tables: fixed dates, New York time, default settings.
import { alertSettings } from '../../../lib/alerts/settings';
import type { AlertContext, AlertSettings } from '../../../lib/alerts/types';
import type { Status } from '../../../lib/model/status';
import type { Order, Package, TrackingEvent } from '../../../lib/model/types';
import { derive, timelineDigest } from '../../../lib/engine/derive';
import { makePackage, parsed, stored } from '../engine/package-factory';
import { EN } from '../../support/i18n';

export const TZ = 'America/New_York';
export const ID = 'ups:1Z999AA10123456784';

/** A stored carrier event: `ev('2024-03-05T09:00:00-05:00', 'in_transit', 'Departed')`. */
export function ev(time: string, status: Status | null, description: string, code: string | null = null, location: string | null = null): TrackingEvent {
  return { ...stored(ID, parsed(time, status, description, code)), location };
}

/**
 * A rule's context: the package as given, with the timeline digest the merge would keep for these
 * events (lib/engine/derive.ts timelineDigest), so the tables read like timelines.
 */
export function ctx(
  now: string,
  pkg: Partial<Package>,
  events: TrackingEvent[] = [],
  extra: { order?: Order | null; settings?: Partial<AlertSettings> } = {},
): AlertContext {
  const p = makePackage(pkg);
  // The pickup point the merge would derive from these events and the package's own wording.
  const d = derive({
    claims: { 'page:test': { source: 'page:test', observedAt: Date.parse(now), status: p.status, statusText: p.statusText, eta: null, deliveredAt: null, pickup: null } },
    statusLog: [{ source: 'page:test', at: Date.parse(now), status: p.status, text: p.statusText }],
    events,
    carrier: p.carrier,
    fallbackZone: TZ,
  });
  return {
    pkg: { ...p, timeline: timelineDigest(events, p.status, TZ), pickup: pkg.pickup ?? (d.status === p.status ? d.pickup : null) },
    order: extra.order ?? null,
    now: Date.parse(now),
    settings: alertSettings(extra.settings),
    timeZone: TZ,
    ui: EN,
  };
}
