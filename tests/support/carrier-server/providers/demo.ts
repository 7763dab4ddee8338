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

function esc(s: string): string {
  return s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/**
 * The demo carrier's own tracking page (https://track.demo-carrier.test/?n=…, the "Carrier page"
 * button), so the demo's links lead somewhere: the same steps the API answers, as a person reads them.
 */
function trackingPage(n: string, elapsedSteps: number, stepMs: number, startedAt: number): string {
  const ship = DEMO_SHIPMENTS.find((s) => s.number === n.toUpperCase());
  const rows = ship
    ? SCENARIOS[ship.scenario]
        .filter((st) => st.at <= elapsedSteps)
        .reverse()
        .map((st) => `<tr><td>${esc(toZonedIso(startedAt + st.at * stepMs, DEMO_ZONE).replace('T', ' ').slice(0, 16))}</td><td>${esc(st.text)}</td><td>${esc(st.location)}</td></tr>`)
        .join('')
    : '';
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Porchlight Demo Carrier: ${esc(n)}</title>
<style>body{font-family:Arial,sans-serif;max-width:760px;margin:24px auto;color:#1f2937}td{padding:4px 10px;border-bottom:1px solid #e5e7eb}.note{background:#fff3cd;padding:8px 12px;border-radius:6px}</style></head>
<body><p class="note">Porchlight Demo Carrier: a simulated carrier on this machine. Nothing here is real.</p>
<h1>Tracking ${esc(n)}</h1>${ship ? `<table>${rows}</table>` : '<p>This number is not known to the demo carrier.</p>'}</body></html>`;
}

export function demoProvider(fixedStepMs?: number): ProviderRoutes {
  return {
    id: 'demo',
    hosts: ['api.demo-carrier.test', 'track.demo-carrier.test'],
    owns: (req) => req.path === '/v1/track' || req.host === 'track.demo-carrier.test',
    faultBody(mode) {
      // A 200 that answers nothing: only a service warning (as UPS's and FedEx's "warnings"/"alerts").
      if (mode === 'warnings') return { shipments: [], warnings: [{ code: 'TW01', message: 'Tracking information is temporarily unavailable' }] };
      return undefined;
    },
    handle(req, state) {
      if (req.host === 'track.demo-carrier.test') {
        const stepMs = stepLength(fixedStepMs);
        const body = trackingPage(req.query.get('n') ?? '', Math.floor((state.now() - state.startedAt) / stepMs), stepMs, state.startedAt);
        return { status: 200, headers: { 'content-type': 'text/html; charset=utf-8' }, body };
      }
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
