import type { Clock } from '../shared/clock.js';
import type { ClaimResult, IdempotencyStore } from './store.js';

export const WAIT_INITIAL_MS = 10;
export const WAIT_MAX_MS = 250;

export type ClaimAttempt =
  | (ClaimResult & { waitedMs: number })
  | { kind: 'store-error'; error: unknown; waitedMs: number };

/**
 * Claims a key. In `wait` mode a claim that meets a running request with the same fingerprint polls the
 * store again (10 ms, doubling to 250 ms) until the first request finishes or its lease runs out (then this
 * one takes over), for at most `leaseMs`; the last answer is returned, `in-progress` if it never changed.
 * A store that throws ends the loop with `store-error`; an aborted `signal` rejects with its reason.
 */
export async function claimKey(input: {
  store: IdempotencyStore;
  clock: Clock;
  key: string;
  fingerprint: string;
  leaseMs: number;
  wait: boolean;
  signal?: AbortSignal;
}): Promise<ClaimAttempt> {
  const { store, clock, key, fingerprint, leaseMs, signal } = input;
  const start = clock.now();
  let delay = WAIT_INITIAL_MS;
  for (;;) {
    let result: ClaimResult;
    try {
      result = await store.claim({ key, fingerprint, leaseMs, now: clock.now() });
    } catch (error) {
      return { kind: 'store-error', error, waitedMs: clock.now() - start };
    }
    const waitedMs = clock.now() - start;
    const remaining = leaseMs - waitedMs;
    if (
      !input.wait ||
      result.kind !== 'in-progress' ||
      result.fingerprint !== fingerprint ||
      remaining <= 0
    ) {
      return withWaited(result, waitedMs);
    }
    await clock.sleep(Math.min(delay, remaining), signal);
    delay = Math.min(delay * 2, WAIT_MAX_MS);
  }
}

/**
 * The store's answer with `waitedMs`, written out per kind: a spread of the store's object (one of three
 * shapes) was a quarter of the engine's own time per request.
 */
function withWaited(result: ClaimResult, waitedMs: number): ClaimAttempt {
  switch (result.kind) {
    case 'claimed':
      return {
        kind: 'claimed',
        token: result.token,
        fence: result.fence,
        takenOver: result.takenOver,
        waitedMs,
      };
    case 'in-progress':
      return {
        kind: 'in-progress',
        fingerprint: result.fingerprint,
        leaseExpiresAt: result.leaseExpiresAt,
        waitedMs,
      };
    case 'completed':
      return { kind: 'completed', fingerprint: result.fingerprint, outcome: result.outcome, waitedMs };
  }
}

/** One claim without waiting (`concurrent: reject`): the store's answer, or `store-error`; `waitedMs` 0. */
export async function claimOnce(input: {
  store: IdempotencyStore;
  key: string;
  fingerprint: string;
  leaseMs: number;
  now: number;
}): Promise<ClaimAttempt> {
  const { store, key, fingerprint, leaseMs, now } = input;
  try {
    return withWaited(await store.claim({ key, fingerprint, leaseMs, now }), 0);
  } catch (error) {
    return { kind: 'store-error', error, waitedMs: 0 };
  }
}
