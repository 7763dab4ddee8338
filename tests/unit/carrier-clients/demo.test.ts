import { describe, expect, it } from 'vitest';
import { parseDemoResponse } from '../../../lib/carriers/demo/api-client';

describe('demo carrier parser', () => {
  it('maps codes, keeps offsets and reports unknown numbers per number', () => {
    const out = parseDemoResponse({
      shipments: [
        {
          trackingNumber: 'PLDEMO10000014',
          found: true,
          status: 'DY',
          statusText: 'Delayed',
          estimatedDelivery: { from: '2026-11-25', to: '2026-11-25' },
          events: [
            { at: '2026-11-23T09:04:00-06:00', code: 'DY', text: 'Delayed: weather', location: 'Columbus, OH, US' },
            { at: '2026-11-23T09:02:00-06:00', code: 'IT', text: 'Departed', location: null },
          ],
        },
        { trackingNumber: 'PLDEMO10000021', found: false },
      ],
    });
    expect(out.ok).toBe(true);
    if (!out.ok) return;
    expect(out.results[0]).toMatchObject({ status: 'exception', eta: { from: '2026-11-25', to: '2026-11-25' } });
    expect(out.results[0]!.events.map((e) => [e.status, e.code, e.timeIsLocal, Date.parse(e.time)])).toEqual([
      ['exception', 'DY', false, Date.parse('2026-11-23T15:04:00Z')],
      ['in_transit', 'IT', false, Date.parse('2026-11-23T15:02:00Z')],
    ]);
    expect(out.results[1]!.error?.kind).toBe('not_found');
  });
  it('calls a body without shipments malformed', () => {
    expect(parseDemoResponse('<html>')).toEqual({ ok: false, error: expect.objectContaining({ kind: 'malformed' }) });
    expect(parseDemoResponse(null)).toEqual({ ok: false, error: expect.objectContaining({ kind: 'malformed' }) });
  });
});
