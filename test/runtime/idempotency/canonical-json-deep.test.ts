import { describe, expect, it } from 'vitest';
import { valueToCanonicalJson } from '../../../src/runtime/idempotency/canonical-json.js';

describe('valueToCanonicalJson on deep values', () => {
  it('writes 100,000 nested arrays and objects without overflowing the stack', () => {
    const depth = 100_000;
    const arrays = JSON.parse(`${'['.repeat(depth)}${']'.repeat(depth)}`);
    expect(valueToCanonicalJson(arrays)).toBe(`${'['.repeat(depth)}${']'.repeat(depth)}`);
    let object: unknown = { z: 1, a: null };
    for (let level = 0; level < depth; level++) object = { b: object, a: level % 2 === 0 ? undefined : 1 };
    const text = valueToCanonicalJson(object);
    expect(text.startsWith('{"a":1,"b":{"b":{"a":1,"b":')).toBe(true);
    expect(text.endsWith(`{"a":null,"z":1}${'}'.repeat(depth)}`)).toBe(true);
  });

  it('applies toJSON at any depth and writes undefined array items as null', () => {
    expect(valueToCanonicalJson([{ d: new Date(0), f: () => 1 }, undefined, [Symbol('s')]])).toBe(
      '[{"d":"1970-01-01T00:00:00.000Z"},null,[null]]',
    );
    expect(valueToCanonicalJson({ toJSON: () => ({ y: 1, x: [1n] }) })).toBe('{"x":[1],"y":1}');
  });
});
