/**
 * Many changes, few answers (issue #13 §3): `fn` runs at once for the first change after a quiet
 * moment, and at most once per `ms` while changes keep coming (one last run after the last of them,
 * so the final state is always asked for). The popup's re-asking after writes: a long import
 * announces a write every 50 ms, and each answer costs the worker a view of every package.
 */
export function coalesceChanges(fn: () => void, ms: number): { change(): void; stop(): void } {
  let last = -Infinity;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const run = () => {
    timer = undefined;
    last = Date.now();
    fn();
  };
  return {
    change() {
      if (timer !== undefined) return;
      const wait = last + ms - Date.now();
      if (wait <= 0) run();
      else timer = setTimeout(run, wait);
    },
    stop() {
      if (timer !== undefined) clearTimeout(timer);
      timer = undefined;
    },
  };
}
