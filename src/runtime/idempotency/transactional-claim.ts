import type { Clock } from '../shared/clock.js';
import { isReplayableStatus, responseToOutcome } from './outcome.js';
import type { IdempotencyStore } from './store.js';
import { FencedCompletionError } from './transactional-errors.js';
import { supportsCompleteWithin } from './transactional-store.js';
import type { IdempotencyContractLike, IdempotentResponse } from './types.js';

/**
 * The claim a handler runs under, handed to `execute(signal, claim)` by the engine. With a store that
 * supports it (PostgreSQL), `completeWithin` records the outcome inside the handler's own transaction; the
 * engine then does not complete the record itself.
 */
export interface ExecutionClaim {
  /** The request's idempotency key, as the client sent it. */
  key: string;
  /** The scoped, hashed key the store holds the record under. */
  storeKey: string;
  /** The fencing token of this claim. */
  token: string;
  fence: number;
  takenOver: boolean;
  /** Whether the store supports `completeWithin`. */
  transactional: boolean;
  /**
   * Records `response` as the outcome on `client`, a connection inside the caller's open transaction.
   * Throws `FencedCompletionError` when the lease was taken over (roll back), and a `TypeError` when the store
   * cannot complete in a transaction, when the status is not one the contract replays, or on a second call.
   */
  completeWithin(client: unknown, response: IdempotentResponse): Promise<void>;
}

export interface ExecutionClaimControl {
  claim: ExecutionClaim;
  /** Whether `completeWithin` stored the outcome (the engine must not complete again). */
  completed(): boolean;
}

export function createExecutionClaim(input: {
  store: IdempotencyStore;
  clock: Clock;
  contract: Pick<IdempotencyContractLike, 'ttlMs' | 'replay'>;
  replayHeaders: readonly string[];
  key: string;
  storeKey: string;
  held: { token: string; fence: number; takenOver: boolean };
}): ExecutionClaimControl {
  const { store, clock, contract, held } = input;
  let state: 'open' | 'pending' | 'stored' = 'open';
  const claim: ExecutionClaim = {
    key: input.key,
    storeKey: input.storeKey,
    token: held.token,
    fence: held.fence,
    takenOver: held.takenOver,
    transactional: supportsCompleteWithin(store),
    async completeWithin(client, response) {
      if (!supportsCompleteWithin(store)) {
        throw new TypeError('this idempotency store cannot complete inside a transaction (use PostgreSQL)');
      }
      if (!isReplayableStatus(response.status, contract.replay)) {
        throw new TypeError(
          `status ${response.status} is not replayed by this operation; it cannot be stored`,
        );
      }
      if (state !== 'open') throw new TypeError('completeWithin was already called for this request');
      state = 'pending';
      const outcome = responseToOutcome(response, input.replayHeaders);
      const stored = await store
        .completeWithin({
          client,
          key: input.storeKey,
          token: held.token,
          outcome,
          ttlMs: contract.ttlMs,
          now: clock.now(),
        })
        .finally(() => {
          state = 'open';
        });
      if (!stored) throw new FencedCompletionError(response.status);
      state = 'stored';
    },
  };
  return { claim, completed: () => state === 'stored' };
}
