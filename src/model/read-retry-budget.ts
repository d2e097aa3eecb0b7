/** The root-only `x-retry.budget`: a client-wide token bucket (gRPC retry throttling). */
import type { JsonObject } from '../core/json.js';
import { isObject } from '../core/json.js';
import { positiveNumber } from './read-retry.js';
import type { RetryBudget } from './types.js';

/** The budget of the root's `x-retry`, when it is an object with a valid `budget`; else `undefined`. */
export function readRetryBudget(root: JsonObject): RetryBudget | undefined {
  const retry = root['x-retry'];
  if (!isObject(retry) || !isObject(retry.budget)) return undefined;
  const maxTokens = positiveNumber(retry.budget.maxTokens);
  const tokenRatio = positiveNumber(retry.budget.tokenRatio);
  if (maxTokens === undefined || tokenRatio === undefined) return undefined;
  return { maxTokens, tokenRatio, pointer: '/x-retry/budget' };
}
