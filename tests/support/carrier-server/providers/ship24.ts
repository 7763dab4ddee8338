/**
 * Ship24 on the local carrier server: `POST /public/v1/trackers/track` (creates the tracker and answers
 * its results) and `GET /public/v1/trackers` (used by "test connection"), `Authorization: Bearer <key>`,
 * answering from tests/fixtures/ship24. Unknown valid numbers get a fresh tracker with no events (pending).
 */
import { fixtureFor, json, REJECTED_SECRET } from '../faults-oauth';
import type { FaultMode, ProviderRoutes } from '../types';

const DIR = 'ship24';
const WRITTEN = 'S24TEST000001';

export const SHIP24_NUMBERS: Readonly<Record<string, string>> = {
  S24DEMO456393: 'track--delivered.json',
  S24INFORECEIVED01: 'track--info-received.json',
  S24INTRANSIT00001: 'track--in-transit.json',
  S24OUTFORDELIVERY: 'track--out-for-delivery.json',
  S24RETURNED000001: 'track--exception-returned.json',
};

const ERR = (code: string, message: string) => ({ errors: [{ code, message }], data: null });

export function ship24Provider(): ProviderRoutes {
  return {
    id: 'ship24',
    hosts: ['api.ship24.com'],
    owns: (req) => req.path === '/public/v1/trackers/track' || req.path === '/public/v1/trackers',
    faultBody(mode: FaultMode) {
      if (mode === 'auth') return ERR('authentication_error', 'Invalid API key.');
      if (mode === 'rate_limited') return ERR('rate_limit_exceeded', 'Too many requests.');
      if (mode === 'server') return ERR('internal_error', 'An internal error occurred.');
      return undefined;
    },
    handle(req) {
      if (req.path !== '/public/v1/trackers/track' && req.path !== '/public/v1/trackers') return null;
      const m = /^Bearer\s+(.+)$/i.exec(req.headers.authorization ?? '');
      if (!m || m[1] === REJECTED_SECRET) return json(401, ERR('authentication_error', 'Invalid API key.'));
      if (req.path === '/public/v1/trackers') return json(200, { data: { trackers: [] } });
      let n = '';
      try {
        n = String((JSON.parse(req.body) as { trackingNumber?: unknown }).trackingNumber ?? '').toUpperCase();
      } catch {
        return json(400, ERR('validation_error', 'The request body is not valid JSON.'));
      }
      if (!/^[A-Z0-9-]{5,50}$/.test(n)) {
        return json(400, ERR('validation_error', "The trackingNumber provided seems invalid. Please make sure it's between 5 and 50 characters, containing only letters, numbers, and hyphens, and without dummy patterns and consecutive numbers."));
      }
      const file = req.headers['x-fault'] === 'not_found' ? undefined : SHIP24_NUMBERS[n];
      if (!file) return json(201, fixtureFor(DIR, 'track--not-found-pending.json', 'S24TEST000099', n));
      return json(200, fixtureFor(DIR, file, WRITTEN, n));
    },
  };
}
