/**
 * Amazon's tracker names the wall it met (issue #17 fault matrix): a robot check is not a sign-in,
 * and telling a signed-in shopper to sign in is false. Before, both said "Sign in to Amazon to refresh".
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { blankPackage } from '../../../lib/engine/merge';
import { AMAZON_BLOCKED_MESSAGES, AMAZON_TRACKER } from '../../../lib/model/sources';
import { parsePageInBackground } from '../../../lib/platform/html-parser';
import { amazonTracker } from '../../../lib/services/amazon-tracker';
import { buildPopupModel } from '../../../lib/view/popup-model';
import { EN } from '../../support/i18n';

const T = Date.parse('2026-12-03T15:00:00Z');
const TRACK = 'https://www.amazon.com/progress-tracker/package?orderId=113-0000004-0000004&shipmentId=S1&packageIndex=0';

function trackerServing(file: string) {
  const html = readFileSync(`tests/fixtures/amazon/${file}`, 'utf8');
  const fetch = (async (url: string) => Object.defineProperty(new Response(html, { status: 200 }), 'url', { value: url })) as unknown as typeof globalThis.fetch;
  return amazonTracker({ fetch, parse: parsePageInBackground, mayFetch: (u) => new URL(u).hostname.endsWith('amazon.com') });
}

describe('Amazon tracker: blocked pages', () => {
  const pkg = blankPackage({ shop: 'amazon', orderId: '113-0000004-0000004', shipmentId: 'S1', trackUrl: TRACK }, T);

  it.each([
    ['robot-check.html', AMAZON_BLOCKED_MESSAGES['robot-check'], 'Open Amazon'],
    ['sign-in.html', AMAZON_BLOCKED_MESSAGES['sign-in'], 'Open Amazon and sign in'],
  ])('%s: held with its own message, and the banner offers the right fix', async (file, message, fix) => {
    const r = await trackerServing(file).read(pkg, () => T);
    expect(r).toMatchObject({ ok: false, blocked: true, error: { kind: 'auth', message } });
    const model = buildPopupModel({
      packages: [{ ...pkg, lastError: { kind: 'auth', message, at: T } }],
      orders: [],
      alerts: [],
      now: T,
      timeZone: 'America/Chicago',
      ui: EN,
      holds: { [AMAZON_TRACKER]: { until: T + 3_600_000, reason: 'auth', message, step: 1 } },
    });
    expect(model.banners).toEqual([expect.objectContaining({ text: `${message} (1 package waiting)`, fix: expect.objectContaining({ label: fix }) })]);
  });
});
