// Test factories for packages and events (shared by the engine, alerts and notify tests).
import type { ParsedEvent, TrackResult } from '../../../lib/carriers/client';
import { eventKey } from '../../../lib/model/keys';
import type { Status } from '../../../lib/model/status';
import { blankPackage } from '../../../lib/engine/merge';
import type { Package, TrackingEvent } from '../../../lib/model/types';

export const T0 = Date.parse('2024-03-04T15:00:00Z');
export const HOUR = 3_600_000;
export const DAY = 24 * HOUR;

export function makePackage(over: Partial<Package> = {}): Package {
  const base = blankPackage(
    {
      id: 'ups:1Z999AA10123456784',
      trackingNumber: '1Z999AA10123456784',
      carrier: 'ups',
      label: 'Desk lamp',
      status: 'in_transit',
      statusText: 'On the way',
      lastChangeAt: T0,
      nextCheckAt: null,
      firstSeenAt: T0,
      evaluatedAt: T0,
      ...over,
    },
    T0,
  );
  return { ...base, updatedAt: over.updatedAt ?? T0 };
}

export function parsed(time: string, status: Status | null, description: string, code: string | null = null): ParsedEvent {
  return { time, timeIsLocal: !/(Z|[+-]\d\d:?\d\d)$/.test(time), status, code, description, location: null };
}

export function stored(pkgId: string, e: ParsedEvent, source = 'carrier:ups'): TrackingEvent {
  return {
    key: eventKey({ packageId: pkgId, time: e.time, code: e.code, description: e.description }),
    packageId: pkgId,
    time: e.time,
    timeIsLocal: e.timeIsLocal,
    status: e.status,
    code: e.code,
    description: e.description,
    location: e.location,
    source,
    sources: [source],
    timeZone: null,
  };
}

export function result(events: ParsedEvent[], over: Partial<TrackResult> = {}): TrackResult {
  return { trackingNumber: '1Z999AA10123456784', status: null, eta: null, events, ...over };
}
