import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { advanceStatus, isForward } from '../../../lib/engine/advance-status';
import { mergeObservation, recordFailure } from '../../../lib/engine/merge';
import { type Observation, observationFromTrackResult, type ObservedEvent } from '../../../lib/engine/observation';
import type { Status } from '../../../lib/model/status';
import type { Eta, Package, TrackingEvent } from '../../../lib/model/types';
import { DAY, HOUR, makePackage, parsed, result, T0 } from './package-factory';

const NOW = T0 + 2 * DAY; // 2024-03-06T15:00:00Z
const NUMBER = '1Z999AA10123456784';
const ZONE = 'America/New_York';

/** A carrier answer for the package's number, observed at `at`. */
function carrier(at: number, events: ObservedEvent[], over: Partial<Observation> = {}): Observation {
  return { ...observationFromTrackResult(result(events), 'carrier:ups', at), ...over };
}

/** A shop page read at `at`. */
function page(at: number, status: Status | null, over: Partial<Observation> = {}): Observation {
  return { source: 'page:amazon', observedAt: at, trackingNumber: null, status, statusText: null, eta: null, deliveredAt: null, pickup: null, events: [], ...over };
}

/** Merges observations one after another, as stored rows accumulate. */
function run(pkg: Package, obs: Observation[], at = NOW): { pkg: Package; events: TrackingEvent[] } {
  let p = pkg;
  let rows = new Map<string, TrackingEvent>();
  for (const o of obs) {
    const m = mergeObservation(p, [...rows.values()], o, { now: Math.max(at, o.observedAt), shopperZone: ZONE });
    p = m.pkg;
    rows = new Map(rows);
    for (const k of m.remove) rows.delete(k);
    for (const e of m.put) rows.set(e.key, e);
  }
  return { pkg: p, events: [...rows.values()] };
}

describe('merge: events', () => {
  it('turns carrier events into stored rows and derives the status from them', () => {
    const pkg = makePackage({ status: 'pending' });
    const out = mergeObservation(
      pkg,
      [],
      carrier(NOW, [parsed('2024-03-05T18:00:00Z', 'out_for_delivery', 'Out For Delivery Today', 'OF'), parsed('2024-03-05T09:00:00Z', 'in_transit', 'Departed from Facility', 'DP')]),
      { now: NOW, shopperZone: ZONE },
    );
    expect(out.put.map((e) => e.description).sort()).toEqual(['Departed from Facility', 'Out For Delivery Today']);
    expect(out.pkg.status).toBe('out_for_delivery');
    expect(out.pkg.statusSince).toBe(Date.parse('2024-03-05T18:00:00Z'));
    expect(out.pkg.provenance.status).toEqual({ source: 'carrier:ups', observedAt: Date.parse('2024-03-05T18:00:00Z') });
    expect(out.statusChanged).toBe(true);
    expect(out.pkg.lastEvent?.description).toBe('Out For Delivery Today');
    expect(out.pkg.statusText).toBe('Out For Delivery Today');
    expect(out.pkg.lastChangeAt).toBe(NOW);
  });

  it('is idempotent: the same answer merged again writes nothing and changes nothing but bookkeeping', () => {
    const obs = carrier(NOW, [parsed('2024-03-05T09:00:00Z', 'in_transit', 'Departed', 'DP'), parsed('2024-03-05T09:00:00Z', 'in_transit', 'Departed', 'DP')], {
      eta: { from: '2024-03-07', to: '2024-03-07' },
    });
    const first = run(makePackage({ status: 'pending' }), [obs]);
    expect(first.events).toHaveLength(1); // a duplicate inside one answer collapses too
    const again = mergeObservation(first.pkg, first.events, { ...obs, observedAt: NOW + HOUR }, { now: NOW + HOUR, shopperZone: ZONE });
    expect(again.put).toEqual([]);
    expect(again.statusChanged).toBe(false);
    expect(again.etaChanged).toBe(false);
    expect(again.pkg.etaHistory).toEqual(first.pkg.etaHistory);
  });

  it('treats re-spaced or re-cased descriptions as the same event', () => {
    const a = run(makePackage(), [carrier(NOW, [parsed('2024-03-05T09:00:00Z', 'in_transit', 'Departed  from facility', 'DP')])]);
    const b = mergeObservation(a.pkg, a.events, carrier(NOW + HOUR, [parsed('2024-03-05T09:00:00Z', 'in_transit', 'DEPARTED from Facility', 'DP')]), { now: NOW + HOUR, shopperZone: ZONE });
    expect(b.put).toEqual([]);
  });

  it('one scan told twice by one source, once with its place and once without, keeps the place whichever came first (CI seed -114823456)', () => {
    const bare = parsed('2024-03-05T09:00:00Z', 'in_transit', 'Departed', 'DP');
    const placed = { ...bare, location: 'SPRINGFIELD IL' };
    const orders: ObservedEvent[][][] = [
      [[bare], [placed]],
      [[placed], [bare]],
      [[bare, placed]],
      [[placed, bare]],
    ];
    for (const answers of orders) {
      const out = run(
        makePackage({ status: 'pending' }),
        answers.map((events, i) => carrier(NOW + i * HOUR, events)),
      );
      expect(out.events.map((e) => e.location)).toEqual(['SPRINGFIELD IL']);
    }
  });
});

