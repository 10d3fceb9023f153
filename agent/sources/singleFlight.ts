/**
 * One run of an expensive read shared by every caller that asks while it is in flight: two
 * browsers polling an exec source start one recorder, not two. Each caller keeps its own
 * AbortSignal; the shared run is aborted only when every caller still waiting on it has given
 * up, so one closed tab does not fail the others.
 */
export function singleFlight<T>(
  task: (signal: AbortSignal) => Promise<T>,
): (signal: AbortSignal) => Promise<T> {
  interface Run {
    promise: Promise<T>;
    controller: AbortController;
    waiting: number;
  }
  let current: Run | undefined;

  const start = (): Run => {
    const controller = new AbortController();
    const run: Run = { promise: Promise.resolve() as Promise<T>, controller, waiting: 0 };
    run.promise = task(controller.signal).finally(() => {
      if (current === run) current = undefined;
    });
    // Every waiter handles the outcome; this keeps an abandoned run from being "unhandled".
    run.promise.catch(() => undefined);
    return run;
  };

  return (signal) => {
    if (signal.aborted) return Promise.reject(abortReason(signal));
    const run = current ?? (current = start());
    run.waiting++;
    return new Promise<T>((resolve, reject) => {
      let settled = false;
      const leave = (): boolean => {
        if (settled) return false;
        settled = true;
        run.waiting--;
        signal.removeEventListener('abort', onAbort);
        return true;
      };
      const onAbort = (): void => {
        if (!leave()) return;
        if (run.waiting === 0) {
          if (current === run) current = undefined;
          run.controller.abort(abortReason(signal));
        }
        reject(abortReason(signal));
      };
      signal.addEventListener('abort', onAbort, { once: true });
      run.promise.then(
        (value) => leave() && resolve(value),
        (error: unknown) => leave() && reject(error),
      );
    });
  };
}

/** The signal's reason, or a DOMException-like AbortError when it has none. */
export function abortReason(signal: AbortSignal): unknown {
  return signal.reason ?? new DOMException('aborted', 'AbortError');
}
