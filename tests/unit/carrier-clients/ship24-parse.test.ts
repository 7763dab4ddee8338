import { describe, expect, it } from 'vitest';
import { parseShip24Response } from '../../../lib/aggregators/ship24/parse-response';
import { expectEvents, failure, fixture, results } from './helpers';

const parse = (name: string, status?: number) => parseShip24Response(fixture('ship24', name), status);

describe('Ship24 parser', () => {
  it('official example: zone-less courier-local times, delivered; null statusCode events keep their milestone', () => {
    const [r] = results(parse('track--delivered.json'));
    expect(r!.trackingNumber).toBe('S24DEMO456393');
    expect(r!.status).toBe('delivered');
    expect(r!.deliveredAt).toBe('2021-03-04T17:12:57');
    expect(r!.eta).toBeNull();
    expectEvents(r!.events, [
      { local: '2021-03-04T17:12:57', status: 'delivered', code: 'delivery_delivered', location: 'SAN RAFAEL, CA 94901' },
      { local: '2021-03-04T10:12:57', status: 'out_for_delivery', code: 'delivery_out_for_delivery' },
      { local: '2021-03-04T06:12:57', status: 'in_transit', code: 'in_transit' },
      { local: '2021-03-03T17:12:57', status: 'in_transit', code: 'in_transit' },
      { local: '2021-03-03T15:38:57', status: 'in_transit', code: 'in_transit' },
      { local: '2021-03-02T23:24:50', status: 'in_transit', code: 'in_transit', description: 'Flight Departure' },
      { local: '2021-03-02T22:23:41', status: 'in_transit', code: 'in_transit' },
      { local: '2021-03-02T19:24:57', status: 'in_transit', code: 'in_transit' },
      { local: '2021-03-02T15:38:57', status: 'in_transit', code: 'in_transit', description: 'Package Received' },
    ]);
  });

  it('info received with a date-only event', () => {
    const [r] = results(parse('track--info-received.json'));
    expect(r!.status).toBe('info_received');
    expectEvents(r!.events, [{ local: '2024-06-01', status: 'info_received', code: 'data_received' }]);
  });

  it('in transit: offset, Z, zone-less and date-only times; same-instant events ordered by `order`', () => {
    const [r] = results(parse('track--in-transit.json'));
    expect(r!.status).toBe('in_transit');
    expect(r!.eta).toEqual({ from: '2024-06-05', to: '2024-06-05' });
    expectEvents(r!.events, [
      { at: '2024-06-03T07:30:00Z', status: 'in_transit', code: 'transit_customs_cleared' },
      { at: '2024-06-03T06:10:00Z', status: 'in_transit', code: 'in_transit' },
      { local: '2024-06-02T21:45:12', status: 'in_transit', code: 'in_transit', description: 'Departed from origin hub' },
      { local: '2024-06-02T21:45:12', status: 'in_transit', code: 'in_transit', description: 'Sorted at origin hub' },
      { local: '2024-06-01', status: 'info_received', code: 'data_received' },
    ]);
  });

  it('out for delivery with a UTC ETA time', () => {
    const [r] = results(parse('track--out-for-delivery.json'));
    expect(r!.status).toBe('out_for_delivery');
    expect(r!.eta).toEqual({ from: '2024-06-05T16:00:00.000Z', to: '2024-06-05T16:00:00.000Z' });
    expectEvents(r!.events, [
      { at: '2024-06-05T06:02:00Z', status: 'out_for_delivery', code: 'delivery_out_for_delivery' },
      { at: '2024-06-05T04:40:00Z', status: 'in_transit', code: 'in_transit' },
    ]);
  });

  it('failed attempt then returned to sender', () => {
    const [r] = results(parse('track--exception-returned.json'));
    expect(r!.status).toBe('returned');
    expectEvents(r!.events, [
      { at: '2024-06-07T08:00:00Z', status: 'returned', code: 'exception_return_to_sender' },
      { at: '2024-06-05T09:20:00Z', status: 'attempt_failed', code: 'delivery_failed_attempt' },
    ]);
  });

  it('pending with no events is a per-number not_found', () => {
    const [r] = results(parse('track--not-found-pending.json'));
    expect(r!.status).toBeNull();
    expect(r!.error).toEqual({ kind: 'not_found', message: 'Ship24: no courier has data for S24TEST000099 yet' });
  });

  it('error bodies', () => {
    expect(failure(parse('error--invalid-number.json', 400)).kind).toBe('invalid_number');
    expect(failure(parse('error--tracker-not-found.json', 404))).toEqual({ kind: 'not_found', message: 'Ship24: Tracker not found.', httpStatus: 404 });
    expect(failure(parse('error--unauthorized.json', 401)).kind).toBe('auth');
    expect(failure(parseShip24Response({ data: null })).kind).toBe('malformed');
  });
});
