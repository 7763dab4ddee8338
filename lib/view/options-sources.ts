/**
 * The options page's "Sources" section, pure (issue #5 §8): one card per provider, the credential
 * fields with their saved state (secrets masked, never echoed back in full), validation of what the
 * user typed, and the provider's budget usage as plain lines.
 *
 * Nothing here reads a clock or the browser: `now`, `timeZone` and the translator (issue #13 §2) are passed in.
 */
import type { BudgetReport } from '../carriers/budgets';
import type { Credentials, TrackErrorKind } from '../carriers/client';
import {
  CONFIGURABLE_PROVIDER_IDS,
  type ConfigurableProviderId,
  type ConnectionResult,
  type CredentialField,
  fieldLabel,
  PROVIDER_INFO,
  providerName,
  type ProviderInfo,
} from '../carriers/clients';
import type { MessageKey, Translate, UiText } from '../i18n/translate';

/** Providers the user can configure: every registered one except the built-in demo carrier. */
export const CONFIGURABLE_PROVIDERS: readonly ConfigurableProviderId[] = CONFIGURABLE_PROVIDER_IDS;

/** Secrets shorter than this are shown only as "saved": their last 4 characters would give away too much. */
export const MIN_SECRET_LENGTH_FOR_HINT = 8;

/** How a saved value is shown: secrets as "saved ••••abcd" (or just "saved"), other fields in full. */
export function savedHint(field: Pick<CredentialField, 'secret'>, value: string | undefined, t: Translate): string | null {
  if (value === undefined || value === '') return null;
  if (!field.secret) return value;
  if (value.length < MIN_SECRET_LENGTH_FOR_HINT) return t('optionsSourcesSaved');
  return t('optionsSourcesSavedSecret', value.slice(-4));
}

export interface CredentialFieldView {
  key: string;
  label: string;
  secret: boolean;
  optional: boolean;
  /** The values of a choice, and how each reads (the same order). */
  options: readonly string[] | null;
  optionLabels: readonly string[] | null;
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
  /** The steps as messages: the card says them in its language. */
  howTo: readonly MessageKey[];
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
  ui: UiText;
}

