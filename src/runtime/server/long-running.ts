/**
 * Long-running operations on the server: `start` runs the work in the background and answers `202` with the
 * status resource's `Location` and `Retry-After`; `status`/`statusResponse` read the operation's state back,
 * from any process that shares the dedup store.
 *
 * The state lives in the dedup store, on the primitives it already has: `start` claims `operation:<id>` with
 * a lease as long as the work may run (`maxRunMs`); the work's end completes that record with the final state
 * as its outcome, kept for `ttlMs`. A record still in progress is `running`; one whose lease ran out (the
 * process died mid-work) is `failed` (`abandoned`); a completed one holds `succeeded` and its `result`, or
 * `failed`. Submitting twice is the idempotency engine's job: with `x-idempotency` on the submitting
 * operation, a retried submission (same key) gets the stored `202` again, naming the same operation.
 */
import type { IdempotencyStore } from '../idempotency/store.js';
import { DEFAULT_PROBLEM_BASE } from '../problem/problem-type.js';
import { PROBLEM_CONTENT_TYPE } from '../problem/types.js';
import { type Clock, systemClock } from '../shared/clock.js';
import { randomUuid } from '../shared/uuid.js';
import { createProblem } from './problem-response.js';
import type { HandlerResult } from './types.js';

export type OperationStatus = 'running' | 'succeeded' | 'failed';

/** The status resource: what `statusResponse` answers, as JSON. */
export interface OperationState<Result = unknown> {
  id: string;
  status: OperationStatus;
  /** Set once `succeeded`: what the work returned. */
  result?: Result;
  /** Set once `failed`: a title safe to show (never the internal error). */
  error?: { title: string };
}

export interface OperationTrackerOptions {
  store: IdempotencyStore;
  /** The status resource's URL (absolute, or relative to the API's base) for an operation id. */
  statusUrl: (id: string) => string;
  /** The longest the work may run; past it, a still-running operation reads as failed. Default 1 hour. */
  maxRunMs?: number | undefined;
  /** How long a finished operation's state is kept. Default 24 hours. */
  ttlMs?: number | undefined;
  /** The poll hint sent while running, in seconds. Default 1. */
  retryAfterSeconds?: number | undefined;
  clock?: Clock | undefined;
  /** Called when the work throws (the client only learns that it failed) or the final state cannot be stored. */
  onError?: ((error: unknown, id: string) => void) | undefined;
}

export interface StartedOperation {
  id: string;
  /** `202 Accepted` with `Location`, `Retry-After` and the running state as the body: return it. */
  response: HandlerResult;
  /** Settles once the final state is stored (tests, graceful shutdown). */
  done: Promise<void>;
}

export interface OperationTracker {
  start<Result>(
    work: (operation: { id: string }) => Promise<Result>,
    options?: { id?: string | undefined },
  ): Promise<StartedOperation>;
  status<Result = unknown>(id: string): Promise<OperationState<Result> | undefined>;
  /** `200` with the state (and `Retry-After` while running), or a `404` problem for an unknown id. */
  statusResponse(id: string, request: { correlationId: string }): Promise<HandlerResult>;
}

const KEY_PREFIX = 'operation:';
const FINGERPRINT = 'long-running-operation';

export function createOperationTracker(options: OperationTrackerOptions): OperationTracker {
  const { store } = options;
  const clock = options.clock ?? systemClock;
  const maxRunMs = options.maxRunMs ?? 60 * 60 * 1000;
  const ttlMs = options.ttlMs ?? 24 * 60 * 60 * 1000;
  const retryAfter = String(options.retryAfterSeconds ?? 1);
  const json = { 'content-type': 'application/json' };

  const finish = async (id: string, token: string, state: OperationState) => {
    await store.complete({
      key: KEY_PREFIX + id,
      token,
      outcome: { status: 200, headers: json, body: JSON.stringify(state), bodyEncoding: 'text' },
      ttlMs,
      now: clock.now(),
    });
  };

  const tracker: OperationTracker = {
    async start(work, startOptions) {
      const id = startOptions?.id ?? randomUuid();
      const claim = await store.claim({
        key: KEY_PREFIX + id,
        fingerprint: FINGERPRINT,
        leaseMs: maxRunMs,
        now: clock.now(),
      });
      if (claim.kind !== 'claimed') throw new TypeError(`The operation id "${id}" is in use.`);
      const done = (async () => {
        let state: OperationState;
        try {
          state = { id, status: 'succeeded', result: await work({ id }) };
        } catch (error) {
          options.onError?.(error, id);
          state = { id, status: 'failed', error: { title: 'The operation failed' } };
        }
        try {
          await finish(id, claim.token, state);
        } catch (error) {
          options.onError?.(error, id);
        }
      })();
      const running: OperationState = { id, status: 'running' };
      return {
        id,
        done,
        response: {
          status: 202,
          headers: { ...json, location: options.statusUrl(id), 'retry-after': retryAfter },
          body: running,
        },
      };
    },

    async status<Result>(id: string) {
      const record = await store.get(KEY_PREFIX + id);
      const now = clock.now();
      if (record === undefined || record.fingerprint !== FINGERPRINT) return undefined;
      if (record.state === 'in-progress')
        return (record.leaseExpiresAt ?? 0) > now
          ? { id, status: 'running' }
          : { id, status: 'failed', error: { title: 'The operation was abandoned' } };
      if ((record.expiresAt ?? 0) <= now || record.outcome === undefined) return undefined;
      return JSON.parse(record.outcome.body) as OperationState<Result>;
    },

    async statusResponse(id, request) {
      const state = await tracker.status(id);
      if (state === undefined) {
        const problem = createProblem({
          status: 404,
          detail: `No operation ${id}, or it finished too long ago.`,
          correlationId: request.correlationId,
          base: DEFAULT_PROBLEM_BASE,
        });
        return { status: 404, headers: { 'content-type': PROBLEM_CONTENT_TYPE }, body: problem };
      }
      const headers = state.status === 'running' ? { ...json, 'retry-after': retryAfter } : json;
      return { status: 200, headers, body: state };
    },
  };
  return tracker;
}
