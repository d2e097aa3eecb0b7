import { FRAMEWORK_PROBLEMS } from '../problem/slugs.js';
import type { IdempotencyKeySource, IdempotencyProblemSlug, IdempotencyResult } from './types.js';

type ProblemResult = Extract<IdempotencyResult, { kind: 'problem' }>;

/** Details are fixed sentences about the request: never a store's or a handler's internal message. */
function createProblem(slug: IdempotencyProblemSlug, detail: string, headers = {}): ProblemResult {
  return { kind: 'problem', slug, status: FRAMEWORK_PROBLEMS[slug].status, detail, headers };
}

export function keySourceToText(source: IdempotencyKeySource): string {
  if (source.in === 'body') return `the request body at ${source.pointer}`;
  return `the ${source.in} ${source.in === 'header' ? 'field' : 'parameter'} ${source.name}`;
}

export function createKeyMissingProblem(source: IdempotencyKeySource): ProblemResult {
  return createProblem(
    'idempotency-key-missing',
    `This operation requires an idempotency key in ${keySourceToText(source)}.`,
  );
}

export function createKeyInvalidProblem(input: {
  source: IdempotencyKeySource;
  reason: string;
}): ProblemResult {
  return createProblem(
    'idempotency-key-invalid',
    `The idempotency key in ${keySourceToText(input.source)} is not valid: ${input.reason}.`,
  );
}

export function createKeyReusedProblem(): ProblemResult {
  return createProblem(
    'idempotency-key-reused',
    'This idempotency key was already used with a different request; use a new key for a new request.',
  );
}

interface InProgressHintInput {
  /** The contract's `retryAfter`. */
  retryAfterMs: number;
  /** Unknown (`undefined`) for a fenced completion: the newer holder's lease is not ours to read. */
  leaseExpiresAt?: number | undefined;
  now: number;
}

const restOfLease = (input: InProgressHintInput): number =>
  input.leaseExpiresAt === undefined ? Number.POSITIVE_INFINITY : input.leaseExpiresAt - input.now;

/**
 * The poll hint of an in-progress answer, in milliseconds: `retryAfterMs` (the contract's short hint),
 * never longer than the rest of the lease (`leaseExpiresAt - now`, at least 0) when that is known.
 */
export function inProgressRetryAfterMs(input: InProgressHintInput): number {
  return Math.max(0, Math.min(input.retryAfterMs, restOfLease(input)));
}

/**
 * 409 with the poll hint twice: `retry-after-ms` exactly, and `Retry-After` in whole seconds (rounded up so
 * that a sub-second hint does not invite a busy loop, but never past the rest of the lease: 0 in its last
 * second). A client that retries with the same key converges on the stored outcome.
 */
export function createInProgressProblem(input: InProgressHintInput): ProblemResult {
  const hintMs = inProgressRetryAfterMs(input);
  const seconds = Math.max(0, Math.min(Math.ceil(hintMs / 1000), Math.floor(restOfLease(input) / 1000)));
  return createProblem(
    'idempotency-request-in-progress',
    'A request with this idempotency key is still being processed; retry with the same key later.',
    { 'retry-after': String(seconds), 'retry-after-ms': String(Math.ceil(hintMs)) },
  );
}

export function createStoreUnavailableProblem(): ProblemResult {
  return createProblem(
    'dependency-unavailable',
    'The idempotency store is unavailable, so the request was not processed; retry with the same key.',
    { 'retry-after': '1' },
  );
}