type Row = [string, ObservedEvent[], ObservedEvent[], Status];
// [case, earlier events, newer events, expected status]
const ROWS: Row[] = [
  ['a newer null-status event never downgrades', [parsed('2024-03-05T08:00:00Z', 'out_for_delivery', 'Out for delivery')], [parsed('2024-03-05T09:00:00Z', null, 'Scanned into container')], 'out_for_delivery'],
  ['a newer carrier event moves out for delivery to attempt failed', [parsed('2024-03-05T08:00:00Z', 'out_for_delivery', 'Out for delivery')], [parsed('2024-03-05T17:00:00Z', 'attempt_failed', 'Customer not available')], 'attempt_failed'],
  ['a newer carrier event resolves an exception back to in transit', [parsed('2024-03-05T08:00:00Z', 'exception', 'Weather delay')], [parsed('2024-03-06T08:00:00Z', 'in_transit', 'Departed facility')], 'in_transit'],
  ['a parcel that missed the van goes back to in transit', [parsed('2024-03-05T08:00:00Z', 'out_for_delivery', 'Out for delivery')], [parsed('2024-03-05T20:00:00Z', 'in_transit', 'Arrived at facility')], 'in_transit'],
  ['delivered is not undone by a later out-for-delivery scan', [parsed('2024-03-05T12:00:00Z', 'delivered', 'Delivered')], [parsed('2024-03-05T13:00:00Z', 'out_for_delivery', 'Out for delivery')], 'delivered'],
  ['delivered gives way to a later return', [parsed('2024-03-05T12:00:00Z', 'delivered', 'Delivered')], [parsed('2024-03-06T12:00:00Z', 'returned', 'Returned to sender')], 'returned'],
  ['a late label echo does not send a moving parcel back', [parsed('2024-03-05T12:00:00Z', 'in_transit', 'Picked up')], [parsed('2024-03-05T13:00:00Z', 'info_received', 'Shipper created a label')], 'in_transit'],
  ['an older event arriving late does not move the status', [parsed('2024-03-05T12:00:00Z', 'out_for_delivery', 'Out for delivery')], [parsed('2024-03-05T06:00:00Z', 'in_transit', 'Arrived at facility')], 'out_for_delivery'],
  ['delivered and out for delivery stamped in the same minute end on delivered', [], [parsed('2024-03-05T12:00:00Z', 'delivered', 'Delivered'), parsed('2024-03-05T12:00:00Z', 'out_for_delivery', 'Out for delivery')], 'delivered'],
  ['a scan after a voided label means the parcel moves after all', [parsed('2024-03-05T12:00:00Z', 'cancelled', 'Shipment voided')], [parsed('2024-03-06T12:00:00Z', 'in_transit', 'Picked up')], 'in_transit'],
];

