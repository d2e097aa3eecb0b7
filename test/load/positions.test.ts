import { describe, expect, it } from 'vitest';
import { codeFrame } from '../../src/cli/report/code-frame.js';
import { jsonErrorOffset } from '../../src/load/json-error-offset.js';
import { parseSpecText } from '../../src/load/parse-spec-text.js';
import { createPositionIndex, positionStats } from '../../src/load/positions.js';

const YAML = `openapi: 3.1.0
paths:
  /orders/{id}:
    post:
      x-retry:
        retryOn: [500, network]
      responses:
        200:
          description: ok
tags:
  - name: a
  - &b
    name: b
alias: *b
`;

describe('createPositionIndex', () => {
  const index = createPositionIndex(YAML);
  it.each([
    ['', 1, 1],
    ['/openapi', 1, 1],
    ['/paths/~1orders~1{id}', 3, 3],
    ['/paths/~1orders~1{id}/post/x-retry', 5, 7],
    ['/paths/~1orders~1{id}/post/x-retry/retryOn/1', 6, 24],
    ['/paths/~1orders~1{id}/post/responses/200/description', 9, 11],
    ['/tags/1', 13, 5],
    ['/alias/name', 13, 5],
    ['/paths/~1orders~1{id}/post/x-retry/maxAttempts', 5, 7],
    ['/tags/7/name', 10, 1],
  ])('%s -> %i:%i', (pointer, line, column) => {
    expect(index.positionOf(pointer)).toEqual({ line, column });
  });

  it('reads JSON text too', () => {
    const json = '{\n  "a": {\n    "b": [1, {"c": true}]\n  }\n}';
    expect(createPositionIndex(json).positionOf('/a/b/1/c')).toEqual({ line: 3, column: 15 });
  });
});

describe('codeFrame', () => {
  it('prints numbered lines with a caret', () => {
    expect(codeFrame({ text: YAML, line: 5, column: 7, context: 1 })).toBe(
      [
        '  4 |     post:',
        '> 5 |       x-retry:',
        '    |       ^',
        '  6 |         retryOn: [500, network]',
      ].join('\n'),
    );
  });

  it('pads line numbers and clips at the ends', () => {
    const text = Array.from({ length: 10 }, (_, i) => `line${i + 1}`).join('\n');
    expect(codeFrame({ text, line: 10, column: 2 })).toBe(
      ['   8 | line8', '   9 | line9', '> 10 | line10', '     |  ^'].join('\n'),
    );
    expect(codeFrame({ text, line: 11 })).toBe('');
  });
});

describe('JSON syntax errors', () => {
  it.each([
    ['{"a":}', 5],
    ['{"a":1,}', 7],
    ['{"a": tru}', 6],
    ['{"a":"x', 7],
    ['{"a":1}}', 7],
    ['{"a":[1 2]}', 8],
    ['{"a":"\\q"}', 7],
    ['{"a":01}', 6],
  ])('%s fails at offset %i', (text, offset) => {
    expect(() => JSON.parse(text)).toThrow();
    expect(jsonErrorOffset(text)).toBe(offset);
  });

  it('reports line and column of the offending character', () => {
    const text = '{\n  "openapi": "3.1.0",\n  "paths": {\n    "/a": nope\n  }\n}';
    const result = parseSpecText({ text, file: 'x.json' });
    expect(result.diagnostics).toEqual([
      expect.objectContaining({ code: 'json-syntax', file: 'x.json', line: 4, column: 11, pointer: '' }),
    ]);
  });
});

describe('JSON positions agree with the YAML reading of the same text', () => {
  const json = JSON.stringify(
    {
      openapi: '3.1.0',
      'we/ird~key': { 'quote"d': [1, { deep: [true, null, 'x'] }], 'tab\tkey': 'v' },
      paths: { '/a/{id}': { get: { responses: { '200': { description: 'ok' } } } } },
      empty: {},
      list: [[], [[1]], 'x'],
    },
    null,
    2,
  );
  const pointers: string[] = [];
  const walk = (value: unknown, pointer: string) => {
    pointers.push(pointer);
    if (value === null || typeof value !== 'object') return;
    for (const [key, child] of Object.entries(value)) walk(child, `${pointer}/${escapeKey(key)}`);
  };
  const escapeKey = (key: string) => key.replaceAll('~', '~0').replaceAll('/', '~1');
  walk(JSON.parse(json), '');
  pointers.push('/paths/nope', '/list/9', '/openapi/deeper');

  it.each(pointers)('%s', (pointer) => {
    const viaJson = createPositionIndex(json).positionOf(pointer);
    const viaYaml = createPositionIndex(`# read as YAML\n${json}`).positionOf(pointer);
    expect({ ...viaYaml, line: viaYaml.line - 1 }).toEqual(viaJson);
  });

  it('gives the same positions when all pointers are located together', () => {
    const one = createPositionIndex(json);
    const expected = pointers.map((pointer) => one.positionOf(pointer));
    expect(createPositionIndex(json).positionsOf(pointers)).toEqual(expected);
    const yaml = createPositionIndex(`# read as YAML\n${json}`).positionsOf(pointers);
    expect(yaml.map((p) => ({ ...p, line: p.line - 1 }))).toEqual(expected);
  });
});

describe('positionsOf: many pointers in one pass', () => {
  it.each([
    ['the last of duplicate keys (JSON)', '{"a": {"b": 1}, "a": {"c": 2}}', ['/a/b', '/a/c', '/a', '/x']],
    [
      'escapes in keys and values',
      '{"q\\"k": {"s": "a\\\\", "t\\\\": ["}", {"u": 1}]}}',
      ['/q"k/t\\/1/u', '/q"k/s'],
    ],
    ['a scalar root', '  42 ', ['', '/a']],
    [
      'the same pointer twice and a prefix of another',
      '{\n "a": [0, {"b": [1]}]\n}',
      ['/a/1/b/0', '/a/1', '/a/1/b/0'],
    ],
    [
      'YAML mappings, first duplicate winning',
      'a:\n  b: 1\na:\n  c: 2\nlist:\n  - x\n  - y: 1\n',
      ['/a/b', '/a/c', '/list/1/y'],
    ],
  ])('%s: same as one at a time', (_, text, requested) => {
    const expected = requested.map((pointer) => createPositionIndex(text).positionOf(pointer));
    expect(createPositionIndex(text).positionsOf(requested)).toEqual(expected);
  });

  it('points duplicate JSON keys at the last one, and not into the first one', () => {
    const text = '{"a": {"b": 1},\n "a": {"c": 2}}';
    expect(createPositionIndex(text).positionsOf(['/a/b', '/a/c'])).toEqual([
      { line: 2, column: 2 },
      { line: 2, column: 8 },
    ]);
  });

  it('counts one parse per index, however many pointers and calls', () => {
    const before = positionStats.parses;
    const index = createPositionIndex('{"a": {"b": [1, 2]}}');
    index.positionsOf(['/a', '/a/b/1']);
    index.positionOf('/a/b');
    index.positionsOf(['/a/b/0', '/a']);
    expect(positionStats.parses).toBe(before + 1);
    expect(createPositionIndex('{}').positionsOf([])).toEqual([]);
    expect(positionStats.parses).toBe(before + 1);
  });
});
