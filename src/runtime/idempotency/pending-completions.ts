import type { Clock } from '../shared/clock.js';
import type { IdempotencyStore, StoredOutcome } from './store.js';

/** The first retry of a failed completion waits this long; each next one twice as long, up to the cap. */
export const COMPLETION_RETRY_INITIAL_MS = 50;
export const COMPLETION_RETRY_MAX_MS = 1_000;

/** An outcome whose handler ran but that the store has not taken yet, held by the process that ran it. */
export interface PendingCompletion {
  fingerprint: string;
  outcome: StoredOutcome;
  /** The earliest the claim's lease can end (the engine's time before the claim, plus the lease). */
  leaseEndsAt: number;
}

/** How a background completion ended: stored, fenced (another holder), or given up at the lease's end. */
export type CompletionRetryEnd =
  | { kind: 'stored'; attempts: number }
  | { kind: 'fenced'; attempts: number }
  | { kind: 'abandoned'; attempts: number; error: unknown };

export interface PendingCompletionInput extends PendingCompletion {
  key: string;
  token: string;
  ttlMs: number;
  /** The failure of the completion attempt that the engine made itself. */
  error: unknown;
}

export interface PendingCompletions {
  /** The pending outcome of `key` while its lease runs, or `undefined`. */
  get(key: string): PendingCompletion | undefined;
  /**
   * Holds the outcome and retries the fenced completion in the background (exponential backoff on the
   * injected clock) until the store takes it, refuses it (fenced), or the next attempt would start at or
   * after the lease's end. `onAttemptFailed` sees each failed retry; `onEnd` how it ended.
   */
  hold(
    input: PendingCompletionInput,
    on: { attemptFailed(error: unknown): void; end(end: CompletionRetryEnd): void },
  ): Promise<void>;
  /** How many outcomes are held (for tests and metrics). */
  readonly size: number;
}

/**
 * Whether the record of `key` is completed under `token`: a completion refused (false) although an earlier
 * attempt with this token stored it, whose answer was lost (a time-out, or a client that re-sent the command
 * after its connection closed). False when the store cannot tell either.
 */
export async function isCompletedUnder(
  store: IdempotencyStore,
  key: string,
  token: string,
): Promise<boolean> {
  try {
    const record = await store.get(key);
    return record?.state === 'completed' && record.token === token;
  } catch {
    return false;
  }
}

export function createPendingCompletions(store: IdempotencyStore, clock: Clock): PendingCompletions {
  const held = new Map<string, PendingCompletion & { token: string }>();

  const retry = async (
    input: PendingCompletionInput,
    on: Parameters<PendingCompletions['hold']>[1],
  ): Promise<CompletionRetryEnd> => {
    const { key, token, outcome, ttlMs, leaseEndsAt } = input;
    let delay = COMPLETION_RETRY_INITIAL_MS;
    let attempts = 1;
    let lastError = input.error;
    for (;;) {
      if (clock.now() + delay >= leaseEndsAt) return { kind: 'abandoned', attempts, error: lastError };
      await clock.sleep(delay);
      delay = Math.min(delay * 2, COMPLETION_RETRY_MAX_MS);
      attempts++;
      try {
        if (await store.complete({ key, token, outcome, ttlMs, now: clock.now() })) {
          return { kind: 'stored', attempts };
        }
        const ours = await isCompletedUnder(store, key, token);
        return { kind: ours ? 'stored' : 'fenced', attempts };
      } catch (error) {
        lastError = error;
        on.attemptFailed(error);
      }
    }
  };

  return {
    get(key) {
      const pending = held.get(key);
      if (pending === undefined) return undefined;
      if (pending.leaseEndsAt <= clock.now()) return undefined;
      return pending;
    },
    async hold(input, on) {
      const entry = {
        fingerprint: input.fingerprint,
        outcome: input.outcome,
        leaseEndsAt: input.leaseEndsAt,
        token: input.token,
      };
      held.set(input.key, entry);
      let end: CompletionRetryEnd;
      try {
        end = await retry(input, on);
      } finally {
        if (held.get(input.key) === entry) held.delete(input.key);
      }
      on.end(end);
    },
    get size() {
      return held.size;
    },
  };
}
