import { describe, expect, it } from 'vitest';
import { jsonErrorOffset } from '../../src/spec/json-error-offset.js';
import { parseSpecText } from '../../src/spec/parse-spec-text.js';
import { codeFrame, createPositionIndex } from '../../src/spec/positions.js';

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
});
