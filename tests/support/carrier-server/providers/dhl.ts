/**
 * DHL Shipment Tracking – Unified on the local carrier server: `GET /track/shipments?trackingNumber=…`
 * with the `DHL-API-Key` header, answering from tests/fixtures/dhl (404 problem+json for unknown numbers).
 */
import { fixtureFor, json, REJECTED_SECRET } from '../faults-oauth';
import type { FaultMode, ProviderRoutes } from '../types';

const DIR = 'dhl';

export const DHL_NUMBERS: Readonly<Record<string, string>> = {
  GMDBD8E9CCE94842E495B7: 'shipments--transit-customs.json',
  '00340434161094042557': 'shipments--label-created.json',
  '1234567890': 'shipments--out-for-delivery.json',
  GM2951173225174494: 'shipments--exception-customs-hold.json',
  '00340434161094042558': 'shipments--ready-for-pickup-packstation.json',
  '00340434161094042559': 'shipments--delivered-with-proof.json',
};

const PROBLEM = (status: number, title: string, detail: string) => ({ title, status, detail, instance: '/track/shipments', type: 'about:blank' });

export function dhlProvider(): ProviderRoutes {
  return {
    id: 'dhl',
    hosts: ['api-eu.dhl.com'],
    owns: (req) => req.path === '/track/shipments',
    faultBody(mode: FaultMode) {
      if (mode === 'auth') return PROBLEM(401, 'Unauthorized', 'Unauthorized for given resource.');
      if (mode === 'rate_limited') return PROBLEM(429, 'Too many requests', 'Too many requests. Daily limit exceeded.');
      if (mode === 'server') return PROBLEM(500, 'Internal Server Error', 'An unexpected error occurred.');
      return undefined;
    },
    handle(req) {
      if (req.path !== '/track/shipments') return null;
      const key = req.headers['dhl-api-key'];
      if (!key || key === REJECTED_SECRET) return json(401, PROBLEM(401, 'Unauthorized', 'Unauthorized for given resource. The API key is invalid or missing.'));
      const n = (req.query.get('trackingNumber') ?? '').trim();
      if (!/^[A-Za-z0-9]{5,40}$/.test(n)) return json(400, PROBLEM(400, 'Bad request', 'Invalid tracking number.'));
      const file = req.headers['x-fault'] === 'not_found' ? undefined : DHL_NUMBERS[n.toUpperCase()];
      if (!file) return json(404, PROBLEM(404, 'No result found', 'No shipment with given tracking number found.'));
      return { status: 200, headers: { 'content-type': 'application/json' }, body: fixtureFor(DIR, file) };
    },
  };
}
