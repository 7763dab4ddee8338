import { describe, expect, it } from 'vitest';
import { parseFedexResponse } from '../../../lib/carriers/fedex/parse-response';
import { fedexEventStatus } from '../../../lib/carriers/fedex/status-map';
import { expectEvents, failure, fixture, results } from './helpers';

const parse = (name: string, status?: number) => parseFedexResponse(fixture('fedex', name), status);

describe('FedEx parser', () => {
  it('official doc example: picked up, ETA window of date-only facts, and a second number not found', () => {
    const [a, b] = results(parse('track--picked-up-doc-example.json'));
    expect(a!.trackingNumber).toBe('123456789012');
    expect(a!.status).toBe('in_transit');
    expect(a!.statusText).toBe('Picked up');
    // begins "2021-10-01T08:00:00" has no zone → its day; ends "2021-10-15T00:00:00-06:00" is a date-only fact.
    expect(a!.eta).toEqual({ from: '2021-10-01', to: '2021-10-15' });
    expect(a!.deliveredAt).toBeNull();
    expectEvents(a!.events, [
      { at: '2018-02-02T19:01:00Z', status: 'in_transit', code: 'PU', description: 'Picked Up: Package available for clearance', location: 'SEATTLE, WA, 98101, US' },
    ]);
    expect(b).toEqual({
      trackingNumber: '39936862321',
      status: null,
      eta: null,
      events: [],
      error: {
        kind: 'not_found',
        message: 'FedEx: TRACKING.TRACKINGNUMBER.NOTFOUND Tracking number cannot be found. Please correct the tracking number and try again.',
      },
    });
  });

  it('label created (OC, derived IN)', () => {
    const [r] = results(parse('track--label-created.json'));
    expect(r!.status).toBe('info_received');
    expect(r!.eta).toBeNull();
    expectEvents(r!.events, [{ at: '2024-08-14T23:32:11Z', status: 'info_received', code: 'OC', location: 'US' }]);
  });

  it('in transit across zones, ETA from a window of two date-only midnights', () => {
    const [r] = results(parse('track--in-transit.json'));
    expect(r!.status).toBe('in_transit');
    expect(r!.eta).toEqual({ from: '2024-08-20', to: '2024-08-21' });
    expectEvents(r!.events, [
      { at: '2024-08-17T08:12:40Z', status: 'in_transit', code: 'DP' },
      { at: '2024-08-17T03:48:05Z', status: 'in_transit', code: 'AR' },
      { at: '2024-08-16T04:04:59Z', status: 'in_transit', code: 'DP' },
      { at: '2024-08-16T00:41:00Z', status: 'in_transit', code: 'PU' },
      { at: '2024-08-14T23:32:11Z', status: 'info_received', code: 'OC' },
    ]);
  });

  it('out for delivery: eventType OD wins over derivedStatusCode IT; window keeps its offsets', () => {
    const [r] = results(parse('track--out-for-delivery.json'));
    expect(r!.status).toBe('out_for_delivery');
    expect(r!.eta).toEqual({ from: '2024-08-20T12:00:00-05:00', to: '2024-08-20T16:00:00-05:00' });
    expectEvents(r!.events, [
      { at: '2024-08-20T13:05:31Z', status: 'out_for_delivery', code: 'OD' },
      { at: '2024-08-20T10:40:12Z', status: 'in_transit', code: 'AR' },
      { at: '2024-08-19T19:22:09Z', status: 'in_transit', code: 'DP' },
    ]);
    expect(r!.events[0]!.carrierCodes).toEqual({ eventType: 'OD', derivedStatusCode: 'IT' });
  });

  it('shipment exception (SE) with the exception text', () => {
    const [r] = results(parse('track--exception.json'));
    expect(r!.status).toBe('exception');
    expect(r!.eta).toEqual({ from: '2024-08-22', to: '2024-08-22' });
    expectEvents(r!.events, [
      { at: '2024-08-20T16:50:00Z', status: 'exception', code: 'SE', description: 'Shipment exception: Incorrect address - Street number is incorrect' },
      { at: '2024-08-20T13:05:31Z', status: 'out_for_delivery', code: 'OD' },
    ]);
  });

  it('delivered, with actual delivery time and who received it', () => {
    const [r] = results(parse('track--delivered.json'));
    expect(r!.status).toBe('delivered');
    expect(r!.eta).toBeNull();
    expect(r!.deliveredAt).toBe('2024-08-20T12:41:57-05:00');
    expect(r!.proof).toEqual({ receivedBy: 'M.GARCIA', location: 'Front Door', hasSignature: false });
    expectEvents(r!.events, [
      { at: '2024-08-20T17:41:57Z', status: 'delivered', code: 'DL' },
      { at: '2024-08-20T13:05:31Z', status: 'out_for_delivery', code: 'OD' },
      { at: '2024-08-16T00:41:00Z', status: 'in_transit', code: 'PU' },
    ]);
  });

  it('delivery exception then ready for pickup (HP derived IT) at a hold location', () => {
    const [r] = results(parse('track--ready-for-pickup.json'));
    expect(r!.status).toBe('available_for_pickup');
    expect(r!.pickupPoint).toEqual({
      name: 'FedEx Office Print & Ship Center',
      address: '327 Congress Ave, AUSTIN, TX, 78701, US',
      pickupBy: null,
    });
    expectEvents(r!.events, [
      { at: '2024-08-21T15:02:00Z', status: 'available_for_pickup', code: 'HP' },
      { at: '2024-08-20T21:40:00Z', status: 'attempt_failed', code: 'DE' },
    ]);
  });

  it('not found inside a 200 is a per-number error', () => {
    const [r] = results(parse('track--not-found.json'));
    expect(r!.trackingNumber).toBe('999999999999');
    expect(r!.error?.kind).toBe('not_found');
  });

  it('error bodies from the OpenAPI examples', () => {
    expect(failure(parse('error--empty-number.json', 400)).kind).toBe('invalid_number');
    expect(failure(parse('error--unauthorized.json', 401))).toEqual({
      kind: 'auth',
      message: 'FedEx: NOT.AUTHORIZED.ERROR Access token expired. Please modify your request and try again.',
      httpStatus: 401,
    });
    expect(failure(parse('error--server.json', 500)).kind).toBe('server');
  });

  it('status map: eventType first, derived code as fallback, return-label events say nothing', () => {
    expect(fedexEventStatus('OD', 'IT')).toBe('out_for_delivery');
    expect(fedexEventStatus('HP', 'IT')).toBe('available_for_pickup');
    expect(fedexEventStatus(null, 'RL')).toBe('exception');
    expect(fedexEventStatus('RP', 'IT')).toBeNull();
    expect(fedexEventStatus('ZZ', null)).toBeNull();
  });

  it('bad input is malformed', () => {
    expect(failure(parseFedexResponse([])).kind).toBe('malformed');
    expect(failure(parseFedexResponse({ output: {} })).kind).toBe('malformed');
  });
});