export function providerCards(input: SourcesInput): ProviderCardView[] {
  return CONFIGURABLE_PROVIDERS.map((id) => {
    const info = PROVIDER_INFO[id];
    const saved = input.credentials[id];
    return {
      id,
      name: providerName(info, input.ui.t),
      kind: info.kind,
      signupUrl: info.signupUrl,
      howTo: info.howTo,
      fields: info.fields.map((f) => ({
        key: f.key,
        label: fieldLabel(f, input.ui.t),
        secret: f.secret,
        optional: f.optional === true,
        options: f.options ?? null,
        optionLabels: f.options ? f.options.map((o) => (f.optionLabels?.[o] ? input.ui.t(f.optionLabels[o]) : o)) : null,
        savedHint: savedHint(f, saved?.[f.key], input.ui.t),
        initialValue: f.secret ? '' : (saved?.[f.key] ?? (f.options?.[0] && !f.optional ? f.options[0] : '')),
      })),
      configured: saved !== undefined && Object.keys(saved).length > 0,
      enabled: !input.disabledProviders.includes(id),
      budget: (input.budgets[id] ?? []).map((r) => formatBudgetLine(r, input.now, input.timeZone, input.ui)),
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
  t: Translate,
): CredentialCheck {
  const credentials: Credentials = {};
  const errors: Record<string, string> = {};
  for (const f of info.fields) {
    const raw = (typed[f.key] ?? '').trim();
    const label = fieldLabel(f, t);
    const value = raw !== '' ? raw : f.secret ? (saved?.[f.key] ?? '') : '';
    if (value === '') {
      if (!f.optional) errors[f.key] = t('optionsSourcesRequired', label);
      continue;
    }
    if (f.options && !f.options.includes(value)) {
      errors[f.key] = t('optionsSourcesOneOf', label, f.options.join(', '));
      continue;
    }
    if (/\s/.test(value)) {
      errors[f.key] = t('optionsSourcesNoSpaces', label);
      continue;
    }
    if (value.length > 512) {
      errors[f.key] = t('optionsSourcesTooLong', label);
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

/** The reset clock: 24-hour, in the messages' own clock locale ("01:00", "1 Apr, 00:00"; German "1. Apr., 00:00"). */
function clock(epoch: number, timeZone: string, withDate: boolean, t: Translate): string {
  return new Date(epoch).toLocaleString(t('optionsSourcesClockLocale'), {
    timeZone,
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
    ...(withDate ? { day: 'numeric', month: 'short' } : {}),
  });
}

/** "in 42 s", "in 5 min", "in 3 h 20 min", "in 4 days". */
export function formatIn(ms: number, t: Translate): string {
  const s = Math.max(0, Math.ceil(ms / 1000));
  if (s < 60) return t('optionsSourcesInSeconds', s);
  const min = Math.ceil(s / 60);
  if (min < 60) return t('optionsSourcesInMinutes', min);
  const h = Math.floor(min / 60);
  if (h < 48) return min % 60 === 0 ? t('optionsSourcesInHours', h) : t('optionsSourcesInHoursMinutes', h, min % 60);
  return t('optionsSourcesInDays', Math.round(h / 24));
}

/**
 * One limit as a line: "3 of 250 requests per day used, 247 left; resets 01:00 (in 9 h 12 min)".
 * The reset time is shown in the user's zone, with the date when it is not within the next day.
 */
export function formatBudgetLine(report: BudgetReport, now: number, timeZone: string, ui: UiText): string {
  // The numbers are written the locale's way by the translator ("1,400", "1.400"); the limit's label is a message of lib/carriers/budgets.ts.
  const head = ui.t('optionsSourcesBudget', report.used, report.max, ui.t(report.label), report.remaining);
  if (report.resetsAt === null) return head;
  const withDate = report.resetsAt - now >= 86_400_000;
  return ui.t('optionsSourcesBudgetResets', head, clock(report.resetsAt, timeZone, withDate, ui.t), formatIn(report.resetsAt - now, ui.t));
}

export type Tone = 'good' | 'warn' | 'bad' | 'info';

/** A result shown under a card: a short label ("Connected", "Credentials refused") and the full message. */
export interface CardStatus {
  tone: Tone;
  label: string;
  message: string;
}

const ERROR_LABELS: Readonly<Record<TrackErrorKind, MessageKey>> = {
  auth: 'optionsSourcesErrAuth',
  not_found: 'optionsSourcesConnected',
  invalid_number: 'optionsSourcesConnected',
  rate_limited: 'optionsSourcesErrRateLimited',
  quota: 'optionsSourcesErrQuota',
  server: 'optionsSourcesErrServer',
  malformed: 'optionsSourcesErrMalformed',
  timeout: 'optionsSourcesErrTimeout',
  network: 'optionsSourcesErrNetwork',
};

/**
 * The verdict of "Test connection" (lib/carriers/clients.ts `testConnection`) as a card status. The
 * message is the verdict testConnection wrote with the page's translator.
 */
export function connectionStatus(result: ConnectionResult, t: Translate): CardStatus {
  const kind = result.error?.kind;
  const label = t(kind ? ERROR_LABELS[kind] : 'optionsSourcesConnected');
  const tone: Tone = result.ok ? (kind === 'rate_limited' || kind === 'quota' ? 'warn' : 'good') : 'bad';
  return { tone, label: kind && !result.ok ? t('optionsSourcesErrWithKind', label, kind) : label, message: result.message };
}

/** The browser refused the optional host permission a provider needs. */
export function permissionRefusedStatus(id: ConfigurableProviderId, action: 'save' | 'test' | 'enable', t: Translate): CardStatus {
  const hosts = PROVIDER_INFO[id].hostPatterns.map((p) => new URL(p.replace('/*', '/')).host).join(', ');
  const name = providerName(PROVIDER_INFO[id], t);
  return {
    tone: 'bad',
    label: t('optionsSourcesPermissionRefused'),
    message:
      action === 'save'
        ? t('optionsSourcesRefusedSave', hosts, name)
        : action === 'test'
          ? t('optionsSourcesRefusedTest', hosts)
          : t('optionsSourcesRefusedEnable', hosts, name),
  };
}
