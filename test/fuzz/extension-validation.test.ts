/**
 * Property tests of extension validation (src/spec/validate-extensions.ts): arbitrary JSON values in
 * `x-idempotency`, `x-retry` and the compat aliases, at the root, on a path item and on an operation, never
 * crash `lint()`; every problem is a located diagnostic (file, pointer, line, column), and every
 * `extension-invalid` points into an extension that was placed.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { JsonValue } from '../../src/core/json.js';
import { isExtensionValueValid } from '../../src/load/validate-extensions.js';
import { fuzzParameters } from './fuzz-settings.js';
import { expectLocatedDiagnostics, lintText } from './lint-text.js';

const NAMES = ['x-idempotency', 'x-retry', 'x-speakeasy-retries', 'x-fern-idempotent'] as const;

const durationArb = fc.oneof(
  fc.constantFrom(
    '500ms',
    '30s',
    '5m',
    '24h',
    '7d',
    '0s',
    '1.5s',
    '',
    '5 minutes',
    '-1s',
    '99999999999999999999d',
  ),
  fc.integer({ min: -5, max: 100_000 }),
  fc.double(),
);
const fieldValueArb = fc.oneof(
  { weight: 3, arbitrary: durationArb },
  {
    weight: 2,
    arbitrary: fc.constantFrom('header', 'body', 'query', 'path', 'reject', 'wait', 'full', 'none'),
  },
  {
    weight: 2,
    arbitrary: fc.constantFrom(['method', 'body'], ['header:X-Tenant'], ['principal'], ['2XX', 404]),
  },
  { weight: 1, arbitrary: fc.constantFrom(['bogus'], [500, 'network'], ['header:bad name'], [1000]) },
  { weight: 2, arbitrary: fc.jsonValue({ maxDepth: 2 }) },
);
/** Objects with the fields the schemas know (and some they do not), holding plausible and wrong values. */
const annotationObjectArb = fc.dictionary(
  fc.constantFrom(
    'key',
    'required',
    'ttl',
    'inProgressTimeout',
    'fingerprint',
    'scope',
    'concurrent',
    'replay',
    'maxAttempts',
    'backoff',
    'maxElapsed',
    'attemptTimeout',
    'retryOn',
    'respectRetryAfter',
    'budget',
    'strategy',
    'statusCodes',
    'retryConnectionErrors',
    'unknown',
    '__proto__',
    'constructor',
  ),
  fc.oneof(
    fieldValueArb,
    fc.record(
      {
        in: fc.constantFrom('header', 'body', 'query', 'path', 'cookie'),
        name: fc.constantFrom('Idempotency-Key', '', 'bad name', 'id'),
        pointer: fc.constantFrom('/orderId', 'orderId', '', '/a~2b'),
        initial: durationArb,
        max: durationArb,
        multiplier: fc.oneof(fc.double(), fc.integer()),
        jitter: fc.constantFrom('none', 'full', 'equal', 'decorrelated', 'chaos'),
        maxTokens: fc.integer({ min: -1, max: 100 }),
        tokenRatio: fc.double(),
      },
      { requiredKeys: [] },
    ),
  ),
  { maxKeys: 6 },
);
const annotationArb: fc.Arbitrary<JsonValue> = fc.oneof(
  fc.boolean(),
  annotationObjectArb as fc.Arbitrary<JsonValue>,
  fc.jsonValue({ maxDepth: 3 }) as fc.Arbitrary<JsonValue>,
);

/** Up to one value per extension name at each of the three levels. */
const levelArb = fc.dictionary(fc.constantFrom(...NAMES), annotationArb, { maxKeys: 2 });

interface SpecShape {
  root: Record<string, unknown>;
  pathItem: Record<string, unknown>;
  operation: Record<string, unknown>;
  method: string;
  fernHeaders: unknown;
}

const specArb: fc.Arbitrary<SpecShape> = fc.record({
  root: levelArb,
  pathItem: levelArb,
  operation: levelArb,
  method: fc.constantFrom('post', 'put', 'get', 'patch'),
  fernHeaders: fc.option(fc.jsonValue({ maxDepth: 2 }), { nil: undefined }),
});

