import { describe, expect, it } from 'vitest';
import { type BackoffPolicy, computeDelay, type Jitter } from '../../../src/runtime/retry/index.js';
import { sequenceRandom } from '../../../src/runtime/testing/random.js';

const backoff = (jitter: Jitter): BackoffPolicy => ({ initialMs: 100, maxMs: 1000, multiplier: 2, jitter });

/** Delays before attempts 2..7 with a constant random value, chaining `previousDelay` like the executor. */
const delays = (jitter: Jitter, value: number): number[] => {
  const random = sequenceRandom([value]);
  const out: number[] = [];
  let previousDelay: number | undefined;
  for (let attempt = 1; attempt <= 6; attempt++) {
    previousDelay = computeDelay({ attempt, backoff: backoff(jitter), previousDelay, random });
    out.push(previousDelay);
  }
  return out;
};

describe('computeDelay', () => {
  it.each([
    ['none', 0.5, [100, 200, 400, 800, 1000, 1000]],
    ['full', 0.5, [50, 100, 200, 400, 500, 500]],
    ['full', 0, [0, 0, 0, 0, 0, 0]],
    ['equal', 0.5, [75, 150, 300, 600, 750, 750]],
    ['equal', 0, [50, 100, 200, 400, 500, 500]],
    // uniform(initial, previous * 3), previous starting at initial: 100 + 0.5 * (300 - 100) = 200, then
    // 100 + 0.5 * (600 - 100) = 350, 100 + 0.5 * 950 = 575, 100 + 0.5 * 1625 = 912.5, then capped at max.
    ['decorrelated', 0.5, [200, 350, 575, 912.5, 1000, 1000]],
    ['decorrelated', 0, [100, 100, 100, 100, 100, 100]],
  ] as const)('%s jitter with random %d', (jitter, value, expected) => {
    expect(delays(jitter, value)).toEqual(expected);
  });

  it('keeps full jitter below d and equal jitter in [d/2, d)', () => {
    const almostOne = sequenceRandom([0.999]);
    expect(computeDelay({ attempt: 3, backoff: backoff('full'), random: almostOne })).toBeCloseTo(399.6, 9);
    expect(computeDelay({ attempt: 3, backoff: backoff('equal'), random: almostOne })).toBeCloseTo(399.8, 9);
  });

  it('uses the multiplier as the base of the exponent and caps huge attempts at max', () => {
    const random = sequenceRandom([0]);
    const policy: BackoffPolicy = { initialMs: 200, maxMs: 20_000, multiplier: 1.5, jitter: 'none' };
    expect(computeDelay({ attempt: 3, backoff: policy, random })).toBe(450);
    expect(computeDelay({ attempt: 5000, backoff: policy, random })).toBe(20_000);
  });
});
