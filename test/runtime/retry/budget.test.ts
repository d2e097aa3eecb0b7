import { describe, expect, it } from 'vitest';
import { RetryBudget } from '../../../src/runtime/retry/index.js';

describe('RetryBudget', () => {
  it('starts full, allows retries only above half, and recovers by tokenRatio per success', () => {
    const budget = new RetryBudget({ maxTokens: 10, tokenRatio: 0.1 });
    expect(budget.tokens).toBe(10);
    const allowed: boolean[] = [];
    for (let i = 0; i < 6; i++) {
      budget.recordFailure();
      allowed.push(budget.canRetry());
    }
    expect(allowed).toEqual([true, true, true, true, false, false]);
    expect(budget.tokens).toBe(4);
    for (let i = 0; i < 10; i++) budget.recordSuccess();
    expect(budget.tokens).toBe(5);
    expect(budget.canRetry()).toBe(false);
    budget.recordSuccess();
    expect(budget.tokens).toBe(5.1);
    expect(budget.canRetry()).toBe(true);
  });

  it('never goes below zero or above maxTokens', () => {
    const budget = new RetryBudget({ maxTokens: 2, tokenRatio: 1 });
    for (let i = 0; i < 5; i++) budget.recordFailure();
    expect(budget.tokens).toBe(0);
    for (let i = 0; i < 5; i++) budget.recordSuccess();
    expect(budget.tokens).toBe(2);
  });

  it.each([
    [{ maxTokens: 0, tokenRatio: 0.1 }],
    [{ maxTokens: 1001, tokenRatio: 0.1 }],
    [{ maxTokens: 10, tokenRatio: 0 }],
    [{ maxTokens: 10, tokenRatio: 1.5 }],
    [{ maxTokens: Number.NaN, tokenRatio: 0.1 }],
  ])('rejects %j', (options) => {
    expect(() => new RetryBudget(options)).toThrow(RangeError);
  });
});
