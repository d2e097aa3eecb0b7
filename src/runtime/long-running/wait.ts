/**
 * The handle of a long-running operation: the generated call of an operation with `x-long-running` answers
 * its result with `operation`, whose `wait()` polls the status resource that the `202` named (`Location`,
 * `Operation-Location` or `Azure-AsyncOperation`), waiting `Retry-After` when the server sends one and the
 * contract's backoff otherwise, until a final state or the deadline (`maxWait`).
 *
 * Each poll is one `GET` through the client (its fetch, headers and hooks) with the operation's retry policy,
 * so a transient failure of one poll is retried, never the submission. Outcomes are results, not throws:
 * `{ ok: true, data }` with the final result, or `{ ok: false, error }` (`OperationFailedError`,
 * `DeadlineExceededError`, `AbortedError`, or the poll's own error).
 */
import { callOperation } from '../client/call-operation.js';
import type { Client } from '../client/types.js';
import { isIdemgenError } from '../errors/guards.js';
import type { IdemgenError } from '../errors/idemgen-error.js';
import { OperationFailedError } from '../errors/operation-failed-error.js';
import { AbortedError, DeadlineExceededError } from '../errors/transport-errors.js';
import { computeDelay } from '../retry/backoff.js';
import { DEFAULT_RETRY_POLICY } from '../retry/defaults.js';
import { parseRetryAfter } from '../retry/retry-after.js';
import type { RetryPolicy } from '../retry/types.js';
import { resolveJsonPointer } from '../shared/json-pointer.js';
import type { LongRunningSpec } from './types.js';

export interface WaitOptions {
  signal?: AbortSignal | undefined;
  /** A shorter deadline than the contract's `maxWait` (a longer one is cut to it). */
  maxWaitMs?: number | undefined;
  /** Called with each status resource polled (progress reporting). */
  onPoll?: ((status: { state: string | undefined; body: unknown; polls: number }) => void) | undefined;
}

export type WaitResult<Final> =
  | { ok: true; data: Final; state: string | undefined; polls: number }
  | { ok: false; error: IdemgenError };

export interface LongRunningHandle<Final> {
  /** The status resource's absolute URL; undefined when the server finished at once (not a `202`). */
  readonly statusUrl: string | undefined;
  wait(options?: WaitOptions): Promise<WaitResult<Final>>;
}

const HEADERS: Record<LongRunningSpec['finalStateVia'], string> = {
  location: 'location',
  'operation-location': 'operation-location',
  'azure-async-operation': 'azure-asyncoperation',
};

/**
 * Adds `operation` (a `LongRunningHandle`) to an ok result of a long-running operation; other results are
 * returned as they are. What the generated function of an operation with `x-long-running` returns.
 */
export async function withOperation<R>(
  client: Client,
  spec: LongRunningSpec,
  retry: RetryPolicy | undefined,
  pending: Promise<R>,
): Promise<R> {
  const result = await pending;
  const ok = result as { ok: boolean; status?: number; data?: unknown; headers?: Headers };
  if (!ok.ok || !ok.headers) return result;
  const header = ok.status === 202 ? ok.headers.get(HEADERS[spec.finalStateVia]) : null;
  const statusUrl = header ? new URL(header, `${client.baseUrl.replace(/\/+$/, '')}/`).href : undefined;
  const handle: LongRunningHandle<unknown> = {
    statusUrl,
    wait: (options) =>
      statusUrl === undefined
        ? Promise.resolve({ ok: true, data: ok.data, state: undefined, polls: 0 })
        : poll({ client, spec, retry, statusUrl, first: ok.headers as Headers, options: options ?? {} }),
  };
  return { ...result, operation: handle };
}

async function poll(input: {
  client: Client;
  spec: LongRunningSpec;
  retry: RetryPolicy | undefined;
  statusUrl: string;
  first: Headers;
  options: WaitOptions;
}): Promise<WaitResult<unknown>> {
  const { client, spec, statusUrl, options } = input;
  const maxWaitMs = Math.min(spec.maxWaitMs, options.maxWaitMs ?? Number.POSITIVE_INFINITY);
  const deadline = client.clock.now() + maxWaitMs;
  const url = new URL(statusUrl);
  const target = { ...client, baseUrl: url.origin };
  const query: Record<string, string> = {};
  url.searchParams.forEach((value, name) => {
    query[name] = value;
  });
  let hint = input.first;
  let previousDelay: number | undefined;
  for (let polls = 0; ; ) {
    const now = client.clock.now();
    const retryAfterMs = parseRetryAfter({ headers: hint, now });
    const delay =
      retryAfterMs ??
      computeDelay({ attempt: polls + 1, backoff: spec.backoff, previousDelay, random: client.random });
    previousDelay = delay;
    if (now + delay >= deadline)
      return {
        ok: false,
        error: new DeadlineExceededError({
          retryable: false,
          attempts: polls,
          maxElapsedMs: maxWaitMs,
          retryAfterMs,
        }),
      };
    try {
      await client.clock.sleep(delay, options.signal);
    } catch (cause) {
      return { ok: false, error: new AbortedError({ attempts: polls, cause }) };
    }
    polls++;
    let body: unknown;
    try {
      const answer = await callOperation({
        client: target,
        method: 'GET',
        pathTemplate: url.pathname,
        query,
        retry: input.retry ?? DEFAULT_RETRY_POLICY,
        maxElapsedMs: Math.max(1, deadline - client.clock.now()),
        signal: options.signal,
      });
      body = answer.data;
      hint = answer.headers;
    } catch (error) {
      if (isIdemgenError(error)) return { ok: false, error };
      throw error;
    }
    const raw = resolveJsonPointer(body, spec.statusPointer);
    const state = typeof raw === 'string' ? raw : undefined;
    options.onPoll?.({ state, body, polls });
    const is = (states: readonly string[]) =>
      state !== undefined && states.some((s) => s.toLowerCase() === state.toLowerCase());
    if (is(spec.failed))
      return {
        ok: false,
        error: new OperationFailedError({ state: state as string, body, statusUrl, polls }),
      };
    if (is(spec.succeeded)) {
      const data = spec.resultPointer === undefined ? body : resolveJsonPointer(body, spec.resultPointer);
      return { ok: true, data, state, polls };
    }
  }
}
