import { slugOf } from '../problem/problem-type.js';
import { matchesStatusPattern } from '../shared/status-pattern.js';
import type { RetryCondition } from './types.js';

/** True when `status` matches one condition: the exact code or its `NXX` range. */
export const matchesCondition = (status: number, condition: RetryCondition): boolean => {
  if (condition === 'network' || condition === 'timeout') return false;
  return matchesStatusPattern(status, condition);
};

export interface StatusInput {
  status: number;
  /** The problem `type` when the response was problem+json. */
  problemType?: string | undefined;
  retryOn: readonly RetryCondition[];
}

/** What a failed response is, for retrying: transient or not, and whether it is the in-progress conflict. */
export const classifyStatus = ({
  status,
  problemType,
  retryOn,
}: StatusInput): { transient: boolean; inProgress: boolean } => {
  const slug = problemType === undefined ? undefined : slugOf(problemType);
  if (status === 409 && slug === 'idempotency-request-in-progress')
    return { transient: true, inProgress: true };
  if (status === 422 && slug === 'idempotency-key-reused') return { transient: false, inProgress: false };
  if (status >= 200 && status < 300) return { transient: false, inProgress: false };
  return { transient: retryOn.some((c) => matchesCondition(status, c)), inProgress: false };
};

/** True when `retryOn` holds `network` or `timeout`. */
export const retriesOn = (retryOn: readonly RetryCondition[], kind: 'network' | 'timeout'): boolean =>
  retryOn.includes(kind);
