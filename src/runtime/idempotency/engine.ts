import { isFencedCompletionError } from '../errors/index.js';
import type { Clock } from '../shared/clock.js';
import { systemClock } from '../shared/clock.js';
import { claimKey, claimOnce } from './claim-key.js';
import { DEFAULT_IDEMPOTENCY } from './defaults.js';
import { sha256Hex, syncSha256Hex } from './digest.js';
import { type ExtractedKey, extractIdempotencyKey } from './extract-key.js';
import { requestToFingerprintText } from './fingerprint.js';
import type { IdempotencyEvent, IdempotencyHooks, IdempotencyObserver, StoreOperation } from './hooks.js';
import { fireHook } from './hooks.js';
import { isReplayableStatus, outcomeToResponse, responseToOutcome } from './outcome.js';
import {
  createPendingCompletions,
  isCompletedUnder,
  type PendingCompletions,
} from './pending-completions.js';
import * as problems from './problems.js';
import { requestToStoreKeyText } from './scope.js';
import type { IdempotencyStore } from './store.js';
import type { ExecutionClaim } from './transactional-claim.js';
import { createExecutionClaim } from './transactional-claim.js';
import type {
  IdempotencyContract,
  IdempotencyRequest,
  IdempotencyResult,
  IdempotentResponse,
} from './types.js';

export interface IdempotencyEngineOptions {
  store: IdempotencyStore;
  /** Leases, TTLs and waits all read this clock. */
  clock?: Clock;
  hooks?: IdempotencyHooks;
  /**
   * When the store fails on claim, run the handler without deduplication (and fire `onStoreError`) instead
   * of answering 503. Off by default: duplicates may then execute twice. Opt in only knowingly.
   */
  failOpen?: boolean;
}

export interface RunIdempotentInput {
  contract: IdempotencyContract;
  request: IdempotencyRequest;
  /** The authenticated caller from the server's resolver; `undefined` is the anonymous scope. */
  principal?: string | undefined;
  operationId: string;
  /** The response headers the operation declares: stored and replayed with the body. */
  replayHeaders?: readonly string[] | undefined;
  /** The key as the caller already extracted it from `request` (per `contract.key`); extracted here if absent. */
  extracted?: ExtractedKey | undefined;
  /**
   * Checks the request just before `execute` would run (the server validates it here); a response refuses
   * it, and a claim taken for it is released, so that the key stays free for a corrected request. A replay,
   * an in-progress conflict and a key reused with another request are answered without it: an equal
   * fingerprint proves the stored request's parts were checked, so a replay skips that work.
   */
  check?: (() => IdempotentResponse | undefined) | undefined;
  /** The request's signal: passed to `execute`, and it ends a `wait`. */
  signal?: AbortSignal | undefined;
  /**
   * Runs the handler. `claim` is the claim it runs under (absent when it runs without deduplication); a
   * handler that records its outcome with `claim.completeWithin` inside its own transaction is not
   * completed again by the engine, and one whose completion was fenced is answered with 409.
   */
  execute(signal: AbortSignal, claim?: ExecutionClaim): Promise<IdempotentResponse>;
  /** This request's observer (the server's telemetry): events, and the store its calls go through. */
  observer?: IdempotencyObserver | undefined;
}

export interface IdempotencyEngine {
  runIdempotent(input: RunIdempotentInput): Promise<IdempotencyResult>;
  /**
   * Outcomes whose handler ran but whose completion the store refused with an error: held in this process
   * and retried in the background until stored or until the lease is about to end (docs/stores.md).
   */
  readonly pendingCompletions: Pick<PendingCompletions, 'size' | 'get'>;
}

const executed = (response: IdempotentResponse): IdempotencyResult => ({
  kind: 'executed',
  response,
  replayed: false,
});

/** The signal passed to `execute` when the caller gave none: its controller is never aborted. */
const NEVER_ABORTED = new AbortController().signal;

