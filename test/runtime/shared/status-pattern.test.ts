import { describe, expect, it } from 'vitest';
import {
  compileStatusPatterns,
  isStatusRange,
  matchesStatusPattern,
  matchesStatusPatterns,
} from '../../../src/runtime/shared/status-pattern.js';

describe('matchesStatusPattern', () => {
  it.each([
    [201, 201, true],
    [201, '201', true],
    [201, '200', false],
    [201, '2XX', true],
    [201, '2xx', true],
    [404, '2XX', false],
    [599, '5XX', true],
    [500, 'default', true],
    [500, 'DEFAULT', true],
    [201, '20', false],
    [201, 'network', false],
  ] as const)('%s against %s is %s', (status, pattern, expected) => {
    expect(matchesStatusPattern(status, pattern)).toBe(expected);
  });
});

describe('matchesStatusPatterns', () => {
  it('matches any listed code or range, and nothing else', () => {
    const patterns = ['201', '4XX'];
    expect([200, 201, 404, 499, 500].map((s) => matchesStatusPatterns(s, patterns))).toEqual([
      false,
      true,
      true,
      true,
      false,
    ]);
  });

  it('matches every status when the list holds default', () => {
    expect(matchesStatusPatterns(302, ['404', 'default'])).toBe(true);
  });

  it('matches nothing for an empty list', () => {
    expect(matchesStatusPatterns(200, [])).toBe(false);
  });

  it('compiles one test per array', () => {
    const patterns = ['2XX'];
    expect(compileStatusPatterns(patterns)).toBe(compileStatusPatterns(patterns));
  });
});

describe('isStatusRange', () => {
  it.each([
    ['2XX', true],
    ['5xx', true],
    ['6XX', false],
    ['200', false],
    ['default', false],
  ] as const)('%s is %s', (pattern, expected) => {
    expect(isStatusRange(pattern)).toBe(expected);
  });
});

describe('defaultMatchesAll: false', () => {
  it('ignores default and keeps codes and ranges', () => {
    const patterns = ['default', '2XX'];
    expect(matchesStatusPatterns(500, patterns, { defaultMatchesAll: false })).toBe(false);
    expect(matchesStatusPatterns(204, patterns, { defaultMatchesAll: false })).toBe(true);
    expect(matchesStatusPatterns(500, patterns)).toBe(true);
  });
});
