import { FencedCompletionError } from '../errors/index.js';
import type { Clock } from '../shared/clock.js';
import { isReplayableStatus, responseToOutcome } from './outcome.js';
import type { IdempotencyStore } from './store.js';
import { supportsCompleteWithin } from './transactional-store.js';
import type { IdempotencyContract, IdempotentResponse } from './types.js';

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

interface ExecutionClaimInput {
  store: IdempotencyStore;
  clock: Clock;
  contract: Pick<IdempotencyContract, 'ttlMs' | 'replay'>;
  replayHeaders: readonly string[];
  key: string;
  storeKey: string;
  held: { token: string; fence: number; takenOver: boolean };
}

export function createExecutionClaim(input: ExecutionClaimInput): ExecutionClaimControl {
  return new HeldClaim(input);
}

/**
 * The claim and its control in one object with prototype methods: one is made for every executed request
 * with a key, most of whose handlers never call `completeWithin`.
 */
class HeldClaim implements ExecutionClaim, ExecutionClaimControl {
  readonly key: string;
  readonly storeKey: string;
  readonly token: string;
  readonly fence: number;
  readonly takenOver: boolean;
  private state: 'open' | 'pending' | 'stored' = 'open';
  private readonly input: ExecutionClaimInput;

  constructor(input: ExecutionClaimInput) {
    this.input = input;
    this.key = input.key;
    this.storeKey = input.storeKey;
    this.token = input.held.token;
    this.fence = input.held.fence;
    this.takenOver = input.held.takenOver;
  }

  get claim(): ExecutionClaim {
    return this;
  }

  get transactional(): boolean {
    return supportsCompleteWithin(this.input.store);
  }

  completed(): boolean {
    return this.state === 'stored';
  }

  async completeWithin(client: unknown, response: IdempotentResponse): Promise<void> {
    const { store, contract, clock } = this.input;
    if (!supportsCompleteWithin(store)) {
      throw new TypeError('this idempotency store cannot complete inside a transaction (use PostgreSQL)');
    }
    if (!isReplayableStatus(response.status, contract.replay)) {
      throw new TypeError(`status ${response.status} is not replayed by this operation; it cannot be stored`);
    }
    if (this.state !== 'open') throw new TypeError('completeWithin was already called for this request');
    this.state = 'pending';
    const outcome = responseToOutcome(response, this.input.replayHeaders);
    const stored = await store
      .completeWithin({
        client,
        key: this.storeKey,
        token: this.token,
        outcome,
        ttlMs: contract.ttlMs,
        now: clock.now(),
      })
      .finally(() => {
        this.state = 'open';
      });
    if (!stored) throw new FencedCompletionError(response.status);
    this.state = 'stored';
  }
}
