import { describe, expect, it } from 'vitest';
import type { TrackErrorKind } from '../../../lib/carriers/client';
import { blankPackage } from '../../../lib/engine/merge';
import { AMAZON_BLOCKED_MESSAGES, AMAZON_TRACKER } from '../../../lib/model/sources';
import { buildPopupModel } from '../../../lib/view/popup-model';
import { sourceName, trackErrorText } from '../../../lib/view/track-error-text';
import { DE, EN } from '../../support/i18n';

const KINDS: TrackErrorKind[] = ['auth', 'not_found', 'invalid_number', 'rate_limited', 'server', 'malformed', 'timeout', 'network', 'quota'];

describe('a failed refresh in the shopper\'s words (issue #13 §2)', () => {
  it('every kind of failure has its sentence in English and German, naming who failed; never the English log text', () => {
    for (const kind of KINDS) {
      const e = { kind, message: `ups: ${kind} (log text)` };
      const en = trackErrorText(EN, 'UPS', e);
      const de = trackErrorText(DE, 'UPS', e);
      expect(en, kind).toContain('UPS');
      expect(de, kind).toContain('UPS');
      expect(en, kind).not.toContain('log text');
      expect(de, kind).not.toBe(en);
    }
    expect(trackErrorText(EN, 'UPS', { kind: 'timeout', message: 'ups: request timed out' })).toBe('UPS did not answer in time');
    expect(trackErrorText(DE, 'UPS', { kind: 'timeout', message: 'ups: request timed out' })).toBe('UPS hat nicht rechtzeitig geantwortet');
  });

  it('an HTTP status, a budget, a hold until a time, Amazon\'s sign-in; a kind without words keeps its text', () => {
    expect(trackErrorText(DE, 'FedEx', { kind: 'server', message: 'fedex: HTTP 503', httpStatus: 503 })).toBe('FedEx hat mit einem Fehler geantwortet (HTTP 503)');
    expect(trackErrorText(EN, 'DHL', { kind: 'quota', message: 'dhl: requests per day used up (250/250); not sent', budget: { limit: 'budgetRequestsPerDay', used: 250, max: 250 } })).toBe('DHL: requests per day used up (250/250); not sent');
    const until = Date.parse('2026-12-04T18:00:00Z');
    expect(trackErrorText(EN, 'DHL', { kind: 'quota', message: 'dhl: budget used up until …', until })).toMatch(/^Porchlight's limit for DHL is used up until Dec 4, 2026/);
    expect(trackErrorText(DE, 'Amazon', { kind: 'auth', message: AMAZON_BLOCKED_MESSAGES['sign-in'] })).toBe(DE.t('bannerSignIn'));
    expect(trackErrorText(EN, 'UPS', { kind: 'something_new', message: 'ups: something new' })).toBe('ups: something new');
  });

  it('sources by the names the shopper knows', () => {
    expect(sourceName('ups', EN)).toBe('UPS');
    expect(sourceName(AMAZON_TRACKER, DE)).toBe('Amazon');
    expect(sourceName('17track', DE)).toBe('17TRACK (Aggregator)');
    expect(sourceName(null, DE)).toBe('Die Sendungsverfolgung');
  });

  it("a row's last failure in German (it showed the stored English log text)", () => {
    const now = Date.parse('2026-12-04T12:00:00Z');
    const p = { ...blankPackage({ id: 'ups:1Z999AA10123456784', trackingNumber: '1Z999AA10123456784', carrier: 'ups', status: 'in_transit', firstSeenAt: now, lastChangeAt: now, nextCheckAt: null }, now), lastError: { kind: 'network', message: 'ups: fetch failed', at: now } };
    const row = (ui: typeof DE) => buildPopupModel({ packages: [p], orders: [], alerts: [], now, timeZone: 'Europe/Berlin', ui }).groups[0]!.packages[0]!;
    expect(row(DE).error).toBe('UPS war nicht erreichbar');
    expect(row(EN).error).toBe('UPS could not be reached');
  });
});
