/** An operation's retry policy in words, as the generated client applies it (`runtime/retry/execute.ts`). */
import type { OperationModel, RetryBudget, RetryCondition, RetryContract } from '../model/types.js';
import { durationToText } from './duration-text.js';
import type { Timeline } from './timeline.js';

/** `408, 429, 5XX, network errors and timed-out attempts`. */
export function conditionsToText(retryOn: readonly RetryCondition[]): string {
  const statuses = retryOn.filter((c) => c !== 'network' && c !== 'timeout').map(String);
  const words = [
    ...(statuses.length > 0 ? [`status ${statuses.join(', ')}`] : []),
    ...(retryOn.includes('network') ? ['network errors'] : []),
    ...(retryOn.includes('timeout') ? ['timed-out attempts'] : []),
  ];
  if (words.length === 0) return 'nothing (retryOn is empty)';
  return words.length === 1 ? (words[0] as string) : `${words.slice(0, -1).join(', ')} and ${words.at(-1)}`;
}

function backoffToText(retry: RetryContract): string {
  const { initialMs, maxMs, multiplier, jitter } = retry.backoff;
  const base =
    `The base wait before retry n is ${durationToText(initialMs)} × ${multiplier}^(n−1), ` +
    `at most ${durationToText(maxMs)}`;
  switch (jitter) {
    case 'none':
      return `${base}, waited exactly (no jitter).`;
    case 'full':
      return `${base}; the client waits a random time between 0 and that base (full jitter).`;
    case 'equal':
      return `${base}; the client waits half of it plus a random share of the other half (equal jitter).`;
    case 'decorrelated':
      return (
        `Each wait is drawn between ${durationToText(initialMs)} and three times the previous wait, ` +
        `at most ${durationToText(maxMs)} (decorrelated jitter).`
      );
  }
}

const SUPPRESSED = {
  'unsafe-without-idempotency':
    'x-retry reaches this operation, but it changes state and has no x-idempotency, so the client makes one ' +
    'attempt: a retry could run it twice.',
  'compat-default-on-unsafe':
    'Only an inherited x-speakeasy-retries reaches this operation, which changes state and has no ' +
    'x-idempotency; that migration default is not applied, so the client makes one attempt.',
} as const;

export function retryToSentences(input: {
  op: OperationModel;
  timeline: Timeline | undefined;
  budget: RetryBudget | undefined;
}): string[] {
  const { op, timeline, budget } = input;
  const { retry } = op;
  if (op.retrySuppressed) return [SUPPRESSED[op.retrySuppressed]];
  if (!retry)
    return ['No x-retry reaches this operation: the client makes one attempt, with no timeout of its own.'];
  const limits =
    `Each attempt times out after ${durationToText(retry.attemptTimeoutMs)}; ` +
    `the whole call, waits included, ends after ${durationToText(retry.maxElapsedMs)}.`;
  if (retry.maxAttempts <= 1) {
    const limit = Math.min(retry.attemptTimeoutMs, retry.maxElapsedMs);
    return [`One attempt, no retry (maxAttempts: 1); it times out after ${durationToText(limit)}.`];
  }
  const sentences = [
    `Up to ${retry.maxAttempts} attempts (${retry.maxAttempts - 1} ${retry.maxAttempts === 2 ? 'retry' : 'retries'}) ` +
      `on ${conditionsToText(retry.retryOn)}.`,
    backoffToText(retry),
    limits,
    retry.respectRetryAfter
      ? 'A Retry-After or retry-after-ms header from the server replaces the computed wait.'
      : 'Retry-After headers are ignored (respectRetryAfter: false).',
  ];
  if (op.idempotency) {
    sentences.push(
      `A 409 idempotency-request-in-progress is retried with the same key after ${retry.respectRetryAfter ? 'its hint' : 'the computed wait'} ` +
        'until the deadline, even past maxAttempts: the first attempt is still running, and the call ends with its outcome.',
    );
  }
  if (!retry.retryOn.includes('timeout')) {
    sentences.push('An attempt that runs into its timeout ends the call: retryOn has no timeout.');
  } else if (timeline) {
    const n = timeline.attemptsIfAllTimeOut;
    sentences.push(
      `If every attempt runs into its timeout, ${n} ${n === 1 ? 'attempt starts' : 'attempts start'} before the deadline.`,
    );
  }
  if (budget) {
    sentences.push(
      `Retries draw on the client-wide retry budget (${budget.maxTokens} tokens, ${budget.tokenRatio} back per success); ` +
        'when it is empty the client stops retrying.',
    );
  }
  return sentences;
}
