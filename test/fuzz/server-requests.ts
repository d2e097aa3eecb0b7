/**
 * Fuzz helper: arbitrary HTTP requests for the server built from server-core.openapi.yaml, as `Request`s.
 * Methods (standard, lower-case, extension tokens), paths (the API's templates with odd parameter values,
 * percent-encoding, dot segments, prototype member names), query strings, headers (idempotency keys valid and
 * not, content types, correlation ids) and bodies (JSON, deep JSON, `__proto__` members, invalid UTF-8, huge
 * numbers, truncated text, bytes, a body over the size limit).
 */
import fc from 'fast-check';

const ODD_SEGMENTS = [
  '',
  '.',
  '..',
  '%2e%2e',
  '%2E',
  '%00',
  '%ZZ',
  '%',
  '%C3%A9',
  'café',
  'caf%C3%A9',
  'caf%c3%a9',
  '%2F',
  '%E0%A4%A',
  'constructor',
  '__proto__',
  'toString',
  'hasOwnProperty',
  '1e3',
  '-1',
  '9007199254740993',
  '0x10',
  ' 1',
  'NaN',
  'a'.repeat(300),
];

const segmentArb = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(...ODD_SEGMENTS) },
  { weight: 2, arbitrary: fc.string({ maxLength: 8 }).map(encodeURIComponent) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 6 }).map(encodeURIComponent) },
  { weight: 1, arbitrary: fc.nat().map(String) },
);

const pathArb = fc.oneof(
  fc.constant('/orders'),
  segmentArb.map((s) => `/orders/${s}`),
  fc.constant('/search'),
  segmentArb.map((s) => `/notes/${s}`),
  segmentArb.map((s) => `/items/${s}`),
  segmentArb.map((s) => `/caf%C3%A9/${s}`),
  segmentArb.map((s) => `/café/${s}`),
  fc.array(segmentArb, { minLength: 1, maxLength: 4 }).map((segments) => `/${segments.join('/')}`),
  fc.constantFrom('/', '//orders', '/orders/', '/orders/1/', '/./orders', '/search/../orders', '/ORDERS'),
);

