/**
 * The client registry: every provider that answers "where is this parcel?", and what the options
 * page needs to offer it (how to get free credentials, which fields, a connection test). The
 * extension works with none of them configured (page reading and Amazon's tracker); each is off
 * until the user enters credentials, and each can be switched off.
 */
import { probeSeventeenTrack, seventeenTrackClient } from '../aggregators/seventeen-track/api-client';
import { ship24Client } from '../aggregators/ship24/api-client';
import { CARRIER_API_HOSTS } from '../hosts';
import type { CarrierClient, ClientContext, Credentials, TrackError } from './client';
import { DEMO_CLIENT } from './demo/registration';
import { dhlClient } from './dhl/api-client';
import { fedexClient } from './fedex/api-client';
import { upsClient } from './ups/api-client';
import { uspsClient } from './usps/api-client';

/** Providers the shopper sets up with their own free credentials (the options page's cards). */
export type ConfigurableProviderId = 'ups' | 'usps' | 'fedex' | 'dhl' | '17track' | 'ship24';

export const CONFIGURABLE_PROVIDER_IDS: readonly ConfigurableProviderId[] = ['ups', 'usps', 'fedex', 'dhl', '17track', 'ship24'];

/** Every provider of this build; `demo` only in builds with the demo carrier (lib/carriers/demo/registration.ts). */
export const CLIENTS: Readonly<Record<ConfigurableProviderId, CarrierClient> & { demo?: CarrierClient }> = {
  ups: upsClient,
  usps: uspsClient,
  fedex: fedexClient,
  dhl: dhlClient,
  '17track': seventeenTrackClient,
  ship24: ship24Client,
  ...(DEMO_CLIENT ? { demo: DEMO_CLIENT } : {}),
};

/** True for a provider the shopper can configure (it has {@link PROVIDER_INFO}). */
export function isConfigurableProvider(id: string): id is ConfigurableProviderId {
  return (CONFIGURABLE_PROVIDER_IDS as readonly string[]).includes(id);
}

export interface CredentialField {
  key: string;
  label: string;
  /** Shown as a password field; never echoed back or logged. */
  secret: boolean;
  optional?: boolean;
  /** A choice (e.g. environment) rather than free text. */
  options?: readonly string[];
}

export interface ProviderInfo {
  id: ConfigurableProviderId;
  name: string;
  kind: 'carrier' | 'aggregator';
  /** Where to get free credentials. */
  signupUrl: string | null;
  /** Steps, shown in the options page's sources section. */
  howTo: readonly string[];
  fields: readonly CredentialField[];
  /** Optional host permissions to request when the user saves credentials or switches it on (lib/hosts.ts). */
  hostPatterns: readonly string[];
}

const ENV: CredentialField = { key: 'environment', label: 'Environment', secret: false, optional: true, options: ['production', 'test'] };

