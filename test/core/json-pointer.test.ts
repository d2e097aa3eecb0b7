import { describe, expect, it } from 'vitest';
import type { JsonObject } from '../../src/core/json.js';
import {
  appendPointer,
  escapeSegment,
  pointerToSegments,
  resolvePointer,
  segmentsToPointer,
  unescapeSegment,
} from '../../src/core/json-pointer.js';

const document: JsonObject = { paths: { '/a~b': { get: { ok: true } } }, list: [10, 20], '': 'empty key' };

describe('json-pointer', () => {
  it('escapes ~ before / so that ~1 in a name survives a round trip', () => {
    expect(escapeSegment('a/b~c')).toBe('a~1b~0c');
    expect(escapeSegment('~1')).toBe('~01');
    expect(unescapeSegment('~01')).toBe('~1');
    expect(escapeSegment(3)).toBe('3');
  });

  it('joins segments and splits them back', () => {
    const pointer = appendPointer('/paths', '/a~b', 'get');
    expect(pointer).toBe('/paths/~1a~0b/get');
    expect(pointerToSegments(pointer)).toEqual(['paths', '/a~b', 'get']);
    expect(segmentsToPointer([])).toBe('');
    expect(pointerToSegments('')).toEqual([]);
    expect(pointerToSegments('/')).toEqual(['']);
  });

  it('resolves object members and array indices', () => {
    expect(resolvePointer(document, '/paths/~1a~0b/get')).toEqual({ ok: true });
    expect(resolvePointer(document, '/list/1')).toBe(20);
    expect(resolvePointer(document, '/')).toBe('empty key');
    expect(resolvePointer(document, '')).toBe(document);
  });

  it.each([
    ['/list/01', 'an index with a leading zero'],
    ['/list/2', 'an index past the end'],
    ['/nope/x', 'a missing member'],
    ['/list/-', 'the "-" past-the-end token'],
    ['xlist/1', 'a pointer without the leading "/" (once read as /list/1)'],
    ['/toString', 'an inherited property'],
  ])('%s points at nothing (%s)', (pointer) => {
    expect(resolvePointer(document, pointer)).toBeUndefined();
  });
});
