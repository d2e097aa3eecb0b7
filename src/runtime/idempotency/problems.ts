import { FRAMEWORK_PROBLEMS } from '../problem/slugs.js';
import type { IdempotencyKeySourceLike, IdempotencyProblemSlug, IdempotencyResult } from './types.js';

type ProblemResult = Extract<IdempotencyResult, { kind: 'problem' }>;

/** Details are fixed sentences about the request: never a store's or a handler's internal message. */
function createProblem(slug: IdempotencyProblemSlug, detail: string, headers = {}): ProblemResult {
  return { kind: 'problem', slug, status: FRAMEWORK_PROBLEMS[slug].status, detail, headers };
}

export function keySourceToText(source: IdempotencyKeySourceLike): string {
  if (source.in === 'body') return `the request body at ${source.pointer}`;
  return `the ${source.in} ${source.in === 'header' ? 'field' : 'parameter'} ${source.name}`;
}

export function createKeyMissingProblem(source: IdempotencyKeySourceLike): ProblemResult {
  return createProblem(
    'idempotency-key-missing',
    `This operation requires an idempotency key in ${keySourceToText(source)}.`,
  );
}

export function createKeyInvalidProblem(input: {
  source: IdempotencyKeySourceLike;
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

/** `Retry-After` in whole seconds: the lease's remaining time rounded up, at least 1. */
export function createInProgressProblem(input: { leaseExpiresAt: number; now: number }): ProblemResult {
  const seconds = Math.max(1, Math.ceil((input.leaseExpiresAt - input.now) / 1000));
  return createProblem(
    'idempotency-request-in-progress',
    'A request with this idempotency key is still being processed; retry with the same key later.',
    { 'retry-after': String(seconds) },
  );
}

export function createStoreUnavailableProblem(): ProblemResult {
  return createProblem(
    'dependency-unavailable',
    'The idempotency store is unavailable, so the request was not processed; retry with the same key.',
    { 'retry-after': '1' },
  );
}
