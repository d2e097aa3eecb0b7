import { describe, expect, it } from 'vitest';
import { loadSpec } from '../../src/load/load.js';
import { locateDiagnostics } from '../../src/load/types.js';
import { isExtensionValueValid, validateExtensions } from '../../src/load/validate-extensions.js';
import { FIXTURES } from './fixtures-dir.js';

async function lintFixture(source: string) {
  const { spec, diagnostics } = await loadSpec({ source, cwd: FIXTURES });
  expect(diagnostics).toEqual([]);
  if (!spec) throw new Error(`${source} did not load`);
  return locateDiagnostics(spec, validateExtensions(spec));
}

const POST = '/paths/~1orders/post';

describe('validateExtensions on fixtures/ext-invalid', () => {
  const expected: [pointer: string, line: number, column: number, message: string][] = [
    ['/x-retry/maxAttempts', 6, 3, 'x-retry.maxAttempts must be an integer from 1 to 100'],
    ['/x-retry/budget', 7, 3, 'x-retry.budget is missing the field "tokenRatio"'],
    [
      '/x-idempotency',
      9,
      1,
      'x-idempotency must be true, false or an object with the fields key, required, ttl, inProgressTimeout, retryAfter, fingerprint, scope, concurrent, replay',
    ],
    ['/paths/~1orders/x-retry/budget', 13, 7, 'x-retry.budget is only allowed at the document root'],
    [`${POST}/x-idempotency/ttlx`, 16, 9, 'x-idempotency has unknown field "ttlx"'],
    [
      `${POST}/x-idempotency/ttl`,
      17,
      9,
      'x-idempotency.ttl must be a duration greater than zero: integer milliseconds or a string such as 500ms, 30s, 5m, 24h, 7d',
    ],
    [`${POST}/x-idempotency/key`, 18, 9, 'x-idempotency.key is missing the field "pointer"'],
    [
      `${POST}/x-idempotency/key/name`,
      20,
      11,
      'x-idempotency.key.name must be absent when in is body (a body key takes pointer)',
    ],
    [
      `${POST}/x-idempotency/fingerprint/1`,
      21,
      31,
      'x-idempotency.fingerprint[1] must be method, path, query, body or header:<Name>',
    ],
    [`${POST}/x-idempotency/concurrent`, 22, 9, 'x-idempotency.concurrent must be one of reject, wait'],
    [
      `${POST}/x-idempotency/replay/1`,
      23,
      23,
      'x-idempotency.replay[1] must be a status code from 100 to 599 or a range 1XX..5XX',
    ],
    [
      `${POST}/x-retry/backoff/jitter`,
      26,
      11,
      'x-retry.backoff.jitter must be one of none, full, equal, decorrelated',
    ],
    [`${POST}/x-retry/backoff/multiplier`, 27, 11, 'x-retry.backoff.multiplier must be a number >= 1'],
    [
      `${POST}/x-retry/retryOn/1`,
      28,
      24,
      'x-retry.retryOn[1] must be a status code from 100 to 599, a range 1XX..5XX, network or timeout',
    ],
    [
      `${POST}/x-retry/attemptTimeout`,
      29,
      9,
      'x-retry.attemptTimeout must be a duration greater than zero: integer milliseconds or a string such as 500ms, 30s, 5m, 24h, 7d',
    ],
    [`${POST}/x-retry/respectRetryAfter`, 30, 9, 'x-retry.respectRetryAfter must be true or false'],
    [
      '/paths/~1refunds/x-speakeasy-retries/backoff/exponent',
      38,
      9,
      'x-speakeasy-retries.backoff.exponent must be a number > 0',
    ],
    [
      '/paths/~1refunds/x-speakeasy-retries/statusCodes/1',
      39,
      26,
      'x-speakeasy-retries.statusCodes[1] must be a status code from 100 to 599 or a range 1XX..5XX',
    ],
    ['/paths/~1refunds/put/x-fern-idempotent', 41, 7, 'x-fern-idempotent must be true or false'],
    [
      '/paths/~1refunds/put/x-idempotency/key/name',
      45,
      11,
      "x-idempotency.key.name must be an HTTP header name (letters, digits and !#$%&'*+.^_`|~-)",
    ],
    ['/x-fern-idempotency-headers/0', 50, 5, 'x-fern-idempotency-headers[0] is missing the field "header"'],
  ];

  it('reports exactly these problems', async () => {
    const diagnostics = await lintFixture('ext-invalid/openapi.yaml');
    const actual = diagnostics
      .map((d) => [d.pointer, d.line, d.column, d.message] as const)
      .sort((a, b) => (a[1] ?? 0) - (b[1] ?? 0) || (a[2] ?? 0) - (b[2] ?? 0));
    expect(actual).toEqual(expected);
  });

  it.each(expected)('%s (%i:%i) is an extension-invalid error in the source file', async (pointer) => {
    const diagnostics = await lintFixture('ext-invalid/openapi.yaml');
    expect(diagnostics.find((d) => d.pointer === pointer)).toMatchObject({
      code: 'extension-invalid',
      severity: 'error',
      file: 'ext-invalid/openapi.yaml',
    });
  });

  it('suggests the nearest valid field for an unknown one', async () => {
    const diagnostics = await lintFixture('ext-invalid/openapi.yaml');
    const unknown = diagnostics.find((d) => d.pointer.endsWith('/ttlx'));
    expect(unknown?.hint).toBe(
      'Did you mean "ttl"? Valid fields: key, required, ttl, inProgressTimeout, retryAfter, fingerprint, scope, concurrent, replay.',
    );
  });
});

