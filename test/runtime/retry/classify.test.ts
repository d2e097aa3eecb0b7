import { describe, expect, it } from 'vitest';
import {
  classifyStatus,
  DEFAULT_RETRY_ON,
  matchesCondition,
  type RetryCondition,
} from '../../../src/runtime/retry/index.js';

const base = 'https://x.test/problems/';

describe('classifyStatus', () => {
  it.each<[number, string | undefined, readonly RetryCondition[], boolean, boolean]>([
    [503, undefined, DEFAULT_RETRY_ON, true, false],
    [429, undefined, DEFAULT_RETRY_ON, true, false],
    [501, undefined, DEFAULT_RETRY_ON, false, false],
    [404, undefined, DEFAULT_RETRY_ON, false, false],
    [409, undefined, DEFAULT_RETRY_ON, false, false],
    [409, `${base}idempotency-request-in-progress`, DEFAULT_RETRY_ON, true, true],
    [409, `${base}idempotency-request-in-progress`, [], true, true],
    [409, 'about:blank', [409], true, false],
    [422, `${base}idempotency-key-reused`, [422, '4XX'], false, false],
    [422, `${base}out-of-stock`, [422], true, false],
    [507, undefined, ['5XX'], true, false],
    [429, undefined, ['5XX'], false, false],
    [418, undefined, ['4XX'], true, false],
    [200, undefined, ['2XX'], false, false],
  ])('%i %s with %j: transient %s, in progress %s', (status, problemType, retryOn, transient, inProgress) => {
    expect(classifyStatus({ status, problemType, retryOn })).toEqual({ transient, inProgress });
  });

  it.each<[number, RetryCondition, boolean]>([
    [503, 503, true],
    [503, '5XX', true],
    [599, '5XX', true],
    [600, '5XX', false],
    [499, '5XX', false],
    [503, 'network', false],
    [503, 'timeout', false],
  ])('matchesCondition(%i, %j) is %s', (status, condition, expected) => {
    expect(matchesCondition(status, condition)).toBe(expected);
  });
});