describe('merge: status rules', () => {
  it.each(ROWS)('%s', (_name, earlier, newer, expected) => {
    const out = run(makePackage({ status: 'pending' }), [carrier(NOW - HOUR, earlier), carrier(NOW, [...earlier, ...newer])]);
    expect(out.pkg.status).toBe(expected);
  });

  it('issue #19 §2: an old scan fetched after a page read does not hide a newer attempt', () => {
    // The page says out for delivery at 09:05; a 10:05 refresh adds an old scan; the carrier then
    // posts an attempt made at 10:00. On the old merge the attempt was compared with 10:05 (the time
    // of the check that added the old scan) and lost.
    const at = (hm: string) => Date.parse(`2024-03-05T${hm}:00Z`);
    const out = run(makePackage({ status: 'pending' }), [
      page(at('09:05'), 'out_for_delivery', { statusText: 'Out for delivery' }),
      carrier(at('10:05'), [parsed('2024-03-05T05:00:00Z', 'in_transit', 'Arrived at facility')]),
      carrier(at('10:35'), [parsed('2024-03-05T05:00:00Z', 'in_transit', 'Arrived at facility'), parsed('2024-03-05T10:00:00Z', 'attempt_failed', 'No access to delivery location')]),
    ]);
    expect(out.pkg.status).toBe('attempt_failed');
    expect(out.pkg.statusText).toBe('No access to delivery location');
  });

  it('keeps a page-established "out for delivery" against a lagging carrier', () => {
    const pageAt = Date.parse('2024-03-05T09:05:00Z');
    const out = run(makePackage({ status: 'pending' }), [
      page(pageAt, 'out_for_delivery', { statusText: 'Out for delivery' }),
      carrier(pageAt + HOUR, [parsed('2024-03-05T05:00:00Z', 'in_transit', 'Arrived at facility')]),
    ]);
    expect(out.pkg.status).toBe('out_for_delivery');
    expect(out.pkg.statusText).toBe('Out for delivery');
    expect(out.pkg.provenance.status?.source).toBe('page:amazon');
  });

  it('a summary status fills in and moves forward, never back', () => {
    const only = run(makePackage({ status: 'pending' }), [carrier(NOW, [parsed('2024-03-05T05:00:00Z', null, 'CLOSE BAG')], { status: 'in_transit', statusText: 'transit', source: 'carrier:dhl' })]);
    expect(only.pkg.status).toBe('in_transit');
    expect(only.pkg.statusText).toBe('transit');
    const ofd = [parsed('2024-03-05T08:00:00Z', 'out_for_delivery', 'With delivery courier')];
    expect(run(makePackage(), [carrier(NOW, ofd, { status: 'in_transit' })]).pkg.status).toBe('out_for_delivery');
    const ahead = run(makePackage(), [carrier(NOW, ofd, { status: 'delivered', deliveredAt: '2024-03-05T11:00:00Z' })]);
    expect(ahead.pkg.status).toBe('delivered');
    expect(ahead.pkg.deliveredAt).toBe('2024-03-05T11:00:00Z');
  });

  it('a coarse page never downgrades the carrier, but a shop cancellation wins over anything not yet delivered', () => {
    const moving = carrier(NOW - DAY, [parsed('2024-03-05T08:00:00Z', 'out_for_delivery', 'Out for delivery')]);
    expect(run(makePackage(), [moving, page(NOW, 'in_transit')]).pkg.status).toBe('out_for_delivery');
    expect(run(makePackage(), [moving, page(NOW, 'cancelled')]).pkg.status).toBe('cancelled');
    const done = carrier(NOW - DAY, [parsed('2024-03-05T08:00:00Z', 'delivered', 'Delivered')]);
    expect(run(makePackage(), [done, page(NOW, 'cancelled')]).pkg.status).toBe('delivered');
  });

  it('places local-only times in their own zone (issue #19 §4)', () => {
    // 08:00 in New York is 13:00Z, after the 12:00Z exception; read as UTC it would come first.
    const exception = parsed('2024-03-05T12:00:00Z', 'exception', 'Weather delay');
    const local = parsed('2024-03-05T08:00:00', 'in_transit', 'Departed');
    const inNewYork = run(makePackage(), [carrier(NOW, [exception, { ...local, timeZone: 'America/New_York' }])]);
    expect(inNewYork.pkg.status).toBe('in_transit');
    expect(inNewYork.events.find((e) => e.description === 'Departed')?.timeZone).toBe('America/New_York');
    const inBerlin = run(makePackage(), [carrier(NOW, [exception, { ...local, timeZone: 'Europe/Berlin' }])]);
    expect(inBerlin.pkg.status).toBe('exception');
  });

  it('a German DHL scan read from New York is placed in Berlin, not in the shopper\'s zone', () => {
    const hamburg = { ...parsed('2024-03-05T09:00:00', 'in_transit', 'Die Sendung wurde im Start-Paketzentrum bearbeitet.'), location: 'Hamburg, Germany' };
    const out = run(makePackage({ carrier: 'dhl', id: 'dhl:00340434161094027318', trackingNumber: '00340434161094027318' }), [
      { ...carrier(NOW, [hamburg]), source: 'carrier:dhl', trackingNumber: '00340434161094027318' },
    ]);
    const [e] = out.events;
    expect(e!.timeZone).toBe('Europe/Berlin');
    // 09:00 in Hamburg is 08:00Z; placed in New York it would have been 14:00Z, six hours later.
    expect(out.pkg.timeline.last?.at).toBe(Date.parse('2024-03-05T08:00:00Z'));
  });

  it('takes the delivery time from the delivered event when the answer has none', () => {
    const out = run(makePackage(), [carrier(NOW, [parsed('2024-03-05T09:00:00Z', 'in_transit', 'Departed'), parsed('2024-03-05T17:04:00Z', 'delivered', 'Delivered')])]);
    expect(out.pkg.deliveredAt).toBe('2024-03-05T17:04:00Z');
  });
});