describe('validateExtensions on fixtures/ext-valid', () => {
  it('accepts every documented field and the compat aliases', async () => {
    expect(await lintFixture('ext-valid/openapi.yaml')).toEqual([]);
  });
});

describe('isExtensionValueValid', () => {
  it.each([
    ['x-idempotency', true, true],
    ['x-idempotency', false, true],
    ['x-idempotency', {}, true],
    ['x-idempotency', 'yes', false],
    ['x-idempotency', { ttl: 86_400_000 }, true],
    ['x-idempotency', { retryAfter: '1s' }, true],
    ['x-idempotency', { retryAfter: 250 }, true],
    ['x-idempotency', { retryAfter: '0s' }, false],
    ['x-idempotency', { retryAfter: 'soon' }, false],
    ['x-idempotency', { ttl: '24h', inProgressTimeout: '60s' }, true],
    ['x-idempotency', { ttl: 0 }, false],
    ['x-idempotency', { ttl: '10 s' }, false],
    ['x-idempotency', { ttl: '1.5h' }, false],
    ['x-idempotency', { key: { in: 'header', name: 'Idempotency-Key' } }, true],
    ['x-idempotency', { key: { in: 'query', name: 'request id' } }, true],
    ['x-idempotency', { key: { in: 'body', pointer: '/orderId' } }, true],
    ['x-idempotency', { key: { in: 'body', pointer: 'orderId' } }, false],
    ['x-idempotency', { key: { in: 'path', pointer: '/x' } }, false],
    ['x-idempotency', { key: { in: 'cookie', name: 'k' } }, false],
    ['x-idempotency', { key: { name: 'k' } }, false],
    ['x-idempotency', { scope: ['principal', 'header:X-Tenant'] }, true],
    ['x-idempotency', { scope: ['tenant'] }, false],
    ['x-idempotency', { replay: [200, '2XX', '404'] }, true],
    ['x-idempotency', { replay: [99] }, false],
    ['x-retry', true, true],
    ['x-retry', { maxAttempts: 1 }, true],
    ['x-retry', { maxAttempts: 100 }, true],
    ['x-retry', { maxAttempts: 0 }, false],
    ['x-retry', { maxAttempts: 101 }, false],
    ['x-retry', { maxAttempts: 2.5 }, false],
    ['x-retry', { backoff: { initial: 0, max: '20s', multiplier: 1, jitter: 'none' } }, true],
    ['x-retry', { backoff: { initial: -1 } }, false],
    ['x-retry', { maxElapsed: '0s' }, false],
    ['x-retry', { maxElapsed: 1 }, true],
    ['x-retry', { retryOn: [500, '5XX', 'network', 'timeout'] }, true],
    ['x-retry', { retryOn: [600] }, false],
    ['x-retry', { budget: { maxTokens: 10, tokenRatio: 0.1 } }, true],
    ['x-retry', { budget: { maxTokens: 0, tokenRatio: 0.1 } }, false],
    ['x-retry', { budget: { maxTokens: 10, tokenRatio: 0 } }, false],
    ['x-retry', { retries: 3 }, false],
  ] as const)('%s %j -> %s', (kind, value, valid) => {
    expect(isExtensionValueValid(kind, value)).toBe(valid);
  });
});
