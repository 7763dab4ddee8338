/**
 * The options page's "Sources" section, pure (issue #5 §8): one card per provider, the credential
 * fields with their saved state (secrets masked, never echoed back in full), validation of what the
 * user typed, and the provider's budget usage as plain lines.
 *
 * Nothing here reads a clock or the browser: `now` and `timeZone` are passed in.
 */
import type { BudgetReport } from '../carriers/budgets';
import type { Credentials, TrackErrorKind } from '../carriers/client';
import {
  CONFIGURABLE_PROVIDER_IDS,
  type ConfigurableProviderId,
  type ConnectionResult,
  type CredentialField,
  PROVIDER_INFO,
  type ProviderInfo,
} from '../carriers/clients';

/** Providers the user can configure: every registered one except the built-in demo carrier. */
export const CONFIGURABLE_PROVIDERS: readonly ConfigurableProviderId[] = CONFIGURABLE_PROVIDER_IDS;

/** Secrets shorter than this are shown only as "saved": their last 4 characters would give away too much. */
export const MIN_SECRET_LENGTH_FOR_HINT = 8;

/** How a saved value is shown: secrets as "saved ••••abcd" (or just "saved"), other fields in full. */
export function savedHint(field: Pick<CredentialField, 'secret'>, value: string | undefined): string | null {
  if (value === undefined || value === '') return null;
  if (!field.secret) return value;
  if (value.length < MIN_SECRET_LENGTH_FOR_HINT) return 'saved';
  return `saved ••••${value.slice(-4)}`;
}

export interface CredentialFieldView {
  key: string;
  label: string;
  secret: boolean;
  optional: boolean;
  options: readonly string[] | null;
  /** What is stored now, safe to show (see {@link savedHint}); null when nothing is saved. */
  savedHint: string | null;
  /** The value to prefill an input with: never a secret. */
  initialValue: string;
}

export interface ProviderCardView {
  id: ConfigurableProviderId;
  name: string;
  kind: ProviderInfo['kind'];
  signupUrl: string | null;
  howTo: readonly string[];
  fields: CredentialFieldView[];
  /** Credentials are stored for it. */
  configured: boolean;
  /** The user has not switched it off. */
  enabled: boolean;
  /** Budget lines (see {@link formatBudgetLine}). */
  budget: string[];
}

export interface SourcesInput {
  credentials: Readonly<Record<string, Credentials>>;
  disabledProviders: readonly string[];
  budgets: Readonly<Record<string, readonly BudgetReport[]>>;
  now: number;
  timeZone: string;
}

export function providerCards(input: SourcesInput): ProviderCardView[] {
  return CONFIGURABLE_PROVIDERS.map((id) => {
    const info = PROVIDER_INFO[id];
    const saved = input.credentials[id];
    return {
      id,
      name: info.name,
      kind: info.kind,
      signupUrl: info.signupUrl,
      howTo: info.howTo,
      fields: info.fields.map((f) => ({
        key: f.key,
        label: f.label,
        secret: f.secret,
        optional: f.optional === true,
        options: f.options ?? null,
        savedHint: savedHint(f, saved?.[f.key]),
        initialValue: f.secret ? '' : (saved?.[f.key] ?? (f.options?.[0] && !f.optional ? f.options[0] : '')),
      })),
      configured: saved !== undefined && Object.keys(saved).length > 0,
      enabled: !input.disabledProviders.includes(id),
      budget: (input.budgets[id] ?? []).map((r) => formatBudgetLine(r, input.now, input.timeZone)),
    };
  });
}

export type CredentialCheck = { ok: true; credentials: Credentials } | { ok: false; errors: Record<string, string> };

/**
 * What the user typed, merged over what is saved: an empty secret input keeps the saved secret
 * (the input never shows it), an empty optional field is left out, a missing required field is an
 * error, and a choice must be one of its options. Values are trimmed (pasted keys often carry spaces).
 */
export function mergeCredentials(
  info: Pick<ProviderInfo, 'fields'>,
  typed: Readonly<Record<string, string>>,
  saved: Credentials | undefined,
): CredentialCheck {
  const credentials: Credentials = {};
  const errors: Record<string, string> = {};
  for (const f of info.fields) {
    const raw = (typed[f.key] ?? '').trim();
    const value = raw !== '' ? raw : f.secret ? (saved?.[f.key] ?? '') : '';
    if (value === '') {
      if (!f.optional) errors[f.key] = `${f.label} is required.`;
      continue;
    }
    if (f.options && !f.options.includes(value)) {
      errors[f.key] = `${f.label} must be one of: ${f.options.join(', ')}.`;
      continue;
    }
    if (/\s/.test(value)) {
      errors[f.key] = `${f.label} cannot contain spaces.`;
      continue;
    }
    if (value.length > 512) {
      errors[f.key] = `${f.label} is too long.`;
      continue;
    }
    credentials[f.key] = value;
  }
  return Object.keys(errors).length > 0 ? { ok: false, errors } : { ok: true, credentials };
}