describe('merge: field provenance and the ETA history (issue #19 §8)', () => {
  const d = (day: string): Eta => ({ from: day, to: day });

  it('an older page never moves a carrier date back; the history records real changes only', () => {
    // The demo: the carrier slipped 12-02 → 12-04, then the shopper opened the shop page (still 12-02).
    const out = run(makePackage({ status: 'pending' }), [
      page(NOW, 'in_transit', { eta: d('2024-12-02') }),
      carrier(NOW + HOUR, [parsed('2024-03-06T15:30:00Z', 'in_transit', 'Departed')], { eta: d('2024-12-04') }),
      page(NOW + 2 * HOUR, 'in_transit', { eta: d('2024-12-02') }),
      carrier(NOW + 3 * HOUR, [parsed('2024-03-06T15:30:00Z', 'in_transit', 'Departed')], { eta: d('2024-12-04') }),
    ]);
    expect(out.pkg.eta).toEqual(d('2024-12-04'));
    expect(out.pkg.provenance.eta).toEqual({ source: 'carrier:ups', observedAt: NOW + 3 * HOUR });
    expect(out.pkg.etaHistory.map((r) => r.eta.to)).toEqual(['2024-12-02', '2024-12-04']);
  });

  it('a newer answer from the same source moves the date; the page speaks when the carrier names none', () => {
    const out = run(makePackage(), [
      carrier(NOW, [], { status: 'in_transit', eta: d('2024-12-04') }),
      carrier(NOW + HOUR, [], { status: 'in_transit', eta: d('2024-12-05') }),
    ]);
    expect(out.pkg.eta).toEqual(d('2024-12-05'));
    const silent = run(makePackage(), [carrier(NOW, [], { status: 'in_transit' }), page(NOW + HOUR, 'in_transit', { eta: d('2024-12-03') })]);
    expect(silent.pkg.eta).toEqual(d('2024-12-03'));
  });
});

