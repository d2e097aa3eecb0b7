/**
 * retry-hints: every 429 and 503 answer, and every 409 answer to a duplicate in progress, carries a
 * `Retry-After` (or `retry-after-ms`) the client contract can honour: one that parses, and, when the
 * operation has an `x-retry`, no longer than its whole-call deadline (`maxElapsed`), which would make the
 * client give up instead of waiting.
 */
import type { Exchange } from '../types.js';
import { type CheckContext, fail, pass, retryAfterMs, type Verdict } from './check-context.js';

export function checkRetryHints(context: CheckContext, exchanges: Exchange[]): Verdict {
  const inProgress = (e: Exchange) =>
    e.response?.status === 409 && e.role === 'valid' && !!context.operation.idempotency;
  const hinted = exchanges.filter((e) => [429, 503].includes(e.response?.status ?? 0) || inProgress(e));
  if (hinted.length === 0)
    return { outcome: 'skip', reason: 'no 409, 429 or 503 answer was seen', exchanges: [] };
  const deadline = context.operation.retry?.maxElapsedMs;
  for (const exchange of hinted) {
    const response = exchange.response!;
    const wait = retryAfterMs(response);
    if (wait === undefined) {
      const raw = response.headers['retry-after'];
      return fail(
        `the ${response.status} answer has ${raw === undefined ? 'no Retry-After' : `an unreadable Retry-After (${raw})`}`,
        [exchange],
      );
    }
    if (deadline !== undefined && wait > deadline)
      return fail(
        `the ${response.status} answer asks for ${wait} ms, longer than the client's deadline (x-retry maxElapsed, ${deadline} ms)`,
        [exchange],
      );
  }
  return pass(hinted);
}