/** `disabledProviders` with `id` switched on (removed) or off (added), order kept, no duplicates. */
export function withProviderEnabled(disabled: readonly string[], id: string, enabled: boolean): string[] {
  const rest = disabled.filter((d) => d !== id);
  return enabled ? rest : [...rest, id];
}

function clock(epoch: number, timeZone: string, withDate: boolean): string {
  return new Date(epoch).toLocaleString('en-GB', {
    timeZone,
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
    ...(withDate ? { day: 'numeric', month: 'short' } : {}),
  });
}

/** "in 42 s", "in 5 min", "in 3 h 20 min", "in 4 days". */
export function formatIn(ms: number): string {
  const s = Math.max(0, Math.ceil(ms / 1000));
  if (s < 60) return `in ${s} s`;
  const min = Math.ceil(s / 60);
  if (min < 60) return `in ${min} min`;
  const h = Math.floor(min / 60);
  if (h < 48) return min % 60 === 0 ? `in ${h} h` : `in ${h} h ${min % 60} min`;
  return `in ${Math.round(h / 24)} days`;
}

/**
 * One limit as a line: "3 of 250 requests per day used, 247 left; resets 01:00 (in 9 h 12 min)".
 * The reset time is shown in the user's zone, with the date when it is not within the next day.
 */
export function formatBudgetLine(report: BudgetReport, now: number, timeZone: string): string {
  const head = `${report.used.toLocaleString('en-US')} of ${report.max.toLocaleString('en-US')} ${report.label} used, ${report.remaining.toLocaleString('en-US')} left`;
  if (report.resetsAt === null) return head;
  const withDate = report.resetsAt - now >= 86_400_000;
  return `${head}; resets ${clock(report.resetsAt, timeZone, withDate)} (${formatIn(report.resetsAt - now)})`;
}

/** The line at the top of the section: no keys are needed. */
export const NO_KEYS_NEEDED =
  'Porchlight works with no keys at all: it reads your shops\u2019 order pages and Amazon\u2019s own tracker. ' +
  'Adding a carrier\u2019s free developer credentials gives live status for that carrier\u2019s parcels.';

export type Tone = 'good' | 'warn' | 'bad' | 'info';

/** A result shown under a card: a short label ("Connected", "Credentials refused") and the full message. */
export interface CardStatus {
  tone: Tone;
  label: string;
  message: string;
}

const ERROR_LABELS: Readonly<Record<TrackErrorKind, string>> = {
  auth: 'Credentials refused',
  not_found: 'Connected',
  invalid_number: 'Connected',
  rate_limited: 'Connected, rate limit reached',
  quota: 'Connected, quota used up',
  server: 'Service error',
  malformed: 'Unexpected answer',
  timeout: 'Timed out',
  network: 'Network error',
};

/** The verdict of "Test connection" (lib/carriers/clients.ts `testConnection`) as a card status. */
export function connectionStatus(result: ConnectionResult): CardStatus {
  const kind = result.error?.kind;
  const label = kind ? ERROR_LABELS[kind] : 'Connected';
  const tone: Tone = result.ok ? (kind === 'rate_limited' || kind === 'quota' ? 'warn' : 'good') : 'bad';
  return { tone, label: kind && !result.ok ? `${label} (${kind})` : label, message: result.message };
}

/** The browser refused the optional host permission a provider needs. */
export function permissionRefusedStatus(id: ConfigurableProviderId, action: 'save' | 'test' | 'enable'): CardStatus {
  const hosts = PROVIDER_INFO[id].hostPatterns.map((p) => new URL(p.replace('/*', '/')).host).join(', ');
  const need = `Porchlight needs permission to reach ${hosts}`;
  return {
    tone: 'bad',
    label: 'Permission refused',
    message:
      action === 'save'
        ? `Not saved: ${need} to use ${PROVIDER_INFO[id].name}, and the browser did not grant it.`
        : action === 'test'
          ? `Not tested: ${need}, and the browser did not grant it.`
          : `Still off: ${need} to use ${PROVIDER_INFO[id].name}, and the browser did not grant it.`,
  };
}
