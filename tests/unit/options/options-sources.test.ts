import { describe, expect, it } from 'vitest';
import { type BudgetReport, remaining, spend } from '../../../lib/carriers/budgets';
import { PROVIDER_INFO } from '../../../lib/carriers/clients';
import {
  CONFIGURABLE_PROVIDERS,
  connectionStatus,
  formatBudgetLine,
  formatIn,
  mergeCredentials,
  permissionRefusedStatus,
  providerCards,
  savedHint,
  withProviderEnabled,
} from '../../../lib/view/options-sources';
import { EN } from '../../support/i18n';

const NOW = Date.parse('2026-03-10T14:30:00Z');

describe('providers offered', () => {
  it('lists every provider except the demo carrier, in registry order', () => {
    expect(CONFIGURABLE_PROVIDERS).toEqual(['ups', 'usps', 'fedex', 'dhl', '17track', 'ship24']);
  });
});

describe('savedHint', () => {
  it('shows a secret only as "saved" with its last 4 characters', () => {
    expect(savedHint({ secret: true }, 'abcdefgh1234WXYZ', EN.t)).toBe('saved ••••WXYZ');
  });
  it('shows only "saved" for a short secret (its last 4 would give most of it away)', () => {
    expect(savedHint({ secret: true }, 'abc1234', EN.t)).toBe('saved');
  });
  it('shows a non-secret field in full, and nothing when nothing is saved', () => {
    expect(savedHint({ secret: false }, 'my-client-id', EN.t)).toBe('my-client-id');
    expect(savedHint({ secret: true }, undefined, EN.t)).toBeNull();
    expect(savedHint({ secret: false }, '', EN.t)).toBeNull();
  });
});

describe('providerCards', () => {
  const cards = providerCards({
    credentials: { ups: { clientId: 'UPS-ID-1', clientSecret: 'sup3r-secret-9876' } },
    disabledProviders: ['dhl'],
    budgets: { ups: remaining(spend({}, 'ups', NOW - 30_000), 'ups', NOW) },
    now: NOW,
    timeZone: 'UTC',
    ui: EN,
  });
  const ups = cards.find((c) => c.id === 'ups')!;
  const dhl = cards.find((c) => c.id === 'dhl')!;

  it('never puts a saved secret into an input, and masks it in the hint', () => {
    const secret = ups.fields.find((f) => f.key === 'clientSecret')!;
    expect(secret).toMatchObject({ secret: true, initialValue: '', savedHint: 'saved ••••9876' });
    expect(JSON.stringify(cards)).not.toContain('sup3r-secret');
  });
  it('prefills non-secret saved fields', () => {
    expect(ups.fields.find((f) => f.key === 'clientId')).toMatchObject({ initialValue: 'UPS-ID-1', savedHint: 'UPS-ID-1' });
  });
  it('keeps the optional environment choice empty (provider default)', () => {
    expect(ups.fields.find((f) => f.key === 'environment')).toMatchObject({ optional: true, options: ['production', 'test'], initialValue: '' });
  });
  it('knows which providers are configured and which are switched off', () => {
    expect(cards.map((c) => [c.id, c.configured, c.enabled])).toEqual([
      ['ups', true, true],
      ['usps', false, true],
      ['fedex', false, true],
      ['dhl', false, false],
      ['17track', false, true],
      ['ship24', false, true],
    ]);
  });
  it('carries the sign-up link and steps from the registry', () => {
    expect(dhl.signupUrl).toBe('https://developer.dhl.com/user/register');
    expect(dhl.howTo).toBe(PROVIDER_INFO.dhl.howTo);
  });
  it('formats budget lines', () => {
    expect(ups.budget).toEqual(['1 of 60 requests per minute used, 59 left; resets 14:30 (in 30 s)']);
    expect(dhl.budget).toEqual([]);
  });
});

describe('mergeCredentials', () => {
  const ups = PROVIDER_INFO.ups;
  it('trims what was typed and leaves out an empty optional field', () => {
    expect(mergeCredentials(ups, { clientId: '  id-1 ', clientSecret: 'sec-2\n', environment: '' }, undefined, EN.t)).toEqual({
      ok: true,
      credentials: { clientId: 'id-1', clientSecret: 'sec-2' },
    });
  });
  it('keeps the saved secret when its input is left empty, but not a saved non-secret', () => {
    const saved = { clientId: 'old-id', clientSecret: 'old-secret' };
    expect(mergeCredentials(ups, { clientId: 'new-id', clientSecret: '' }, saved, EN.t)).toEqual({
      ok: true,
      credentials: { clientId: 'new-id', clientSecret: 'old-secret' },
    });
    expect(mergeCredentials(ups, { clientId: '', clientSecret: '' }, saved, EN.t)).toEqual({
      ok: false,
      errors: { clientId: 'Client ID is required.' },
    });
  });
  it('names every missing required field', () => {
    expect(mergeCredentials(ups, {}, undefined, EN.t)).toEqual({
      ok: false,
      errors: { clientId: 'Client ID is required.', clientSecret: 'Client Secret is required.' },
    });
  });
  it('refuses a choice outside its options and values with spaces inside', () => {
    expect(mergeCredentials(ups, { clientId: 'a b', clientSecret: 'x', environment: 'staging' }, undefined, EN.t)).toEqual({
      ok: false,
      errors: { clientId: 'Client ID cannot contain spaces.', environment: 'Environment must be one of: production, test.' },
    });
  });
  it('refuses an absurdly long value', () => {
    const r = mergeCredentials(PROVIDER_INFO.ship24, { apiKey: 'k'.repeat(513) }, undefined, EN.t);
    expect(r).toEqual({ ok: false, errors: { apiKey: 'API key is too long.' } });
  });
});

