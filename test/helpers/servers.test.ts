import { describe, expect, it } from 'vitest';
import { lookupTestServer } from './servers.js';

describe('lookupTestServer', () => {
  const variable = 'IDEMGEN_TEST_REDIS_URL' as const;
  it.each([
    { env: { IDEMGEN_TEST_REDIS_URL: 'redis://127.0.0.1:1' }, url: 'redis://127.0.0.1:1', warned: false },
    { env: { IDEMGEN_TEST_REDIS_URL: 'redis://h:2', CI: 'true' }, url: 'redis://h:2', warned: false },
    { env: {}, url: undefined, warned: true },
    { env: { IDEMGEN_TEST_REDIS_URL: '  ', CI: 'false' }, url: undefined, warned: true },
  ])('finds $env', ({ env, url, warned }) => {
    const warnings: string[] = [];
    expect(lookupTestServer({ variable, env, warn: (m) => warnings.push(m) })).toBe(url);
    expect(warnings).toHaveLength(warned ? 1 : 0);
    if (warned) expect(warnings[0]).toContain(variable);
  });

  it('fails under CI when the variable is unset', () => {
    expect(() => lookupTestServer({ variable: 'IDEMGEN_TEST_PG_URL', env: { CI: 'true' } })).toThrow(
      'IDEMGEN_TEST_PG_URL is required under CI',
    );
  });
});
