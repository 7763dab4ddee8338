/**
 * `npm run -s inspect -- carrier CARRIER FILE [--status HTTP_STATUS]`: parses a raw carrier API
 * response body with the provider's pure parser and prints the foundation contract (issue #2):
 * `{"results": [{trackingNumber, status, eta, events: [{time, timeIsLocal, status, code, description,
 * location}]}], "error": null | {kind, message}}`. CARRIER is the provider id: ups, usps, fedex, dhl,
 * 17track, ship24, demo. `--status` passes the HTTP status the body came with (refines error kinds).
 * A per-number error (UPS "not found" warning in a 200) is reported as `error` when no number has data.
 */
import { readFile } from 'node:fs/promises';
import { parseSeventeenTrackResponse } from '../../lib/aggregators/seventeen-track/parse-response';
import { parseShip24Response } from '../../lib/aggregators/ship24/parse-response';
import type { TrackErrorKind, TrackOutcome } from '../../lib/carriers/client';
import { parseDemoResponse } from '../../lib/carriers/demo/api-client';
import { parseDhlResponse } from '../../lib/carriers/dhl/parse-response';
import { parseFedexResponse } from '../../lib/carriers/fedex/parse-response';
import { parseJsonText } from '../../lib/carriers/http';
import { parseUpsResponse } from '../../lib/carriers/ups/parse-response';
import { parseUspsResponse } from '../../lib/carriers/usps/parse-response';
import { parseArgs } from './args';

const PARSERS: Readonly<Record<string, (body: unknown, httpStatus?: number) => TrackOutcome>> = {
  ups: parseUpsResponse,
  usps: parseUspsResponse,
  fedex: parseFedexResponse,
  dhl: parseDhlResponse,
  '17track': (body) => parseSeventeenTrackResponse(body),
  ship24: parseShip24Response,
  demo: (body) => parseDemoResponse(body),
};

/** The contract's error kinds; the client-only kinds fold into the nearest one. */
const CONTRACT_KIND: Readonly<Record<TrackErrorKind, string>> = {
  auth: 'auth',
  not_found: 'not_found',
  invalid_number: 'invalid_number',
  rate_limited: 'rate_limited',
  quota: 'rate_limited',
  server: 'server',
  timeout: 'server',
  network: 'server',
  malformed: 'malformed',
};

export interface CarrierInspection {
  results: Array<{
    trackingNumber: string;
    status: string | null;
    eta: { from: string; to: string } | null;
    events: Array<{ time: string; timeIsLocal: boolean; status: string | null; code: string | null; description: string; location: string | null }>;
  }>;
  error: { kind: string; message: string } | null;
}

/** Pure: a body's text → the contract shape. */
export function inspectCarrier(provider: string, text: string, httpStatus?: number): CarrierInspection {
  const parse = PARSERS[provider];
  if (!parse) throw new Error(`unknown carrier "${provider}" (one of: ${Object.keys(PARSERS).join(', ')})`);
  const body = parseJsonText(provider, text, httpStatus);
  const outcome: TrackOutcome = body.ok ? parse(body.json, httpStatus) : body;
  if (!outcome.ok) return { results: [], error: { kind: CONTRACT_KIND[outcome.error.kind], message: outcome.error.message } };
  const withData = outcome.results.filter((r) => !r.error);
  const firstError = outcome.results.find((r) => r.error)?.error ?? null;
  return {
    results: withData.map((r) => ({
      trackingNumber: r.trackingNumber,
      status: r.status,
      eta: r.eta,
      events: r.events.map((e) => ({
        time: e.time,
        timeIsLocal: e.timeIsLocal,
        status: e.status,
        code: e.code,
        description: e.description,
        location: e.location,
      })),
    })),
    error: withData.length === 0 && firstError ? { kind: CONTRACT_KIND[firstError.kind], message: firstError.message } : null,
  };
}

export async function run(args: string[]): Promise<CarrierInspection> {
  const { positional, flags } = parseArgs(args);
  const [provider, file] = positional;
  if (!provider || !file) throw new Error('usage: inspect carrier <ups|usps|fedex|dhl|17track|ship24|demo> <file> [--status 404]');
  const status = flags.status ? Number(flags.status) : undefined;
  if (status !== undefined && !(Number.isInteger(status) && status >= 100 && status <= 599)) throw new Error(`--status must be an HTTP status, got "${flags.status}"`);
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (err) {
    throw new Error(`cannot read ${file}: ${err instanceof Error ? err.message : String(err)}`);
  }
  return inspectCarrier(provider, text, status);
}
