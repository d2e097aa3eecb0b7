import type { Clock } from '../shared/clock.js';

export interface AttemptSignal {
  /** Aborts when the caller's signal aborts or the attempt's timer fires. */
  signal: AbortSignal;
  /** Rejects with the abort reason when `signal` aborts; never settles otherwise. */
  aborted: Promise<never>;
  /** True when the timer (not the caller) aborted the attempt. */
  timedOut(): boolean;
  /** Stops the timer and lets go of the caller's signal. */
  dispose(): void;
}

/**
 * One attempt's signal: the caller's signal combined with a timer on the injected clock (so a `FakeClock`
 * drives timeouts exactly). Built by hand rather than with `AbortSignal.any`/`AbortSignal.timeout`, which
 * read the real clock and are missing on some runtimes.
 */
export const createAttemptSignal = ({
  clock,
  timeoutMs,
  signal,
}: {
  clock: Clock;
  timeoutMs: number;
  signal?: AbortSignal | undefined;
}): AttemptSignal => {
  const controller = new AbortController();
  const timer = new AbortController();
  let timedOut = false;
  const aborted = new Promise<never>((_resolve, reject) => {
    controller.signal.addEventListener('abort', () => reject(controller.signal.reason), { once: true });
  });
  aborted.catch(() => undefined);
  const onCallerAbort = (): void => controller.abort(signal?.reason);
  if (signal?.aborted) onCallerAbort();
  else signal?.addEventListener('abort', onCallerAbort, { once: true });
  if (Number.isFinite(timeoutMs)) {
    clock.sleep(timeoutMs, timer.signal).then(
      () => {
        timedOut = true;
        controller.abort(new DOMException(`Attempt timed out after ${timeoutMs} ms`, 'TimeoutError'));
      },
      () => undefined,
    );
  }
  return {
    signal: controller.signal,
    aborted,
    timedOut: () => timedOut,
    dispose: () => {
      timer.abort();
      signal?.removeEventListener('abort', onCallerAbort);
    },
  };
};
