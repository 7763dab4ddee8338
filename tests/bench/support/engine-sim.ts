/**
 * A simulated carrier network for the engine benchmark: each package's whole life is generated up
 * front from a seeded random source (label, pickup, transit scans, delays, exceptions, failed
 * attempts, pickup points, customs, lost parcels), and `answer(number, t)` replies like a carrier API
 * would at instant `t`: the events visible by then (each posted 0–30 min after it happened) and the
 * ETA as it stood. Pure and deterministic; no network.
 */
import type { ParsedEvent, TrackResult } from '../../../lib/carriers/client';
import type { Status } from '../../../lib/model/status';
import { toZonedIso, zonedLocalToEpoch } from '../../../lib/model/time';
import type { Eta } from '../../../lib/model/types';

export const TZ = 'America/New_York';
export const MIN = 60_000;
export const HOUR = 60 * MIN;
export const DAY = 24 * HOUR;

export type Scenario = 'normal' | 'delayed' | 'exception' | 'attempt' | 'pickup' | 'lost' | 'international';

export interface SimEvent extends ParsedEvent {
  at: number;
  visibleAt: number;
}

export interface SimPackage {
  id: string;
  carrier: 'ups' | 'fedex' | 'usps' | 'dhl';
  number: string;
  scenario: Scenario;
  createdAt: number;
  events: SimEvent[];
  /** ETA timeline: from `at` on, the carrier says `eta`. */
  etas: Array<{ at: number; eta: Eta }>;
  deliveredAt: number | null;
}

/** mulberry32: a small seeded PRNG. */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function localDay(epoch: number): string {
  return toZonedIso(epoch, TZ).slice(0, 10);
}

function at(day: string, hh: number, mm = 0): number {
  return zonedLocalToEpoch(`${day}T${String(hh).padStart(2, '0')}:${String(mm).padStart(2, '0')}:00`, TZ);
}

function addDaysIso(day: string, n: number): string {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d + n)).toISOString().slice(0, 10);
}

const CARRIERS = ['ups', 'fedex', 'usps', 'dhl'] as const;

