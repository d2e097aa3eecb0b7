import { describe, expect, it } from 'vitest';
import { valueToCanonicalJson } from '../../../src/runtime/idempotency/canonical-json.js';
import { resolveJsonPointer } from '../../../src/runtime/idempotency/json-pointer.js';

describe('valueToCanonicalJson', () => {
  it.each([
    [{ b: 1, a: 2 }, '{"a":2,"b":1}'],
    [{ a: { d: [3, { z: 1, y: 2 }], c: null } }, '{"a":{"c":null,"d":[3,{"y":2,"z":1}]}}'],
    [{ '\u00e9': 1, e: 2, '\ud83d\ude00': 3, '\uff01': 4 }, '{"e":2,"é":1,"😀":3,"！":4}'],
    [[1.0, 1e21, 0.1, -0, 1e-7], '[1,1e+21,0.1,0,1e-7]'],
    [{ s: 'line\n"q"\u2028' }, '{"s":"line\\n\\"q\\"\u2028"}'],
    [{ a: undefined, b: [undefined, Number.NaN] }, '{"b":[null,null]}'],
    [new Date(0), '"1970-01-01T00:00:00.000Z"'],
    [undefined, 'null'],
    ['x', '"x"'],
    [true, 'true'],
  ])('writes %j as %s', (value, expected) => {
    expect(valueToCanonicalJson(value)).toBe(expected);
  });

  it('is independent of member order and white space in the source text', () => {
    const a = JSON.parse('{"x": [1, 2], "y": {"b": true, "a": "s"}}');
    const b = JSON.parse('{\n  "y" : { "a":"s","b":true },\n  "x":[1,2.0]\n}');
    expect(valueToCanonicalJson(a)).toBe(valueToCanonicalJson(b));
  });
});

describe('resolveJsonPointer (RFC 6901)', () => {
  const doc = JSON.parse('{"foo":["bar","baz"],"":0,"a/b":1,"m~n":8,"k":{"id":"x"},"n":null}');
  it.each([
    ['', doc],
    ['/foo', ['bar', 'baz']],
    ['/foo/0', 'bar'],
    ['/foo/1', 'baz'],
    ['/', 0],
    ['/a~1b', 1],
    ['/m~0n', 8],
    ['/k/id', 'x'],
    ['/n', null],
    ['/foo/2', undefined],
    ['/foo/01', undefined],
    ['/foo/-', undefined],
    ['/k/id/deeper', undefined],
    ['/missing', undefined],
    ['/__proto__', undefined],
    ['/k/constructor', undefined],
    ['foo', undefined],
  ])('resolves %j', (pointer, expected) => {
    expect(resolveJsonPointer(doc, pointer)).toEqual(expected);
  });
});