describe('merge: one scan, one row (issue #19 §3)', () => {
  it('Amazon\'s track page and the carrier API reporting the same delivery are one event with both sources', () => {
    const amazon = page(NOW, null, {
      events: [{ time: '2024-03-05T14:03:00', timeIsLocal: true, timeZone: 'America/Chicago', status: 'delivered', code: null, description: 'Delivered', location: 'SPRINGFIELD IL' }],
    });
    const ups = carrier(NOW + HOUR, [{ ...parsed('2024-03-05T14:04:12-06:00', 'delivered', 'Delivered, left at front door', 'DP'), location: 'Springfield, IL, US' }]);
    for (const order of [[amazon, ups], [ups, amazon]]) {
      const out = run(makePackage({ status: 'pending' }), order);
      expect(out.events).toHaveLength(1);
      const e = out.events[0]!;
      expect(e.sources).toEqual(['carrier:ups', 'page:amazon']);
      expect(e).toMatchObject({ code: 'DP', description: 'Delivered, left at front door', time: '2024-03-05T14:04:12-06:00', status: 'delivered' });
      expect(e.parts).toHaveLength(2);
    }
  });

  it('a page line between two of the carrier\'s scans joins one of them, never both', () => {
    const ups = carrier(NOW, [
      { ...parsed('2026-12-02T10:00:00-06:00', 'in_transit', 'Arrived at Facility', 'AR'), location: 'Chicago, IL, US' },
      { ...parsed('2026-12-02T10:04:00-06:00', 'in_transit', 'Departed from Facility', 'DP'), location: 'Chicago, IL, US' },
    ]);
    const amazon = page(NOW, null, { events: [{ time: '2026-12-02T10:02:00-06:00', timeIsLocal: false, status: 'in_transit', code: null, description: 'Package arrived at a carrier facility', location: null }] });
    for (const order of [[ups, amazon], [amazon, ups]]) {
      const out = run(makePackage(), order);
      expect(out.events).toHaveLength(2);
      expect(out.events.map((e) => e.sources).sort()).toEqual([['carrier:ups'], ['carrier:ups', 'page:amazon']]);
    }
  });

  it('keeps scans apart when the place, the status or the minutes differ, or one source repeats itself', () => {
    const a = page(NOW, null, { events: [{ time: '2024-03-05T14:00:00Z', timeIsLocal: false, status: 'in_transit', code: null, description: 'Arrived', location: 'Memphis, TN' }] });
    const elsewhere = carrier(NOW, [{ ...parsed('2024-03-05T14:01:00Z', 'in_transit', 'Arrived', 'AR'), location: 'Louisville, KY, US' }]);
    const later = carrier(NOW, [parsed('2024-03-05T14:20:00Z', 'in_transit', 'Departed', 'DP')]);
    const twice = carrier(NOW, [parsed('2024-03-05T14:01:00Z', 'in_transit', 'Arrived', 'AR'), parsed('2024-03-05T14:02:00Z', 'in_transit', 'Departed', 'DP')]);
    expect(run(makePackage(), [a, elsewhere]).events).toHaveLength(2);
    expect(run(makePackage(), [a, later]).events).toHaveLength(2);
    expect(run(makePackage(), [twice]).events).toHaveLength(2);
  });
});