export function buildWorld(count: number, start: number, seed = 7): SimPackage[] {
  const r = rng(seed);
  const between = (a: number, b: number) => a + (b - a) * r();
  const world: SimPackage[] = [];
  for (let i = 0; i < count; i++) {
    const carrier = CARRIERS[i % CARRIERS.length]!;
    const number = `${carrier.toUpperCase()}${String(100000 + i)}`;
    const roll = r();
    const scenario: Scenario =
      roll < 0.55 ? 'normal' : roll < 0.7 ? 'delayed' : roll < 0.75 ? 'exception' : roll < 0.82 ? 'attempt' : roll < 0.87 ? 'pickup' : roll < 0.92 ? 'lost' : 'international';
    const createdAt = start + Math.round(between(0, 18) * DAY);
    const events: SimEvent[] = [];
    const push = (t: number, status: Status | null, description: string, code: string | null, location: string) => {
      events.push({
        at: t,
        visibleAt: t + Math.round(between(0, 30) * MIN),
        time: toZonedIso(t, TZ),
        timeIsLocal: false,
        status,
        code,
        description,
        location,
      });
    };
    const intl = scenario === 'international';
    push(createdAt, 'info_received', 'Shipment information received', 'OC', intl ? 'SHENZHEN, CN' : 'SEATTLE, WA, US');
    const pickup = createdAt + Math.round(between(6, 36) * HOUR);
    push(pickup, 'in_transit', 'Picked up', 'PU', intl ? 'SHENZHEN, CN' : 'SEATTLE, WA, US');
    const transitDays = Math.round(between(3, 5)) + (intl ? 6 : 0);
    const promised = addDaysIso(localDay(pickup), transitDays);
    const etas: SimPackage['etas'] = [{ at: createdAt, eta: { from: promised, to: promised } }];
    let deliveryDay = promised;
    if (scenario === 'delayed') {
      deliveryDay = addDaysIso(promised, 2);
      const moveAt = at(addDaysIso(promised, -1), 6);
      etas.push({ at: moveAt, eta: { from: deliveryDay, to: deliveryDay } });
      push(moveAt, 'in_transit', 'Delay: weather', 'DY', 'LOUISVILLE, KY, US');
    }
    // Transit scans until the evening before the delivery day (or a lost parcel's last scan).
    const lastScan = at(addDaysIso(deliveryDay, -1), 22);
    let t = pickup + Math.round(between(8, 20) * HOUR);
    let n = 0;
    while (t < lastScan) {
      if (intl && n === 2) {
        push(t, 'in_transit', 'Arrived at customs', 'CP', 'LOS ANGELES, CA, US');
        t += Math.round(between(20, 40) * HOUR);
        push(t, 'in_transit', 'Released by customs', 'CC', 'LOS ANGELES, CA, US');
      } else if (scenario === 'exception' && n === 2) {
        push(t, 'exception', 'Address information required', 'SE', 'MEMPHIS, TN, US');
        t += Math.round(between(18, 30) * HOUR);
        push(t, 'in_transit', 'Address corrected', 'IT', 'MEMPHIS, TN, US');
      } else {
        push(t, 'in_transit', n % 2 ? 'Departed facility' : 'Arrived at facility', n % 2 ? 'DP' : 'AR', 'LOUISVILLE, KY, US');
      }
      n++;
      if (scenario === 'lost' && n >= 2) break;
      t += Math.round(between(8, 30) * HOUR);
    }
    let deliveredAt: number | null = null;
    if (scenario !== 'lost') {
      let day = deliveryDay;
      if (scenario === 'attempt') {
        push(at(day, 8, Math.round(between(0, 90))), 'out_for_delivery', 'Out for delivery', 'OD', 'SPRINGFIELD, IL, US');
        push(at(day, 14, Math.round(between(0, 120))), 'attempt_failed', 'Delivery attempted: no access', 'DE', 'SPRINGFIELD, IL, US');
        day = addDaysIso(day, 1);
      }
      if (scenario === 'pickup') {
        push(at(day, 8, Math.round(between(0, 90))), 'out_for_delivery', 'Out for delivery', 'OD', 'SPRINGFIELD, IL, US');
        push(at(day, 12, Math.round(between(0, 120))), 'available_for_pickup', 'Ready for pickup at Hub Locker - Maple. Pickup code: 482913', 'HP', 'SPRINGFIELD, IL, US');
        day = addDaysIso(day, 2);
        deliveredAt = at(day, 17, Math.round(between(0, 120)));
        push(deliveredAt, 'delivered', 'Picked up by recipient', 'DL', 'SPRINGFIELD, IL, US');
      } else {
        push(at(day, 8, Math.round(between(0, 90))), 'out_for_delivery', 'Out for delivery', 'OD', 'SPRINGFIELD, IL, US');
        deliveredAt = at(day, 11, Math.round(between(0, 480)));
        push(deliveredAt, 'delivered', 'Delivered, front door', 'DL', 'SPRINGFIELD, IL, US');
      }
    }
    events.sort((a, b) => a.at - b.at);
    world.push({ id: `${carrier}:${number}`, carrier, number, scenario, createdAt, events, etas, deliveredAt });
  }
  return world;
}

/** What the carrier API answers at instant `t` (newest event first, as carriers do). */
export function answer(p: SimPackage, t: number): TrackResult {
  const visible = p.events.filter((e) => e.visibleAt <= t);
  let eta: Eta | null = null;
  for (const e of p.etas) if (e.at <= t) eta = e.eta;
  const delivered = visible.find((e) => e.status === 'delivered');
  return {
    trackingNumber: p.number,
    status: null,
    eta: delivered ? null : eta,
    events: visible
      .slice()
      .reverse()
      .map(({ time, timeIsLocal, status, code, description, location }) => ({ time, timeIsLocal, status, code, description, location })),
    deliveredAt: delivered ? delivered.time : null,
  };
}
