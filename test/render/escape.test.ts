import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import {
  toCommentLines,
  toLineComment,
  toLiteral,
  toPropertyKey,
  toSafeIdentifier,
  toStringLiteral,
  toTemplateLiteralText,
} from '../../src/render/escape.js';

/** Parse a snippet and return its syntax errors and top-level statement kinds. */
function parse(source: string): { errors: number; statements: string[] } {
  const output = ts.transpileModule(source, { reportDiagnostics: true, fileName: 'x.ts' });
  const file = ts.createSourceFile('x.ts', source, ts.ScriptTarget.ES2022, true);
  return {
    errors: output.diagnostics?.length ?? 0,
    statements: file.statements.map((s) => (ts.isVariableStatement(s) ? 'VariableStatement' : 'Other')),
  };
}

const HOSTILE = [
  'plain',
  `a"b'c`,
  'line\nbreak\r\nand\u2028sep\u2029',
  '*/ process.exit(1) /*',
  // biome-ignore lint/suspicious/noTemplateCurlyInString: a hostile string on purpose
  '`${process.exit(1)}`',
  '\\"; process.exit(1); //',
  '</script><script>alert(1)</script>',
  '\u0000\u001f\u007f',
];

describe('toStringLiteral', () => {
  it.each(HOSTILE)('round-trips %j as one string expression', (value) => {
    const source = `const x = ${toStringLiteral(value)};`;
    expect(parse(source)).toEqual({ errors: 0, statements: ['VariableStatement'] });
    expect(new Function(`return ${toStringLiteral(value)}`)()).toBe(value);
  });
});

describe('toLiteral', () => {
  it('serializes nested values that evaluate back to themselves', () => {
    const value = { a: HOSTILE, b: { c: 1, d: [true, null] } };
    expect(new Function(`return ${toLiteral(value)}`)()).toEqual(value);
  });
});

describe('toCommentLines', () => {
  it.each(HOSTILE)('keeps %j inside the comment', (value) => {
    const source = `/**\n${toCommentLines(value)
      .map((l) => ` * ${l}`)
      .join('\n')}\n */\nconst y = 1;`;
    expect(parse(source)).toEqual({ errors: 0, statements: ['VariableStatement'] });
  });

  it('splits on new lines', () => {
    expect(toCommentLines('one\ntwo\r\nthree')).toEqual(['one', 'two', 'three']);
  });
});

describe('toLineComment', () => {
  it.each(HOSTILE)('keeps %j on one comment line', (value) => {
    expect(parse(`// ${toLineComment(value)}\nconst y = 1;`)).toEqual({
      errors: 0,
      statements: ['VariableStatement'],
    });
  });
});

describe('toTemplateLiteralText', () => {
  it.each(HOSTILE)('keeps %j as text in a template literal', (value) => {
    const source = `\`${toTemplateLiteralText(value)}\``;
    expect(new Function(`return ${source}`)()).toBe(value);
  });
});

describe('identifiers and keys', () => {
  it.each([
    ['createOrder', 'createOrder'],
    ['create-order', 'createOrder'],
    ['get /orders/{id}', 'getOrdersId'],
    ['1st', '_1st'],
    ['delete', 'delete_'],
    ['"; process.exit(1); //', 'processExit1'],
    ['', '_'],
  ])('toSafeIdentifier(%j) = %s', (input, expected) => {
    expect(toSafeIdentifier(input)).toBe(expected);
  });

  it.each([
    ['id', 'id'],
    ['content-type', '"content-type"'],
    ['default', '"default"'],
    ['a"b', '"a\\"b"'],
  ])('toPropertyKey(%j) = %s', (input, expected) => {
    expect(toPropertyKey(input)).toBe(expected);
  });
});
