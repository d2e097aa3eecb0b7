import { describe, expect, it } from 'vitest';
import type { IdempotencyKeySource, IdempotencyRequest } from '../../../src/runtime/idempotency/index.js';
import { extractIdempotencyKey } from '../../../src/runtime/idempotency/index.js';

const header: IdempotencyKeySource = { in: 'header', name: 'Idempotency-Key' };
const request = (patch: Partial<IdempotencyRequest>): IdempotencyRequest => ({
  method: 'POST',
  pathTemplate: '/x',
  ...patch,
});

describe('extractIdempotencyKey', () => {
  it.each([
    [{ 'idempotency-key': 'abc' }, { kind: 'present', key: 'abc' }],
    [{ 'IDEMPOTENCY-KEY': '"abc"' }, { kind: 'present', key: 'abc' }],
    [{ 'idempotency-key': '"a\\"b\\\\c"' }, { kind: 'present', key: 'a"b\\c' }],
    [{ 'idempotency-key': ['abc'] }, { kind: 'present', key: 'abc' }],
    [
      new Headers({ 'Idempotency-Key': ' 8e03978e-40d5-43e8-bc93-6894a57f9324 ' }),
      { kind: 'present', key: '8e03978e-40d5-43e8-bc93-6894a57f9324' },
    ],
    [{}, { kind: 'absent' }],
    [{ 'idempotency-key': undefined }, { kind: 'absent' }],
    [new Headers(), { kind: 'absent' }],
    [{ 'idempotency-key': ['a', 'b'] }, { kind: 'invalid' }],
    [
      new Headers([
        ['Idempotency-Key', 'a'],
        ['Idempotency-Key', 'b'],
      ]),
      { kind: 'invalid' },
    ],
    [{ 'idempotency-key': '"a\\nb"' }, { kind: 'invalid' }],
    [{ 'idempotency-key': '"tab\there"' }, { kind: 'invalid' }],
    [{ 'idempotency-key': '"é"' }, { kind: 'invalid' }],
    [{ 'idempotency-key': '""' }, { kind: 'invalid' }],
    [{ 'idempotency-key': `"${'a'.repeat(256)}"` }, { kind: 'invalid' }],
  ])('reads header %j', (headers, expected) => {
    expect(extractIdempotencyKey({ source: header, request: request({ headers }) })).toMatchObject(expected);
  });

  it.each([
    [
      { in: 'path', name: 'id' },
      request({ pathParams: { id: 'ключ 1' } }),
      { kind: 'present', key: 'ключ 1' },
    ],
    [{ in: 'path', name: 'id' }, request({ pathParams: { id: 7 } }), { kind: 'present', key: '7' }],
    [{ in: 'path', name: 'id' }, request({}), { kind: 'absent' }],
    [{ in: 'query', name: 'ref' }, request({ query: { ref: 'r' } }), { kind: 'present', key: 'r' }],
    [{ in: 'query', name: 'ref' }, request({ query: { ref: ['r', 's'] } }), { kind: 'invalid' }],
    [{ in: 'query', name: 'ref' }, request({ query: new URLSearchParams('ref=') }), { kind: 'invalid' }],
    [{ in: 'body', pointer: '/id' }, request({ body: { id: 12.5 } }), { kind: 'present', key: '12.5' }],
    [{ in: 'body', pointer: '/id' }, request({ body: { id: true } }), { kind: 'invalid' }],
    [{ in: 'body', pointer: '/id' }, request({ body: { id: null } }), { kind: 'invalid' }],
    [{ in: 'body', pointer: '/id' }, request({ body: { id: 'x'.repeat(256) } }), { kind: 'invalid' }],
    [{ in: 'body', pointer: '/id' }, request({ body: { id: '\ud800' } }), { kind: 'invalid' }],
    [{ in: 'body', pointer: '/id' }, request({}), { kind: 'absent' }],
  ] as const)('reads %j from the request', (source, req, expected) => {
    expect(extractIdempotencyKey({ source, request: req })).toMatchObject(expected);
  });
});
