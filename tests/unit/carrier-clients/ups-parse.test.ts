import { describe, expect, it } from 'vitest';
import { parseUpsResponse } from '../../../lib/carriers/ups/parse-response';
import { upsActivityStatus } from '../../../lib/carriers/ups/status-map';
import { expectEvents, failure, fixture, results } from './helpers';

const parse = (name: string, status?: number) => parseUpsResponse(fixture('ups', name), status);

describe('UPS parser', () => {
  it('official delivered example: local date+time stay local, never UTC', () => {
    const [r] = results(parse('track--delivered.json'));
    expect(r!.trackingNumber).toBe('1Z1442YY7229014688');
    expect(r!.status).toBe('delivered');
    expect(r!.eta).toBeNull();
    expect(r!.deliveredAt).toBe('2022-01-26T16:30:00');
    expectEvents(r!.events, [
      { local: '2022-01-26T16:30:00', status: 'delivered', code: 'D', description: 'DELIVERED', location: 'PARAMUS, NJ, US' },
      {
        local: '2022-01-26T15:16:41',
        status: 'info_received',
        code: 'M',
        description: 'Shipper created a label, UPS has not received the package yet.',
        location: 'US',
      },
    ]);
    expect(r!.events[0]!.carrierCodes).toEqual({ type: 'D', code: 'F4', statusCode: '011' });
  });

  it('label created: scheduled delivery date as a day ETA', () => {
    const [r] = results(parse('track--label-created.json'));
    expect(r!.status).toBe('info_received');
    expect(r!.statusText).toBe('Shipper Created a Label');
    expect(r!.eta).toEqual({ from: '2024-03-15', to: '2024-03-15' });
    expectEvents(r!.events, [{ local: '2024-03-11T09:15:12', status: 'info_received', code: 'M' }]);
  });

  it('in transit: gmt fields give the instant (unpadded gmtTime), X/SR customs release is progress, EDW window stays local', () => {
    const [r] = results(parse('track--in-transit.json'));
    expect(r!.status).toBe('in_transit');
    expect(r!.eta).toEqual({ from: '2024-03-15', to: '2024-03-15' });
    expect(r!.etaWindowLocal).toEqual({ from: '2024-03-15T12:00:00', to: '2024-03-15T16:00:00' });
    expectEvents(r!.events, [
      { at: '2024-03-13T11:47:00Z', status: 'in_transit', code: 'I', location: 'LOUISVILLE, KY, US' },
      { at: '2024-03-13T10:10:00Z', status: 'in_transit', code: 'X', description: 'Your package was released by the customs agency.' },
      { at: '2024-03-12T22:15:00Z', status: 'in_transit', code: 'I', location: 'COLOGNE, NW, DE' },
      { at: '2024-03-12T16:42:00Z', status: 'in_transit', code: 'I' },
      { local: '2024-03-11T09:15:12', status: 'info_received', code: 'M' },
    ]);
    expect(r!.events[0]!.time).toBe('2024-03-13T07:47:00-04:00');
  });

  it('out for delivery (072 Loaded on Delivery Vehicle) with its window', () => {
    const [r] = results(parse('track--out-for-delivery.json'));
    expect(r!.status).toBe('out_for_delivery');
    expect(r!.statusText).toBe('Out For Delivery Today');
    expect(r!.eta).toEqual({ from: '2024-03-15', to: '2024-03-15' });
    expect(r!.etaWindowLocal).toEqual({ from: '2024-03-15T10:30:00', to: '2024-03-15T14:30:00' });
    expectEvents(r!.events, [
      { local: '2024-03-15T07:19:00', status: 'out_for_delivery', code: 'I' },
      { local: '2024-03-15T03:20:00', status: 'in_transit', code: 'I' },
      { local: '2024-03-14T22:45:00', status: 'in_transit', code: 'I' },
    ]);
  });

  it('weather delay (X/032) is an exception; the rescheduled date wins over the scheduled one', () => {
    const [r] = results(parse('track--exception-weather-delay.json'));
    expect(r!.status).toBe('exception');
    expect(r!.eta).toEqual({ from: '2024-03-18', to: '2024-03-18' });
    expectEvents(r!.events, [
      { local: '2024-03-14T18:30:00', status: 'exception', code: 'X', description: 'Adverse weather conditions caused this delay.' },
      { local: '2024-03-14T05:20:00', status: 'in_transit', code: 'I' },
    ]);
  });

  it('delivery attempt (X/022) is attempt_failed', () => {
    const [r] = results(parse('track--delivery-attempted.json'));
    expect(r!.status).toBe('attempt_failed');
    expect(r!.eta).toEqual({ from: '2024-03-18', to: '2024-03-18' });
    expectEvents(r!.events, [
      { local: '2024-03-15T14:36:00', status: 'attempt_failed', code: 'X' },
      { local: '2024-03-15T07:19:00', status: 'out_for_delivery', code: 'I' },
    ]);
  });

  it('delivered to an Access Point waits for pickup, with the pick-up-by date', () => {
    const [r] = results(parse('track--ready-for-pickup-access-point.json'));
    expect(r!.status).toBe('available_for_pickup');
    expect(r!.deliveredAt).toBeNull();
    expect(r!.pickupPoint).toEqual({ name: null, address: 'HOBOKEN, NJ, US', pickupBy: '2024-03-22' });
    expectEvents(r!.events, [
      { local: '2024-03-15T11:32:00', status: 'available_for_pickup', code: 'D' },
      { local: '2024-03-15T08:10:00', status: 'out_for_delivery', code: 'I' },
    ]);
  });

  it('delivered with proof: delivery time from the gmt fields, left at the front door, photo', () => {
    const [r] = results(parse('track--delivered-with-proof.json'));
    expect(r!.status).toBe('delivered');
    expect(Date.parse(r!.deliveredAt!)).toBe(Date.parse('2024-03-15T17:45:00Z'));
    expect(r!.proof).toEqual({ receivedBy: null, location: 'Front Door', hasSignature: false, hasPhoto: true });
    expectEvents(r!.events, [
      { at: '2024-03-15T17:45:00Z', status: 'delivered', code: 'D' },
      { at: '2024-03-15T11:19:00Z', status: 'out_for_delivery', code: 'I' },
    ]);
  });

  it('not found as a warning inside a 200 (TW0001) is a per-number not_found', () => {
    const [r] = results(parse('track--not-found-warning.json'));
    expect(r).toEqual({
      trackingNumber: '1Z0000000000000000',
      status: null,
      eta: null,
      events: [],
      error: { kind: 'not_found', message: 'UPS: TW0001 Tracking Information Not Found' },
    });
  });

  it('error bodies: not found (404), invalid number (400), bad credentials (401), quota (429)', () => {
    expect(failure(parse('error--not-found.json', 404))).toEqual({
      kind: 'not_found',
      message: 'UPS: TW0001 Tracking Information Not Found',
      httpStatus: 404,
    });
    expect(failure(parse('error--invalid-number.json', 400)).kind).toBe('invalid_number');
    expect(failure(parse('error--unauthorized.json', 401)).kind).toBe('auth');
    expect(failure(parse('error--quota.json', 429)).kind).toBe('rate_limited');
  });

  it('bad input is a clear malformed error, never a throw', () => {
    expect(failure(parseUpsResponse('<html>')).kind).toBe('malformed');
    expect(failure(parseUpsResponse({ trackResponse: {} })).kind).toBe('malformed');
    expect(failure(parseUpsResponse(null)).kind).toBe('malformed');
    expect(results(parseUpsResponse({ trackResponse: { shipment: [{ package: [{ activity: [{ date: 'x' }] }] }] } }))).toEqual([]);
  });

  it('maps type X by code: customs release is progress, others a problem; NA and U say nothing', () => {
    expect(upsActivityStatus('X', null, 'SR')).toBe('in_transit');
    expect(upsActivityStatus('X', '134', null)).toBe('in_transit');
    expect(upsActivityStatus('X', null, 'ZZ')).toBe('exception');
    expect(upsActivityStatus('NA', null, null)).toBeNull();
    expect(upsActivityStatus('U', null, 'UT')).toBeNull();
    expect(upsActivityStatus('MV', null, null)).toBe('cancelled');
    expect(upsActivityStatus('I', '034', null)).toBe('returned');
  });
});
