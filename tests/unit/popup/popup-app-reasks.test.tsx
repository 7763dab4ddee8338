/**
 * The popup during a long import (review of issue #13): writes announced every 50 ms while each
 * answer takes 300 ms. The popup asked again every 250 ms whatever was in flight and kept only the
 * reply to its latest request, so every reply was dropped and the screen stayed on the first one
 * until the writes stopped. Now one request is in flight at a time and every newer reply is shown.
 * Real timers (BroadcastChannel delivers on the event loop); bounded by counts, not by time.
 */
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { DATA_CHANGED_CHANNEL } from '../../../lib/db/data-changed';

const LATENCY_MS = 300;
let served = 0;
let inFlight = 0;
let mostInFlight = 0;
vi.mock('@/lib/platform/messaging', () => ({
  sendMessage: (type: string) => {
    const k = ++served;
    inFlight++;
    mostInFlight = Math.max(mostInFlight, inFlight);
    return new Promise((resolve) =>
      setTimeout(() => {
        inFlight--;
        resolve(
          type === 'popupView'
            ? { model: { view: 'list', groups: [], banners: [{ id: 'k', text: `reply ${k}`, count: 1, fix: null }, ...(k >= 3 ? [{ id: 'keys', text: 'UPS refused the keys', count: 1, fix: null }] : [])], counts: { list: 1, history: 0, archived: 0 }, shown: 0, noMatch: false }, offers: [], reasons: [], ordersLinks: [] }
            : null,
        );
      }, LATENCY_MS),
    );
  },
}));
vi.mock('@/lib/platform/i18n', () => ({ browserText: () => ({ t: (k: string) => k, locale: 'en-US' }) }));

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('the popup while writes keep coming and answers are slow', () => {
  const channel = new BroadcastChannel(DATA_CHANGED_CHANNEL);
  afterAll(() => channel.close());

  it('shows newer replies during the import, one request in flight at a time, and the last state after it', async () => {
    const { App } = await import('../../../entrypoints/popup/app');
    const root = document.createElement('div');
    document.body.append(root);
    await act(async () => void render(<App />, root));
    const banner = () => root.querySelector('[data-banner="k"]')?.textContent ?? '-';
    for (let i = 0; i < 100 && banner() === '-'; i++) await sleep(50);
    expect(banner()).toBe('reply 1');
    mostInFlight = 0;
    const seen = new Set<string>();
    const said = new Set<string>();
    const notices = () => [...root.querySelectorAll('.popup__status .visually-hidden')].map((e) => e.textContent ?? '');
    // 3 s of writes, one every 50 ms.
    for (let i = 0; i < 60; i++) {
      channel.postMessage({ changed: true });
      await sleep(50);
      seen.add(banner());
      for (const n of notices()) said.add(n);
    }
    const requestsDuring = served;
    for (let i = 0; i < 100 && inFlight > 0; i++) await sleep(50);
    await sleep(LATENCY_MS + 300);
    // Newer replies reached the screen while the writes went on (it stayed on "reply 1" before).
    expect([...seen].filter((b) => b !== 'reply 1').length).toBeGreaterThanOrEqual(2);
    expect(mostInFlight).toBe(1);
    // At most one request per answer: 3 s at 300 ms each is about 10, not one per announcement (60).
    expect(requestsDuring).toBeLessThan(20);
    // After the last write, its answer is what is shown.
    expect(banner()).toBe(`reply ${served}`);
    // The banner that appeared meanwhile was said in the polite region; the one there at opening never.
    expect([...said]).toEqual(['UPS refused the keys']);
  });
});
