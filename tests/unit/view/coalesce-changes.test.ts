import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { coalesceChanges } from '../../../lib/view/coalesce-changes';

describe('coalesceChanges: the popup asks again at most once per interval after writes (issue #13 §3)', () => {
  beforeEach(() => void vi.useFakeTimers());
  afterEach(() => void vi.useRealTimers());

  it('the first change runs at once; a burst is one more run, after the interval', () => {
    const fn = vi.fn();
    const c = coalesceChanges(fn, 250, () => Date.now());
    c.change();
    expect(fn).toHaveBeenCalledTimes(1);
    c.change();
    c.change();
    vi.advanceTimersByTime(249);
    expect(fn).toHaveBeenCalledTimes(1);
    vi.advanceTimersByTime(1);
    expect(fn).toHaveBeenCalledTimes(2);
    vi.advanceTimersByTime(10_000);
    expect(fn).toHaveBeenCalledTimes(2);
  });

  it('an import announcing every 50 ms for 10 s is asked about 41 times, not 200', () => {
    const fn = vi.fn();
    const c = coalesceChanges(fn, 250, () => Date.now());
    for (let t = 0; t < 10_000; t += 50) {
      c.change();
      vi.advanceTimersByTime(50);
    }
    vi.advanceTimersByTime(1_000);
    expect(fn.mock.calls.length).toBeLessThanOrEqual(41);
    expect(fn.mock.calls.length).toBeGreaterThanOrEqual(40);
  });

  it('a slow answer is waited for: no new run while the last one is under way, one run after it for the changes meanwhile', async () => {
    const answers: (() => void)[] = [];
    const fn = vi.fn(() => new Promise<void>((r) => void answers.push(r)));
    const c = coalesceChanges(fn, 250, () => Date.now());
    c.change();
    expect(fn).toHaveBeenCalledTimes(1);
    // Writes every 50 ms for 2 s while the first answer takes 2 s: no second request meanwhile.
    for (let t = 0; t < 2_000; t += 50) {
      c.change();
      await vi.advanceTimersByTimeAsync(50);
    }
    expect(fn).toHaveBeenCalledTimes(1);
    answers[0]!();
    await vi.advanceTimersByTimeAsync(0);
    // The changes that came meanwhile are asked for once, at once (the interval has long passed).
    expect(fn).toHaveBeenCalledTimes(2);
    answers[1]!();
    await vi.advanceTimersByTimeAsync(1_000);
    expect(fn).toHaveBeenCalledTimes(2);
  });

  it('a run that fails does not stop the next', async () => {
    const fn = vi.fn(() => Promise.reject(new Error('worker gone')));
    const c = coalesceChanges(fn, 250, () => Date.now());
    c.change();
    c.change();
    await vi.advanceTimersByTimeAsync(300);
    expect(fn).toHaveBeenCalledTimes(2);
  });

  it('stop drops a run that is waiting', () => {
    const fn = vi.fn();
    const c = coalesceChanges(fn, 250, () => Date.now());
    c.change();
    c.change();
    c.stop();
    vi.advanceTimersByTime(1_000);
    expect(fn).toHaveBeenCalledTimes(1);
  });

  it('property: runs are ≥ the interval apart, and one runs at or after the last change', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 600 }), { minLength: 1, maxLength: 60 }), fc.integer({ min: 1, max: 400 }), (gaps, ms) => {
        vi.setSystemTime(0);
        const runs: number[] = [];
        const c = coalesceChanges(() => void runs.push(Date.now()), ms, () => Date.now());
        let lastChange = 0;
        for (const g of gaps) {
          vi.advanceTimersByTime(g);
          lastChange = Date.now();
          c.change();
        }
        vi.advanceTimersByTime(ms + 1);
        for (let i = 1; i < runs.length; i++) expect(runs[i]! - runs[i - 1]!).toBeGreaterThanOrEqual(ms);
        expect(runs.at(-1)!).toBeGreaterThanOrEqual(lastChange);
        c.stop();
      }),
      { numRuns: 300 },
    );
  });
});
