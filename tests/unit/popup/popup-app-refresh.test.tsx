/**
 * Refresh in a package's view (review of issue #13 §1): when the package changed, its badge and
 * line changed on screen while the status region said only "Updated."; now it says the new state,
 * from the view that comes after the refresh. The App with the messaging mocked; the package's
 * views built by the real lib/view code.
 */
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { describe, expect, it, vi } from 'vitest';
import { DATA_CHANGED_CHANNEL } from '../../../lib/db/data-changed';
import { blankPackage } from '../../../lib/engine/merge';
import type { Package } from '../../../lib/model/types';
import { buildPackageDetails } from '../../../lib/view/package-details';
import { buildPopupModel } from '../../../lib/view/popup-model';
import { EN } from '../../support/i18n';

const NOW = Date.parse('2026-12-04T15:00:00Z');
const ID = 'ups:1Z999AA10123456784';
let state: Package['status'] = 'in_transit';
const pkg = (): Package => ({ ...blankPackage({ id: ID, trackingNumber: '1Z999AA10123456784', carrier: 'ups', label: 'Lamp', status: state, firstSeenAt: NOW, lastChangeAt: NOW, nextCheckAt: null }, NOW), eta: { from: '2026-12-04', to: '2026-12-04' } });
const view = () => {
  const p = pkg();
  return { row: buildPopupModel({ packages: [p], orders: [], alerts: [], now: NOW, timeZone: 'America/Chicago', ui: EN, everywhere: true }).groups[0]!.packages[0]!, details: buildPackageDetails({ pkg: p, events: [], alerts: [], order: null, now: NOW, timeZone: 'America/Chicago', ui: EN }) };
};
vi.mock('@/lib/platform/messaging', () => ({
  sendMessage: async (type: string) => {
    if (type === 'popupView') return { model: { view: 'list', groups: [], banners: [], counts: { list: 1, history: 0, archived: 0 }, shown: 0, noMatch: false }, offers: [], reasons: [], ordersLinks: [] };
    if (type === 'packageView') return view();
    if (type === 'refreshNow') {
      state = 'out_for_delivery';
      return { checked: 1, changed: 1, errors: [] };
    }
    return null;
  },
}));
vi.mock('@/lib/platform/i18n', async () => {
  const { EN: en } = await import('../../support/i18n');
  return { browserText: () => en };
});

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe("Refresh in a package's view", () => {
  it('says the new state when the package changed, not only "Updated."', async () => {
    location.hash = `#package=${encodeURIComponent(ID)}`;
    const { App } = await import('../../../entrypoints/popup/app');
    const root = document.createElement('div');
    document.body.append(root);
    await act(async () => void render(<App />, root));
    for (let i = 0; i < 40 && !root.querySelector('[data-view-package]'); i++) await sleep(25);
    const refresh = [...root.querySelectorAll<HTMLButtonElement>('[data-view-package] button')].find((b) => b.textContent === 'Refresh')!;
    await act(async () => refresh.click());
    // The background announces the round's writes; the view is asked again and shows the new state.
    const channel = new BroadcastChannel(DATA_CHANGED_CHANNEL);
    channel.postMessage({ changed: true });
    const status = () => root.querySelector('.popup__status')!.textContent;
    for (let i = 0; i < 80 && !status()?.startsWith('Updated'); i++) await sleep(25);
    channel.close();
    expect(status()).toBe('Updated: Out for delivery: Arriving today');
  });
});
