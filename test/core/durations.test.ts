import { describe, expect, it } from 'vitest';
import { durationOrUndefined, formatDuration, parseDuration } from '../../src/core/durations.js';

describe('parseDuration', () => {
  it.each([
    [0, 0],
    [1500, 1500],
    ['500ms', 500],
    ['30s', 30_000],
    ['5m', 300_000],
    ['24h', 86_400_000],
    ['7d', 604_800_000],
    ['250', 250],
    ['1.5s', 1500],
  ] as const)('%s -> %d ms', (value, ms) => {
    expect(parseDuration(value)).toBe(ms);
  });

  it.each(['', 'soon', '5 minutes', '-1s', '1w', '1h30m'])('rejects %j', (value) => {
    expect(() => parseDuration(value)).toThrow(RangeError);
    expect(durationOrUndefined(value)).toBeUndefined();
  });

  it('rejects negative and non-finite numbers, and other types', () => {
    expect(() => parseDuration(-1)).toThrow(RangeError);
    expect(() => parseDuration(Number.POSITIVE_INFINITY)).toThrow(RangeError);
    expect(durationOrUndefined(true)).toBeUndefined();
  });
});

describe('formatDuration', () => {
  it.each([
    [86_400_000, '1d'],
    [7_200_000, '2h'],
    [90_000, '90s'],
    [120_000, '2m'],
    [1500, '1500ms'],
    [0, '0ms'],
  ])('%d -> %s', (ms, text) => {
    expect(formatDuration(ms)).toBe(text);
  });
});
