/**
 * Property tests of fingerprint canonicalization (src/runtime/idempotency/canonical-json.ts, fingerprint.ts,
 * digest.ts): equal JSON values (the same value, its members in another order, its text with other white
 * space) give equal fingerprints; a change in any fingerprinted part (method, path template or parameters,
 * query, body, a fingerprinted header) changes it; a change in a part that is not fingerprinted does not.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { valueToCanonicalJson } from '../../src/runtime/idempotency/canonical-json.js';
import { requestToFingerprint } from '../../src/runtime/idempotency/fingerprint.js';
import type { IdempotencyRequest } from '../../src/runtime/idempotency/types.js';
import { fuzzParameters } from './fuzz-settings.js';

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/** JSON values, with awkward member names (`__proto__`, `constructor`, digits, empty, non-BMP). */
const keyArb = fc.oneof(
  fc.string({ maxLength: 6 }),
  fc.constantFrom('__proto__', 'constructor', 'toString', '0', '10', '2', '', 'é', '\u{1f600}', 'a\u0000b'),
);
const jsonArb: fc.Arbitrary<Json> = fc.letrec<{ json: Json }>((tie) => ({
  json: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    fc.constant(null),
    fc.boolean(),
    fc.double({ noNaN: true, noDefaultInfinity: true }).map((n) => (Object.is(n, -0) ? 0 : n)),
    fc.integer(),
    fc.string({ unit: 'grapheme', maxLength: 8 }),
    fc.array(tie('json'), { maxLength: 4 }),
    fc.uniqueArray(fc.tuple(keyArb, tie('json')), { maxLength: 4, selector: ([k]) => k }).map(toObject),
  ),
})).json;

/** An object with own data members only, `__proto__` included (as `JSON.parse` makes it). */
function toObject(entries: [string, Json][]): { [key: string]: Json } {
  const out: { [key: string]: Json } = {};
  for (const [k, v] of entries)
    Object.defineProperty(out, k, { value: v, enumerable: true, writable: true, configurable: true });
  return out;
}

/** The same value with every object's members in another order (a seeded shuffle). */
function permute(value: Json, seed: number): Json {
  let state = seed >>> 0;
  const next = () => {
    state = (Math.imul(state, 1_664_525) + 1_013_904_223) >>> 0;
    return state / 2 ** 32;
  };
  const walk = (v: Json): Json => {
    if (Array.isArray(v)) return v.map(walk);
    if (v === null || typeof v !== 'object') return v;
    const entries = Object.keys(v).map((k): [string, Json] => [k, walk(v[k] as Json)]);
    for (let i = entries.length - 1; i > 0; i--) {
      const j = Math.floor(next() * (i + 1));
      [entries[i], entries[j]] = [entries[j]!, entries[i]!];
    }
    return toObject(entries);
  };
  return walk(value);
}

