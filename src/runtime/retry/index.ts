export { type AttemptSignal, createAttemptSignal } from './attempt-signal.js';
export { type ComputeDelayInput, computeDelay } from './backoff.js';
export { RetryBudget, type RetryBudgetOptions } from './budget.js';
export { classifyStatus, matchesCondition, retriesOn, type StatusInput } from './classify.js';
export { DEFAULT_BACKOFF, DEFAULT_RETRY_ON, DEFAULT_RETRY_POLICY } from './defaults.js';
export { type AttemptContext, type ExecuteOptions, executeWithRetry, type RetryResult } from './execute.js';
export { type HeaderReader, parseRetryAfter } from './retry-after.js';
export { type RetryVerdict, retryVerdictOf } from './retry-verdict.js';
export type {
  AttemptEvent,
  BackoffPolicy,
  Jitter,
  RetryCondition,
  RetryEvent,
  RetryHooks,
  RetryPolicy,
  RetryReason,
} from './types.js';
