import { describe, expect, it } from 'vitest';
import { parseDhlResponse } from '../../../lib/carriers/dhl/parse-response';
import { expectEvents, failure, fixture, results } from './helpers';

const parse = (name: string, status?: number) => parseDhlResponse(fixture('dhl', name), status);

describe('DHL parser', () => {
  it('official example: unknown events keep status null and never downgrade', () => {
    const [r] = results(parse('shipments--transit-customs.json'));
    expect(r!.trackingNumber).toBe('GMDBD8E9CCE94842E495B7');
    expect(r!.status).toBe('in_transit');
    expect(r!.statusText).toBe('ARRIVED AT CUSTOMS');
    expect(r!.eta).toBeNull();
    expectEvents(r!.events, [
      { at: '2023-01-29T16:02:00Z', status: 'in_transit', code: 'transit', description: 'ARRIVED AT CUSTOMS', location: 'HEATHROW, GB' },
      { at: '2023-01-23T08:52:15Z', status: null, code: 'unknown', description: 'SCANNED INTO SACK/CONTAINER' },
      { at: '2023-01-23T08:52:14Z', status: 'in_transit', code: 'transit' },
      { at: '2023-01-23T08:50:36Z', status: null, code: 'unknown', description: 'CLOSE BAG' },
      { at: '2023-01-20T14:04:18Z', status: 'in_transit', code: 'transit' },
      { at: '2023-01-20T10:21:25Z', status: 'info_received', code: 'pre-transit', location: null },
      { at: '2023-01-18T09:39:28Z', status: 'in_transit', code: 'transit' },
      { at: '2023-01-11T11:58:34Z', status: null, code: 'unknown', description: 'LABEL CREATED' },
    ]);
  });

  it('label created (pre-transit) with a +02:00 offset', () => {
    const [r] = results(parse('shipments--label-created.json'));
    expect(r!.status).toBe('info_received');
    expectEvents(r!.events, [{ at: '2024-05-06T16:02:11Z', status: 'info_received', code: 'pre-transit', location: 'Bonn, Germany' }]);
  });

  it('Express with zone-less timestamps: local, out for delivery read from the text, ETA frame', () => {
    const [r] = results(parse('shipments--out-for-delivery.json'));
    expect(r!.status).toBe('out_for_delivery');
    expect(r!.eta).toEqual({ from: '2024-05-08T09:00:00+02:00', to: '2024-05-08T18:00:00+02:00' });
    expectEvents(r!.events, [
      { local: '2024-05-08T07:53:47', status: 'out_for_delivery', code: 'transit', description: 'Shipment is out with courier for delivery' },
      { local: '2024-05-08T05:10:02', status: 'in_transit', code: 'transit' },
      { local: '2024-05-07T22:31:00', status: null, code: 'unknown' },
      { local: '2024-05-07T16:20:19', status: 'in_transit', code: 'transit' },
    ]);
  });

  it('customs hold (failure) stays the status although a newer event and the shipment status are unknown', () => {
    const [r] = results(parse('shipments--exception-customs-hold.json'));
    expect(r!.status).toBe('exception');
    expect(r!.statusText).toBe('The shipment is being held by customs. Documents are required from the recipient.');
    expectEvents(r!.events, [
      { at: '2024-05-10T09:00:00Z', status: null, code: 'unknown' },
      { at: '2024-05-09T14:12:45Z', status: 'exception', code: 'failure' },
      { at: '2024-05-08T11:05:00Z', status: 'in_transit', code: 'transit' },
    ]);
  });

  it('failed attempt then ready for pickup at a Packstation (service point)', () => {
    const [r] = results(parse('shipments--ready-for-pickup-packstation.json'));
    expect(r!.status).toBe('available_for_pickup');
    expect(r!.pickupPoint).toEqual({ name: 'DHL Packstation 123', address: 'Leipzig, Germany', pickupBy: null });
    expectEvents(r!.events, [
      { at: '2024-05-09T09:46:00Z', status: 'available_for_pickup', code: 'transit' },
      { at: '2024-05-09T07:12:00Z', status: 'attempt_failed', code: 'failure' },
      { at: '2024-05-09T05:01:00Z', status: 'out_for_delivery', code: 'transit' },
    ]);
  });

  it('delivered with proof of delivery', () => {
    const [r] = results(parse('shipments--delivered-with-proof.json'));
    expect(r!.status).toBe('delivered');
    expect(r!.deliveredAt).toBe('2024-05-09T12:30:00+02:00');
    expect(r!.proof).toEqual({
      receivedBy: 'K. Weber',
      location: null,
      hasSignature: false,
      documentUrl: 'https://webpod.dhl.com/pod?token=510f1359603a768a57af49cf10083f90&language=en',
    });
    expectEvents(r!.events, [
      { at: '2024-05-09T10:30:00Z', status: 'delivered', code: 'delivered' },
      { at: '2024-05-09T05:01:00Z', status: 'out_for_delivery', code: 'transit' },
      { at: '2024-05-08T19:40:00Z', status: null, code: 'unknown' },
    ]);
  });

  it('problem+json errors', () => {
    expect(failure(parse('error--not-found.json', 404))).toEqual({
      kind: 'not_found',
      message: 'DHL: No result found: No shipment with given tracking number found.',
      httpStatus: 404,
    });
    expect(failure(parse('error--unauthorized.json', 401)).kind).toBe('auth');
    expect(failure(parse('error--rate-limited.json', 429)).kind).toBe('rate_limited');
    expect(failure(parse('error--invalid-number.json', 400)).kind).toBe('invalid_number');
    // Without an HTTP status (inspect), the body's own `status` decides.
    expect(failure(parse('error--unauthorized.json')).kind).toBe('auth');
  });

  it('bad input is malformed', () => {
    expect(failure(parseDhlResponse('x')).kind).toBe('malformed');
    expect(failure(parseDhlResponse({ foo: 1 })).kind).toBe('malformed');
  });
});