describe('merge: one parcel, many numbers (issue #19 §15)', () => {
  it('a hand-off number in the answer becomes a number of the same package', () => {
    const out = run(makePackage(), [
      carrier(NOW, [parsed('2024-03-05T09:00:00Z', 'in_transit', 'Handed to USPS for delivery')], {
        relatedNumbers: [
          { number: '9400 1000 0000 0000 0000 00', carrier: 'usps', relation: 'handoff' },
          { number: '1Z999AA10123456793', carrier: 'ups', relation: 'piece' },
        ],
      }),
    ]);
    expect(out.pkg.numbers.map((n) => [n.number, n.relation])).toEqual([
      [NUMBER, 'primary'],
      ['9400100000000000000000', 'handoff'],
      ['1Z999AA10123456793', 'piece'],
    ]);
    // Another piece of the shipment is another parcel: it does not name this package.
    expect(out.pkg.numberKeys).toEqual([NUMBER, '9400100000000000000000']);
    // An answer for the hand-off number merges into the same timeline.
    const usps = mergeObservation(out.pkg, out.events, { ...carrier(NOW + HOUR, [parsed('2024-03-06T11:00:00Z', 'delivered', 'Delivered, In/At Mailbox')]), source: 'carrier:usps', trackingNumber: '9400100000000000000000' }, { now: NOW + HOUR, shopperZone: ZONE });
    expect(usps.pkg.status).toBe('delivered');
    expect(usps.pkg.lastError).toBeNull();
  });
});

describe('merge: failures', () => {
  it('records a failure without touching history', () => {
    const pkg = makePackage({ failures: 1 });
    const failed = recordFailure(pkg, { kind: 'server', message: 'HTTP 503' }, NOW);
    expect(failed).toMatchObject({ failures: 2, lastError: { kind: 'server', message: 'HTTP 503', at: NOW }, lastCheckAt: NOW, status: pkg.status });
  });

  it('turns a per-number error and an answer for another number into failures, not exceptions', () => {
    const pkg = makePackage();
    const err = mergeObservation(pkg, [], carrier(NOW, [], { error: { kind: 'not_found', message: 'No data' } }), { now: NOW, shopperZone: ZONE });
    expect(err.pkg.lastError?.kind).toBe('not_found');
    expect(err.put).toEqual([]);
    const other = mergeObservation(pkg, [], { ...carrier(NOW, [parsed('2024-03-05T09:00:00Z', 'delivered', 'Delivered')]), trackingNumber: '1Z0000000000000000' }, { now: NOW, shopperZone: ZONE });
    expect(other.pkg.lastError?.kind).toBe('malformed');
    expect(other.pkg.status).toBe(pkg.status);
  });
});

describe('advanceStatus', () => {
  it('never moves on an ambiguous event, and delivered only to returned', () => {
    expect(advanceStatus('in_transit', null)).toBe('in_transit');
    expect(advanceStatus('delivered', 'in_transit')).toBe('delivered');
    expect(advanceStatus('delivered', 'returned')).toBe('returned');
    expect(advanceStatus('returned', 'delivered')).toBe('returned');
    expect(advanceStatus('expired', 'in_transit')).toBe('in_transit');
  });
  it('calls only progress forward', () => {
    expect(isForward('in_transit', 'out_for_delivery')).toBe(true);
    expect(isForward('out_for_delivery', 'attempt_failed')).toBe(false);
    expect(isForward('out_for_delivery', 'in_transit')).toBe(false);
    expect(isForward('delivered', 'returned')).toBe(true);
  });
});

// ─────────────── the invariant: order and batching do not matter (issue #19 §2) ───────────────

const SOURCES = ['carrier:ups', 'page:amazon', 'aggregator:17track'] as const;
const STATUSES: Array<Status | null> = [null, 'info_received', 'in_transit', 'out_for_delivery', 'attempt_failed', 'exception', 'delivered', 'available_for_pickup', 'returned', 'cancelled'];
const PLACES = [null, 'Springfield, IL, US', 'SPRINGFIELD IL', 'Memphis, TN, US'];

interface Fact {
  source: (typeof SOURCES)[number];
  observedAt: number;
  status: Status | null;
  eta: Eta | null;
  deliveredAt: string | null;
}

const eventArb = fc.record({
  source: fc.constantFrom(...SOURCES),
  minute: fc.integer({ min: 0, max: 3 * 24 * 60 }),
  status: fc.constantFrom(...STATUSES),
  place: fc.constantFrom(...PLACES),
  local: fc.boolean(),
  code: fc.constantFrom(null, 'AR', 'DP'),
});

