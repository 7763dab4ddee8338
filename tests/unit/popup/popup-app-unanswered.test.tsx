/**
 * A re-ask whose answer never comes (a worker killed mid-reply) does not stop the popup asking again
 * (review of issue #13): the coalescer waits at most REASK_WAIT_MS (5 s) for it, then the writes that
 * came meanwhile are asked for. Fake clocks for the waits; the channel is delivered by the real event loop.
 */
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { DATA_CHANGED_CHANNEL } from '../../../lib/db/data-changed';

const asked: number[] = [];
vi.mock('@/lib/platform/messaging', () => ({
  sendMessage: (type: string) => {
    if (type !== 'popupView') return Promise.resolve(null);
    asked.push(asked.length + 1);
    // The first answer comes; the second never does; later ones come.
    if (asked.length === 2) return new Promise(() => undefined);
    return Promise.resolve({ model: { view: 'list', groups: [], banners: [], counts: { list: 1, history: 0, archived: 0 }, shown: 0, noMatch: false }, offers: [], reasons: [], ordersLinks: [] });
  },
}));
vi.mock('@/lib/platform/i18n', () => ({ browserText: () => ({ t: (k: string) => k, locale: 'en-US' }) }));

const realTimeout = globalThis.setTimeout;
const turn = () => new Promise((r) => realTimeout(r, 20));

describe('a re-ask that is never answered', () => {
  afterEach(() => void vi.useRealTimers());

  it('holds the next re-ask 5 s at most, then asks for the writes that came meanwhile', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'performance', 'Date'] });
    const { App } = await import('../../../entrypoints/popup/app');
    const root = document.createElement('div');
    document.body.append(root);
    await act(async () => void render(<App />, root));
    await turn();
    expect(asked).toEqual([1]);
    const channel = new BroadcastChannel(DATA_CHANGED_CHANNEL);
    try {
      channel.postMessage({ changed: true });
      await turn();
      await act(async () => void (await vi.advanceTimersByTimeAsync(0)));
      expect(asked).toEqual([1, 2]);
      // Writes keep coming while the second answer is out: nothing is asked until it comes or 5 s pass.
      for (let i = 0; i < 5; i++) {
        channel.postMessage({ changed: true });
        await turn();
        await act(async () => void (await vi.advanceTimersByTimeAsync(900)));
      }
      expect(asked).toEqual([1, 2]);
      await act(async () => void (await vi.advanceTimersByTimeAsync(600)));
      await turn();
      await act(async () => void (await vi.advanceTimersByTimeAsync(0)));
      expect(asked).toEqual([1, 2, 3]);
    } finally {
      channel.close();
    }
  });
});
