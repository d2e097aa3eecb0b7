import { describe, expect, it } from 'vitest';
import { joinDigestItems } from '../../../src/runtime/idempotency/digest.js';
import type { IdempotencyRequest } from '../../../src/runtime/idempotency/index.js';
import { requestToFingerprint, requestToStoreKey } from '../../../src/runtime/idempotency/index.js';

const base: IdempotencyRequest = {
  method: 'post',
  pathTemplate: '/shops/{shop}/orders',
  pathParams: { shop: 's1' },
  query: { b: '2', a: ['1', '3'] },
  headers: { 'x-currency': 'EUR' },
  body: { item: 'book', qty: 1 },
};
const all = ['method', 'path', 'query', 'body', 'header:X-Currency'];
const fingerprint = (request: IdempotencyRequest, parts = all) => requestToFingerprint({ parts, request });

describe('requestToFingerprint', () => {
  it('is a SHA-256 hex digest that ignores query order, header case and body member order', async () => {
    const same: IdempotencyRequest = {
      ...base,
      method: 'POST',
      query: new URLSearchParams('a=1&b=2&a=3'),
      headers: new Headers({ 'X-Currency': 'EUR' }),
      body: { qty: 1, item: 'book' },
    };
    const digest = await fingerprint(base);
    expect(digest).toMatch(/^[0-9a-f]{64}$/);
    expect(await fingerprint(same)).toBe(digest);
  });

  it.each<[string, Partial<IdempotencyRequest>]>([
    ['method', { method: 'PATCH' }],
    ['path template', { pathTemplate: '/shops/{shop}/carts' }],
    ['path param', { pathParams: { shop: 's2' } }],
    ['query value order', { query: { b: '2', a: ['3', '1'] } }],
    ['query value', { query: { b: '2', a: ['1'] } }],
    ['body', { body: { item: 'book', qty: 2 } }],
    ['named header', { headers: { 'x-currency': 'USD' } }],
    ['named header absent vs empty', { headers: { 'x-currency': '' } }],
    ['raw body instead of JSON', { body: undefined, rawBody: '{"item":"book","qty":1}' }],
  ])('changes with the %s', async (_, patch) => {
    expect(await fingerprint({ ...base, ...patch })).not.toBe(await fingerprint(base));
  });

  it('hashes only the parts the contract names', async () => {
    const other = { ...base, body: { item: 'pen' }, query: {} };
    expect(await fingerprint(other, ['method', 'path'])).toBe(await fingerprint(base, ['method', 'path']));
    expect(await fingerprint(base, ['method'])).not.toBe(await fingerprint(base, ['path']));
    expect(await fingerprint({ ...base, headers: {} })).not.toBe(
      await fingerprint({ ...base, headers: { 'x-currency': '' } }),
    );
  });
});

describe('requestToStoreKey', () => {
  const key = (principal: string | undefined, k = 'k', scope = ['principal']) =>
    requestToStoreKey({ scope, key: k, principal, request: base });

  it('keeps scopes and keys apart unambiguously', async () => {
    const keys = await Promise.all([
      key(undefined),
      key('anonymous'),
      key(''),
      key('a'),
      key('a', 'k', ['principal', 'operation']),
      key('a', 'k', ['header:X-Currency']),
      key('ab', 'c'),
      key('a', 'bc'),
    ]);
    expect(new Set(keys).size).toBe(keys.length);
    expect(await key('a')).toBe(await key('a'));
  });

  it('joins items with length prefixes and an absent marker', () => {
    expect(joinDigestItems(['ab', undefined, ''])).toBe('3#2:ab~0:');
    expect(joinDigestItems(['a:b'])).not.toBe(joinDigestItems(['a', 'b']));
  });
});