describe('withProviderEnabled', () => {
  it('adds once when switched off and removes when switched on', () => {
    expect(withProviderEnabled(['ups'], 'dhl', false)).toEqual(['ups', 'dhl']);
    expect(withProviderEnabled(['ups', 'dhl'], 'dhl', false)).toEqual(['ups', 'dhl']);
    expect(withProviderEnabled(['ups', 'dhl'], 'ups', true)).toEqual(['dhl']);
    expect(withProviderEnabled([], 'ups', true)).toEqual([]);
  });
});

describe('formatBudgetLine', () => {
  const day: BudgetReport = {
    limitId: 'per-day',
    label: 'budgetRequestsPerDay',
    max: 250,
    used: 3,
    remaining: 247,
    resetsAt: Date.parse('2026-03-11T00:00:00Z'),
    unit: 'request',
    source: 'x',
  };
  it('shows used, left and the reset time in the user zone', () => {
    expect(formatBudgetLine(day, NOW, 'UTC', EN)).toBe('3 of 250 requests per day used, 247 left; resets 00:00 (in 9 h 30 min)');
    expect(formatBudgetLine(day, NOW, 'America/New_York', EN)).toBe('3 of 250 requests per day used, 247 left; resets 20:00 (in 9 h 30 min)');
  });
  it('adds the date when the reset is a day or more away', () => {
    const month: BudgetReport = { ...day, label: 'budgetNumbersPerMonth', max: 100, used: 100, remaining: 0, resetsAt: Date.parse('2026-04-01T00:00:00Z') };
    expect(formatBudgetLine(month, NOW, 'UTC', EN)).toBe('100 of 100 numbers registered per month used, 0 left; resets 1 Apr, 00:00 (in 21 days)');
  });
  it('has no reset when nothing is counted in a rolling window', () => {
    expect(formatBudgetLine({ ...day, max: 1400, used: 0, remaining: 1400, resetsAt: null }, NOW, 'UTC', EN)).toBe('0 of 1,400 requests per day used, 1,400 left');
  });
  it('formats durations', () => {
    expect([formatIn(0, EN.t), formatIn(999, EN.t), formatIn(59_001, EN.t), formatIn(3_600_000, EN.t), formatIn(47 * 3_600_000 + 1, EN.t), formatIn(5 * 86_400_000, EN.t)]).toEqual([
      'in 0 s',
      'in 1 s',
      'in 1 min',
      'in 1 h',
      'in 47 h 1 min',
      'in 5 days',
    ]);
  });
});

describe('connectionStatus', () => {
  it('ok', () => {
    expect(connectionStatus({ ok: true, message: 'UPS Track API: connected, credentials accepted.' }, EN.t)).toEqual({
      tone: 'good',
      label: 'Connected',
      message: 'UPS Track API: connected, credentials accepted.',
    });
  });
  it('auth and network failures say their kind', () => {
    expect(connectionStatus({ ok: false, message: 'refused', error: { kind: 'auth', message: 'x', httpStatus: 401 } }, EN.t)).toEqual({
      tone: 'bad',
      label: 'Credentials refused (auth)',
      message: 'refused',
    });
    expect(connectionStatus({ ok: false, message: 'unreachable', error: { kind: 'network', message: 'x' } }, EN.t).label).toBe('Network error (network)');
    expect(connectionStatus({ ok: false, message: 'slow', error: { kind: 'timeout', message: 'x' } }, EN.t).label).toBe('Timed out (timeout)');
  });
  it('accepted but limited is a warning, not a failure', () => {
    expect(connectionStatus({ ok: true, message: 'limit', error: { kind: 'quota', message: 'x' } }, EN.t)).toEqual({
      tone: 'warn',
      label: 'Connected, quota used up',
      message: 'limit',
    });
  });
  it('permission refused names the hosts', () => {
    expect(permissionRefusedStatus('dhl', 'save', EN.t)).toEqual({
      tone: 'bad',
      label: 'Permission refused',
      message: 'Not saved: Porchlight needs permission to reach api-eu.dhl.com to use DHL Shipment Tracking – Unified, and the browser did not grant it.',
    });
    expect(permissionRefusedStatus('ups', 'test', EN.t).message).toBe(
      'Not tested: Porchlight needs permission to reach onlinetools.ups.com, wwwcie.ups.com, and the browser did not grant it.',
    );
  });
});
