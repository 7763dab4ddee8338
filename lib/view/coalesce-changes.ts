/**
 * Many changes, few answers (issue #13 §3): `fn` runs at once for the first change after a quiet
 * moment; while changes keep coming it runs again at most once per `ms`, and never while its last
 * run is still under way (a promise it returned), so a slow answer is shown instead of being
 * overtaken by a newer request again and again; one last run always follows the last change. The
 * popup's re-asking after writes: a long import announces a write every 50 ms, and each answer
 * costs the worker a view of every package. `now` is a monotonic clock (a clock set back would
 * hold the last run back as long).
 */
export function coalesceChanges(fn: () => unknown, ms: number, now: () => number = () => performance.now()): { change(): void; stop(): void } {
  let last = -Infinity;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let running = false;
  let pending = false;
  let stopped = false;
  const run = () => {
    timer = undefined;
    pending = false;
    last = now();
    let result: unknown;
    try {
      result = fn();
    } catch {
      return;
    }
    if (!(result instanceof Promise)) return;
    running = true;
    void result
      .catch(() => undefined)
      .then(() => {
        running = false;
        if (pending && !stopped) schedule();
      });
  };
  const schedule = () => {
    if (timer !== undefined) return;
    const wait = last + ms - now();
    if (wait <= 0) run();
    else timer = setTimeout(run, wait);
  };
  return {
    change() {
      if (stopped) return;
      if (running) {
        pending = true;
        return;
      }
      schedule();
    },
    stop() {
      stopped = true;
      if (timer !== undefined) clearTimeout(timer);
      timer = undefined;
    },
  };
}
