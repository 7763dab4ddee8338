import { addDays, toZonedIso, zonedDate } from '../../../../lib/model/time';
import { DELAY_STEP, DEMO_SHIPMENTS, SCENARIOS, SHOPPER_ZONE } from '../../demo/catalog';
import type { ProviderRoutes } from '../types';

/**
 * The simulated carrier. Each known number follows its scenario: one step every `stepMs` of the
 * server's (movable) clock since the server started. Answers in the wire format documented in
 * lib/carriers/demo/api-client.ts. Times carry the carrier's local offset (America/Chicago);
 * promised dates are days of the shopper's calendar ({@link SHOPPER_ZONE}).
 */
export const DEMO_ZONE = 'America/Chicago';

/** One scenario step; read per request so a demo or test can set DEMO_STEP_MS before the first call. */
function stepLength(fixed?: number): number {
  return fixed ?? Number(process.env.DEMO_STEP_MS ?? 30_000);
}

export function demoProvider(fixedStepMs?: number): ProviderRoutes {
  return {
    id: 'demo',
    hosts: ['api.demo-carrier.test'],
    owns: (req) => req.path === '/v1/track',
    handle(req, state) {
      if (req.path !== '/v1/track' || req.method !== 'GET') return null;
      const numbers = (req.query.get('numbers') ?? '').split(',').filter(Boolean);
      if (numbers.length === 0) return { status: 400, body: { error: 'numbers is required' } };
      if (numbers.length > 40) return { status: 400, body: { error: 'at most 40 numbers' } };
      const now = state.now();
      const stepMs = stepLength(fixedStepMs);
      const elapsedSteps = Math.floor((now - state.startedAt) / stepMs);
      const startDate = zonedDate(state.startedAt, SHOPPER_ZONE);
      const shipments = numbers.map((n) => {
        const ship = DEMO_SHIPMENTS.find((s) => s.number === n.toUpperCase());
        if (!ship || req.headers['x-fault'] === 'not_found') return { trackingNumber: n, found: false };
        const steps = SCENARIOS[ship.scenario].filter((s) => s.at <= elapsedSteps);
        const events = steps
          .map((s) => ({
            at: toZonedIso(state.startedAt + s.at * stepMs, DEMO_ZONE),
            code: s.code,
            text: s.text,
            location: s.location,
          }))
          .reverse();
        const last = steps[steps.length - 1]!;
        const slipped = ship.scenario === 'delayed' && elapsedSteps >= DELAY_STEP;
        const promised = addDays(startDate, ship.promisedInDays + (slipped ? 2 : 0));
        const delivered = last.code === 'DL';
        return {
          trackingNumber: ship.number,
          found: true,
          status: last.code,
          statusText: last.text,
          estimatedDelivery: delivered ? null : { from: promised, to: promised },
          deliveredAt: delivered ? events[0]!.at : null,
          events,
        };
      });
      return { status: 200, body: { shipments } };
    },
  };
}
