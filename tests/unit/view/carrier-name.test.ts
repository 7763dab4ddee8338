import { describe, expect, it } from 'vitest';
import { blankPackage } from '../../../lib/engine/merge';
import { carrierName } from '../../../lib/view/carrier-name';
import { buildPopupModel } from '../../../lib/view/popup-model';
import { DE, EN } from '../../support/i18n';

describe("carriers' names (issue #13 §2)", () => {
  it("a carrier's own name in every language; the unnamed postal operator described in the shopper's", () => {
    expect(carrierName('ups', DE.t)).toBe('UPS');
    expect(carrierName('deutsche_post', EN.t)).toBe('Deutsche Post');
    expect(carrierName('upu', EN.t)).toBe('Postal operator (UPU S10)');
    expect(carrierName('upu', DE.t)).toBe('Postdienst (UPU S10)');
    expect(carrierName('no-such-carrier', DE.t)).toBe('no-such-carrier');
  });

  it('a row of a UPU number in German names its carrier in German (it was English)', () => {
    const now = Date.parse('2026-12-04T12:00:00Z');
    const p = blankPackage({ id: 'upu:RR000000000CV', trackingNumber: 'RR000000000CV', carrier: 'upu', shop: null, status: 'in_transit', firstSeenAt: now, lastChangeAt: now, nextCheckAt: null }, now);
    const row = buildPopupModel({ packages: [p], orders: [], alerts: [], now, timeZone: 'Europe/Berlin', ui: DE }).groups[0]!.packages[0]!;
    expect(row.meta).toBe('Postdienst (UPU S10)');
  });
});
