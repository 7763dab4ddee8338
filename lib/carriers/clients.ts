/**
 * The client registry: every provider that answers "where is this parcel?", and what the options
 * page needs to offer it (how to get free credentials, which fields, a connection test). The
 * extension works with none of them configured (page reading and Amazon's tracker); each is off
 * until the user enters credentials, and each can be switched off.
 */
import { probeSeventeenTrack, seventeenTrackClient } from '../aggregators/seventeen-track/api-client';
import { ship24Client } from '../aggregators/ship24/api-client';
import { CARRIER_API_HOSTS } from '../hosts';
import type { MessageKey, Translate } from '../i18n/translate';
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
  /**
   * What the field is called (issue #13 §2): the portal's own words where it names the credential
   * ("Client ID", "Consumer Key": the shopper copies what the portal shows, so they stay as the portal
   * writes them in every language), else a message ("API key", "Environment").
   */
  label: { portal: string } | { message: MessageKey };
  /** Shown as a password field; never echoed back or logged. */
  secret: boolean;
  optional?: boolean;
  /** A choice (e.g. environment) rather than free text: the values stored. */
  options?: readonly string[];
  /** How a choice reads, where its value is a word rather than a version ("production" → "Produktion"). */
  optionLabels?: Readonly<Record<string, MessageKey>>;
}

/** A field's name as the options page shows it. */
export function fieldLabel(field: Pick<CredentialField, 'label'>, t: Translate): string {
  return 'portal' in field.label ? field.label.portal : t(field.label.message);
}

export interface ProviderInfo {
  id: ConfigurableProviderId;
  /** The product's own name, in every language (an aggregator's is shown with its kind: {@link providerName}). */
  name: string;
  kind: 'carrier' | 'aggregator';
  /** Where to get free credentials. */
  signupUrl: string | null;
  /** Steps, shown in the options page's sources section (messages: the portals' button names stay as they read there). */
  howTo: readonly MessageKey[];
  fields: readonly CredentialField[];
  /** Optional host permissions to request when the user saves credentials or switches it on (lib/hosts.ts). */
  hostPatterns: readonly string[];
}

/** A provider's name as the shopper reads it: "17TRACK (aggregator)", "UPS Track API". */
export function providerName(info: Pick<ProviderInfo, 'name' | 'kind'>, t: Translate): string {
  return info.kind === 'aggregator' ? t('providerAggregatorName', info.name) : info.name;
}

const ENV: CredentialField = {
  key: 'environment',
  label: { message: 'providerFieldEnvironment' },
  secret: false,
  optional: true,
  options: ['production', 'test'],
  optionLabels: { production: 'providerEnvironmentProduction', test: 'providerEnvironmentTest' },
};
const API_KEY: CredentialField = { key: 'apiKey', label: { message: 'providerFieldApiKey' }, secret: true };

export const PROVIDER_INFO: Readonly<Record<ConfigurableProviderId, ProviderInfo>> = {
  ups: {
    id: 'ups',
    name: 'UPS Track API',
    kind: 'carrier',
    signupUrl: 'https://developer.ups.com/',
    howTo: ['providerUpsStep1', 'providerUpsStep2', 'providerUpsStep3'],
    fields: [
      { key: 'clientId', label: { portal: 'Client ID' }, secret: false },
      { key: 'clientSecret', label: { portal: 'Client Secret' }, secret: true },
      ENV,
    ],
    hostPatterns: CARRIER_API_HOSTS.ups,
  },
  usps: {
    id: 'usps',
    name: 'USPS Tracking 3.0',
    kind: 'carrier',
    signupUrl: 'https://developers.usps.com/',
    howTo: ['providerUspsStep1', 'providerUspsStep2', 'providerUspsStep3'],
    fields: [
      { key: 'clientId', label: { portal: 'Consumer Key' }, secret: false },
      { key: 'clientSecret', label: { portal: 'Consumer Secret' }, secret: true },
      { key: 'api', label: { message: 'providerFieldApi' }, secret: false, optional: true, options: ['v3r2', 'v3'] },
      ENV,
    ],
    hostPatterns: CARRIER_API_HOSTS.usps,
  },
  fedex: {
    id: 'fedex',
    name: 'FedEx Track API',
    kind: 'carrier',
    signupUrl: 'https://developer.fedex.com/',
    howTo: ['providerFedexStep1', 'providerFedexStep2', 'providerFedexStep3'],
    fields: [
      { key: 'clientId', label: { portal: 'API Key' }, secret: false },
      { key: 'clientSecret', label: { portal: 'Secret Key' }, secret: true },
      ENV,
    ],
    hostPatterns: CARRIER_API_HOSTS.fedex,
  },
  dhl: {
    id: 'dhl',
    name: 'DHL Shipment Tracking – Unified',
    kind: 'carrier',
    signupUrl: 'https://developer.dhl.com/user/register',
    howTo: ['providerDhlStep1', 'providerDhlStep2', 'providerDhlStep3'],
    fields: [{ key: 'apiKey', label: { portal: 'Consumer Key' }, secret: true }],
    hostPatterns: CARRIER_API_HOSTS.dhl,
  },
  '17track': {
    id: '17track',
    name: '17TRACK',
    kind: 'aggregator',
    signupUrl: 'https://api.17track.net/',
    howTo: ['provider17trackStep1', 'provider17trackStep2', 'provider17trackStep3'],
    fields: [API_KEY],
    hostPatterns: CARRIER_API_HOSTS['17track'],
  },
  ship24: {
    id: 'ship24',
    name: 'Ship24',
    kind: 'aggregator',
    signupUrl: 'https://dashboard.ship24.com/integrations/api-keys',
    howTo: ['providerShip24Step1', 'providerShip24Step2'],
    fields: [API_KEY],
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

/**
 * The verdict in the shopper's words (issue #13 §2). Written here with the page's translator, not
 * carried as a code: the test runs in the options page itself and its result is shown at once, never
 * stored or sent. The service's own error text stays as it came.
 */
function verdict(name: string, error: TrackError | null | undefined, t: Translate): ConnectionResult {
  if (!error || error.kind === 'not_found' || error.kind === 'invalid_number') {
    return { ok: true, message: t('connectionAccepted', name) };
  }
  switch (error.kind) {
    case 'auth':
      return { ok: false, message: t('connectionRefused', name), error };
    case 'rate_limited':
    case 'quota':
      return { ok: true, message: t('connectionLimited', name), error };
    case 'timeout':
    case 'network':
      return { ok: false, message: t('connectionUnreachable', name, error.message), error };
    default:
      return { ok: false, message: t('connectionError', name, error.message), error };
  }
}

/** The options page's "test connection": one cheap request, a clear verdict in the page's words. Never throws. */
export async function testConnection(id: ConfigurableProviderId, credentials: Credentials, ctx: ClientContext, t: Translate): Promise<ConnectionResult> {
  const client = CLIENTS[id];
  const name = providerName(PROVIDER_INFO[id], t);
  if (id === '17track') {
    return verdict(name, await probeSeventeenTrack(PROBE_NUMBERS[id], credentials, ctx), t);
  }
  const outcome = await client.track([PROBE_NUMBERS[id]], credentials, ctx);
  if (!outcome.ok) return verdict(name, outcome.error, t);
  return verdict(name, outcome.results[0]?.error, t);
}
