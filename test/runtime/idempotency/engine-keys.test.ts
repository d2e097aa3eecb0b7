import { describe, expect, it } from 'vitest';
import { createEngineHarness, makeRequest } from './engine-harness.js';

const withKey = (value: string, extra: Record<string, string> = {}) =>
  makeRequest({ headers: { 'Idempotency-Key': value, ...extra } });

describe('idempotency engine: keys and scopes', () => {
  it('answers 400 idempotency-key-missing when a required key is absent, without running the handler', async () => {
    const h = createEngineHarness();
    const result = await h.run({ request: makeRequest({ headers: {} }) });
    expect(result).toMatchObject({
      kind: 'problem',
      slug: 'idempotency-key-missing',
      status: 400,
      headers: {},
    });
    expect(result.kind === 'problem' && result.detail).toContain('Idempotency-Key');
    expect(h.handler).not.toHaveBeenCalled();
  });

  it('runs without deduplication when the key is optional and absent', async () => {
    const h = createEngineHarness({ contract: { required: false } });
    const request = makeRequest({ headers: {} });
    expect(await h.run({ request })).toMatchObject({ kind: 'executed' });
    expect(await h.run({ request })).toMatchObject({ kind: 'executed' });
    expect(h.handler).toHaveBeenCalledTimes(2);
  });

  it.each([
    ['x'.repeat(256), 'longer than 255'],
    ['has space', 'visible ASCII'],
    ['ключ', 'visible ASCII'],
    ['"unterminated', 'structured-field'],
    ['"a"b"', 'structured-field'],
    ['', 'visible ASCII'],
  ])('answers 400 idempotency-key-invalid for %j', async (value, reason) => {
    const h = createEngineHarness({ contract: { required: false } });
    const result = await h.run({ request: withKey(value) });
    expect(result).toMatchObject({ kind: 'problem', slug: 'idempotency-key-invalid', status: 400 });
    expect(result.kind === 'problem' && result.detail).toContain(reason);
    expect(h.handler).not.toHaveBeenCalled();
  });

  it('accepts 255 characters, and the quoted structured-field form as the same key as the bare form', async () => {
    const h = createEngineHarness();
    const long = `${'k'.repeat(254)}"`;
    expect((await h.run({ request: withKey(long) })).kind).toBe('executed');
    expect((await h.run({ request: withKey('"abc-123"') })).kind).toBe('executed');
    expect((await h.run({ request: withKey('abc-123') })).kind).toBe('replayed');
    expect((await h.run({ request: withKey('  "abc-123" ') })).kind).toBe('replayed');
    expect((await h.run({ request: withKey('"\\\\q\\""') })).kind).toBe('executed');
    expect((await h.run({ request: withKey('\\q"') })).kind).toBe('replayed');
  });

  it('reads the key from the body with a JSON pointer (upsert)', async () => {
    const h = createEngineHarness({ contract: { key: { in: 'body', pointer: '/order/id' } } });
    const body = (id: unknown, note: string) => makeRequest({ headers: {}, body: { order: { id }, note } });
    expect((await h.run({ request: body('o-1', 'a') })).kind).toBe('executed');
    expect((await h.run({ request: body('o-1', 'a') })).kind).toBe('replayed');
    expect(await h.run({ request: body('o-1', 'b') })).toMatchObject({ slug: 'idempotency-key-reused' });
    expect((await h.run({ request: body(42, 'a') })).kind).toBe('executed');
    expect(await h.run({ request: body({ nested: true }, 'a') })).toMatchObject({
      slug: 'idempotency-key-invalid',
    });
    expect(await h.run({ request: makeRequest({ headers: {}, body: {} }) })).toMatchObject({
      slug: 'idempotency-key-missing',
    });
  });

  it('reads the key from a path or a query parameter', async () => {
    const path = createEngineHarness({ contract: { key: { in: 'path', name: 'orderId' } } });
    const put = makeRequest({
      method: 'PUT',
      pathTemplate: '/orders/{orderId}',
      pathParams: { orderId: 'o-9' },
    });
    expect((await path.run({ request: put })).kind).toBe('executed');
    expect((await path.run({ request: put })).kind).toBe('replayed');
    const query = createEngineHarness({ contract: { key: { in: 'query', name: 'ref' } } });
    const request = makeRequest({ query: new URLSearchParams('ref=r-1') });
    expect((await query.run({ request })).kind).toBe('executed');
    expect((await query.run({ request })).kind).toBe('replayed');
    const twice = makeRequest({ query: new URLSearchParams('ref=r-1&ref=r-2') });
    expect(await query.run({ request: twice })).toMatchObject({ slug: 'idempotency-key-invalid' });
  });

  it('keeps the keys of different principals apart, and anonymous apart from any principal', async () => {
    const h = createEngineHarness();
    expect((await h.run({ principal: 'alice' })).kind).toBe('executed');
    expect((await h.run({ principal: 'bob' })).kind).toBe('executed');
    expect((await h.run({ principal: undefined })).kind).toBe('executed');
    expect((await h.run({ principal: 'anonymous' })).kind).toBe('executed');
    expect((await h.run({ principal: '' })).kind).toBe('executed');
    expect((await h.run({ principal: 'alice' })).kind).toBe('replayed');
    expect((await h.run({ principal: undefined })).kind).toBe('replayed');
    expect(h.handler).toHaveBeenCalledTimes(5);
  });

  it('scopes by operation and by a header (tenant) when the contract says so', async () => {
    const h = createEngineHarness({ contract: { scope: ['principal', 'operation', 'header:X-Tenant'] } });
    const at = (pathTemplate: string, tenant?: string) =>
      makeRequest({
        pathTemplate,
        headers: { 'idempotency-key': 'k', ...(tenant ? { 'x-tenant': tenant } : {}) },
      });
    expect((await h.run({ request: at('/orders', 't1') })).kind).toBe('executed');
    expect((await h.run({ request: at('/carts', 't1') })).kind).toBe('executed');
    expect((await h.run({ request: at('/orders', 't2') })).kind).toBe('executed');
    expect((await h.run({ request: at('/orders') })).kind).toBe('executed');
    expect((await h.run({ request: at('/orders', 't1') })).kind).toBe('replayed');
    const unscoped = createEngineHarness();
    await unscoped.run({ request: at('/orders') });
    expect(await unscoped.run({ request: at('/carts') })).toMatchObject({ slug: 'idempotency-key-reused' });
  });
});