function specText(spec: SpecShape): string {
  const document = {
    openapi: '3.1.0',
    info: { title: 'fuzz', version: '1' },
    ...spec.root,
    ...(spec.fernHeaders === undefined ? {} : { 'x-fern-idempotency-headers': spec.fernHeaders }),
    paths: {
      '/orders/{id}': {
        ...spec.pathItem,
        parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'string' } }],
        [spec.method]: {
          operationId: 'op',
          ...spec.operation,
          ...(spec.method === 'get'
            ? {}
            : {
                requestBody: {
                  content: {
                    'application/json': {
                      schema: { type: 'object', properties: { orderId: { type: 'string' } } },
                    },
                  },
                },
              }),
          responses: { '200': { description: 'ok' } },
        },
      },
    },
  };
  return JSON.stringify(document, null, 2);
}

const EXTENSION_POINTERS =
  /^(\/paths\/~1orders~1\{id\}(\/(post|put|get|patch))?)?\/x-(idempotency|retry|speakeasy-retries|fern-idempotent|fern-idempotency-headers)(\/|$)/;

/** A spec whose POST operation alone carries the annotation `name: value`. */
const postSpecText = (name: string, value: unknown): string =>
  specText({ root: {}, pathItem: {}, operation: { [name]: value }, method: 'post', fernHeaders: undefined });

describe('extension validation (regressions found by fuzzing)', () => {
  // The schemas accepted these, and the model then read them as 8.64e27 ms, Infinity (written as `null`
  // into the route table) or 1e300 ms; now the parser refuses them, so validation must say why.
  it.each([
    { name: 'x-idempotency', value: { ttl: '99999999999999999999d' }, field: 'ttl' },
    {
      name: 'x-idempotency',
      value: { inProgressTimeout: `${'9'.repeat(400)}h` },
      field: 'inProgressTimeout',
    },
    { name: 'x-retry', value: { maxElapsed: 1e300 }, field: 'maxElapsed' },
    { name: 'x-retry', value: { backoff: { max: '9007199254740992ms' } }, field: 'backoff/max' },
    {
      name: 'x-speakeasy-retries',
      value: { backoff: { maxElapsedTime: 1e300 } },
      field: 'backoff/maxElapsedTime',
    },
  ])('$field out of range in $name is extension-invalid, located', async ({ name, value, field }) => {
    const { diagnostics } = await lintText(postSpecText(name, value));
    const pointer = `/paths/~1orders~1{id}/post/${name}/${field}`;
    const found = diagnostics.filter((d) => d.code === 'extension-invalid' && d.pointer === pointer);
    expect(found).toHaveLength(1);
    expect(found[0]?.message).toMatch(/at most 9007199254740991 ms/);
    expect(found[0]?.line).toBeGreaterThan(1);
  });
});

describe('extension validation (property)', () => {
  it('never crashes; every diagnostic is located; extension-invalid points into an extension', async () => {
    await fc.assert(
      fc.asyncProperty(specArb, async (spec) => {
        const text = specText(spec);
        const result = await lintText(text);
        expect(result.usable).toBe(true);
        expectLocatedDiagnostics({ diagnostics: result.diagnostics, text });
        for (const d of result.diagnostics) {
          expect(d.line).toBeGreaterThanOrEqual(1);
          if (d.code === 'extension-invalid') expect(d.pointer).toMatch(EXTENSION_POINTERS);
        }
      }),
      fuzzParameters(150),
    );
  });

  it('a value the schema accepts gives no extension-invalid at its pointer; one it refuses gives one', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom('x-idempotency' as const, 'x-retry' as const),
        annotationArb,
        async (name, value) => {
          const { diagnostics } = await lintText(postSpecText(name, value));
          const at = `/paths/~1orders~1{id}/post/${name}`;
          const invalid = diagnostics.filter(
            (d) =>
              d.code === 'extension-invalid' &&
              (d.pointer === at || d.pointer.startsWith(`${at}/`)) &&
              !d.message.includes('only allowed at the document root'), // budget: schema-valid, refused below the root
          );
          expect(invalid.length > 0, JSON.stringify(invalid)).toBe(!isExtensionValueValid(name, value));
        },
      ),
      fuzzParameters(200),
    );
  });
});