/**
 * The idempotency engine: claims the request's key in the store, runs `execute` once per key (or replays the
 * stored outcome, or answers a framework problem: key missing or invalid, request in progress, key reused
 * with another request), and records the outcome under the claim's fencing token. The server core builds
 * one; build your own to share it between cores or to use it outside the generated server.
 *
 * @example
 * ```ts
 * const engine = createIdempotencyEngine({ store: createMemoryStore() });
 * const result = await engine.runIdempotent({
 *   contract, // the operation's x-idempotency as generated: key source, TTL, fingerprint, scope, replay
 *   request: { method: 'POST', pathTemplate: '/orders', headers: req.headers, body },
 *   operationId: 'createOrder',
 *   execute: async () => ({ status: 201, headers: { 'content-type': 'application/json' }, body: '{"id":1}' }),
 * });
 * if (result.kind === 'problem') sendProblem(result.status, result.slug, result.detail, result.headers);
 * else send(result.response); // executed now, or replayed from the store
 * ```
 */
export function createIdempotencyEngine(options: IdempotencyEngineOptions): IdempotencyEngine {
  const { store: engineStore, hooks = {}, failOpen = false } = options;
  const clock = options.clock ?? systemClock;

  const reportStoreError = (event: IdempotencyEvent, operation: StoreOperation, error: unknown): void =>
    fireHook(hooks.onStoreError, event, { operation, error, failOpen });

  const pending = createPendingCompletions(engineStore, clock);

  const releaseQuietly = async (
    store: IdempotencyStore,
    event: IdempotencyEvent,
    token: string,
    observer: IdempotencyObserver | undefined,
  ): Promise<void> => {
    try {
      await store.release({ key: event.storeKey, token });
    } catch (error) {
      reportStoreError(event, 'release', error);
      observer?.event('store_error', { operation: 'release' });
    }
  };

  return {
    pendingCompletions: pending,
    async runIdempotent(input) {
      // `input.signal` is read only when it is needed (a server adapter may create it on first use).
      const { contract, request, operationId, observer } = input;
      // The observer's store times this request's calls; without one, the engine's store itself.
      const store = observer?.store?.(engineStore) ?? engineStore;
      const signal = (): AbortSignal => input.signal ?? NEVER_ABORTED;
      const run = (): Promise<IdempotentResponse> => input.execute(signal());
      /** Runs the handler without a claim (no key, or the store down and `failOpen`), after `check`. */
      const checkedRun = async (): Promise<IdempotencyResult> => {
        const refused = input.check?.();
        return refused === undefined ? executed(await run()) : { kind: 'refused', response: refused };
      };
      const extracted = input.extracted ?? extractIdempotencyKey({ source: contract.key, request });
      if (extracted.kind === 'invalid') {
        return problems.createKeyInvalidProblem({ source: contract.key, reason: extracted.reason });
      }
      if (extracted.kind === 'absent') {
        return contract.required ? problems.createKeyMissingProblem(contract.key) : checkedRun();
      }
      const keyText = requestToStoreKeyText({
        scope: contract.scope,
        key: extracted.key,
        principal: input.principal,
        request,
      });
      const fingerprintText = requestToFingerprintText({ parts: contract.fingerprint, request });
      // Synchronous SHA-256 where the runtime has it (no promise per digest), else crypto.subtle.
      const [storeKey, fingerprint] = syncSha256Hex
        ? [syncSha256Hex(keyText), syncSha256Hex(fingerprintText)]
        : await Promise.all([sha256Hex(keyText), sha256Hex(fingerprintText)]);
      const event: IdempotencyEvent = { operationId, storeKey };
      const wait = contract.concurrent === 'wait';
      const leaseMs = contract.inProgressTimeoutMs;
      const retryAfterMs = contract.retryAfterMs ?? DEFAULT_IDEMPOTENCY.retryAfterMs;
      // A duplicate of a request whose outcome this process holds unstored: answered from it, no store call.
      const held = pending.get(storeKey);
      if (held !== undefined) {
        if (held.fingerprint !== fingerprint) {
          fireHook(hooks.onMismatch, event, { state: 'in-progress' });
          observer?.event('mismatch', { state: 'in-progress' });
          return problems.createKeyReusedProblem();
        }
        fireHook(hooks.onReplay, event, { status: held.outcome.status });
        observer?.event('replay', { status: held.outcome.status });
        return { kind: 'replayed', response: outcomeToResponse(held.outcome) };
      }
      // The lease cannot end before this instant (a `wait` claim reads its `now` later).
      const claimStartedAt = clock.now();
      // `wait` polls through claimKey; `reject` is one store call (no extra async layer per request).
      const claim = wait
        ? await claimKey({ store, clock, key: storeKey, fingerprint, leaseMs, wait, signal: signal() })
        : await claimOnce({ store, key: storeKey, fingerprint, leaseMs, now: claimStartedAt });

      if (claim.kind === 'store-error') {
        reportStoreError(event, 'claim', claim.error);
        observer?.event('store_error', { operation: 'claim', fail_open: failOpen });
        return failOpen ? checkedRun() : problems.createStoreUnavailableProblem();
      }
      if (claim.kind !== 'claimed' && claim.fingerprint !== fingerprint) {
        fireHook(hooks.onMismatch, event, { state: claim.kind });
        observer?.event('mismatch', { state: claim.kind });
        return problems.createKeyReusedProblem();
      }
      if (claim.kind === 'in-progress') {
        fireHook(hooks.onConflict, event, {
          leaseExpiresAt: claim.leaseExpiresAt,
          waitedMs: claim.waitedMs,
        });
        observer?.event('conflict', { waited_ms: claim.waitedMs });
        return problems.createInProgressProblem({
          retryAfterMs,
          leaseExpiresAt: claim.leaseExpiresAt,
          now: clock.now(),
        });
      }
      if (claim.kind === 'completed') {
        fireHook(hooks.onReplay, event, { status: claim.outcome.status });
        observer?.event('replay', { status: claim.outcome.status });
        return { kind: 'replayed', response: outcomeToResponse(claim.outcome) };
      }

      observer?.event('claim', { fence: claim.fence, taken_over: claim.takenOver });
      const refused = input.check?.();
      if (refused !== undefined) {
        await releaseQuietly(store, event, claim.token, observer);
        return { kind: 'refused', response: refused };
      }
      if (claim.takenOver) {
        fireHook(hooks.onTakeOver, event, { fence: claim.fence });
        observer?.event('take_over', { fence: claim.fence });
      }
      const replayHeaders = input.replayHeaders ?? [];
      const execution = createExecutionClaim({
        store,
        clock,
        contract,
        replayHeaders,
        key: extracted.key,
        storeKey,
        held: claim,
      });
      let response: IdempotentResponse;
      try {
        response = await input.execute(signal(), execution.claim);
      } catch (error) {
        if (isFencedCompletionError(error)) {
          // The handler rolled back; the newer holder's claim is not ours to release.
          fireHook(hooks.onFencedCompletion, event, { fence: claim.fence, status: error.status });
          observer?.event('fenced_completion', { fence: claim.fence, status: error.status });
          // The newer holder's lease end is not known here: the poll hint alone.
          return problems.createInProgressProblem({ retryAfterMs, now: clock.now() });
        }
        await releaseQuietly(store, event, claim.token, observer);
        throw error;
      }
      // Recorded in the handler's transaction (committed with it, or released above when that failed).
      if (execution.completed()) return executed(response);
      if (!isReplayableStatus(response.status, contract.replay)) {
        await releaseQuietly(store, event, claim.token, observer);
        return executed(response);
      }
      // The handler ran: from here on the key is never released, whatever the store does.
      const outcome = responseToOutcome(response, replayHeaders);
      try {
        const stored = await store.complete({
          key: storeKey,
          token: claim.token,
          outcome,
          ttlMs: contract.ttlMs,
          now: clock.now(),
        });
        if (!stored && !(await isCompletedUnder(store, storeKey, claim.token))) {
          fireHook(hooks.onFencedCompletion, event, { fence: claim.fence, status: response.status });
          observer?.event('fenced_completion', { fence: claim.fence, status: response.status });
        }
      } catch (error) {
        reportStoreError(event, 'complete', error);
        observer?.event('store_error', { operation: 'complete' });
        void pending
          .hold(
            {
              key: storeKey,
              token: claim.token,
              fingerprint,
              outcome,
              ttlMs: contract.ttlMs,
              leaseEndsAt: claimStartedAt + leaseMs,
              error,
            },
            {
              attemptFailed: (failure) => reportStoreError(event, 'complete', failure),
              end: (end) => {
                if (end.kind === 'fenced') {
                  fireHook(hooks.onFencedCompletion, event, { fence: claim.fence, status: response.status });
                  observer?.event('fenced_completion', { fence: claim.fence, status: response.status });
                }
                fireHook(hooks.onCompletionRetried, event, {
                  result: end.kind,
                  attempts: end.attempts,
                  status: response.status,
                });
              },
            },
          )
          .catch(() => {});
      }
      return executed(response);
    },
  };
}