const factArb = fc.record({
  source: fc.constantFrom(...SOURCES),
  observedAt: fc.integer({ min: 0, max: 4 * 24 * 60 }).map((m) => T0 + m * 60_000),
  status: fc.constantFrom(...STATUSES),
  eta: fc.constantFrom(null, { from: '2024-03-07', to: '2024-03-07' }, { from: '2024-03-08', to: '2024-03-09' }),
  deliveredAt: fc.constantFrom(null, '2024-03-06', '2024-03-06T17:00:00Z'),
});

type GenEvent = typeof eventArb extends fc.Arbitrary<infer T> ? T : never;

function observedEvent(e: GenEvent): ObservedEvent {
  const at = new Date(T0 + e.minute * 60_000).toISOString().slice(0, 19);
  // The same words mean the same thing: a description follows from status and code.
  const description = `${e.status ?? 'scan'} ${e.code ?? ''}`.trim();
  return e.local
    ? { time: at, timeIsLocal: true, timeZone: 'America/Chicago', status: e.status, code: e.code, description, location: e.place }
    : { time: `${at}Z`, timeIsLocal: false, status: e.status, code: e.code, description, location: e.place };
}

/** What must not depend on order and batching: status, the event rows, delivery time, ETA. */
function essence(r: { pkg: Package; events: TrackingEvent[] }) {
  return {
    status: r.pkg.status,
    deliveredAt: r.pkg.deliveredAt,
    eta: r.pkg.eta,
    events: r.events
      .map((e) => ({ key: e.key, time: e.time, status: e.status, code: e.code, description: e.description, location: e.location, sources: e.sources }))
      .sort((a, b) => (a.key < b.key ? -1 : 1)),
  };
}

describe('merge: order and batching do not matter (property, issue #19 §2)', () => {
  it('the same observations in any split and order give the same package', () => {
    fc.assert(
      fc.property(
        fc.array(factArb, { minLength: 1, maxLength: 6 }),
        fc.array(eventArb, { maxLength: 12 }),
        fc.infiniteStream(fc.nat()),
        fc.infiniteStream(fc.nat()),
        (facts, events, splitA, splitB) => {
          // Each source says its latest thing once; its events travel in however many answers.
          const latest = new Map<string, Fact>();
          for (const f of facts) if (!latest.has(f.source) || latest.get(f.source)!.observedAt < f.observedAt) latest.set(f.source, f);
          const build = (split: fc.Stream<number>): Observation[] => {
            const it = split[Symbol.iterator]();
            const next = () => it.next().value as number;
            const answer = (f: Fact, carried: ObservedEvent[]): Observation => ({
              source: f.source,
              observedAt: f.observedAt,
              trackingNumber: f.source === 'page:amazon' ? null : NUMBER,
              status: f.status,
              statusText: f.status,
              eta: f.eta,
              deliveredAt: f.deliveredAt,
              pickup: null,
              events: carried,
            });
            const eventsOf = (f: Fact) => events.filter((e) => e.source === f.source).map(observedEvent);
            // Each statement carries some of its source's events; every event reaches the package at
            // least once, in the source's latest answer.
            const obs = [
              ...facts.map((f) => answer(f, eventsOf(f).filter(() => next() % 2 === 0))),
              ...[...latest.values()].map((f) => answer(f, eventsOf(f))),
            ];
            // Shuffle.
            for (let i = obs.length - 1; i > 0; i--) {
              const j = next() % (i + 1);
              [obs[i], obs[j]] = [obs[j]!, obs[i]!];
            }
            return obs;
          };
          const start = makePackage({ status: 'pending' });
          const a = essence(run(start, build(splitA)));
          const b = essence(run(start, build(splitB)));
          expect(a).toEqual(b);
        },
      ),
      { numRuns: 1000 },
    );
  });
});
