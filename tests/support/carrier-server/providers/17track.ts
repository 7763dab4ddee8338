/**
 * 17TRACK API v2.2 on the local carrier server: `POST /track/v2.2/register` and
 * `POST /track/v2.2/gettrackinfo` with the `17token` header (at most 40 numbers), answering from
 * tests/fixtures/17track. It keeps a registry: unregistered numbers are rejected with -18019902 until
 * registered, and each registration spends one unit of a quota (`quota` option).
 */
import { fixtureFor, json, REJECTED_SECRET } from '../faults-oauth';
import type { FaultMode, ProviderRoutes } from '../types';

const DIR = '17track';

/** Numbers whose track info the server knows, with the fixture that holds it. */
export const SEVENTEEN_TRACK_NUMBERS: Readonly<Record<string, string>> = {
  RR123456783CN: 'gettrackinfo--info-received.json',
  RR123456789CN: 'gettrackinfo--in-transit.json',
  RR123456780CN: 'gettrackinfo--out-for-delivery-and-delivered.json',
  RR123456781CN: 'gettrackinfo--out-for-delivery-and-delivered.json',
  RR123456782CN: 'gettrackinfo--exception-returning.json',
};

const ENVELOPE_ERROR = (code: number, message: string) => ({ code, data: { errors: [{ code, message }] } });

export function seventeenTrackProvider(options: { quota?: number; registered?: string[] } = {}): ProviderRoutes & {
  registered: Set<string>;
  quotaLeft(): number;
} {
  const registered = new Set<string>(options.registered ?? Object.keys(SEVENTEEN_TRACK_NUMBERS));
  let quota = options.quota ?? 100;
  function accepted(n: string): unknown {
    const file = SEVENTEEN_TRACK_NUMBERS[n];
    if (!file) return (fixtureFor(DIR, 'gettrackinfo--not-found.json', 'RR123456784CN', n) as { data: { accepted: unknown[] } }).data.accepted[0];
    const body = fixtureFor(DIR, file) as { data: { accepted: Array<{ number: string }> } };
    return body.data.accepted.find((a) => a.number === n);
  }
  return {
    id: '17track',
    hosts: ['api.17track.net'],
    registered,
    quotaLeft: () => quota,
    owns: (req) => req.path === '/track/v2.2/register' || req.path === '/track/v2.2/gettrackinfo',
    faultBody(mode: FaultMode) {
      if (mode === 'auth') return ENVELOPE_ERROR(-18010002, 'The security key is invalid.');
      if (mode === 'rate_limited') return ENVELOPE_ERROR(-18010018, 'Too many requests.');
      if (mode === 'server') return ENVELOPE_ERROR(-18010099, 'Internal error.');
      return undefined;
    },
    handle(req) {
      if (req.path !== '/track/v2.2/register' && req.path !== '/track/v2.2/gettrackinfo') return null;
      if (req.method !== 'POST') return json(405, ENVELOPE_ERROR(-18010004, 'Method not allowed.'));
      const key = req.headers['17token'];
      if (!key || key === REJECTED_SECRET) return json(200, ENVELOPE_ERROR(-18010002, 'The security key is invalid.'));
      let items: Array<{ number?: unknown }>;
      try {
        items = JSON.parse(req.body) as Array<{ number?: unknown }>;
      } catch {
        return json(200, ENVELOPE_ERROR(-18010005, 'The request body is not valid JSON.'));
      }
      if (!Array.isArray(items) || items.length === 0) return json(200, ENVELOPE_ERROR(-18010010, 'The data field is empty.'));
      if (items.length > 40) return json(200, ENVELOPE_ERROR(-18010011, 'A maximum of 40 tracking numbers can be passed at a single time.'));
      const numbers = items.map((i) => String(i?.number ?? '').toUpperCase());
      const acceptedList: unknown[] = [];
      const rejected: unknown[] = [];
      for (const n of numbers) {
        if (!/^[A-Z0-9]{5,50}$/.test(n)) {
          rejected.push({ number: n, error: { code: -18010012, message: `The format of '${n}' is invalid.` } });
          continue;
        }
        if (req.path.endsWith('/register')) {
          if (registered.has(n)) rejected.push({ number: n, error: { code: -18019901, message: `The tracking number '${n}' has been registered, don't need to repeat registration.` } });
          else if (quota <= 0) rejected.push({ number: n, error: { code: -18019908, message: 'The quota is not enough.' } });
          else {
            registered.add(n);
            quota -= 1;
            acceptedList.push({ origin: 1, number: n, carrier: 3011 });
          }
        } else if (!registered.has(n) || req.headers['x-fault'] === 'not_found') {
          rejected.push({ number: n, error: { code: -18019902, message: `The tracking number '${n}' does not register, please register first.` } });
        } else {
          acceptedList.push(accepted(n));
        }
      }
      return json(200, { code: 0, data: { accepted: acceptedList, rejected } });
    },
  };
}
