import { describe, expect, it } from 'vitest';
import type { JsonObject } from '../../src/core/json.js';
import { resolveRef } from '../../src/model/resolve-ref.js';

const document: JsonObject = {
  paths: { '/a~b': { get: { ok: true } } },
  list: [10, 20],
  components: {
    a: { $ref: '#/components/b' },
    b: { $ref: '#/components/c' },
    c: { value: 1 },
    loop1: { $ref: '#/components/loop2' },
    loop2: { $ref: '#/components/loop1' },
    braces: { $ref: '#/paths/~1a~0b' },
    encoded: { $ref: '#/paths/%7E1a~0b' },
  },
};

describe('resolve-ref', () => {
  it.each([
    ['#/components/a', { value: { value: 1 }, pointer: '/components/c' }],
    ['#/components/braces', { value: document.paths && { get: { ok: true } }, pointer: '/paths/~1a~0b' }],
    ['#/components/encoded', { value: { get: { ok: true } }, pointer: '/paths/~1a~0b' }],
    ['#/components/loop1', undefined],
    ['#/components/missing', undefined],
    ['other.yaml#/x', undefined],
    ['#components/a', undefined],
  ])('%s', (ref, expected) => {
    expect(resolveRef({ document, value: { $ref: ref }, pointer: '/here' })).toEqual(expected);
  });

  it('returns a non-reference value with its own pointer', () => {
    expect(resolveRef({ document, value: { x: 1 }, pointer: '/here' })).toEqual({
      value: { x: 1 },
      pointer: '/here',
    });
  });
});