/** The reference canonical form: members sorted by UTF-16 code units, no white space. */
function referenceCanonical(value: Json): string {
  if (Array.isArray(value)) return `[${value.map(referenceCanonical).join(',')}]`;
  if (value === null || typeof value !== 'object') return JSON.stringify(value);
  const names = Object.keys(value).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${names.map((n) => `${JSON.stringify(n)}:${referenceCanonical(value[n] as Json)}`).join(',')}}`;
}

const requestArb = fc.record({
  method: fc.constantFrom('post', 'POST', 'put', 'patch', 'Delete'),
  pathTemplate: fc.constantFrom('/orders', '/orders/{id}', '/shops/{shop}/orders/{id}'),
  pathParams: fc.dictionary(
    fc.constantFrom('id', 'shop', 'x'),
    fc.oneof(fc.string({ maxLength: 5 }), fc.integer()),
  ),
  query: fc.dictionary(
    fc.string({ maxLength: 4 }),
    fc.oneof(
      fc.string({ maxLength: 4 }),
      fc.array(fc.string({ maxLength: 3 }), { minLength: 1, maxLength: 3 }),
    ),
  ),
  headers: fc.record(
    { 'x-tenant': fc.string({ maxLength: 5 }), 'x-other': fc.string({ maxLength: 5 }) },
    { requiredKeys: [] },
  ),
  body: fc.option(jsonArb, { nil: undefined }),
});

const ALL_PARTS = ['method', 'path', 'query', 'body', 'header:X-Tenant'];
const fingerprint = (request: IdempotencyRequest, parts: readonly string[] = ALL_PARTS) =>
  requestToFingerprint({ parts, request });

describe('canonical JSON (property)', () => {
  it('is the reference canonical form, reads back as the same value, and ignores member order', () => {
    fc.assert(
      fc.property(jsonArb, fc.integer(), (value, seed) => {
        const canonical = valueToCanonicalJson(value);
        expect(canonical).toBe(referenceCanonical(value));
        expect(valueToCanonicalJson(permute(value, seed))).toBe(canonical);
        expect(valueToCanonicalJson(JSON.parse(JSON.stringify(value, null, 2)))).toBe(canonical);
        expect(JSON.parse(canonical)).toEqual(JSON.parse(JSON.stringify(value)));
      }),
      fuzzParameters(1_000),
    );
  });
});

describe('canonical JSON of deep values (property)', () => {
  // Past some depth the writer leaves recursion for an explicit stack: both must write the same text.
  const deepArb = fc
    .tuple(
      fc.array(fc.oneof(fc.constant<'array' | string>('array'), keyArb), { minLength: 150, maxLength: 700 }),
      jsonArb,
      jsonArb,
    )
    .map(([wrappers, leaf, sibling]) =>
      wrappers.reduce<Json>(
        (inner, wrapper) =>
          wrapper === 'array'
            ? [inner, sibling]
            : toObject([
                [wrapper, inner],
                ['~', sibling],
              ]),
        leaf,
      ),
    );
  it('is the reference canonical form at any depth, and ignores member order', () => {
    fc.assert(
      fc.property(deepArb, fc.integer(), (value, seed) => {
        const canonical = valueToCanonicalJson(value);
        expect(canonical).toBe(referenceCanonical(value));
        expect(valueToCanonicalJson(permute(value, seed))).toBe(canonical);
      }),
      fuzzParameters(100),
    );
  });
});

describe('request fingerprint (property)', () => {
  it('equal JSON bodies give equal fingerprints: member order, white space in the text, method case', async () => {
    await fc.assert(
      fc.asyncProperty(requestArb, fc.integer(), fc.nat({ max: 4 }), async (request, seed, indent) => {
        const same: IdempotencyRequest = {
          ...request,
          method:
            request.method.toLowerCase() === request.method
              ? request.method.toUpperCase()
              : request.method.toLowerCase(),
          pathParams: Object.fromEntries(Object.entries(request.pathParams).reverse()),
          query: Object.fromEntries(Object.entries(request.query).reverse()),
          headers: Object.fromEntries(Object.entries(request.headers).map(([k, v]) => [k.toUpperCase(), v])),
          body:
            request.body === undefined
              ? undefined
              : JSON.parse(JSON.stringify(permute(request.body, seed), null, indent)),
        };
        expect(await fingerprint(same)).toBe(await fingerprint(request));
      }),
      fuzzParameters(500),
    );
  });

  it('different bodies give different fingerprints, exactly when their canonical forms differ', async () => {
    await fc.assert(
      fc.asyncProperty(requestArb, jsonArb, jsonArb, async (request, a, b) => {
        const fa = await fingerprint({ ...request, body: a });
        const fb = await fingerprint({ ...request, body: b });
        expect(fa === fb).toBe(referenceCanonical(a) === referenceCanonical(b));
        expect(await fingerprint({ ...request, body: a }, ['method', 'path'])).toBe(
          await fingerprint({ ...request, body: b }, ['method', 'path']),
        );
      }),
      fuzzParameters(500),
    );
  });

  it('a change in a fingerprinted part changes it; in a part left out, it does not', async () => {
    const changeArb = fc.oneof(
      fc.record({ part: fc.constant('method'), value: fc.constantFrom('GET', 'HEAD', 'OPTIONS', 'TRACE') }),
      fc.record({ part: fc.constant('path'), value: fc.constantFrom('/other', '/orders/{id}/items') }),
      fc.record({ part: fc.constant('path-param'), value: fc.string({ minLength: 1, maxLength: 4 }) }),
      fc.record({ part: fc.constant('query'), value: fc.string({ maxLength: 4 }) }),
      fc.record({ part: fc.constant('header:X-Tenant'), value: fc.string({ maxLength: 4 }) }),
      fc.record({ part: fc.constant('body'), value: fc.string({ maxLength: 4 }) }),
    );
    await fc.assert(
      fc.asyncProperty(requestArb, changeArb, async (request, { part, value }) => {
        let changed: IdempotencyRequest;
        let touched: string;
        switch (part) {
          case 'method':
            changed = { ...request, method: value };
            touched = 'method';
            break;
          case 'path':
            changed = { ...request, pathTemplate: value };
            touched = 'path';
            break;
          case 'path-param':
            changed = { ...request, pathParams: { ...request.pathParams, zz: value } };
            touched = 'path';
            break;
          case 'query':
            changed = { ...request, query: { ...request.query, '\u{1f511}': value } };
            touched = 'query';
            break;
          case 'header:X-Tenant':
            changed = {
              ...request,
              headers: { ...request.headers, 'x-tenant': `${request.headers['x-tenant'] ?? ''}!${value}` },
            };
            touched = 'header:X-Tenant';
            break;
          default:
            changed = { ...request, body: { wrapped: request.body ?? null, value } };
            touched = 'body';
        }
        expect(await fingerprint(changed)).not.toBe(await fingerprint(request));
        const others = ALL_PARTS.filter((p) => p !== touched);
        expect(await fingerprint(changed, others)).toBe(await fingerprint(request, others));
        // A header that is not fingerprinted never counts.
        const noise = { ...request, headers: { ...request.headers, 'x-other': `${value}?` } };
        expect(await fingerprint(noise)).toBe(await fingerprint(request));
      }),
      fuzzParameters(500),
    );
  });
});
