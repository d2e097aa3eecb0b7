import { errorKindOf, isHttpError } from '../errors/guards.js';
import { classifyStatus } from './classify.js';
import type { RetryCondition, RetryReason } from './types.js';

export interface RetryVerdict {
  reason: RetryReason;
  status?: number;
  /** The server's wait hint carried by the error. */
  retryAfterMs?: number;
}

/**
 * Whether a failed attempt may be retried, and why. Only the runtime's network, timeout and HTTP errors
 * that are marked `retryable` qualify; anything else (a bug in user code, an abort) ends the call as is.
 */
export const retryVerdictOf = (
  error: unknown,
  retryOn: readonly RetryCondition[],
): RetryVerdict | undefined => {
  const kind = errorKindOf(error);
  if (!kind || !(error as { retryable?: unknown }).retryable) return undefined;
  if (kind === 'network' || kind === 'timeout') return { reason: kind };
  if (!isHttpError(error)) return undefined;
  const { inProgress } = classifyStatus({ status: error.status, problemType: error.problem?.type, retryOn });
  const verdict: RetryVerdict = { reason: inProgress ? 'in-progress' : 'status', status: error.status };
  if (error.retryAfterMs !== undefined) verdict.retryAfterMs = error.retryAfterMs;
  return verdict;
};
