import { describe, expect, it } from 'vitest';
import { parseUspsResponse } from '../../../lib/carriers/usps/parse-response';
import { expectEvents, failure, fixture, results } from './helpers';

const parse = (name: string, status?: number) => parseUspsResponse(fixture('usps', name), status);

describe('USPS parser', () => {
  it('official 3.0 example: the "Z" on eventTimestamp is local time (7:31 am in Richmond), not UTC', () => {
    const [r] = results(parse('tracking-v3--accepted.json'));
    expect(r!.trackingNumber).toBe('XXXXXXXXXXXXXXXXXXXX');
    expect(r!.status).toBe('in_transit');
    expect(r!.statusText).toBe('USPS in possession of item');
    expect(r!.eta).toBeNull();
    expectEvents(r!.events, [
      { local: '2023-08-02T07:31:00', status: 'in_transit', code: '03', description: 'USPS in possession of item', location: 'RICHMOND, VA, 23227' },
    ]);
  });

  it('official SUMMARY example: one local event read from the sentence', () => {
    const [r] = results(parse('tracking-v3--summary.json'));
    expect(r!.status).toBe('in_transit');
    expectEvents(r!.events, [{ local: '2023-02-15T07:31:00', status: 'in_transit', code: null, location: 'RICHMOND, VA 23227' }]);
  });

  it('3.0 delivered: GMTTimestamp + GMTOffset win over the local eventTimestamp', () => {
    const [r] = results(parse('tracking-v3--delivered.json'));
    expect(r!.status).toBe('delivered');
    expect(r!.eta).toBeNull();
    expect(r!.deliveredAt).toBe('2024-11-22T13:58:40-05:00');
    expect(r!.proof).toEqual({ receivedBy: 'J SMITH', location: 'Front Door/Porch' });
    expectEvents(r!.events, [
      { at: '2024-11-22T18:58:40Z', status: 'delivered', code: '01', location: 'BROOKLYN, NY, 11201' },
      { at: '2024-11-22T11:10:12Z', status: 'out_for_delivery', code: 'OF' },
      { at: '2024-11-22T10:11:54Z', status: 'in_transit', code: '07' },
      { at: '2024-11-22T03:40:03Z', status: 'in_transit', code: 'T1' },
      { at: '2024-11-20T05:00:00Z', status: 'in_transit', code: 'TL', location: null },
      { at: '2024-11-19T05:03:23Z', status: 'in_transit', code: '10' },
      { at: '2024-11-19T00:42:17Z', status: 'in_transit', code: '03' },
      { at: '2024-11-17T19:20:05Z', status: 'info_received', code: 'GX' },
    ]);
    expect(r!.events[6]!.time).toBe('2024-11-18T16:42:17-08:00');
  });

  it('3.2 207 multi-status: two details and one per-number 404', () => {
    const [a, b, c] = results(parse('tracking-v3r2--batch-207-partial.json', 207));
    expect(a!.trackingNumber).toBe('9405511899223197428491');
    expect(a!.status).toBe('in_transit');
    expect(a!.eta).toEqual({ from: '2024-04-06', to: '2024-04-06' });
    expect(a!.etaWindowLocal).toEqual({ from: '2024-04-06T10:00:00', to: '2024-04-06T14:00:00' });
    expectEvents(a!.events, [
      { at: '2024-04-04T21:03:12Z', status: 'in_transit', code: 'T1', location: 'PHOENIX, AZ, 85043, US' },
      { at: '2024-04-04T10:15:40Z', status: 'in_transit', code: 'A1' },
      { at: '2024-04-03T21:20:00Z', status: 'in_transit', code: '03' },
    ]);
    expect(a!.events[0]!.time).toBe('2024-04-04T14:03:12-07:00');
    expect(b!.status).toBe('out_for_delivery');
    expect(b!.eta).toEqual({ from: '2024-04-05', to: '2024-04-05' });
    expect(b!.etaWindowLocal).toEqual({ from: '2024-04-05T00:00:00', to: '2024-04-05T20:00:00' });
    expectEvents(b!.events, [
      { at: '2024-04-05T13:10:00Z', status: 'out_for_delivery', code: 'OF' },
      { at: '2024-04-05T11:02:00Z', status: 'in_transit', code: '07' },
    ]);
    expect(c).toEqual({
      trackingNumber: '9405511899223197428493',
      status: null,
      eta: null,
      events: [],
      error: {
        kind: 'not_found',
        message: 'USPS: The tracking number may be incorrect or the status update is not yet available.',
        httpStatus: 404,
      },
    });
  });

  it('3.2 label created: date-only eventTimestamp, GMT time with "-7:00" offset', () => {
    const [r] = results(parse('tracking-v3r2--label-created.json'));
    expect(r!.status).toBe('info_received');
    expectEvents(r!.events, [{ at: '2024-04-02T16:14:31Z', status: 'info_received', code: 'GX' }]);
    expect(r!.events[0]!.time).toBe('2024-04-02T09:14:31-07:00');
  });

  it('3.2 notice left, then available for pickup at the post office', () => {
    const [r] = results(parse('tracking-v3r2--notice-left-available-for-pickup.json'));
    expect(r!.status).toBe('available_for_pickup');
    expect(r!.pickupPoint).toEqual({ name: 'DENVER MAIN POST OFFICE', address: 'DENVER, CO, 80202, US', pickupBy: null });
    expectEvents(r!.events, [
      { at: '2024-04-08T15:41:00Z', status: 'available_for_pickup', code: '14' },
      { at: '2024-04-06T21:12:00Z', status: 'attempt_failed', code: '56' },
      { at: '2024-04-06T13:02:00Z', status: 'out_for_delivery', code: 'OF' },
    ]);
  });

  it('3.2 alert: undeliverable as addressed is an exception', () => {
    const [r] = results(parse('tracking-v3r2--exception-undeliverable.json'));
    expect(r!.status).toBe('exception');
    expect(r!.eta).toEqual({ from: '2024-04-09', to: '2024-04-09' });
    expectEvents(r!.events, [
      { at: '2024-04-09T17:30:00Z', status: 'exception', code: '05' },
      { at: '2024-04-09T12:55:00Z', status: 'out_for_delivery', code: 'OF' },
    ]);
  });

  it('error bodies: 404 not found, 400 invalid, 401 auth', () => {
    expect(failure(parse('error--not-found.json', 404)).kind).toBe('not_found');
    expect(failure(parse('error--invalid-number.json', 400))).toEqual({
      kind: 'invalid_number',
      message: 'USPS: Invalid request: trackingNumber must be 4 to 34 alphanumeric characters.',
      httpStatus: 400,
    });
    expect(failure(parse('error--unauthorized.json', 401)).kind).toBe('auth');
    // Without the HTTP status (inspect reads a file), the body's own code decides.
    expect(failure(parse('error--not-found.json')).kind).toBe('not_found');
  });

  it('bad input is malformed, never a throw', () => {
    expect(failure(parseUspsResponse('text')).kind).toBe('malformed');
    expect(failure(parseUspsResponse([])).kind).toBe('malformed');
    expect(failure(parseUspsResponse({})).kind).toBe('malformed');
  });
});
