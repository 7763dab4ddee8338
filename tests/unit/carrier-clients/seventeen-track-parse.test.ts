import { describe, expect, it } from 'vitest';
import { parseSeventeenTrackResponse } from '../../../lib/aggregators/seventeen-track/parse-response';
import { expectEvents, failure, fixture, results } from './helpers';

const parse = (name: string) => parseSeventeenTrackResponse(fixture('17track', name));

describe('17TRACK parser', () => {
  it('info received', () => {
    const [r] = results(parse('gettrackinfo--info-received.json'));
    expect(r!.status).toBe('info_received');
    expectEvents(r!.events, [{ at: '2024-03-05T02:00:00Z', status: 'info_received', code: 'InfoReceived', location: 'SHENZHEN' }]);
  });

  it('in transit: time_iso keeps the carrier offset; ETA midnights become days', () => {
    const [r] = results(parse('gettrackinfo--in-transit.json'));
    expect(r!.trackingNumber).toBe('RR123456789CN');
    expect(r!.status).toBe('in_transit');
    expect(r!.eta).toEqual({ from: '2024-03-14', to: '2024-03-16' });
    expectEvents(r!.events, [
      { at: '2024-03-11T23:35:22Z', status: 'in_transit', code: 'InTransit_Arrival', location: 'LOS ANGELES, CA' },
      { at: '2024-03-08T01:15:00Z', status: 'in_transit', code: 'InTransit_Departure' },
      { at: '2024-03-06T06:02:00Z', status: 'in_transit', code: 'InTransit_PickedUp' },
      { at: '2024-03-05T02:00:00Z', status: 'info_received', code: 'InfoReceived' },
    ]);
    expect(r!.events[0]!.time).toBe('2024-03-11T16:35:22-07:00');
  });

  it('out for delivery (time_utc fallback) and delivered in one answer', () => {
    const [ofd, dl] = results(parse('gettrackinfo--out-for-delivery-and-delivered.json'));
    expect(ofd!.status).toBe('out_for_delivery');
    expect(ofd!.eta).toEqual({ from: '2024-03-15', to: '2024-03-15' });
    expectEvents(ofd!.events, [
      { at: '2024-03-15T15:20:00Z', status: 'out_for_delivery', code: 'OutForDelivery_Other' },
      { at: '2024-03-15T13:05:00Z', status: 'in_transit', code: 'InTransit_Arrival' },
    ]);
    expect(dl!.status).toBe('delivered');
    expect(dl!.eta).toBeNull();
    expect(dl!.deliveredAt).toBe('2024-03-15T14:48:00-07:00');
    expectEvents(dl!.events, [
      { at: '2024-03-15T21:48:00Z', status: 'delivered', code: 'Delivered_Other' },
      { at: '2024-03-15T15:20:00Z', status: 'out_for_delivery', code: 'OutForDelivery_Other' },
    ]);
  });

  it('exception while returning is returned', () => {
    const [r] = results(parse('gettrackinfo--exception-returning.json'));
    expect(r!.status).toBe('returned');
    expect(r!.statusText).toBe('The parcel is being returned to the sender.');
    expectEvents(r!.events, [
      { at: '2024-03-20T17:11:00Z', status: 'returned', code: 'Exception_Returning' },
      { at: '2024-03-19T19:00:00Z', status: 'attempt_failed', code: 'DeliveryFailure_Rejected' },
    ]);
  });

  it('registered but not found yet, and not registered, are per-number not_found', () => {
    const [a] = results(parse('gettrackinfo--not-found.json'));
    expect(a!.status).toBeNull();
    expect(a!.events).toEqual([]);
    expect(a!.error).toEqual({ kind: 'not_found', message: '17TRACK: no carrier has data for RR123456784CN yet' });
    const [b] = results(parse('gettrackinfo--not-registered.json'));
    expect(b!.trackingNumber).toBe('RR123456785CN');
    expect(b!.error?.kind).toBe('not_found');
  });

  it('register answers: accepted gives no result to show; invalid format and quota are per-number', () => {
    expect(results(parse('register--accepted.json'))).toEqual([]);
    expect(results(parse('register--rejected-invalid.json'))[0]!.error?.kind).toBe('invalid_number');
    expect(results(parse('error--quota-exhausted.json'))[0]!.error?.kind).toBe('quota');
  });

  it('whole-call failure: bad key', () => {
    expect(failure(parse('error--bad-key.json'))).toEqual({ kind: 'auth', message: '17TRACK: -18010002 The security key is invalid.' });
    expect(failure(parseSeventeenTrackResponse({ data: [] })).kind).toBe('malformed');
  });
});