export const PROVIDER_INFO: Readonly<Record<ConfigurableProviderId, ProviderInfo>> = {
  ups: {
    id: 'ups',
    name: 'UPS Track API',
    kind: 'carrier',
    signupUrl: 'https://developer.ups.com/',
    howTo: [
      'Log in to developer.ups.com with a UPS.com account.',
      'Apps → Add App; choose "integrate UPS technology into my business" and link a UPS account.',
      'Add the Tracking product; copy the Client ID and Client Secret here.',
    ],
    fields: [
      { key: 'clientId', label: 'Client ID', secret: false },
      { key: 'clientSecret', label: 'Client Secret', secret: true },
      ENV,
    ],
    hostPatterns: CARRIER_API_HOSTS.ups,
  },
  usps: {
    id: 'usps',
    name: 'USPS Tracking 3.0',
    kind: 'carrier',
    signupUrl: 'https://developers.usps.com/',
    howTo: [
      'Create a USPS.com account and a Business Customer Gateway account.',
      'Sign in to developers.usps.com → Add App; copy the Consumer Key and Consumer Secret here.',
      'The default quota is about 60 requests an hour; USPS raises it on request.',
    ],
    fields: [
      { key: 'clientId', label: 'Consumer Key', secret: false },
      { key: 'clientSecret', label: 'Consumer Secret', secret: true },
      { key: 'api', label: 'API', secret: false, optional: true, options: ['v3r2', 'v3'] },
      ENV,
    ],
    hostPatterns: CARRIER_API_HOSTS.usps,
  },
  fedex: {
    id: 'fedex',
    name: 'FedEx Track API',
    kind: 'carrier',
    signupUrl: 'https://developer.fedex.com/',
    howTo: [
      'Create a free developer.fedex.com account and accept the Developer Portal License Agreement.',
      'Create a project for the Track API alone (it cannot share a project with other APIs).',
      'Copy the project\'s API Key and Secret Key here.',
    ],
    fields: [
      { key: 'clientId', label: 'API Key', secret: false },
      { key: 'clientSecret', label: 'Secret Key', secret: true },
      ENV,
    ],
    hostPatterns: CARRIER_API_HOSTS.fedex,
  },
  dhl: {
    id: 'dhl',
    name: 'DHL Shipment Tracking – Unified',
    kind: 'carrier',
    signupUrl: 'https://developer.dhl.com/user/register',
    howTo: [
      'Register at developer.dhl.com.',
      'Apps → Create App, select "Shipment Tracking – Unified".',
      'Copy the app\'s Consumer Key (not the secret) here. The free level allows 250 calls a day, 1 per second.',
    ],
    fields: [{ key: 'apiKey', label: 'Consumer Key', secret: true }],
    hostPatterns: CARRIER_API_HOSTS.dhl,
  },
  '17track': {
    id: '17track',
    name: '17TRACK (aggregator)',
    kind: 'aggregator',
    signupUrl: 'https://api.17track.net/',
    howTo: [
      'Register at api.17track.net and open the dashboard.',
      'Copy the API key (security key) here.',
      'Each newly tracked number uses one unit of the account\'s quota; refreshing is free.',
    ],
    fields: [{ key: 'apiKey', label: 'API key', secret: true }],
    hostPatterns: CARRIER_API_HOSTS['17track'],
  },
  ship24: {
    id: 'ship24',
    name: 'Ship24 (aggregator)',
    kind: 'aggregator',
    signupUrl: 'https://dashboard.ship24.com/integrations/api-keys',
    howTo: [
      'Create a Ship24 account and choose a plan.',
      'Dashboard → Integrations → API keys; copy the Default key here.',
    ],
    fields: [{ key: 'apiKey', label: 'API key', secret: true }],
    hostPatterns: CARRIER_API_HOSTS.ship24,
  },
};

/**
 * A number each provider answers without spending quota: a "not found" for it proves the credentials
 * were accepted. 17TRACK's test only asks `gettrackinfo` (free) and never registers.
 */
const PROBE_NUMBERS: Readonly<Record<ConfigurableProviderId, string>> = {
  ups: '1Z1442YY7229014688',
  usps: '9400100000000000000000',
  fedex: '123456789012',
  dhl: 'GMDBD8E9CCE94842E495B7',
  '17track': 'RR123456789CN',
  ship24: 'S24DEMO456393',
};

export interface ConnectionResult {
  ok: boolean;
  message: string;
  error?: TrackError;
}

function verdict(name: string, error: TrackError | null | undefined): ConnectionResult {
  if (!error || error.kind === 'not_found' || error.kind === 'invalid_number') {
    return { ok: true, message: `${name}: connected, credentials accepted.` };
  }
  switch (error.kind) {
    case 'auth':
      return { ok: false, message: `${name}: the credentials were refused. Check them and that the app has the tracking product.`, error };
    case 'rate_limited':
    case 'quota':
      return { ok: true, message: `${name}: credentials accepted, but the provider's limit is reached for now.`, error };
    case 'timeout':
    case 'network':
      return { ok: false, message: `${name}: could not reach the service (${error.message}).`, error };
    default:
      return { ok: false, message: `${name}: the service answered with an error (${error.message}).`, error };
  }
}

/** The options page's "test connection": one cheap request, a clear verdict. Never throws. */
export async function testConnection(id: ConfigurableProviderId, credentials: Credentials, ctx: ClientContext): Promise<ConnectionResult> {
  const client = CLIENTS[id];
  const name = PROVIDER_INFO[id].name;
  if (id === '17track') {
    return verdict(name, await probeSeventeenTrack(PROBE_NUMBERS[id], credentials, ctx));
  }
  const outcome = await client.track([PROBE_NUMBERS[id]], credentials, ctx);
  if (!outcome.ok) return verdict(name, outcome.error);
  return verdict(name, outcome.results[0]?.error);
}
