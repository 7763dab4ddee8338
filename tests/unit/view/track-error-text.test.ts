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
    expect(trackErrorText(EN, 'DHL', { kind: 'budget', message: 'dhl: budget used up until …', until })).toMatch(/^Porchlight's limit for DHL is used up until Dec 4, 2026/);
    // A provider's own quota with a time is the provider's, not Porchlight's.
    expect(trackErrorText(EN, '17TRACK', { kind: 'quota', message: '17track: quota', until })).toBe("17TRACK's limit is used up for now");
    expect(trackErrorText(DE, 'Amazon', { kind: 'auth', message: AMAZON_BLOCKED_MESSAGES['sign-in'] })).toBe(DE.t('bannerSignIn'));
    expect(trackErrorText(EN, 'UPS', { kind: 'something_new', message: 'ups: something new' })).toBe('ups: something new');
  });

  it('sources by the names the shopper knows', () => {
    expect(sourceName('ups', EN)).toBe('UPS');
    expect(sourceName(AMAZON_TRACKER, DE)).toBe('Amazon');
    expect(sourceName('17track', DE)).toBe('17TRACK');
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

describe('who failed, as the row says it (review of issue #13)', () => {
  const now = Date.parse('2026-12-04T12:00:00Z');
  const ups = (lastError: NonNullable<Parameters<typeof buildPopupModel>[0]['packages'][number]['lastError']>) => ({
    ...blankPackage({ id: 'ups:1Z999AA10123456784', trackingNumber: '1Z999AA10123456784', carrier: 'ups', status: 'in_transit', firstSeenAt: now, lastChangeAt: now, nextCheckAt: null }, now),
    lastError,
  });
  const rowError = (p: ReturnType<typeof ups>, holds = {}) => buildPopupModel({ packages: [p], orders: [], alerts: [], holds, now, timeZone: 'Europe/Berlin', ui: DE }).groups[0]!.packages[0]!.error;

  it('a UPS parcel refreshed by 17TRACK names 17TRACK, not UPS, when 17TRACK refuses its key', () => {
    expect(rowError(ups({ kind: 'auth', message: '17TRACK: key refused', at: now, provider: '17track' }))).toBe('17TRACK hat die Zugangsdaten abgelehnt: Prüfen Sie sie in den Porchlight-Einstellungen');
    // Stored before the provider was kept: the carrier, as before.
    expect(rowError(ups({ kind: 'timeout', message: 'ups: no answer', at: now }))).toBe('UPS hat nicht rechtzeitig geantwortet');
  });

  it("a held provider's banner in German with its name, not the English log text", () => {
    const p = { ...ups({ kind: 'rate_limited', message: 'UPS Track API: HTTP 429 (Too Many Requests)', at: now, provider: 'ups' }), nextCheckAt: now + 60_000 };
    const banners = buildPopupModel({ packages: [p], orders: [], alerts: [], holds: { ups: { until: now + 60_000, reason: 'rate_limited', message: 'UPS Track API: HTTP 429 (Too Many Requests)' } }, now, timeZone: 'Europe/Berlin', ui: DE }).banners.map((b) => b.text);
    expect(banners).toEqual(['UPS bittet Porchlight, mit der nächsten Anfrage zu warten (1 Paket wartet)']);
  });
});