const QUERY_NAMES = [
  'q',
  'limit',
  'tags',
  'expand',
  'constructor',
  'toString',
  '__proto__',
  'hasOwnProperty',
  'valueOf',
];
const QUERY_VALUES = [
  '',
  '1',
  '0',
  '-1',
  '1e400',
  '-0',
  'NaN',
  'Infinity',
  '9007199254740993',
  'true',
  'false',
  'x'.repeat(200),
];
const queryArb = fc
  .array(
    fc.tuple(
      fc.oneof(fc.constantFrom(...QUERY_NAMES), fc.string({ maxLength: 5 })),
      fc.oneof(
        fc.constantFrom(...QUERY_VALUES),
        fc.string({ maxLength: 8 }),
        fc.string({ unit: 'binary', maxLength: 4 }),
      ),
      fc.boolean(),
    ),
    { maxLength: 5 },
  )
  .map((pairs) =>
    pairs
      .map(([name, value, raw]) =>
        raw
          ? `${name}=${value}`.replace(/[#\s]/g, '')
          : `${encodeURIComponent(name)}=${encodeURIComponent(value)}`,
      )
      .join('&'),
  );

/** Header values a `Headers` accepts: no NUL, CR or LF; Latin-1 only. */
const headerValueArb = fc.string({
  unit: fc.oneof(
    { weight: 8, arbitrary: fc.integer({ min: 0x20, max: 0x7e }).map((c) => String.fromCharCode(c)) },
    { weight: 1, arbitrary: fc.constantFrom('\t', '\u00a0', '\u00e9', '\u00ff', '\x7f', '\x0b') },
  ),
  maxLength: 40,
});

const keyValueArb = fc.oneof(
  fc.uuid(),
  fc.string({
    unit: fc.integer({ min: 0x21, max: 0x7e }).map((c) => String.fromCharCode(c)),
    minLength: 1,
    maxLength: 300,
  }),
  fc.constantFrom('"abc"', '"a\\"b"', '"', '""', 'k-1', 'k-2', ' k-1 ', '"unbalanced'),
  headerValueArb,
);

const CONTENT_TYPES = [
  'application/json',
  'application/json; charset=utf-8',
  'application/json;charset=latin1',
  'APPLICATION/JSON',
  'application/problem+json',
  'application/merge-patch+json',
  'text/plain',
  'text/plain; charset=utf-8',
  'text/html',
  'application/x-www-form-urlencoded',
  'multipart/form-data; boundary=x',
  'application/octet-stream',
  '',
  ';',
  'json',
];

const headersArb = fc.record(
  {
    'content-type': fc.oneof(fc.constantFrom(...CONTENT_TYPES), headerValueArb),
    'idempotency-key': keyValueArb,
    'x-tenant': fc.oneof(fc.constantFrom('acme', 'a-b-1', 'UPPER', ''), headerValueArb),
    'x-request-id': fc.oneof(fc.uuid(), headerValueArb),
    traceparent: fc.oneof(
      fc.constant('00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01'),
      headerValueArb,
    ),
    'x-user': fc.constantFrom('alice', 'bob', ''),
    accept: fc.constantFrom('application/json', '*/*', 'text/html'),
    'content-encoding': fc.constantFrom('gzip', 'identity', 'br'),
  },
  { requiredKeys: [] },
);

const orderArb = fc.record(
  {
    sku: fc.oneof(fc.string({ maxLength: 25 }), fc.integer()),
    qty: fc.oneof(fc.integer({ min: -2, max: 5 }), fc.double(), fc.constant('1')),
    meta: fc.jsonValue({ maxDepth: 2 }),
    ref: fc.string({ maxLength: 10 }),
    changes: fc.array(fc.jsonValue({ maxDepth: 1 }), { maxLength: 3 }),
  },
  { requiredKeys: [] },
);

const deepJsonArb = fc
  .tuple(fc.integer({ min: 50, max: 100_000 }), fc.constantFrom('[', '{"a":', '{"sku":"x","qty":1,"meta":'))
  .map(([depth, open]) => {
    const close = open === '[' ? ']' : '}';
    return open.repeat(depth) + (open === '[' ? '' : '1') + close.repeat(depth);
  });

const PROTO_BODIES = [
  '{"__proto__":{"polluted":true},"sku":"a","qty":1}',
  '{"sku":"a","qty":1,"meta":{"__proto__":{"isAdmin":true}}}',
  '{"constructor":{"prototype":{"polluted":true}},"sku":"a","qty":1}',
  '{"ref":"r1","changes":[{"__proto__":null}]}',
  '{"__proto__":[],"ref":"r"}',
];

const HUGE_NUMBER_BODIES = [
  '{"sku":"a","qty":1e400}',
  '{"sku":"a","qty":123456789012345678901234567890}',
  '{"sku":"a","qty":-0}',
  '{"sku":"a","qty":1,"meta":{"n":1e-400}}',
  '[1e999999999]',
];

/** `undefined` mostly; a value one time in ten. */
const rareArb = <T>(arb: fc.Arbitrary<T>) =>
  fc.oneof({ weight: 9, arbitrary: fc.constant(undefined) }, { weight: 1, arbitrary: arb });

export type FuzzBody = string | Uint8Array | undefined;

const bodyArb: fc.Arbitrary<FuzzBody> = fc.oneof(
  { weight: 2, arbitrary: fc.constant(undefined) },
  { weight: 4, arbitrary: orderArb.map((o) => JSON.stringify(o)) },
  { weight: 2, arbitrary: fc.jsonValue({ maxDepth: 3 }).map((v) => JSON.stringify(v)) },
  { weight: 1, arbitrary: deepJsonArb },
  { weight: 2, arbitrary: fc.constantFrom(...PROTO_BODIES) },
  { weight: 1, arbitrary: fc.constantFrom(...HUGE_NUMBER_BODIES) },
  { weight: 1, arbitrary: orderArb.chain((o) => fc.nat().map((n) => JSON.stringify(o).slice(0, n % 40))) },
  { weight: 1, arbitrary: fc.uint8Array({ maxLength: 64 }) },
  {
    weight: 1,
    arbitrary: fc.constantFrom(
      new Uint8Array([0x7b, 0x22, 0x73, 0x6b, 0x75, 0x22, 0x3a, 0x22, 0xff, 0xfe, 0x22, 0x7d]),
      new Uint8Array([0xef, 0xbb, 0xbf, 0x7b, 0x7d]),
      new Uint8Array([0xc3, 0x28]),
      new Uint8Array([0xed, 0xa0, 0x80]),
    ),
  },
  { weight: 1, arbitrary: fc.constant(`{"sku":"${'x'.repeat(1_200_000)}","qty":1}`) },
);

export interface FuzzRequest {
  method: string;
  path: string;
  query: string;
  headers: Record<string, string>;
  duplicateKey: string | undefined;
  body: FuzzBody;
}

const randomRequestArb: fc.Arbitrary<FuzzRequest> = fc.record({
  method: fc.constantFrom(
    'GET',
    'POST',
    'PUT',
    'PATCH',
    'DELETE',
    'HEAD',
    'OPTIONS',
    'get',
    'post',
    'patch',
    'FOO',
    'PROPFIND',
  ),
  path: pathArb,
  query: queryArb,
  headers: headersArb,
  duplicateKey: rareArb(keyValueArb),
  body: bodyArb,
});

/** Mostly what an operation expects (keys from a small pool, so that replays and conflicts happen too). */
const plausibleOrderArb = fc.oneof(
  fc
    .record({
      sku: fc.string({ minLength: 1, maxLength: 8 }),
      qty: fc.integer({ min: 1, max: 3 }),
      ref: fc.constantFrom('r-1', 'r-2', 'r-3'),
    })
    .map((o) => JSON.stringify(o)),
  bodyArb,
);
const poolKeyArb = fc.oneof(fc.constantFrom('k-1', 'k-2', '"k-1"', 'k-3'), keyValueArb);
const json = { 'content-type': 'application/json' };

const targetedRequestArb: fc.Arbitrary<FuzzRequest> = fc
  .record({
    op: fc.constantFrom('createOrder', 'getOrder', 'searchOrders', 'putNote', 'patchItem', 'getCafe'),
    segment: fc.oneof(fc.nat().map(String), segmentArb),
    query: queryArb,
    extraHeaders: fc.oneof({ weight: 3, arbitrary: fc.constant({}) }, { weight: 1, arbitrary: headersArb }),
    key: poolKeyArb,
    body: plausibleOrderArb,
    text: fc.oneof(fc.string({ maxLength: 20 }), bodyArb),
    tenant: fc.oneof(fc.constantFrom('acme', 'a-1'), headerValueArb),
    duplicateKey: rareArb(keyValueArb),
  })
  .map(({ op, segment, query, extraHeaders, key, body, text, tenant, duplicateKey }): FuzzRequest => {
    const base = { query, duplicateKey, body: undefined as FuzzBody };
    switch (op) {
      case 'createOrder':
        return {
          ...base,
          method: 'POST',
          path: '/orders',
          headers: { ...json, 'idempotency-key': key, ...extraHeaders },
          body,
        };
      case 'getOrder':
        return { ...base, method: 'GET', path: `/orders/${segment}`, headers: extraHeaders };
      case 'searchOrders':
        return {
          ...base,
          method: 'GET',
          path: '/search',
          query: `q=a&${query}`,
          headers: { 'x-tenant': tenant, ...extraHeaders },
        };
      case 'putNote':
        return {
          ...base,
          method: 'PUT',
          path: `/notes/${segment}`,
          headers: { 'content-type': 'text/plain', 'x-tenant': tenant, ...extraHeaders },
          body: text,
        };
      case 'patchItem':
        return {
          ...base,
          method: 'PATCH',
          path: `/items/${segment}`,
          headers: { ...json, ...extraHeaders },
          body,
        };
      default:
        return { ...base, method: 'GET', path: `/caf%C3%A9/${segment}`, headers: extraHeaders };
    }
  });

export const requestArb: fc.Arbitrary<FuzzRequest> = fc.oneof(
  { weight: 3, arbitrary: targetedRequestArb },
  { weight: 2, arbitrary: randomRequestArb },
);

/** The `Request`, or `undefined` when the Fetch API itself refuses it (then no server would see it). */
export function toWebRequest(r: FuzzRequest): Request | undefined {
  try {
    const headers = new Headers(r.headers);
    if (r.duplicateKey !== undefined) headers.append('idempotency-key', r.duplicateKey);
    const bodyAllowed = !['GET', 'HEAD'].includes(r.method.toUpperCase());
    return new Request(`http://api.test${r.path}${r.query ? `?${r.query}` : ''}`, {
      method: r.method,
      headers,
      ...(bodyAllowed && r.body !== undefined ? { body: r.body as BodyInit } : {}),
    });
  } catch {
    return undefined;
  }
}
